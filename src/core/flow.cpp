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

Vec2 FlowField::current_at(const RiverFrame& f) const {
    return current_in(river_.band(f.s, f.lateral, f.segment), f);
}

Vec2 FlowField::current_in(const WaterBand& b, const RiverFrame& f) const {
    if (!b.in_water) return {0, 0};
    double mid = 0.5 * (b.left + b.right), half = 0.5 * (b.right - b.left);
    double x = half > 1e-9 ? (f.lateral - mid) / half : 0.0;
    double speed = current_speed_ * cross_profile(x, bank_flow_) * pool_fade(f.s, river_.pool_start());
    return f.tangent * speed;
}

Vec2 FlowField::current(Vec2 p, int& hint) const {
    RiverFrame f = river_.project(p, hint);
    hint = f.segment;
    return current_at(f);
}

double FlowField::envelope(const WaterBand& b, double s, double lateral, Vec2 p, const CalmSpot& calm) const {
    if (!b.in_water) return 0.0;
    // smoothstep has zero slope at 0, so both the potential and its gradient vanish at walls.
    double wall_distance = std::fmax(0.0, std::fmin(lateral - b.left, b.right - lateral));
    double ramp = smoothstep01(wall_distance / kWallRamp);
    double calm_factor = 1.0;
    if (calm.strength > 0) {
        double d2 = dot(p - calm.centre, p - calm.centre);
        calm_factor -= calm.strength * std::exp(-d2 / (calm.radius * calm.radius));
    }
    return ramp * calm_factor * pool_fade(s, river_.pool_start());
}

double FlowField::stream(Vec2 p, double t, double rough, const CalmSpot& calm, int& hint) const {
    if (rough <= 0.0) return 0.0;
    RiverFrame f = river_.project(p, hint);
    hint = f.segment;
    // Rougher water: stronger and finer-grained eddies.
    double amplitude = kTurbAmplitude * rough * std::sqrt(rough);
    double freq = 1.0 + rough;
    double sum = 0;
    for (const Wave& w : waves_) sum += w.weight * std::sin(freq * dot(w.k, p) + w.omega * freq * t + w.phase);
    return amplitude / freq * envelope(river_.band(f.s, f.lateral, f.segment), f.s, f.lateral, p, calm) * sum / 3.0;
}

namespace {
// sin and cos of a small angle (|e| < 0.2 here) by Taylor series: exact to ~1e-10, and cheap.
inline void small_sincos(double e, double& s, double& c) {
    double e2 = e * e;
    s = e * (1.0 - e2 / 6.0 * (1.0 - e2 / 20.0 * (1.0 - e2 / 42.0)));
    c = 1.0 - e2 / 2.0 * (1.0 - e2 / 12.0 * (1.0 - e2 / 30.0));
}
}  // namespace

Vec2 FlowField::turbulence_at(const RiverFrame& f, const WaterBand& band, Vec2 p, double t, double rough,
                               const CalmSpot& calm) const {
    if (rough <= 0.0 || !band.in_water) return {0, 0};
    // The curl of the stream function by central differences. The four probes a step h away
    // reuse this point's river frame (s and lateral move linearly with a tiny step), and each
    // wave's sine there comes from one sincos here by the angle-addition rule.
    const double h = kCurlStep;
    double amplitude = kTurbAmplitude * rough * std::sqrt(rough);
    double freq = 1.0 + rough;
    double sx_plus = 0, sx_minus = 0, sy_plus = 0, sy_minus = 0;
    for (const Wave& w : waves_) {
        double a = freq * dot(w.k, p) + w.omega * freq * t + w.phase;
        double sa = std::sin(a), ca = std::cos(a);
        double sdx, cdx, sdy, cdy;
        small_sincos(freq * w.k.x * h, sdx, cdx);
        small_sincos(freq * w.k.y * h, sdy, cdy);
        sx_plus += w.weight * (sa * cdx + ca * sdx);
        sx_minus += w.weight * (sa * cdx - ca * sdx);
        sy_plus += w.weight * (sa * cdy + ca * sdy);
        sy_minus += w.weight * (sa * cdy - ca * sdy);
    }
    Vec2 right = right_of(f.tangent);
    auto env = [&](Vec2 d) { return envelope(band, f.s + dot(d, f.tangent), f.lateral + dot(d, right), p + d, calm); };
    double k = amplitude / freq / 3.0;
    double psi_xp = k * env({h, 0}) * sx_plus, psi_xm = k * env({-h, 0}) * sx_minus;
    double psi_yp = k * env({0, h}) * sy_plus, psi_ym = k * env({0, -h}) * sy_minus;
    return {(psi_yp - psi_ym) / (2 * h), -(psi_xp - psi_xm) / (2 * h)};
}

Vec2 FlowField::turbulence(Vec2 p, double t, double rough, const CalmSpot& calm, int& hint) const {
    RiverFrame f = river_.project(p, hint);
    hint = f.segment;
    return turbulence_at(f, river_.band(f.s, f.lateral, f.segment), p, t, rough, calm);
}

Vec2 FlowField::velocity(Vec2 p, double t, double rough, const CalmSpot& calm, int& hint) const {
    RiverFrame f = river_.project(p, hint);
    hint = f.segment;
    return velocity_at(f, p, t, rough, calm);
}

Vec2 FlowField::velocity_at(const RiverFrame& f, Vec2 p, double t, double rough, const CalmSpot& calm) const {
    WaterBand band = river_.band(f.s, f.lateral, f.segment);
    return current_in(band, f) + turbulence_at(f, band, p, t, rough, calm);
}

}  // namespace cw
