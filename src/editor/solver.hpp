// The solver: walks every path through a call and, for each, drives the raft with the
// steering bot at the roughness that path produces. It answers the trainer's question
// "can every reply I wrote actually be steered into, by the time the caller is this angry?"
//
// A seed draws the caller's persona, the wording of each line and (when the level shuffles) the
// channel each reply lies on, so one run per path proves little. The solver walks the paths once
// for every persona the caller may draw, always with the longest wording of each line (the
// longest reading time, so the latest the raft can start to steer). Enumerating every
// arrangement explodes (three forks of 3, 3 and 4 channels give 864), so for a shuffled call it
// proves something smaller that is enough: along every path, each channel of a fork can be
// reached from each channel of the fork before, at that path's roughness. It does that with
// runs that lay the path's reply at fork k on channel a and at fork k+1 on channel b, for every
// pair (a, b): at most 16 runs a path, however many forks it has.
//
// A call that reads the week (`week.NAME`) is walked once more for each value of the week that
// changes a branch: every value its conditions compare a week variable with, either side of it,
// and true and false for a flag (at most kMaxWeekCases combinations).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "core/level.hpp"
#include "core/week.hpp"

namespace cw {

inline constexpr int kMaxWeekCases = 16;

struct SolveOptions {
    int max_paths = 256;  // a call with more paths than this is cut short (and says so)
    bool breathe = true;  // the bot breathes between forks when rattled, as the calm bot does
    bool prove_arrangements = true;  // on a shuffled call, try every pair of channels (see above)
};

struct PathReply {
    int node = -1;     // index into Level::nodes
    int reply = -1;    // which reply, by its place in the file (0 = A)
    int channel = -1;  // the channel it lay on in this run
};

// Where and why a path could not be steered.
struct PathFailure {
    std::string node;      // the question (or the line the call was on)
    std::string fork;      // the fork, when it happened at one
    double progress = 0;   // metres down the river
    double roughness = 0;  // how rough the water was there
    std::string reason;
    std::string advice;    // what the trainer can change, fitting the cause ("" when none applies)
    // For a failure of the proof: where the path's replies lay, e.g. "open B on channel C,
    // refund A on channel A" ("" for the path in the authored order).
    std::string arrangement;
};

struct SolvedPath {
    std::string persona;             // the caller's persona on this walk
    WeekValues week;                 // the week's values on this walk (empty: the call reads none)
    std::vector<PathReply> replies;  // the replies this path means to give, in order
    std::vector<PathReply> taken;    // what the raft actually said (differs when it failed)
    Outcome outcome = Outcome::none;
    bool steerable = false;          // in the authored order and, when proved, every arrangement
    std::optional<PathFailure> failed_at;
    int arrangements = 0;            // runs of the proof with the replies laid out otherwise
    std::string ending;  // the ending node the call reached ("" if none)
    int score = 0;
    double composure_min = 0;
    int jolts = 0;
    double seconds = 0;
    double max_roughness = 0;
};

struct SolveResult {
    std::vector<SolvedPath> paths;
    bool capped = false;  // more paths exist than max_paths
    std::vector<std::string> personas;  // walked, in the level's order
    std::vector<WeekValues> weeks;      // the week's values walked (one empty one: reads none)
    bool shuffled = false;              // the level shuffles, so arrangements were proved
    int runs = 0;                       // simulations run in all
    bool all_steerable() const;
    // One sentence for the trainer: what a clean result means.
    std::string proved() const;
};

// `level` must have passed the checks.
SolveResult solve_level(const Level& level, const Catalogue& catalogue, const SolveOptions& options = {});

}  // namespace cw
