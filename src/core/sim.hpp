// One call on one river, stepped at a fixed 60 Hz. Give it the same level, seed and inputs and
// it takes the same course, tick for tick: that is what makes replays, bots, tests and the
// class host possible. Screens read `state()` and send `Input`; they never change the rules.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "breathing.hpp"
#include "call.hpp"
#include "call_draw.hpp"
#include "catalogue.hpp"
#include "flow.hpp"
#include "hash.hpp"
#include "level.hpp"
#include "reading_pace.hpp"
#include "rng.hpp"
#include "river.hpp"
#include "score.hpp"
#include "world.hpp"

namespace cw {

// What the player does in one tick.
struct Input {
    double paddle = 0;   // -1 stroke left .. +1 stroke right (keys give -1/0/1, a stick between)
    bool breath = false; // the breath key is held
};

// A reply's delayed consequence, once it has arrived.
struct LaterApplied {
    int choice = -1;   // index into call().choices()
    int tick = 0;
    Effects effects;
    std::string note;
};

struct TimelinePoint {
    double t = 0;
    double intensity = 0, composure = 0, roughness = 0;
};

struct SimState {
    int tick = 0;
    Vec2 raft_pos, raft_vel;
    double raft_angle = 0;
    double progress = 0;   // metres along the river
    double lateral = 0;    // metres right of the centreline
    double intensity = 0, composure = 0, trust = 50;
    double roughness = 0;
    double stroke_phase = 0;  // 0..1 through the current paddle stroke, for drawing
    double paddle = 0;        // the paddle input being applied
    int jolts = 0;
    int last_jolt_tick = -1000;
    int last_reply_tick = -1000;
    int last_reply_quality = 0;
    double composure_min = 100;
    double composure_sum = 0;  // for the mean
    bool finished = false;
    Outcome outcome = Outcome::none;
};

// The player's choices that change how the game plays (and so belong in a replay).
struct SimOptions {
    BreathPattern breath = box_breathing();
    // How much time the player gets to read: 1 normal, 2 twice as long, 0.5 half (the
    // accessibility setting "text speed"). The river's clock runs this many times slower than
    // the player's; see reading_pace.hpp for the whole rule. Outside [0.5, 2] counts as 1:
    // files, messages and command lines are checked before they get here.
    double reading_pace = kNormalReadingPace;
};

class Simulation {
public:
    // `level` must have passed the checks (src/content does that before anything is built).
    Simulation(const Level& level, const Catalogue& catalogue, uint64_t seed, const SimOptions& options = {});
    // The same, with the call laid out by hand instead of by the seed (persona, wording,
    // arrangement): the solver's proof does this to try every arrangement a seed could draw.
    Simulation(const Level& level, const Catalogue& catalogue, uint64_t seed, const SimOptions& options,
               const CallDraw& draw);

    void step(const Input& input);

    const SimState& state() const { return state_; }
    const Level& level() const { return level_; }
    const Catalogue& catalogue() const { return catalogue_; }
    const RiverGeometry& river() const { return river_; }
    const FlowField& flow() const { return flow_; }
    const Breathing& breathing() const { return breathing_; }
    const CallRuntime& call() const { return call_; }
    const std::vector<TimelinePoint>& timeline() const { return timeline_; }
    const std::vector<LaterApplied>& later_applied() const { return later_applied_; }
    CalmSpot calm_spot() const;
    // Whether a channel of the current question is open (a reply whose condition failed is not).
    bool channel_open(int channel) const;
    // Each rock in river coordinates (same order as the level's rocks), computed once.
    const std::vector<RiverFrame>& rock_frames() const { return rock_frames_; }
    double time() const;        // seconds the player has spent on the call (real time)
    double river_time() const;  // seconds of the river's clock: time() / reading_pace
    double reading_pace() const { return clock_.pace(); }
    // The water's velocity at p as it looks on screen, in metres per real second (the river's
    // velocity slowed by the pace): for drawing the water, never for the rules.
    Vec2 water_velocity(Vec2 p, int& hint) const;
    uint64_t seed() const { return seed_; }

    Score score() const;
    double mean_composure() const;
    std::string state_hash() const { return hash_.hex(); }
    uint64_t state_hash_value() const { return hash_.value(); }

private:
    void apply_water_and_paddle(const Input& input);
    void handle_contacts();
    // Give the reply on `channel` of the current question: effects, the record, feedback.
    void give_reply(int fork, int channel);
    void apply_line_changes();  // the lines just begun: their own intensity and trust
    void end(Outcome o);
    void fold_hash();

    Level level_;
    Catalogue catalogue_;
    uint64_t seed_;
    RiverClock clock_;  // the reading pace: what runs on the river's clock uses clock_.dt()
    RiverGeometry river_;
    FlowField flow_;
    PhysicsWorld world_;
    Breathing breathing_;
    CallRuntime call_;
    Rng rng_;
    SimState state_;
    StateHash hash_;
    std::vector<TimelinePoint> timeline_;
    std::vector<RiverFrame> rock_frames_;
    RiverFrame raft_frame_;  // the raft in river coordinates, as of the last step
    double spin_settle_ = 0;  // the share of the raft's spin error the water takes out per step
    int hangup_tick_ = -1;
    int breaths_seen_ = 0;
    enum class Cut { waiting_for_dip, armed, done };
    std::vector<Cut> thresholds_;  // per threshold: each fires at most once
    struct Pending { int due_tick; int choice; LaterEffect later; };
    std::vector<Pending> pending_later_;
    std::vector<LaterApplied> later_applied_;
    int gated_node_ = -1;               // the question whose channels were last opened or closed
    std::vector<bool> open_channels_;
    void gate_channels();
    int last_breath_tick_ = -1000000;  // when the last full breath in rhythm was completed
};

// Where the raft starts: a few metres down the river, pointing downstream.
Vec2 raft_start_position(const RiverGeometry& river);

}  // namespace cw
