// `calmwaters check --pacing` and the editor's problems list: each question against the clock
// (core/call_timeline.hpp holds the rules), and warnings a trainer can act on when a question
// comes up too late to read, when the caller's lines run into a fork, or when the water between
// two forks is too short to cross. Warnings never stop a level from loading.
#pragma once
#include <string>
#include <vector>

#include "core/call_timeline.hpp"
#include "problems.hpp"

namespace cw {

struct PacingRow {
    std::string question;  // the question node's id
    std::string fork;      // its fork's id
    double asked_s = 0;    // when it comes up, at the latest (seconds at pace 1)
    double reach_s = 0;    // when the raft reaches the fork
    double read_s = 0;     // the reading time it needs
    double room_m = 0;     // open water before the fork
    double needed_m = 0;   // what crossing to its farthest channel needs there
    std::string crossing;  // "channel A of fork \"x\" to channel C of fork \"y\"" (or "mid-river to ...")
    bool reached = false;
};

struct Pacing {
    std::vector<PacingRow> rows;
    std::vector<Problem> warnings;  // "warning: ..." on the question's or the fork's own line
};

Pacing level_pacing(const Level& level, const Catalogue& catalogue, const SourceText& src);

// "the raft needs about 120 m to cross from channel A of fork "x" to channel C of fork "y";
// there are 80 m" (the solver's advice says the same).
std::string crossing_sentence(const Level& level, const ForkTiming& fork);

// Why the raft, leaving `from_channel` of fork `from_fork` (-1: from the start, mid-river),
// missed `to_channel` of fork `to_fork` at roughness `r`, and what to change: the crossing
// sentence when the water between is too short for it, else the roughness. For the solver.
struct MissedChannel {
    std::string cause;   // "the raft needs about N m to cross ...; there are M m", or the roughness
    std::string advice;  // what a trainer can change, fitting that cause
    bool too_short = false;
};
MissedChannel missed_channel(const Level& level, int from_fork, int from_channel, int to_fork, int to_channel, double r);

// The table, as `check --pacing` prints it.
std::string pacing_table(const Pacing& pacing);

}  // namespace cw
