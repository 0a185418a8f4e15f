// A call in progress: one simulation of one call, where its inputs come from, the recording of
// them, the fixed 60 Hz clock that turns real time into ticks, restarting and seeking, and the
// end-of-call report. Everything that plays a call — the play screen, `calmwaters run`, a
// trainee's game, the class host's check, the solver, the sample profile — plays it through
// here, so a rule about running a call is written once. No SDL, no ImGui.
//
// The order of one tick is always: ask the source for an input, record it, step, checksum.
// A replay re-applies the same inputs from tick 0 on a fresh simulation, so a run recorded here
// plays back tick for tick (see core/replay.hpp).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/bot.hpp"
#include "core/replay.hpp"
#include "core/sim.hpp"
#include "store/profile_db.hpp"

namespace cw {

// Where a tick's input comes from: the player's keys, a bot, a recording, a class link.
class InputSource {
public:
    virtual ~InputSource() = default;
    virtual Input next(const Simulation& sim) = 0;
    // After the tick, with the input it was given (a class link tells the host).
    virtual void stepped(const Input& used, const Simulation& sim) {
        (void)used;
        (void)sim;
    }
};

// Nothing pressed: the current carries the raft.
class IdleInput : public InputSource {
public:
    Input next(const Simulation&) override { return {}; }
};

// One of the steering bots (tests, benchmarks, the solver's sample runs, demos).
class BotInput : public InputSource {
public:
    BotInput(BotPolicy policy, uint64_t seed) : bot_(policy, seed) {}
    Input next(const Simulation& sim) override { return bot_.decide(sim); }

private:
    SteeringBot bot_;
};

// What defines a run: the level (already checked), the name reports and replays give it, the
// seed and the player's options. The same setup and inputs give the same run.
struct CallSetup {
    Level level;
    std::string level_path;
    uint64_t seed = 1;
    SimOptions options;
    // Set only by the solver's proof, which lays each arrangement out by hand. A replay records
    // the seed, not a draw, so a run with one is never saved.
    std::optional<CallDraw> draw = std::nullopt;
};

// A recording's setup: its seed, options and starting composure on `level`.
CallSetup playback_setup(const Replay& replay, Level level);

// The raft as it should be drawn between two ticks.
struct RaftPose {
    Vec2 pos;
    double angle = 0;
};

class CallRun {
public:
    CallRun(CallSetup setup, const Catalogue& catalogue);
    // Plays back `replay` on `level` (the one it was recorded on): the recording supplies every
    // input, and the run can seek to any tick.
    CallRun(const Replay& replay, Level level, const Catalogue& catalogue);

    const Simulation& sim() const { return *sim_; }
    const CallSetup& setup() const { return setup_; }
    const Level& level() const { return sim_->level(); }
    int tick() const { return sim_->state().tick; }
    bool finished() const { return sim_->state().finished; }

    // One tick. A playback takes its input from the recording and never asks `source`.
    void step(InputSource& source);
    // One tick with this input (a playback ignores it too).
    void step(const Input& in);
    // Every tick to the end of the call.
    void run_to_end(InputSource& source);

    // Real seconds have passed: step the fixed ticks now due (`speed` ticks per real tick), each
    // with the source's input. Returns how many were stepped.
    int advance(double real_seconds, InputSource& source, int speed = 1);
    // The river is held (paused, waiting for the class): no time piles up meanwhile.
    void hold() { accumulator_ = 0; }
    // How far between the last tick and the next the picture is (0..1), and the raft there.
    double blend() const;
    RaftPose pose() const;

    // From tick 0 again, with the same setup.
    void restart();
    // A fresh go with another draw (see play/play_seed.hpp). Not for a playback.
    void restart(uint64_t seed);
    // A playback: moves to `target` (clamped to the recording). Back means from tick 0 again
    // and stepping the recording forward, which lands exactly on the recorded state.
    // Returns the ticks simulated to get there.
    int seek(int target);
    bool is_playback() const { return recording_ != nullptr; }
    const Replay* recording() const { return recording_.get(); }
    int end_tick() const;  // a playback's last tick; otherwise the longest call
    int restarts() const { return restarts_; }

    // The end-of-call report: the run as a replay, as `run`'s JSON, as a profile's attempt.
    Replay replay() const;
    nlohmann::ordered_json report() const;
    Attempt attempt() const;
    // The exact text the level was loaded from, which attempt() carries so the profile keeps it
    // and the replay still plays once the file changes. Not set (an editor's draft): none kept.
    void set_level_text(std::string text) { level_text_ = std::move(text); }

private:
    void tick_with(const Input& in, InputSource* source);

    CallSetup setup_;
    std::string level_text_;
    Catalogue catalogue_;
    std::shared_ptr<const Replay> recording_;
    std::vector<Input> recorded_inputs_;  // a playback's input for every tick
    std::unique_ptr<Simulation> sim_;
    ReplayRecorder recorder_;
    double accumulator_ = 0;  // real seconds not yet stepped
    RaftPose before_;         // the raft before the last tick, for blending
    int restarts_ = 0;
};

// Checks a recording by playing it back: same build, same level, every checksum on the way.
ReplayCheck verify_replay(const Replay& replay, const Level& level, const Catalogue& catalogue,
                          const std::string& this_build);
// For watching: a replay from another build still plays, but may drift from what happened.
// Says so in a sentence, shown with the build that recorded it ("" when `this_build` did).
std::string playback_drift_note(const Replay& replay, const std::string& this_build);

}  // namespace cw
