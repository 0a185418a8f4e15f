// The learning records of one call a person played on their own (in the game, or headless with
// `run --profile`), ready to queue with the attempt: none when no record store is configured.
#pragma once
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/sim.hpp"
#include "lrs_config.hpp"
#include "store/profile_db.hpp"

namespace cw::xapi {

// The profile setting that holds a learner's id for the company's records (an email or an
// employee number); without it, the profile's name is the account.
constexpr const char* kLearnerIdSetting = "learner_id";

std::vector<QueuedRecord> practice_records(const Simulation& sim, const std::string& level_path,
                                           const std::string& profile,
                                           const std::map<std::string, std::string>& profile_settings,
                                           const LrsConfig& config, std::time_t ended_at);

// Statements as queue entries: each one's id, and its JSON text.
std::vector<QueuedRecord> as_records(const std::vector<nlohmann::ordered_json>& statements);

}  // namespace cw::xapi
