// A class call's learning records, for the company's record store: each trainee's run as the
// host re-simulated it (the checked result, not the trainee's own claim), with the check as an
// extension, under one registration for the whole class session. A learner is their learner id
// when they gave one on joining; in anonymous mode no name is sent.
#pragma once
#include <ctime>
#include <string>
#include <vector>

#include "class_session.hpp"
#include "store/profile_db.hpp"
#include "xapi/lrs_config.hpp"

namespace cw::net {

std::vector<QueuedRecord> class_call_records(const ClassSession& session, int call, const xapi::LrsConfig& config,
                                             const std::string& registration, std::time_t ended_at);

}  // namespace cw::net
