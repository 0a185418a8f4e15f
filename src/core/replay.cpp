#include "replay.hpp"

#include <cstdio>

namespace cw {

void ReplayRecorder::record(const Input& in, int tick) {
    if (!inputs_.empty() && inputs_.back().input.paddle == in.paddle && inputs_.back().input.breath == in.breath) return;
    inputs_.push_back({tick, in});
}

void ReplayRecorder::checksum(const Simulation& sim) {
    int tick = sim.state().tick;
    if (tick % kReplayChecksumEvery == 0) checksums_.push_back({tick, sim.state_hash_value()});
}

Replay ReplayRecorder::finish(const Simulation& sim, Replay header) const {
    header.inputs = inputs_;
    header.checksums = checksums_;
    header.final_tick = sim.state().tick;
    header.final_hash = sim.state_hash_value();
    return header;
}

std::vector<Input> expand_inputs(const Replay& replay) {
    std::vector<Input> out(static_cast<size_t>(std::max(0, replay.final_tick)));
    Input current;
    size_t next = 0;
    for (size_t t = 0; t < out.size(); ++t) {
        while (next < replay.inputs.size() && replay.inputs[next].tick <= static_cast<int>(t)) current = replay.inputs[next++].input;
        out[t] = current;
    }
    return out;
}

SimOptions replay_options(const Replay& replay) {
    SimOptions o;
    o.breath = breath_pattern(replay.breath, replay.breath_holds);
    o.reading_pace = replay.reading_pace;
    return o;
}

Level replay_level(const Replay& replay, Level level) {
    if (replay.start_composure >= 0) level.composure = replay.start_composure;
    start_from_week(level, replay.week);
    return level;
}

}  // namespace cw
