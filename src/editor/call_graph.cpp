#include "call_graph.hpp"

#include <algorithm>
#include <cmath>
#include <deque>

namespace cw {

std::vector<CallEdge> call_edges(const Level& level) {
    std::vector<CallEdge> edges;
    for (size_t i = 0; i < level.nodes.size(); ++i) {
        const Node& n = level.nodes[i];
        int from = static_cast<int>(i);
        if (!n.is_question() && !n.is_end() && !n.next.empty()) {
            int to = level.node_index(n.next);
            if (to >= 0) edges.push_back({from, to, CallEdge::next, 0});
        }
        for (size_t b = 0; b < n.when.size(); ++b) {
            int to = level.node_index(n.when[b].next);
            if (to >= 0) edges.push_back({from, to, CallEdge::branch, static_cast<int>(b)});
        }
        for (size_t r = 0; r < n.replies.size(); ++r) {
            int to = level.node_index(n.replies[r].next);
            if (to >= 0) edges.push_back({from, to, CallEdge::reply, static_cast<int>(r)});
        }
    }
    return edges;
}

std::vector<bool> dead_ends(const Level& level) {
    // A node is fine when it is an ending, or when every way on exists and leads to a fine
    // node; everything else (found by repeating until nothing changes) is a dead end.
    size_t n = level.nodes.size();
    std::vector<bool> fine(n, false);
    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < n; ++i) {
            if (fine[i]) continue;
            const Node& node = level.nodes[i];
            bool ok = node.is_end();
            if (!ok) {
                std::vector<std::string> ways;
                if (node.is_question()) {
                    for (const Reply& r : node.replies) ways.push_back(r.next);
                } else {
                    ways.push_back(node.next);
                    for (const Branch& b : node.when) ways.push_back(b.next);
                }
                ok = !ways.empty() && std::all_of(ways.begin(), ways.end(), [&](const std::string& id) {
                    int to = level.node_index(id);
                    return to >= 0 && fine[static_cast<size_t>(to)];
                });
            }
            if (ok) {
                fine[i] = true;
                grew = true;
            }
        }
    }
    std::vector<bool> dead(n);
    for (size_t i = 0; i < n; ++i) dead[i] = !fine[i];
    return dead;
}

std::vector<Vec2> layout_call(const Draft& draft, bool all) {
    const Level& level = draft.level;
    size_t n = level.nodes.size();
    // Columns: steps from the start (breadth first), then nodes nothing reaches, one column on.
    std::vector<int> depth(n, -1);
    std::deque<int> queue;
    std::vector<int> order;  // nodes in the order they were reached
    int start = level.node_index(level.start);
    if (start >= 0) {
        depth[static_cast<size_t>(start)] = 0;
        queue.push_back(start);
        order.push_back(start);
    }
    std::vector<std::vector<int>> out(n);
    for (const CallEdge& e : call_edges(level)) out[static_cast<size_t>(e.from)].push_back(e.to);
    auto flood = [&]() {
        while (!queue.empty()) {
            int i = queue.front();
            queue.pop_front();
            for (int to : out[static_cast<size_t>(i)])
                if (depth[static_cast<size_t>(to)] < 0) {
                    depth[static_cast<size_t>(to)] = depth[static_cast<size_t>(i)] + 1;
                    queue.push_back(to);
                    order.push_back(to);
                }
        }
    };
    flood();
    for (size_t i = 0; i < n; ++i)
        if (depth[i] < 0) {
            depth[i] = 0;
            queue.push_back(static_cast<int>(i));
            order.push_back(static_cast<int>(i));
            flood();
        }
    // Rows: in each column, in the order the nodes were reached, so siblings sit together.
    std::vector<Vec2> pos(n);
    std::vector<int> rows;
    for (int oi : order) {
        size_t i = static_cast<size_t>(oi);
        int d = depth[i];
        if (static_cast<int>(rows.size()) <= d) rows.resize(static_cast<size_t>(d) + 1, 0);
        pos[i] = {d * kLayoutColumn, rows[static_cast<size_t>(d)]++ * kLayoutRow};
    }
    if (all) return pos;

    // Keep the positioned nodes; put each new one at its column, below anything in the way.
    std::vector<Vec2> placed;
    for (size_t i = 0; i < n; ++i)
        if (i < draft.nodes.size() && draft.nodes[i].pos) {
            pos[i] = *draft.nodes[i].pos;
            placed.push_back(pos[i]);
        }
    for (size_t i = 0; i < n; ++i) {
        if (i < draft.nodes.size() && draft.nodes[i].pos) continue;
        auto clash = [&](Vec2 p) {
            return std::any_of(placed.begin(), placed.end(), [&](Vec2 q) {
                return std::fabs(p.x - q.x) < kLayoutColumn * 0.8 && std::fabs(p.y - q.y) < kLayoutRow * 0.8;
            });
        };
        while (clash(pos[i])) pos[i].y += kLayoutRow;
        placed.push_back(pos[i]);
    }
    return pos;
}

Level level_starting_at(const Level& level, int node) {
    Level out = level;
    if (node < 0 || node >= static_cast<int>(level.nodes.size())) return out;
    out.start = level.nodes[static_cast<size_t>(node)].id;
    std::vector<bool> keep(level.nodes.size(), false);
    std::vector<std::vector<int>> links(level.nodes.size());
    for (const CallEdge& e : call_edges(level)) links[static_cast<size_t>(e.from)].push_back(e.to);
    std::vector<int> stack{node};
    for (const Threshold& t : level.thresholds)
        if (level.node_index(t.node) >= 0) stack.push_back(level.node_index(t.node));
    while (!stack.empty()) {
        int i = stack.back();
        stack.pop_back();
        if (keep[static_cast<size_t>(i)]) continue;
        keep[static_cast<size_t>(i)] = true;
        for (int to : links[static_cast<size_t>(i)]) stack.push_back(to);
    }
    out.nodes.clear();
    for (size_t i = 0; i < level.nodes.size(); ++i)
        if (keep[i]) out.nodes.push_back(level.nodes[i]);
    return out;
}

}  // namespace cw
