#include "level.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace cw {

const char* outcome_id(Outcome o) {
    switch (o) {
        case Outcome::none: return "none";
        case Outcome::resolved: return "resolved";
        case Outcome::follow_up: return "follow_up";
        case Outcome::escalated: return "escalated";
        case Outcome::hung_up: return "hung_up";
        case Outcome::capsized: return "capsized";
        case Outcome::timed_out: return "timed_out";
        case Outcome::agent_ended: return "agent_ended";
    }
    return "none";
}

const char* outcome_label(Outcome o) {
    switch (o) {
        case Outcome::none: return "Call in progress";
        case Outcome::resolved: return "Resolved";
        case Outcome::follow_up: return "Follow-up promised";
        case Outcome::escalated: return "Escalated to a manager";
        case Outcome::hung_up: return "The caller hung up";
        case Outcome::capsized: return "Capsized: composure ran out";
        case Outcome::timed_out: return "The call ran out of time";
        case Outcome::agent_ended: return "Ended by you, under the abuse policy";
    }
    return "";
}

const std::vector<Outcome>& level_endings() {
    static const std::vector<Outcome> endings{Outcome::resolved, Outcome::follow_up, Outcome::escalated,
                                              Outcome::hung_up, Outcome::agent_ended};
    return endings;
}

std::optional<Outcome> outcome_from_id(const std::string& id) {
    for (Outcome o : level_endings())
        if (id == outcome_id(o)) return o;
    return std::nullopt;
}

const char* grade_id(Grade g) {
    switch (g) {
        case Grade::best: return "best";
        case Grade::good: return "good";
        case Grade::slip: return "slip";
        case Grade::trap: return "trap";
    }
    return "good";
}

std::optional<Grade> grade_from_id(const std::string& id) {
    for (Grade g : {Grade::best, Grade::good, Grade::slip, Grade::trap})
        if (id == grade_id(g)) return g;
    return std::nullopt;
}

int grade_tone(Grade g) {
    switch (g) {
        case Grade::best: return 2;
        case Grade::good: return 1;
        case Grade::slip: return -1;
        case Grade::trap: return -2;
    }
    return 0;
}

double rock_reach(const Rock& rock) {
    if (rock.radius > 0) return rock.radius;
    double reach = 0;
    for (Vec2 p : rock.polygon) reach = std::max(reach, length(p));
    return reach;
}

namespace {
// True when the points turn the same way at every corner; `area` is then the polygon's area.
bool convex_polygon(const std::vector<Vec2>& pts, double& area) {
    area = 0;
    int sign = 0;
    size_t n = pts.size();
    for (size_t i = 0; i < n; ++i) {
        Vec2 a = pts[i], b = pts[(i + 1) % n], c = pts[(i + 2) % n];
        area += cross(a, b);
        double z = cross(b - a, c - b);
        if (std::fabs(z) < 1e-9) return false;
        int s = z > 0 ? 1 : -1;
        if (sign == 0) sign = s;
        else if (s != sign) return false;
    }
    area = std::fabs(area) * 0.5;
    return true;
}
}  // namespace

std::string rock_shape_problem(const Rock& rock) {
    constexpr size_t kMaxCorners = 8;  // Box2D's b2_maxPolygonVertices
    constexpr double kMinCornerGap = 0.2, kMinArea = 0.2;
    if (rock.radius > 0) return std::isfinite(rock.radius) ? "" : "this rock's radius is not a number";
    if (rock.polygon.size() < 3 || rock.polygon.size() > kMaxCorners)
        return "a polygon rock needs 3 to " + std::to_string(kMaxCorners) + " points (it has " +
               std::to_string(rock.polygon.size()) + ")";
    bool spaced = true;
    for (size_t k = 0; k < rock.polygon.size(); ++k)
        if (!(length(rock.polygon[k] - rock.polygon[(k + 1) % rock.polygon.size()]) >= kMinCornerGap)) spaced = false;
    double area = 0;
    if (!spaced || !convex_polygon(rock.polygon, area) || area < kMinArea)
        return "this rock's points must form a convex shape (no dents, no three points in a line, corners at "
               "least 0.2 m apart)";
    return "";
}

int Level::node_index(const std::string& id) const {
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].id == id) return static_cast<int>(i);
    return -1;
}

int Level::fork_index(const std::string& id) const {
    for (size_t i = 0; i < river.forks.size(); ++i)
        if (river.forks[i].id == id) return static_cast<int>(i);
    return -1;
}

double default_line_seconds(const std::string& say) {
    // About 15 characters a second, never rushed, never lingering.
    return std::clamp(2.0 + static_cast<double>(say.size()) / 15.0, 3.0, 12.0);
}

}  // namespace cw

namespace cw {

size_t line_count(const Node& n) { return std::max<size_t>(1, n.say_variants.size()); }

std::string line_id(const Node& n, size_t variant) {
    assert(variant < line_count(n));
    if (variant < n.line_ids.size()) return n.line_ids[variant];
    if (n.say_variants.size() > 1) return n.id + "." + std::to_string(variant + 1);
    return n.id;
}

bool valid_line_id(const std::string& id) {
    if (id.empty() || id.size() > 64 || id.front() == '.') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.';
    });
}

std::vector<SpokenLine> spoken_lines(const Level& level) {
    std::vector<SpokenLine> out;
    for (const Node& n : level.nodes) {
        if (n.narration) continue;
        for (size_t v = 0; v < line_count(n); ++v)
            out.push_back({line_id(n, v), n.id, v, v < n.say_variants.size() ? n.say_variants[v] : n.say});
    }
    return out;
}

}  // namespace cw
