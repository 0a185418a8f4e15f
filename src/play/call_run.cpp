#include "call_run.hpp"

#include <algorithm>
#include <cassert>

#include "core/build_id.hpp"
#include "core/tuning.hpp"
#include "replay_seek.hpp"
#include "play/run_report.hpp"

namespace cw {

CallSetup playback_setup(const Replay& replay, Level level) {
    CallSetup setup;
    setup.level_path = replay.level;
    setup.level = replay_level(replay, std::move(level));
    setup.seed = replay.seed;
    setup.options = replay_options(replay);
    return setup;
}

CallRun::CallRun(CallSetup setup, const Catalogue& catalogue) : setup_(std::move(setup)), catalogue_(catalogue) {
    restart();
    restarts_ = 0;
}

CallRun::CallRun(const Replay& replay, Level level, const Catalogue& catalogue)
    : setup_(playback_setup(replay, std::move(level))),
      catalogue_(catalogue),
      recording_(std::make_shared<const Replay>(replay)),
      recorded_inputs_(expand_inputs(replay)) {
    restart();
    restarts_ = 0;
}

void CallRun::restart() {
    sim_ = setup_.draw ? std::make_unique<Simulation>(setup_.level, catalogue_, setup_.seed, setup_.options, *setup_.draw)
                       : std::make_unique<Simulation>(setup_.level, catalogue_, setup_.seed, setup_.options);
    recorder_ = ReplayRecorder{};
    accumulator_ = 0;
    before_ = {sim_->state().raft_pos, sim_->state().raft_angle};
    ++restarts_;
}

void CallRun::restart(uint64_t seed) {
    assert(!is_playback() && "a playback keeps the seed it was recorded with");
    setup_.seed = seed;
    restart();
}

void CallRun::tick_with(const Input& given, InputSource* source) {
    if (finished()) return;
    const Input in = is_playback() ? replay_input_at(recorded_inputs_, tick()) : given;
    before_ = {sim_->state().raft_pos, sim_->state().raft_angle};
    recorder_.record(in, tick());
    sim_->step(in);
    recorder_.checksum(*sim_);
    if (source) source->stepped(in, *sim_);
}

void CallRun::step(InputSource& source) {
    if (finished()) return;
    tick_with(is_playback() ? Input{} : source.next(*sim_), &source);
}

void CallRun::step(const Input& in) { tick_with(in, nullptr); }

void CallRun::run_to_end(InputSource& source) {
    while (!finished()) step(source);
}

int CallRun::advance(double real_seconds, InputSource& source, int speed) {
    accumulator_ += real_seconds * std::max(1, speed);
    int stepped = 0;
    while (accumulator_ >= tuning::kDt && !finished()) {
        step(source);
        accumulator_ -= tuning::kDt;
        ++stepped;
    }
    if (finished()) accumulator_ = 0;
    return stepped;
}

double CallRun::blend() const { return std::clamp(accumulator_ / tuning::kDt, 0.0, 1.0); }

RaftPose CallRun::pose() const {
    const double a = blend();
    const SimState& st = sim_->state();
    return {before_.pos + (st.raft_pos - before_.pos) * a, before_.angle + (st.raft_angle - before_.angle) * a};
}

int CallRun::end_tick() const { return recording_ ? recording_->final_tick : tuning::kMaxTicks; }

int CallRun::seek(int target) {
    assert(is_playback() && "only a recording can be seeked");
    SeekPlan plan = plan_seek(tick(), target, end_tick());
    if (plan.restart) restart();
    int done = 0;
    IdleInput unused;  // a playback's inputs come from its recording
    for (; done < plan.steps && !finished(); ++done) step(unused);
    accumulator_ = 0;
    before_ = {sim_->state().raft_pos, sim_->state().raft_angle};
    return done;
}

Replay CallRun::replay() const {
    assert(!setup_.draw && "a hand-laid draw is not in the replay's header, so it would not play back");
    return recorder_.finish(*sim_, replay_header(*sim_, setup_.level_path, build_id()));
}

nlohmann::ordered_json CallRun::report() const { return run_report(*sim_, setup_.level_path); }

Attempt CallRun::attempt() const {
    Attempt a = attempt_of(*sim_, setup_.level_path, replay());
    a.level_text = level_text_;
    return a;
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
    CallRun run(replay, level, catalogue);
    IdleInput unused;
    size_t next_check = 0;
    while (!run.finished() && run.tick() < replay.final_tick) {
        run.step(unused);
        const int tick = run.tick();
        const uint64_t hash = run.sim().state_hash_value();
        while (next_check < replay.checksums.size() && replay.checksums[next_check].tick < tick) ++next_check;
        if (next_check < replay.checksums.size() && replay.checksums[next_check].tick == tick) {
            if (replay.checksums[next_check].hash != hash) {
                r.first_bad_tick = tick;
                r.message = "the playback differs from the recording at tick " + std::to_string(tick);
                r.final_tick = tick;
                r.final_hash = hash;
                return r;
            }
            ++next_check;
        }
    }
    r.final_tick = run.tick();
    r.final_hash = run.sim().state_hash_value();
    if (r.final_tick != replay.final_tick || r.final_hash != replay.final_hash) {
        r.first_bad_tick = r.final_tick;
        r.message = "the playback ends differently from the recording (tick " + std::to_string(r.final_tick) + ")";
        return r;
    }
    r.ok = true;
    return r;
}

std::string playback_drift_note(const Replay& replay, const std::string& this_build) {
    if (replay.build == this_build) return "";
    return "This build (" + this_build + ") may simulate it a little differently, so the playback may drift "
           "from what really happened.";
}

}  // namespace cw
