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

}  // namespace cw
