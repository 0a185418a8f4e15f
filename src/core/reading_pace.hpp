// Reading pace: the "text speed" setting made a rule of the game, so a slower reader gets more
// time to read the caller before each fork, without the call getting harder or easier.
//
// The rule, and the only place it is written down: the river keeps its own clock, and at a
// reading pace p that clock runs p times slower than the player's. Everything that belongs to
// the river and the call runs on the river's clock: the water and the raft in it (current,
// eddies, waves, paddle strokes, the physics), how long the caller's lines last, the caller
// drifting and waiting on hold, rough water wearing on composure and steady breathing restoring
// it, delayed consequences, the breath that counts before a reply, and the pause before a
// hang-up. Only the player's own breathing rhythm keeps to real seconds (four seconds in is
// four seconds in, whatever the pace), and so does the calm it spreads on the water.
//
// So at pace 2 every line stays up twice as long and every fork comes twice as late, while the
// same course down the river, the same replies and the same breathing share give the same
// intensity, composure, jolts and score. Scores never count seconds: composure is a mean over
// ticks, each of which is the same stretch of river time, so a slower pace costs nothing.
// The one exception is the safety stop for a call that never ends (tuning::kMaxTicks), which
// stays in real ticks: it is there for stranded rafts and broken levels, not for play.
#pragma once
#include <cmath>

#include "tuning.hpp"

namespace cw {

constexpr double kMinReadingPace = 0.5;  // half the time to read: for quick readers
constexpr double kMaxReadingPace = 2.0;  // twice the time to read
constexpr double kNormalReadingPace = 1.0;

// A pace that files, messages and command lines may carry: finite and within [0.5, 2].
inline bool reading_pace_valid(double pace) {
    return std::isfinite(pace) && pace >= kMinReadingPace && pace <= kMaxReadingPace;
}

// The river's clock at a given pace. At pace 1 every conversion is exact (a multiply or divide
// by 1.0), so a run at the normal pace is bit-for-bit the run without any of this.
class RiverClock {
public:
    // An invalid pace is taken as normal; whoever read it has refused it already.
    explicit RiverClock(double pace = kNormalReadingPace)
        : pace_(reading_pace_valid(pace) ? pace : kNormalReadingPace) {}

    double pace() const { return pace_; }
    // Seconds of river time in one tick (a tick is always 1/60 s of the player's time).
    double dt() const { return tuning::kDt / pace_; }
    // River seconds after `ticks` ticks.
    double seconds(int ticks) const { return ticks * tuning::kDt / pace_; }
    // Ticks that `river_seconds` of river time take (truncated, like the tick counts before it).
    int ticks(double river_seconds) const { return static_cast<int>(river_seconds * tuning::kTicksPerSecond * pace_); }
    // A count of ticks at the normal pace, stretched to this pace (rounded).
    int stretch(int normal_ticks) const { return static_cast<int>(std::lround(normal_ticks * pace_)); }
    // A chance per tick at the normal pace, so the same chance per second of river time.
    double per_tick(double normal_chance) const { return normal_chance / pace_; }

private:
    double pace_;
};

}  // namespace cw
