// A replay: the player's inputs from tick 0, with what is needed to play them back exactly
// (the seed, the breathing options, the reading pace, the starting composure) and checksums of
// the state along the way, so a playback that drifts is caught at the first tick it differs.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sim.hpp"
#include "week.hpp"

namespace cw {

constexpr int kReplayFormat = 1;
constexpr int kReplayChecksumEvery = 60;  // ticks

struct InputChange {
    int tick = 0;
    Input input;  // held from this tick until the next change
};

struct ReplayChecksum {
    int tick = 0;
    uint64_t hash = 0;
};

struct Replay {
    int format = kReplayFormat;
    std::string build;          // the build that recorded it: another build may simulate differently
    std::string level;          // the level's path as recorded
    uint64_t level_hash = 0;    // of the level file's bytes
    uint64_t seed = 1;
    std::string breath = "box";
    bool breath_holds = true;
    double start_composure = -1;  // -1: the level's own
    double reading_pace = kNormalReadingPace;  // recorded at this pace, so played back at it too
    WeekValues week;  // the week's variables as the call began (empty: the level's own values)
    std::vector<InputChange> inputs;
    std::vector<ReplayChecksum> checksums;
    int final_tick = 0;
    uint64_t final_hash = 0;
};

// Records a run as it is played: call record() with each tick's input before stepping.
class ReplayRecorder {
public:
    void record(const Input& in, int tick);
    void checksum(const Simulation& sim);  // after each step
    Replay finish(const Simulation& sim, Replay header) const;

private:
    std::vector<InputChange> inputs_;
    std::vector<ReplayChecksum> checksums_;
};

// The input for every tick, from the recorded changes.
std::vector<Input> expand_inputs(const Replay& replay);

struct ReplayCheck {
    bool ok = false;
    int first_bad_tick = -1;    // where the playback first differs (-1: it did not)
    uint64_t final_hash = 0;
    int final_tick = 0;
    std::string message;
};

// What playing a recording back found (src/play's verify_replay plays it: the level must be the
// one recorded, its source_hash matching, and the build the same; otherwise it says why, plainly).

SimOptions replay_options(const Replay& replay);
Level replay_level(const Replay& replay, Level level);  // applies the recorded starting composure

}  // namespace cw
