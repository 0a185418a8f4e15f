// The JSON summary of a finished run: printed by `calmwaters run`, and the shape the solver,
// benchmarks and class reports build on. Keys are a contract; add, never rename.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/replay.hpp"
#include "core/sim.hpp"
#include "store/profile_db.hpp"

namespace cw {

nlohmann::ordered_json run_report(const Simulation& sim, const std::string& level_path);
std::string reply_letter(int index);  // 0 -> "A"

// What a replay of this run must carry to play back exactly (everything comes from the sim).
Replay replay_header(const Simulation& sim, const std::string& level_path, const std::string& build);
// The run as a profile's attempt, with its choices, timeline and replay.
Attempt attempt_of(const Simulation& sim, const std::string& level_path, const Replay& replay);

}  // namespace cw
