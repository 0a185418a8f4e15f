#include "river.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace cw {

namespace {

double catmull_rom(double p0, double p1, double p2, double p3, double t) {
    double t2 = t * t, t3 = t2 * t;
    return 0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2 +
                  (-p0 + 3 * p1 - 3 * p2 + p3) * t3);
}

// Island thickness along its length: blunt, rounded ends rather than needle tips.
double island_taper(double t) {
    if (t <= 0.0 || t >= 1.0) return 0.0;
    return std::sqrt(std::sin(kPi * t));
}

}  // namespace

RiverGeometry::RiverGeometry(const RiverDef& def, double sample_step) : forks_(def.forks) {
    const auto& pts = def.points;
    const int n = static_cast<int>(pts.size());
    assert(n >= 3 && "a river reaches the geometry only after the level checks (3 points or more)");
    auto at = [&](int i) -> const RiverPoint& { return pts[std::clamp(i, 0, n - 1)]; };

    std::vector<std::pair<Vec2, double>> raw;  // position, width
    for (int i = 0; i + 1 < n; ++i) {
        const RiverPoint &p0 = at(i - 1), &p1 = at(i), &p2 = at(i + 1), &p3 = at(i + 2);
        double seg = cw::length(p2.pos - p1.pos);
        int steps = std::max(1, static_cast<int>(std::ceil(seg / sample_step)));
        for (int j = 0; j < steps; ++j) {
            double t = static_cast<double>(j) / steps;
            Vec2 pos{catmull_rom(p0.pos.x, p1.pos.x, p2.pos.x, p3.pos.x, t),
                     catmull_rom(p0.pos.y, p1.pos.y, p2.pos.y, p3.pos.y, t)};
            // Widths blend smoothly but never overshoot their neighbours.
            double w = lerp(p1.width, p2.width, smoothstep01(t));
            raw.push_back({pos, w});
        }
    }
    raw.push_back({pts.back().pos, pts.back().width});

    // Drop near-duplicates: Box2D rejects chain vertices closer than its linear slop.
    for (const auto& [pos, w] : raw) {
        if (!samples_.empty() && cw::length(pos - samples_.back().pos) < 0.05) continue;
        RiverSample s;
        s.pos = pos;
        s.half_width = w * 0.5;
        s.s = samples_.empty() ? 0.0 : samples_.back().s + cw::length(pos - samples_.back().pos);
        samples_.push_back(s);
    }
    const size_t m = samples_.size();
    for (size_t i = 0; i < m; ++i) {
        Vec2 a = samples_[i > 0 ? i - 1 : 0].pos;
        Vec2 b = samples_[i + 1 < m ? i + 1 : m - 1].pos;
        samples_[i].tangent = normalized(b - a);
    }
    for (size_t i = 0; i + 1 < m; ++i) {
        Vec2 ab = samples_[i + 1].pos - samples_[i].pos;
        double len2 = dot(ab, ab);
        inverse_length2_.push_back(len2 > 0 ? 1.0 / len2 : 0.0);
    }
    pool_start_ = std::max(0.0, length() - def.pool);
}

RiverFrame RiverGeometry::project(Vec2 p, int hint) const {
    const int segs = static_cast<int>(samples_.size()) - 1;
    auto dist2 = [&](int i, double& t) {
        Vec2 a = samples_[i].pos, ab = samples_[i + 1].pos - a;
        t = clamp(dot(p - a, ab) * inverse_length2_[i], 0.0, 1.0);
        Vec2 q = a + ab * t;
        return dot(p - q, p - q);
    };
    int best = 0;
    double best_d2 = 1e300, best_t = 0, t = 0;
    if (hint >= 0 && hint < segs) {
        // Walk downhill from the hint: points move a little between queries, so this usually
        // tests two or three segments. A few extra steps past the minimum step over the
        // flat spots where a bend makes neighbouring segments equally near.
        best = hint;
        best_d2 = dist2(hint, best_t);
        for (int dir : {1, -1}) {
            int worse = 0;
            for (int i = hint + dir; i >= 0 && i < segs && worse < 2; i += dir) {
                double d2 = dist2(i, t);
                if (d2 < best_d2) {
                    best_d2 = d2, best = i, best_t = t;
                    worse = 0;
                } else {
                    ++worse;
                }
            }
        }
    } else {
        for (int i = 0; i < segs; ++i) {
            double d2 = dist2(i, t);
            if (d2 < best_d2) best_d2 = d2, best = i, best_t = t;
        }
    }
    const RiverSample &a = samples_[best], &b = samples_[best + 1];
    RiverFrame f;
    f.segment = best;
    f.s = lerp(a.s, b.s, best_t);
    f.half_width = lerp(a.half_width, b.half_width, best_t);
    f.tangent = normalized(a.tangent * (1 - best_t) + b.tangent * best_t);
    Vec2 q = a.pos + (b.pos - a.pos) * best_t;
    f.lateral = dot(p - q, right_of(f.tangent));
    return f;
}

