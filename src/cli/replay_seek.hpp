// Watching a replay with a timeline: moving to any tick. The simulation is deterministic and a
// whole call simulates in about 15 ms, so going back means starting again from tick 0 and
// stepping the recorded inputs up to the target: that lands on exactly the recorded state,
// with nothing to store per tick. No SDL, no ImGui: the play screen and the tests share it.
#pragma once
#include <memory>
#include <vector>

#include "core/replay.hpp"

namespace cw {

struct SeekPlan {
    bool restart = false;  // start again from tick 0 first
    int steps = 0;         // then step this many ticks
};

// From tick `current` to `target` (clamped to 0..final_tick).
SeekPlan plan_seek(int current, int target, int final_tick);

// The input recorded for `tick` (none past the end).
Input replay_input_at(const std::vector<Input>& inputs, int tick);

// A replay played back headless, with seeking; the play screen does the same with its own
// simulation (restart, then step the recorded inputs).
class ReplayPlayback {
public:
    ReplayPlayback(const Replay& replay, const Level& level, const Catalogue& catalogue);

    const Simulation& sim() const { return *sim_; }
    int tick() const { return sim_->state().tick; }
    int end() const { return replay_.final_tick; }
    void step();                 // one recorded tick (nothing once the call has ended)
    int seek(int target);        // returns the ticks simulated to get there
    int restarts() const { return restarts_; }

private:
    void restart();

    Replay replay_;
    Level level_;
    const Catalogue& catalogue_;
    std::vector<Input> inputs_;
    std::unique_ptr<Simulation> sim_;
    int restarts_ = 0;
};

}  // namespace cw
