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
    return level;
}

ReplayCheck verify_replay(const Replay& replay, const Level& level, const Catalogue& catalogue,
                          const std::string& this_build) {
    ReplayCheck r;
    if (replay.build != this_build) {
        r.message = "this replay was recorded by build " + replay.build + " and this is build " + this_build +
                    "; a different build may play it differently, so it is refused";
        return r;
    }
    if (replay.level_hash != level.source_hash) {
        r.message = "the level " + level.path + " has changed since this replay was recorded (its contents differ), "
                    "so the replay cannot be played back on it";
        return r;
    }
    Simulation sim(replay_level(replay, level), catalogue, replay.seed, replay_options(replay));
    std::vector<Input> inputs = expand_inputs(replay);
    size_t next_check = 0;
    for (size_t t = 0; t < inputs.size() && !sim.state().finished; ++t) {
        sim.step(inputs[t]);
        int tick = sim.state().tick;
        while (next_check < replay.checksums.size() && replay.checksums[next_check].tick < tick) ++next_check;
        if (next_check < replay.checksums.size() && replay.checksums[next_check].tick == tick) {
            if (replay.checksums[next_check].hash != sim.state_hash_value()) {
                r.first_bad_tick = tick;
                r.message = "the playback differs from the recording at tick " + std::to_string(tick);
                r.final_tick = tick;
                r.final_hash = sim.state_hash_value();
                return r;
            }
            ++next_check;
        }
    }
    r.final_tick = sim.state().tick;
    r.final_hash = sim.state_hash_value();
    if (r.final_tick != replay.final_tick || r.final_hash != replay.final_hash) {
        r.first_bad_tick = r.final_tick;
        r.message = "the playback ends differently from the recording (tick " + std::to_string(r.final_tick) + ")";
        return r;
    }
    r.ok = true;
    return r;
}

}  // namespace cw
