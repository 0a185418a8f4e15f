#include "edits.hpp"

#include <algorithm>
#include <cmath>

namespace cw::edits {

namespace {
template <class T>
bool valid(const std::vector<T>& v, int i) {
    return i >= 0 && i < static_cast<int>(v.size());
}

Reply empty_reply(const std::string& next) {
    Reply r;
    r.next = next;
    return r;
}
}  // namespace

NodeKind kind_of(const Node& n) {
    if (n.is_end()) return NodeKind::ending;
    if (n.is_question()) return NodeKind::question;
    return NodeKind::line;
}

void move_point(Draft& d, int i, Vec2 pos) {
    if (valid(d.level.river.points, i)) d.level.river.points[i].pos = pos;
}

void set_point_width(Draft& d, int i, double width) {
    if (valid(d.level.river.points, i)) d.level.river.points[i].width = width;
}

void insert_point(Draft& d, int i) {
    auto& pts = d.level.river.points;
    if (pts.empty() || i < 0 || i > static_cast<int>(pts.size())) return;
    RiverPoint p;
    if (i == 0) {
        p = pts[0];
        p.pos = pts[0].pos - (pts.size() > 1 ? pts[1].pos - pts[0].pos : Vec2{0, 20});
    } else if (i == static_cast<int>(pts.size())) {
        p = pts.back();
        p.pos = pts.back().pos + (pts.size() > 1 ? pts.back().pos - pts[pts.size() - 2].pos : Vec2{0, 20});
    } else {
        p.pos = (pts[i - 1].pos + pts[i].pos) * 0.5;
        p.width = 0.5 * (pts[i - 1].width + pts[i].width);
    }
    p.loc = {};
    pts.insert(pts.begin() + i, p);
}

void delete_point(Draft& d, int i) {
    auto& pts = d.level.river.points;
    if (valid(pts, i)) pts.erase(pts.begin() + i);
}

int add_rock(Draft& d, Vec2 at, double radius) {
    Rock r;
    r.at = at;
    r.radius = radius;
    d.level.river.rocks.push_back(r);
    d.sync();
    return static_cast<int>(d.level.river.rocks.size()) - 1;
}

void move_rock(Draft& d, int i, Vec2 at) {
    if (valid(d.level.river.rocks, i)) d.level.river.rocks[i].at = at;
}

void delete_rock(Draft& d, int i) {
    if (!valid(d.level.river.rocks, i)) return;
    d.level.river.rocks.erase(d.level.river.rocks.begin() + i);
    d.rock_comments.erase(d.rock_comments.begin() + i);
}

int add_fork(Draft& d, double at, int channels) {
    Fork f;
    std::string base = "fork";
    int n = 1;
    do f.id = base + std::to_string(n++);
    while (d.level.fork_index(f.id) >= 0);
    f.at = std::round(at);
    f.channels = std::clamp(channels, 2, 4);
    d.level.river.forks.push_back(f);
    d.sync();
    return static_cast<int>(d.level.river.forks.size()) - 1;
}

void set_fork_channels(Draft& d, int i, int channels) {
    if (!valid(d.level.river.forks, i)) return;
    Fork& f = d.level.river.forks[i];
    f.channels = std::clamp(channels, 2, 4);
    // A question asks one reply per channel: grow or shrink each question on this fork.
    for (Node& n : d.level.nodes) {
        if (n.fork != f.id) continue;
        std::string next = n.replies.empty() ? "" : n.replies.back().next;
        while (static_cast<int>(n.replies.size()) < f.channels) n.replies.push_back(empty_reply(next));
        while (static_cast<int>(n.replies.size()) > f.channels) n.replies.pop_back();
    }
    d.sync();
}

void rename_fork(Draft& d, int i, const std::string& id) {
    if (!valid(d.level.river.forks, i)) return;
    std::string old = d.level.river.forks[i].id;
    d.level.river.forks[i].id = id;
    for (Node& n : d.level.nodes)
        if (n.fork == old) n.fork = id;
}

void delete_fork(Draft& d, int i) {
    if (!valid(d.level.river.forks, i)) return;
    d.level.river.forks.erase(d.level.river.forks.begin() + i);
    d.fork_comments.erase(d.fork_comments.begin() + i);
}

std::string unique_node_id(const Level& l, const std::string& base) {
    if (l.node_index(base) < 0 && !base.empty()) return base;
    for (int n = 2;; ++n) {
        std::string id = base + "_" + std::to_string(n);
        if (l.node_index(id) < 0) return id;
    }
}

int add_node(Draft& d, NodeKind kind, Vec2 pos) {
    Node n;
    const char* base = kind == NodeKind::line ? "line" : kind == NodeKind::question ? "question" : "ending";
    n.id = unique_node_id(d.level, base);
    if (kind == NodeKind::ending) n.end = Outcome::resolved;
    d.level.nodes.push_back(n);
    d.sync();
    int i = static_cast<int>(d.level.nodes.size()) - 1;
    d.nodes[i].pos = pos;
    if (kind == NodeKind::question) set_node_kind(d, i, NodeKind::question);
    return i;
}

void delete_node(Draft& d, int i) {
    if (!valid(d.level.nodes, i)) return;
    d.level.nodes.erase(d.level.nodes.begin() + i);
    d.nodes.erase(d.nodes.begin() + i);
}

void rename_node(Draft& d, int i, const std::string& id) {
    if (!valid(d.level.nodes, i)) return;
    Level& l = d.level;
    std::string old = l.nodes[i].id;
    // Only rename links when the old name was unique: with a duplicate, links stay ambiguous.
    bool unique = std::count_if(l.nodes.begin(), l.nodes.end(), [&](const Node& n) { return n.id == old; }) == 1;
    // Recordings are named by line id, which was the old node id: keep it, written as `line`.
    Node& renamed = l.nodes[i];
    if (renamed.line_ids.empty() && !renamed.say.empty())
        for (size_t v = 0; v < line_count(renamed); ++v) renamed.line_ids.push_back(line_id(renamed, v));
    renamed.id = id;
    if (!unique) return;
    auto fix = [&](std::string& ref) {
        if (ref == old) ref = id;
    };
    fix(l.start);
    for (Threshold& t : l.thresholds) fix(t.node);
    for (Node& n : l.nodes) {
        fix(n.next);
        for (Branch& b : n.when) fix(b.next);
        for (Reply& r : n.replies) fix(r.next);
    }
}

void set_say_variants(Draft& d, int i, std::vector<std::string> variants) {
    if (!valid(d.level.nodes, i)) return;
    Node& n = d.level.nodes[i];
    const bool several_before = n.say_variants.size() > 1, several_after = variants.size() > 1;
    if (n.line_ids.empty() && !n.say.empty() && several_before != several_after)
        for (size_t v = 0; v < line_count(n); ++v) n.line_ids.push_back(line_id(n, v));
    n.say_variants = std::move(variants);
}

void set_node_kind(Draft& d, int i, NodeKind kind) {
    if (!valid(d.level.nodes, i)) return;
    Node& n = d.level.nodes[i];
    std::string onward = n.next;
    if (onward.empty() && !n.replies.empty()) onward = n.replies.front().next;
    n.next.clear();
    n.fork.clear();
    n.end = Outcome::none;
    switch (kind) {
        case NodeKind::line:
            n.next = onward;
            n.replies.clear();
            break;
        case NodeKind::ending:
            n.end = Outcome::resolved;
            n.replies.clear();
            n.when.clear();
            break;
        case NodeKind::question: {
            n.when.clear();
            // The first fork no other question uses, or the first fork.
            for (const Fork& f : d.level.river.forks) {
                bool used = std::any_of(d.level.nodes.begin(), d.level.nodes.end(),
                                        [&](const Node& o) { return &o != &n && o.fork == f.id; });
                if (!used) {
                    n.fork = f.id;
                    break;
                }
            }
            if (n.fork.empty() && !d.level.river.forks.empty()) n.fork = d.level.river.forks.front().id;
            int fi = d.level.fork_index(n.fork);
            int channels = fi >= 0 ? d.level.river.forks[fi].channels : 2;
            while (static_cast<int>(n.replies.size()) < channels) n.replies.push_back(empty_reply(onward));
            break;
        }
    }
    d.sync();
}

void set_node_pos(Draft& d, int i, Vec2 pos) {
    if (valid(d.nodes, i)) d.nodes[i].pos = Vec2{std::round(pos.x), std::round(pos.y)};
}

int add_reply(Draft& d, int node) {
    if (!valid(d.level.nodes, node)) return -1;
    Node& n = d.level.nodes[node];
    n.replies.push_back(empty_reply(n.replies.empty() ? "" : n.replies.back().next));
    d.sync();
    return static_cast<int>(n.replies.size()) - 1;
}

void delete_reply(Draft& d, int node, int reply) {
    if (!valid(d.level.nodes, node) || !valid(d.level.nodes[node].replies, reply)) return;
    auto& rs = d.level.nodes[node].replies;
    rs.erase(rs.begin() + reply);
    auto& cs = d.nodes[node].reply_comments;
    if (valid(cs, reply)) cs.erase(cs.begin() + reply);
}

void move_reply(Draft& d, int node, int from, int to) {
    if (!valid(d.level.nodes, node)) return;
    auto& rs = d.level.nodes[node].replies;
    if (!valid(rs, from) || !valid(rs, to) || from == to) return;
    std::swap(rs[from], rs[to]);
    auto& cs = d.nodes[node].reply_comments;
    if (valid(cs, from) && valid(cs, to)) std::swap(cs[from], cs[to]);
}

void add_variable(Draft& d, const std::string& name, bool flag) {
    d.level.var_names.push_back(name);
    d.level.var_initial.push_back(0);
    d.level.var_locs.push_back({});
    d.var_is_flag.push_back(flag);
}

void rename_variable(Draft& d, int i, const std::string& name) {
    if (!valid(d.level.var_names, i)) return;
    std::string old = d.level.var_names[i];
    d.level.var_names[i] = name;
    for (Node& n : d.level.nodes)
        for (Reply& r : n.replies)
            for (VarChange& c : r.changes)
                if (c.name == old) c.name = name;
}

void delete_variable(Draft& d, int i) {
    if (!valid(d.level.var_names, i)) return;
    d.level.var_names.erase(d.level.var_names.begin() + i);
    d.level.var_initial.erase(d.level.var_initial.begin() + i);
    if (valid(d.level.var_locs, i)) d.level.var_locs.erase(d.level.var_locs.begin() + i);
    if (valid(d.var_is_flag, i)) d.var_is_flag.erase(d.var_is_flag.begin() + i);
}

}  // namespace cw::edits
