// A class call's learning records, for the company's record store: each trainee's run as the
// host re-simulated it (the checked result, not the trainee's own claim), with the check as an
// extension, under one registration for the whole class session. In anonymous mode learners
// are named by a session-only id and no name.
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
