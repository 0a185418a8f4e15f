// The solver: walks every path through a call and, for each, drives the raft with the
// steering bot at the roughness that path produces. It answers the trainer's question
// "can every reply I wrote actually be steered into, by the time the caller is this angry?"
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "core/level.hpp"

namespace cw {

struct SolveOptions {
    int max_paths = 256;  // a call with more paths than this is cut short (and says so)
    bool breathe = true;  // the bot breathes between forks when rattled, as the calm bot does
};

struct PathReply {
    int node = -1;     // index into Level::nodes
    int reply = -1;    // which reply, by its place in the file (0 = A)
    int channel = -1;  // the channel it lay on in this run (the seed's arrangement)
};

// Where and why a path could not be steered.
struct PathFailure {
    std::string node;      // the question (or the line the call was on)
    std::string fork;      // the fork, when it happened at one
    double progress = 0;   // metres down the river
    double roughness = 0;  // how rough the water was there
    std::string reason;
};

struct SolvedPath {
    std::vector<PathReply> replies;  // the replies this path means to give, in order
    std::vector<PathReply> taken;    // what the raft actually said (differs when it failed)
    Outcome outcome = Outcome::none;
    bool steerable = false;
    std::optional<PathFailure> failed_at;
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
    bool all_steerable() const;
};

// `level` must have passed the checks.
SolveResult solve_level(const Level& level, const Catalogue& catalogue, const SolveOptions& options = {});

}  // namespace cw
