// Moving to any tick of a recording. The simulation is deterministic and a whole call simulates
// in about 15 ms, so going back means starting again from tick 0 and stepping the recorded
// inputs up to the target: that lands on exactly the recorded state, with nothing to store per
// tick. CallRun::seek follows this plan.
#pragma once
#include <vector>

#include "core/sim.hpp"

namespace cw {

struct SeekPlan {
    bool restart = false;  // start again from tick 0 first
    int steps = 0;         // then step this many ticks
};

// From tick `current` to `target` (clamped to 0..final_tick).
SeekPlan plan_seek(int current, int target, int final_tick);

// The input recorded for `tick` (none past the end).
Input replay_input_at(const std::vector<Input>& inputs, int tick);

}  // namespace cw
