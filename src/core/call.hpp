// The dialogue runtime: which node the call is on, how long it has been there, and what the
// agent has replied so far. The simulation owns the numbers (intensity, composure, trust);
// this class only walks the graph.
#pragma once
#include <optional>
#include <vector>

#include "catalogue.hpp"
#include "level.hpp"
#include "river.hpp"

namespace cw {

struct ChoiceRecord {
    int node = -1;       // index into Level::nodes
    int reply = -1;      // index into that node's replies as the run laid them out (= the channel)
    int authored = -1;   // the same reply's index in the level file (A is the first written)
    int tick = 0;
    Effects effects;
    double intensity_before = 0;
    bool breathed = false;  // a steady breath came just before it: the `breathe` technique
    std::vector<bool> offered;  // per channel, whether its reply was open (empty: all were)
};

class CallRuntime {
public:
    // `level` must have passed the checks: every next and fork resolves.
    explicit CallRuntime(const Level& level);

    int node_index() const { return node_; }
    const Node& node() const { return level_.nodes[node_]; }
    double seconds_on_node() const { return seconds_on_node_; }
    Outcome ending() const { return node().end; }
    int question_fork() const;  // the fork the current question is bound to, or -1

    // Lines move on with time (taking the first `when` branch whose condition holds); a
    // question waits for the raft. `raft_s` lets an upcoming question jump forward so it is
    // always asked before its fork. `meters`: intensity, composure and trust now.
    void step(double dt, double raft_s, const RiverGeometry& river, const CallValues& meters);
    // The caller cuts in: jump to `index` (only from a line; returns false otherwise).
    bool cut_in(int index);
    // Intensity, composure and trust from `meters`, with this call's variables.
    CallValues values(const CallValues& meters) const;
    const std::vector<double>& vars() const { return vars_; }
    // The raft crossed a channel. Returns the reply index when that answered the question.
    // `offered`: which channels were open as it was asked (empty: all of them).
    std::optional<int> answer(int fork, int channel, int tick, const Effects& effects, double intensity,
                              bool breathed = false, const std::vector<bool>& offered = {});
    // The raft reached the pool: the rest of the call is said at once.
    void finish_lines();

    const std::vector<ChoiceRecord>& choices() const { return choices_; }
    int nodes_visited() const { return visited_; }
    // What the lines begun since the last call change (a line's own `intensity` and `trust`):
    // the simulation applies it, so each line's change lands once, as the line begins.
    Effects take_line_changes();

private:
    void go_to(int index);
    void note_line_changes();
    int upcoming_question() const;  // following lines from here, the next question node or -1

    const Level& level_;
    // Ids resolved to indices once, so stepping never compares strings.
    std::vector<int> next_;                      // per node: its `next`, or -1
    std::vector<int> fork_;                      // per node: its fork, or -1
    std::vector<std::vector<int>> reply_next_;   // per node, per reply
    std::vector<std::vector<int>> branch_next_;  // per node, per `when` branch
    std::vector<double> vars_;
    int node_ = 0;
    double seconds_on_node_ = 0;
    int visited_ = 1;
    Effects line_changes_;
    std::vector<ChoiceRecord> choices_;
};

}  // namespace cw
