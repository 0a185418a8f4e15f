// The call against the clock: when each question can come up (at the normal reading pace, on
// the slowest route through the lines before it), how angry the caller can be by then, and how
// much water the raft needs to cross to any channel. The generated river is laid out from these
// numbers (river_layout.hpp); `check --pacing`, the editor's problems list and the solver's
// advice report them. No physics runs here: it is arithmetic on the call graph, so it is quick
// enough to run every time a level loads.
//
// The rules, and the only place they are written down:
//  - A line lasts its `seconds`, else default_line_seconds() of its longest variant.
//  - The raft drifts at kPlanningSpeedShare times the current (a little faster than the water
//    when paddled forward), from kRaftStartMetres.
//  - A question needs question_read_seconds() on screen before the raft reaches its fork:
//    at least kMinReadSeconds, more for a long question and long replies.
//  - Crossing `lateral` metres at roughness r takes crossing_seconds(): measured with the
//    steering bot at composure 55 (tests/test_river_layout.cpp holds the rule to the physics).
//  - The roughest water on the way to a fork is the level's roughness curve at the highest
//    intensity any route can reach by then, with composure at kPlanningComposure.
#pragma once
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "level.hpp"

namespace cw {

constexpr double kMinReadSeconds = 8.0;
constexpr double kReadCharsPerSecond = 20.0;
constexpr double kPlanningSpeedShare = 1.1;
constexpr double kPlanningComposure = 55.0;
constexpr double kChannelMargin = 1.0;  // how far inside a channel's walls the raft's centre must be

double line_seconds(const Node& line);          // how long it stays up (its longest wording)
double question_read_seconds(const Node& question);
double crossing_seconds(double lateral_m, double roughness);
// Metres downstream the raft needs to cross `lateral_m` at roughness r on a river of this current.
double crossing_metres(double lateral_m, double roughness, double current);
double planning_speed(const RiverDef& river);   // metres a second

// Laterals of a fork's channels (metres right of the centre line), for a fork `width` wide.
struct ChannelSpan {
    double left = 0, right = 0;
};
std::vector<ChannelSpan> channel_spans(const Fork& fork, double width);
// The farthest the raft may have to go from any channel of `from` (or from mid-river when
// null) to get inside any channel of `to`: metres across.
double widest_crossing(const Fork* from, double from_width, const Fork& to, double to_width,
                       int* from_channel = nullptr, int* to_channel = nullptr);

// Lines from a place in the call (the start, or a reply) to the next question or ending.
struct LineRun {
    int from_node = -1;   // the question whose reply starts it (-1: the call's start)
    int from_reply = -1;  // that reply's index in the file
    int to_node = -1;     // the question or ending it reaches
    double seconds = 0;   // the longest the lines can take
    double intensity = 0; // the most they can add to the caller's intensity (drift, hold, lines)
};

struct CallRoutes {
    std::vector<LineRun> runs;
    // Fork indexes in the order the call reaches them (file order between forks it reaches in
    // either order). Empty with `problem` set when a question leads back to an earlier fork.
    std::vector<int> fork_order;
    std::string problem;
};
CallRoutes call_routes(const Level& level);

struct QuestionTiming {
    int node = -1;
    int fork = -1;
    double asked_s = 0;       // the latest it comes up (seconds from the start, pace 1)
    double reach_s = 0;       // when the raft reaches its fork
    double answer_s = 0;      // when the raft crosses the fork's middle
    double read_s = 0;        // what it needs on screen
    double intensity = 0;     // the highest the caller can be as the raft reaches the fork
    double roughness = 0;     // the water then
    bool reached = false;     // some route from the start comes to it
};

struct ForkTiming {
    int fork = -1;
    double roughness = 0;     // the roughest water on the way to it
    double room_m = 0;        // open water before it (from the last fork's end, or the start)
    double needed_m = 0;      // what crossing to its farthest channel needs
    int from_fork = -1;       // the fork before it (-1: the start)
    int from_channel = -1, to_channel = -1;  // the widest crossing, by channel index
};

struct CallTimeline {
    std::vector<QuestionTiming> questions;  // in the order of `forks`, then of the file
    std::vector<ForkTiming> forks;          // in the river's order
    double last_line_s = 0;                 // when the slowest route says its last line
};

// Works the timeline out one fork at a time, in `routes.fork_order`: a fork's questions come up
// at times that depend only on the forks before it. `check --pacing` places each fork where the
// river has it; the layout tries places for a fork (timing_at) before it settles on one.
class TimelineBuilder {
public:
    TimelineBuilder(const Level& level, const Catalogue& catalogue, const CallRoutes& routes);
    // Fork `fork` (the next in the order) as if it started at `at` and were `width` wide.
    ForkTiming timing_at(int fork, double at, double width) const;
    // The latest its questions come up and the longest they need on screen.
    void asking(int fork, double& latest_asked_s, double& read_s) const;
    void place(int fork, double at, double width);
    CallTimeline finish() const;

private:
    std::vector<QuestionTiming> questions_of(int fork, double at) const;

    const Level& level_;
    const Catalogue& catalogue_;
    const CallRoutes& routes_;
    std::vector<std::string> personas_;
    double speed_ = 1;
    std::vector<QuestionTiming> placed_questions_;  // per node; set once its fork is placed
    std::vector<bool> node_placed_;
    std::vector<double> fork_at_, fork_width_;
    int last_fork_ = -1;  // the fork placed last (-1: none yet)
    std::vector<ForkTiming> forks_;
};

// The whole timeline on the river as the level has it.
CallTimeline call_timeline(const Level& level, const Catalogue& catalogue);

}  // namespace cw