size_t RiverGeometry::segment_at(double& s, int segment, double& t) const {
    s = clamp(s, 0.0, length());
    size_t i;
    if (segment >= 0 && segment + 1 < static_cast<int>(samples_.size()) && samples_[segment].s <= s &&
        s <= samples_[segment + 1].s) {
        i = static_cast<size_t>(segment);
    } else {
        auto it = std::upper_bound(samples_.begin(), samples_.end(), s,
                                   [](double v, const RiverSample& smp) { return v < smp.s; });
        i = it == samples_.begin() ? 0 : static_cast<size_t>(it - samples_.begin()) - 1;
    }
    if (i + 1 >= samples_.size()) {
        t = 0;
        return samples_.size() - 1;
    }
    const RiverSample &a = samples_[i], &b = samples_[i + 1];
    t = (b.s > a.s) ? (s - a.s) / (b.s - a.s) : 0.0;
    return i;
}

RiverSample RiverGeometry::sample_at(double s, int segment) const {
    double t;
    size_t i = segment_at(s, segment, t);
    if (i + 1 >= samples_.size()) return samples_.back();
    const RiverSample &a = samples_[i], &b = samples_[i + 1];
    RiverSample r;
    r.pos = a.pos + (b.pos - a.pos) * t;
    r.tangent = normalized(a.tangent * (1 - t) + b.tangent * t);
    r.s = s;
    r.half_width = lerp(a.half_width, b.half_width, t);
    return r;
}

double RiverGeometry::half_width_at(double s, int segment) const {
    double t;
    size_t i = segment_at(s, segment, t);
    if (i + 1 >= samples_.size()) return samples_.back().half_width;
    return lerp(samples_[i].half_width, samples_[i + 1].half_width, t);
}

Vec2 RiverGeometry::point_at(double s, double lateral) const {
    RiverSample r = sample_at(s);
    return r.pos + right_of(r.tangent) * lateral;
}

void RiverGeometry::island_at(int fork, int j, double s, double& centre, double& half) const {
    island_at_width(fork, j, s, half_width_at(s), centre, half);
}

void RiverGeometry::island_at_width(int fork, int j, double s, double hw, double& centre, double& half) const {
    const Fork& f = forks_[fork];
    double cw = (2 * hw - (f.channels - 1) * f.island) / f.channels;
    centre = -hw + j * cw + (j - 0.5) * f.island;
    half = 0.5 * f.island * island_taper((s - f.at) / f.length);
}

std::vector<std::pair<double, double>> RiverGeometry::channel_walls(int fork, double s) const {
    const Fork& f = forks_[fork];
    double hw = half_width_at(s);
    std::vector<std::pair<double, double>> walls;
    double left = -hw;
    for (int j = 1; j < f.channels; ++j) {
        double c, h;
        island_at(fork, j, s, c, h);
        walls.push_back({left, c - h});
        left = c + h;
    }
    walls.push_back({left, hw});
    return walls;
}

double RiverGeometry::channel_centre(int fork, int channel) const {
    const Fork& f = forks_[fork];
    auto walls = channel_walls(fork, f.at + f.length * 0.5);
    return 0.5 * (walls[channel].first + walls[channel].second);
}

