// A class call's learning records, for the company's record store: each trainee's run as the
// host re-simulated it (the checked result, not the trainee's own claim), with the check as an
// extension, under one registration for the whole class session. A learner is their learner id
// when they gave one on joining; in anonymous mode no name is sent.
#pragma once
#include <ctime>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "class_session.hpp"
#include "store/profile_db.hpp"
#include "xapi/lrs_config.hpp"

namespace cw::net {

// Where the class's learners have their accounts: the store's home page when one is set up, else
// a name for this session alone (the saved class-CODE.xapi.json, imported by hand).
std::string class_learner_home(const ClassSession& session, const xapi::LrsConfig& config);

// The statements of one call, for every trainee who played it: the same whether sent or saved.
std::vector<nlohmann::ordered_json> class_call_statements(const ClassSession& session, int call,
                                                          const std::string& home_page,
                                                          const std::string& registration, std::time_t ended_at);

// Those statements ready for the outbox; none when no record store is set up.
std::vector<QueuedRecord> class_call_records(const ClassSession& session, int call, const xapi::LrsConfig& config,
                                             const std::string& registration, std::time_t ended_at);

}  // namespace cw::net
