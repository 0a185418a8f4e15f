// The JSON summary of a finished run: printed by `calmwaters run`, and the shape the solver,
// benchmarks and class reports build on. Keys are a contract; add, never rename.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "core/sim.hpp"

namespace cw {

nlohmann::ordered_json run_report(const Simulation& sim, const std::string& level_path);
std::string reply_letter(int index);  // 0 -> "A"

}  // namespace cw
