#include "flow.hpp"

#include <cmath>

#include "rng.hpp"

namespace cw {

namespace {
constexpr double kWallRamp = 2.5;       // metres over which turbulence fades out at a wall
constexpr double kTurbAmplitude = 2.2;  // stream-function amplitude at roughness 1, m^2/s
constexpr double kCurlStep = 0.05;      // metres, for the central differences of the curl
}  // namespace

double cross_profile(double x, double bank_flow) {
    x = clamp(x, -1.0, 1.0);
    return bank_flow + (1.0 - bank_flow) * (1.0 - x * x);
}

double pool_fade(double s, double pool_start) {
    // The current eases over the 25 m before the pool and dies away 15 m into it.
    if (s < pool_start - 25.0) return 1.0;
    if (s < pool_start) return lerp(1.0, 0.45, smoothstep01((s - (pool_start - 25.0)) / 25.0));
    return lerp(0.45, 0.0, smoothstep01((s - pool_start) / 15.0));
}

FlowField::FlowField(const RiverGeometry& river, const RiverDef& def, uint64_t seed)
    : river_(river), current_speed_(def.current), bank_flow_(def.bank_flow) {
    Rng rng(seed ^ 0xF10Dull);
    for (auto& w : waves_) {
        double angle = rng.uniform(0.0, 2.0 * kPi);
        double wavelength = rng.uniform(5.0, 14.0);
        double k = 2.0 * kPi / wavelength;
        w.k = {std::cos(angle) * k, std::sin(angle) * k};
        w.omega = rng.uniform(0.4, 1.3) * (rng.uniform() < 0.5 ? -1.0 : 1.0);
        w.phase = rng.uniform(0.0, 2.0 * kPi);
        w.weight = rng.uniform(0.6, 1.0);
    }
}

Vec2 FlowField::current(Vec2 p, int& hint) const {
    RiverFrame f = river_.project(p, hint);
    hint = f.segment;
    WaterBand b = river_.band(f.s, f.lateral);
    if (!b.in_water) return {0, 0};
    double mid = 0.5 * (b.left + b.right), half = 0.5 * (b.right - b.left);
    double x = half > 1e-9 ? (f.lateral - mid) / half : 0.0;
    double speed = current_speed_ * cross_profile(x, bank_flow_) * pool_fade(f.s, river_.pool_start());
    return f.tangent * speed;
}

double FlowField::stream(Vec2 p, double t, double rough, const CalmSpot& calm, int& hint) const {
    if (rough <= 0.0) return 0.0;
    RiverFrame f = river_.project(p, hint);
    hint = f.segment;
    WaterBand b = river_.band(f.s, f.lateral);
    if (!b.in_water) return 0.0;
    // smoothstep has zero slope at 0, so both the potential and its gradient vanish at walls.
    double wall_distance = std::fmin(f.lateral - b.left, b.right - f.lateral);
    double ramp = smoothstep01(wall_distance / kWallRamp);
    double d2 = dot(p - calm.centre, p - calm.centre);
    double calm_factor = 1.0 - calm.strength * std::exp(-d2 / (calm.radius * calm.radius));
    double fade = pool_fade(f.s, river_.pool_start());
    // Rougher water: stronger and finer-grained eddies.
    double amplitude = kTurbAmplitude * std::pow(rough, 1.5);
    double freq = 1.0 + rough;
    double sum = 0;
    for (const Wave& w : waves_)
        sum += w.weight * std::sin(freq * dot(w.k, p) + w.omega * freq * t + w.phase);
    return amplitude / freq * ramp * calm_factor * fade * sum / 3.0;
}

Vec2 FlowField::turbulence(Vec2 p, double t, double rough, const CalmSpot& calm, int& hint) const {
    if (rough <= 0.0) return {0, 0};
    const double h = kCurlStep;
    double dpdx = (stream({p.x + h, p.y}, t, rough, calm, hint) -
                   stream({p.x - h, p.y}, t, rough, calm, hint)) / (2 * h);
    double dpdy = (stream({p.x, p.y + h}, t, rough, calm, hint) -
                   stream({p.x, p.y - h}, t, rough, calm, hint)) / (2 * h);
    return {dpdy, -dpdx};
}

}  // namespace cw