WaterBand RiverGeometry::band(double s, double lateral, int segment) const {
    // On the per-step path: no allocation, one width lookup.
    WaterBand b;
    double hw = half_width_at(s, segment);
    b.left = -hw;
    b.right = hw;
    b.in_water = std::fabs(lateral) < hw && s >= 0 && s <= length();
    for (size_t fi = 0; fi < forks_.size(); ++fi) {
        const Fork& f = forks_[fi];
        if (s <= f.at || s >= f.at + f.length) continue;
        b.fork = static_cast<int>(fi);
        b.in_water = false;
        double left = -hw;
        for (int k = 0; k < f.channels; ++k) {
            double right = hw, next_left = hw, c, h;
            if (k + 1 < f.channels) {
                island_at_width(static_cast<int>(fi), k + 1, s, hw, c, h);
                right = c - h;
                next_left = c + h;
            }
            if (lateral >= left && lateral <= right) {
                b.in_water = true;
                b.channel = k;
                b.left = left;
                b.right = right;
                break;
            }
            left = next_left;
        }
        break;
    }
    return b;
}

std::vector<Vec2> RiverGeometry::left_bank() const {
    std::vector<Vec2> out;
    out.reserve(samples_.size());
    for (const auto& s : samples_) out.push_back(s.pos - right_of(s.tangent) * s.half_width);
    return out;
}

std::vector<Vec2> RiverGeometry::right_bank() const {
    std::vector<Vec2> out;
    out.reserve(samples_.size());
    for (const auto& s : samples_) out.push_back(s.pos + right_of(s.tangent) * s.half_width);
    return out;
}

std::vector<Vec2> RiverGeometry::water_outline() const {
    std::vector<Vec2> loop = left_bank();
    std::vector<Vec2> right = right_bank();
    loop.insert(loop.end(), right.rbegin(), right.rend());
    return loop;
}

std::vector<std::vector<Vec2>> RiverGeometry::islands() const {
    std::vector<std::vector<Vec2>> out;
    for (size_t fi = 0; fi < forks_.size(); ++fi) {
        const Fork& f = forks_[fi];
        int steps = std::max(10, static_cast<int>(std::ceil(f.length / 1.5)));
        for (int j = 1; j < f.channels; ++j) {
            std::vector<Vec2> right_edge, left_edge;
            for (int k = 1; k < steps; ++k) {
                double s = f.at + f.length * k / steps;
                double c, h;
                island_at(static_cast<int>(fi), j, s, c, h);
                right_edge.push_back(point_at(s, c + h));
                left_edge.push_back(point_at(s, c - h));
            }
            double c0, h0, c1, h1;
            island_at(static_cast<int>(fi), j, f.at, c0, h0);
            island_at(static_cast<int>(fi), j, f.at + f.length, c1, h1);
            std::vector<Vec2> loop;
            loop.push_back(point_at(f.at, c0));
            loop.insert(loop.end(), right_edge.begin(), right_edge.end());
            loop.push_back(point_at(f.at + f.length, c1));
            loop.insert(loop.end(), left_edge.rbegin(), left_edge.rend());
            out.push_back(std::move(loop));
        }
    }
    return out;
}

double RiverGeometry::tightest_bend_ratio(int* at_sample) const {
    double worst = 1e9;
    for (size_t i = 1; i + 1 < samples_.size(); ++i) {
        Vec2 a = samples_[i - 1].pos, b = samples_[i].pos, c = samples_[i + 1].pos;
        double ab = cw::length(b - a), bc = cw::length(c - b), ca = cw::length(a - c);
        double area2 = std::fabs(cross(b - a, c - a));
        if (area2 < 1e-12) continue;
        double radius = ab * bc * ca / (2.0 * area2);  // circumradius of the three samples
        double ratio = radius / samples_[i].half_width;
        if (ratio < worst) {
            worst = ratio;
            if (at_sample) *at_sample = static_cast<int>(i);
        }
    }
    return worst;
}

}  // namespace cw
