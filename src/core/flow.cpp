#include "flow.hpp"

#include <cmath>

#include "rng.hpp"
#include "wave_trig.hpp"

namespace cw {

namespace {
constexpr double kWallRamp = 2.5;       // metres over which turbulence fades out at a wall
constexpr double kTurbAmplitude = 2.2;  // stream-function amplitude at roughness 1, m^2/s
// The still pool: the current eases over kPoolEase metres before it to kPoolEdge of its speed,
// then dies away over the pool's first kPoolStill metres.
constexpr double kPoolEase = 25.0;
constexpr double kPoolEdge = 0.45;
constexpr double kPoolStill = 15.0;
}  // namespace

double cross_profile(double x, double bank_flow) {
    x = clamp(x, -1.0, 1.0);
    return bank_flow + (1.0 - bank_flow) * (1.0 - x * x);
}

double pool_fade(double s, double pool_start) {
    if (s < pool_start - kPoolEase) return 1.0;
    if (s < pool_start) return lerp(1.0, kPoolEdge, smoothstep01((s - (pool_start - kPoolEase)) / kPoolEase));
    return lerp(kPoolEdge, 0.0, smoothstep01((s - pool_start) / kPoolStill));
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

namespace {
// The slope of smoothstep01 at t.
inline double smoothstep01_slope(double t) { return t <= 0.0 || t >= 1.0 ? 0.0 : 6.0 * t * (1.0 - t); }

// The slope of pool_fade along the river.
double pool_fade_slope(double s, double pool_start) {
    if (s < pool_start - kPoolEase) return 0.0;
    if (s < pool_start)
        return (kPoolEdge - 1.0) * smoothstep01_slope((s - (pool_start - kPoolEase)) / kPoolEase) / kPoolEase;
    return (0.0 - kPoolEdge) * smoothstep01_slope((s - pool_start) / kPoolStill) / kPoolStill;
}
}  // namespace

FlowField::Envelope FlowField::envelope(const WaterBand& b, const RiverFrame& f, Vec2 p, const CalmSpot& calm) const {
    if (!b.in_water) return {};
    // smoothstep has zero slope at 0, so both the potential and its gradient vanish at walls.
    // Within a step the walls count as fixed, so lateral grows along `right` and s along the
    // tangent.
    const Vec2 right = right_of(f.tangent);
    double to_left = f.lateral - b.left, to_right = b.right - f.lateral;
    double wall_distance = std::fmax(0.0, std::fmin(to_left, to_right));
    Vec2 wall_gradient = to_left < to_right ? right : right * -1.0;
    double ramp = smoothstep01(wall_distance / kWallRamp);
    Vec2 ramp_gradient = wall_gradient * (smoothstep01_slope(wall_distance / kWallRamp) / kWallRamp);

    double calm_factor = 1.0;
    Vec2 calm_gradient{0, 0};
    if (calm.strength > 0) {
        Vec2 d = p - calm.centre;
        double inv_r2 = 1.0 / (calm.radius * calm.radius);
        double dip = calm.strength * std::exp(-dot(d, d) * inv_r2);
        calm_factor -= dip;
        calm_gradient = d * (2.0 * dip * inv_r2);
    }
    double pool = pool_fade(f.s, river_.pool_start());
    Vec2 pool_gradient = f.tangent * pool_fade_slope(f.s, river_.pool_start());

    Envelope e;
    e.value = ramp * calm_factor * pool;
    e.gradient = ramp_gradient * (calm_factor * pool) + calm_gradient * (ramp * pool) +
                 pool_gradient * (ramp * calm_factor);
    return e;
}

double FlowField::stream(Vec2 p, double t, double rough, const CalmSpot& calm, int& hint) const {
    if (rough <= 0.0) return 0.0;
    RiverFrame f = river_.project(p, hint);
    hint = f.segment;
    // Rougher water: stronger and finer-grained eddies.
    double amplitude = kTurbAmplitude * rough * std::sqrt(rough);
    double freq = 1.0 + rough;
    double sum = 0;
    for (const Wave& w : waves_) {
        double sa, ca;
        wave_sincos(angle(w, p, t, freq), sa, ca);
        sum += w.weight * sa;
    }
    return amplitude / freq * envelope(river_.band(f.s, f.lateral, f.segment), f, p, calm).value * sum / 3.0;
}

Vec2 FlowField::turbulence_at(const RiverFrame& f, const WaterBand& band, Vec2 p, double t, double rough,
                               const CalmSpot& calm) const {
    if (rough <= 0.0 || !band.in_water) return {0, 0};
    // The curl of psi = k * envelope * waves, by the product rule: both gradients are exact,
    // so the flow has no divergence beyond the walls' slow change along the river.
    double amplitude = kTurbAmplitude * rough * std::sqrt(rough);
    double freq = 1.0 + rough;
    double waves = 0;
    Vec2 waves_gradient{0, 0};
    for (const Wave& w : waves_) {
        double sa, ca;
        wave_sincos(angle(w, p, t, freq), sa, ca);
        waves += w.weight * sa;
        waves_gradient += w.k * (w.weight * freq * ca);
    }
    Envelope e = envelope(band, f, p, calm);
    double k = amplitude / freq / 3.0;
    Vec2 grad = (e.gradient * waves + waves_gradient * e.value) * k;
    return {grad.y, -grad.x};
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
