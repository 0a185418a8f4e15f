#include "replay_seek.hpp"

#include <algorithm>

namespace cw {

SeekPlan plan_seek(int current, int target, int final_tick) {
    target = std::clamp(target, 0, std::max(0, final_tick));
    SeekPlan plan;
    if (target < current) {
        plan.restart = true;
        plan.steps = target;
    } else {
        plan.steps = target - current;
    }
    return plan;
}

Input replay_input_at(const std::vector<Input>& inputs, int tick) {
    return tick >= 0 && static_cast<size_t>(tick) < inputs.size() ? inputs[static_cast<size_t>(tick)] : Input{};
}

ReplayPlayback::ReplayPlayback(const Replay& replay, const Level& level, const Catalogue& catalogue)
    : replay_(replay), level_(replay_level(replay, level)), catalogue_(catalogue), inputs_(expand_inputs(replay)) {
    restart();
    restarts_ = 0;
}

void ReplayPlayback::restart() {
    sim_ = std::make_unique<Simulation>(level_, catalogue_, replay_.seed, replay_options(replay_));
    ++restarts_;
}

void ReplayPlayback::step() {
    if (sim_->state().finished) return;
    sim_->step(replay_input_at(inputs_, sim_->state().tick));
}

int ReplayPlayback::seek(int target) {
    SeekPlan plan = plan_seek(tick(), target, end());
    if (plan.restart) restart();
    int done = 0;
    for (; done < plan.steps && !sim_->state().finished; ++done) step();
    return done;
}

}  // namespace cw
