#include "river_layout.hpp"

#include <algorithm>
#include <cmath>

#include "river.hpp"
#include "rng.hpp"
#include "tuning.hpp"

namespace cw {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Tenths of a metre: what `layout --write` prints, so the file read back is this river exactly.
double tenths(double v) { return std::round(v * 10.0) / 10.0; }
double tenths_up(double v) { return std::ceil(v * 10.0 - 1e-9) / 10.0; }

// The centre line's sideways wander: two gentle waves from the seed, eased in from the start.
// Amplitudes and wavelengths keep the tightest bend over twice the widest fork's half width.
struct Bends {
    double a1, l1, p1, a2, l2, p2;
    explicit Bends(uint64_t seed) {
        Rng rng(seed ^ 0xBE4D5ull);
        a1 = rng.uniform(3.0, 6.0);
        l1 = rng.uniform(150.0, 210.0);
        p1 = rng.uniform(0.0, 2 * kPi);
        a2 = rng.uniform(0.5, 1.5);
        l2 = rng.uniform(80.0, 110.0);
        p2 = rng.uniform(0.0, 2 * kPi);
    }
    double x(double y) const {
        const double ease = std::clamp(y / 60.0, 0.0, 1.0);
        const double e = ease * ease * (3 - 2 * ease);
        return e * (a1 * (std::sin(2 * kPi * y / l1 + p1) - std::sin(p1)) +
                    a2 * (std::sin(2 * kPi * y / l2 + p2) - std::sin(p2)));
    }
};

}  // namespace

double layout_fork_width(const Fork& fork) {
    return std::max(kLayoutRiverWidth, fork.channels * kLayoutChannelWidth + (fork.channels - 1) * fork.island);
}

RiverLayout lay_out_river(const Level& level, const Catalogue& catalogue) {
    RiverLayout out;
    const RiverDef& def = level.river;
    const CallRoutes routes = call_routes(level);
    if (!routes.problem.empty()) {
        out.problem = routes.problem;
        return out;
    }
    TimelineBuilder timeline(level, catalogue, routes);
    const double speed = planning_speed(def);
    out.fork_at.assign(def.forks.size(), 0);

    // Forks, in the order the call meets them (distances here are along y, which the bends only
    // lengthen, so every room measured below is at least as large on the finished river).
    std::vector<double> at_y(def.forks.size(), 0);
    double prev_end = tuning::kRaftStartMetres;
    bool first = true;
    for (int k : routes.fork_order) {
        const Fork& f = def.forks[static_cast<size_t>(k)];
        const double width = layout_fork_width(f);
        double asked = 0, read = 0;
        timeline.asking(k, asked, read);
        const double floor = first ? kFirstForkFrom : prev_end + kForkGapMin;
        double at = floor;
        for (int guard = 0; guard < 12; ++guard) {
            const ForkTiming t = timeline.timing_at(k, at, width);
            // Room to cross from any channel of the fork before; the question read, all of it
            // and for at least kMinReadSeconds, before the islands begin.
            const double asked_at = tuning::kRaftStartMetres + speed * asked;
            // And the caller's lines never cut short: a question comes forward once the raft is
            // kQuestionLeadMetres from its fork, so the fork lies further than that from where
            // the raft is when the lines before it are done.
            const double need = std::max({floor, prev_end + t.needed_m, asked_at + speed * read,
                                          asked_at + tuning::kQuestionLeadMetres + 1.0});
            if (need <= at + 0.05) break;
            at = need;
        }
        at = tenths_up(at);
        timeline.place(k, at, width);
        at_y[static_cast<size_t>(k)] = at;
        prev_end = at + f.length;
        first = false;
    }
    const CallTimeline done = timeline.finish();
    // The river runs until the slowest route has said its last line, then the pool.
    const double pool_start =
        std::max({prev_end + kForkBeforePool + 15.0, tuning::kRaftStartMetres + speed * done.last_line_s + 5.0, 60.0});
    const double end_y = std::ceil((pool_start + def.pool + 2.0) / kLayoutPointSpacing) * kLayoutPointSpacing;

    auto width_at = [&](double y) {
        double w = kLayoutRiverWidth;
        for (size_t k = 0; k < def.forks.size(); ++k) {
            const Fork& f = def.forks[k];
            const double lo = at_y[k] - 10.0, hi = at_y[k] + f.length + 10.0, fw = layout_fork_width(f);
            // Full width over the fork and 10 m either side, easing back over the next 20 m.
            double share = y >= lo && y <= hi ? 1.0 : y < lo ? 1.0 - (lo - y) / 20.0 : 1.0 - (y - hi) / 20.0;
            share = std::clamp(share, 0.0, 1.0);
            w = std::max(w, kLayoutRiverWidth + (fw - kLayoutRiverWidth) * share);
        }
        return w;
    };
    const Bends bends(level.seed);
    const int steps = static_cast<int>(std::ceil(end_y / kLayoutPointSpacing));
    for (int i = 0; i <= steps; ++i) {
        const double y = std::min(end_y, i * kLayoutPointSpacing);
        out.points.push_back({{tenths(bends.x(y)), tenths(y)}, tenths(width_at(y)), {}});
        if (y >= end_y) break;
    }

    // Each fork's `at` on the finished centre line: where its planned place projects.
    RiverDef shaped = def;
    shaped.points = out.points;
    shaped.forks.clear();  // not placed yet
    shaped.rocks.clear();
    RiverGeometry river(shaped);
    for (size_t k = 0; k < def.forks.size(); ++k) {
        if (std::find(routes.fork_order.begin(), routes.fork_order.end(), static_cast<int>(k)) == routes.fork_order.end())
            continue;
        out.fork_at[k] = tenths_up(river.project({bends.x(at_y[k]), at_y[k]}).s);
    }
    return out;
}

