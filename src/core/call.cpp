#include "call.hpp"

#include <cassert>

#include "tuning.hpp"

namespace cw {

CallRuntime::CallRuntime(const Level& level) : level_(level), node_(level.node_index(level.start)) {
    assert(!level.nodes.empty() && "a call reaches the runtime only after the level checks");
    if (node_ < 0) node_ = 0;
    for (const Node& n : level.nodes) {
        next_.push_back(n.next.empty() ? -1 : level.node_index(n.next));
        fork_.push_back(n.is_question() ? level.fork_index(n.fork) : -1);
        std::vector<int> replies;
        for (const Reply& r : n.replies) replies.push_back(level.node_index(r.next));
        reply_next_.push_back(std::move(replies));
        std::vector<int> branches;
        for (const Branch& b : n.when) branches.push_back(level.node_index(b.next));
        branch_next_.push_back(std::move(branches));
    }
    vars_ = level.var_initial;
    note_line_changes();
}

void CallRuntime::note_line_changes() {
    const Node& n = node();
    if (n.intensity) line_changes_.intensity += *n.intensity;
    if (n.trust) line_changes_.trust += *n.trust;
}

Effects CallRuntime::take_line_changes() {
    Effects taken = line_changes_;
    line_changes_ = Effects{};
    return taken;
}

CallValues CallRuntime::values(const CallValues& meters) const {
    CallValues v = meters;
    v.names = &level_.var_names;
    v.vars = &vars_;
    return v;
}

bool CallRuntime::cut_in(int index) {
    if (index < 0 || node().is_question() || node().is_end()) return false;
    go_to(index);
    return true;
}

int CallRuntime::question_fork() const { return fork_[node_]; }

void CallRuntime::go_to(int index) {
    if (index < 0) return;
    node_ = index;
    seconds_on_node_ = 0;
    ++visited_;
    note_line_changes();
}

int CallRuntime::upcoming_question() const {
    int i = node_;
    // Lines form chains; the checks guarantee they end in a question or an ending, but a
    // bound keeps a broken graph from looping forever here.
    for (size_t guard = 0; guard <= level_.nodes.size(); ++guard) {
        const Node& n = level_.nodes[i];
        if (n.is_question()) return i;
        if (n.is_end()) return -1;
        i = next_[i];
        if (i < 0) return -1;
    }
    return -1;
}

void CallRuntime::step(double dt, double raft_s, const RiverGeometry& river, const CallValues& meters) {
    seconds_on_node_ += dt;
    const Node& n = node();
    if (n.is_end() || n.is_question()) return;
    int q = upcoming_question();
    if (q >= 0) {
        int fork = fork_[q];
        if (fork >= 0 && river.forks()[fork].at - raft_s < tuning::kQuestionLeadMetres) {
            go_to(q);  // the caller gets to the point: the fork is coming up
            return;
        }
    }
    double seconds = n.seconds ? *n.seconds : default_line_seconds(n.say);
    if (seconds_on_node_ < seconds) return;
    CallValues v = values(meters);
    for (size_t k = 0; k < n.when.size(); ++k)
        if (evaluate(n.when[k].condition, v)) {
            go_to(branch_next_[node_][k]);
            return;
        }
    go_to(next_[node_]);
}

std::optional<int> CallRuntime::answer(int fork, int channel, int tick, const Effects& effects, double intensity,
                                       bool breathed, const std::vector<bool>& offered) {
    if (question_fork() != fork) return std::nullopt;
    const Node& n = node();
    if (channel < 0 || channel >= static_cast<int>(n.replies.size())) return std::nullopt;
    const int authored = n.replies[channel].authored >= 0 ? n.replies[channel].authored : channel;
    choices_.push_back({node_, channel, authored, tick, effects, intensity, breathed, offered});
    for (const VarChange& c : n.replies[channel].changes)
        for (size_t i = 0; i < level_.var_names.size(); ++i)
            if (level_.var_names[i] == c.name) vars_[i] = c.add ? vars_[i] + c.value : c.value;
    go_to(reply_next_[node_][channel]);
    return channel;
}

void CallRuntime::finish_lines() {
    for (size_t guard = 0; guard <= level_.nodes.size(); ++guard) {
        const Node& n = node();
        if (n.is_end() || n.is_question()) return;
        go_to(next_[node_]);
    }
}

}  // namespace cw