bool same_course(const RiverDef& a, const RiverDef& b) {
    if (a.points.size() != b.points.size() || a.forks.size() != b.forks.size()) return false;
    for (size_t i = 0; i < a.points.size(); ++i)
        if (a.points[i].pos.x != b.points[i].pos.x || a.points[i].pos.y != b.points[i].pos.y ||
            a.points[i].width != b.points[i].width)
            return false;
    for (size_t i = 0; i < a.forks.size(); ++i)
        if (a.forks[i].at != b.forks[i].at) return false;
    return true;
}

void apply_layout(const RiverLayout& layout, RiverDef& river, SourceLoc loc) {
    river.points = layout.points;
    for (RiverPoint& p : river.points) p.loc = loc;
    for (size_t k = 0; k < river.forks.size() && k < layout.fork_at.size(); ++k) river.forks[k].at = layout.fork_at[k];
}

bool lay_out_in_place(Level& level, const Catalogue& catalogue, std::string& problem) {
    RiverDef& river = level.river;
    if (river.laid_out) {
        RiverLayout layout = lay_out_river(level, catalogue);
        if (!layout.problem.empty()) {
            problem = layout.problem;
            return false;
        }
        apply_layout(layout, river, river.loc);
    }
    river.rocks.erase(std::remove_if(river.rocks.begin(), river.rocks.end(), [](const Rock& r) { return r.scattered; }),
                      river.rocks.end());
    std::vector<Rock> placed = scatter_rocks(river, river.rock_amount, level.seed, river.loc);
    river.rocks.insert(river.rocks.end(), placed.begin(), placed.end());
    return true;
}

std::vector<Rock> scatter_rocks(const RiverDef& def, RockAmount amount, uint64_t seed, SourceLoc loc) {
    std::vector<Rock> out;
    if (amount == RockAmount::none || def.points.size() < 3) return out;
    RiverGeometry river(def);
    Rng rng(seed ^ 0x50C55ull);
    // The open stretches: from the start to the first fork, between forks, the last to the pool.
    std::vector<std::pair<double, double>> busy;  // forks with room to line up before and after
    for (const Fork& f : def.forks) busy.push_back({f.at - 18.0, f.at + f.length + 8.0});
    std::sort(busy.begin(), busy.end());
    std::vector<std::pair<double, double>> open;
    double from = std::max(kRockFrom, 25.0);
    for (const auto& [lo, hi] : busy) {
        if (lo > from) open.push_back({from, lo});
        from = std::max(from, hi);
    }
    if (river.pool_start() - 8.0 > from) open.push_back({from, river.pool_start() - 8.0});

    // A few: one in each open stretch of 40 m or more, another per 100 m; many: one per 40 m.
    const double spacing = amount == RockAmount::few ? 100.0 : 40.0;
    for (const auto& [lo, hi] : open) {
        const double room = hi - lo;
        int count = static_cast<int>(room / spacing);
        if (count == 0 && room >= 40.0) count = 1;
        if (count == 0) continue;
        for (int i = 0; i < count; ++i) {
            const double s = lo + room * (i + rng.uniform(0.3, 0.7)) / count;
            const double hw = river.half_width_at(s);
            const double side = rng.uniform() < 0.5 ? -1.0 : 1.0;
            Rock rock;
            rock.radius = tenths(rng.uniform(0.7, 1.1));
            // Off the middle but clear of the bank: the raft can pass on either side.
            const double lateral = side * std::min(hw * rng.uniform(0.3, 0.5), hw - rock.radius - 2.0);
            const Vec2 p = river.point_at(s, lateral);
            rock.at = {tenths(p.x), tenths(p.y)};
            rock.loc = loc;
            rock.scattered = true;
            out.push_back(rock);
        }
    }
    return out;
}

}  // namespace cw
