// The water: a downstream current with a cross-channel profile, plus turbulence that is the
// curl of a seeded, time-varying stream function. Taking the curl of a scalar makes the
// turbulence divergence-free by construction (water neither appears nor vanishes), and fading
// the stream function smoothly to zero at every wall makes the turbulence vanish there too.
#pragma once
#include <array>
#include <cstdint>

#include "river.hpp"

namespace cw {

// A patch of water calmed by the player's breathing: turbulence fades inside it.
struct CalmSpot {
    Vec2 centre;
    double strength = 0;  // 0..1
    double radius = 8;
};

class FlowField {
public:
    FlowField(const RiverGeometry& river, const RiverDef& def, uint64_t seed);

    // Mean current at p (no turbulence). `hint` speeds up the river projection.
    Vec2 current(Vec2 p, int& hint) const;
    // The turbulence stream function and its curl at time t (seconds of simulation).
    double stream(Vec2 p, double t, double rough, const CalmSpot& calm, int& hint) const;
    Vec2 turbulence(Vec2 p, double t, double rough, const CalmSpot& calm, int& hint) const;
    // Current plus turbulence, with a single river projection: the per-step call.
    Vec2 velocity(Vec2 p, double t, double rough, const CalmSpot& calm, int& hint) const;
    // The same at a point whose river frame is already known (the raft's, from the last step).
    Vec2 velocity_at(const RiverFrame& f, Vec2 p, double t, double rough, const CalmSpot& calm) const;

    const RiverGeometry& river() const { return river_; }

private:
    Vec2 current_at(const RiverFrame& f) const;
    Vec2 current_in(const WaterBand& band, const RiverFrame& f) const;
    Vec2 turbulence_at(const RiverFrame& f, const WaterBand& band, Vec2 p, double t, double rough,
                       const CalmSpot& calm) const;
    // Everything in the stream function except the waves and the strength (walls, calm, pool),
    // with its gradient. `band`: the walls around the point.
    struct Envelope {
        double value = 0;
        Vec2 gradient;
    };
    Envelope envelope(const WaterBand& band, const RiverFrame& f, Vec2 p, const CalmSpot& calm) const;

    struct Wave {
        Vec2 k;          // wave vector at roughness 0, rad/m
        double omega;    // rad/s
        double phase;
        double weight;
    };
    // A wave's phase at p and time t; rougher water (higher freq) has finer, faster eddies.
    static double angle(const Wave& w, Vec2 p, double t, double freq) {
        return freq * dot(w.k, p) + w.omega * freq * t + w.phase;
    }

    const RiverGeometry& river_;
    double current_speed_;
    double bank_flow_;
    std::array<Wave, 6> waves_;
};

// Speed across a band of water, as a fraction of the mid-channel current: bank_flow at the
// walls (x = -1, 1), 1 in the middle, smooth in between.
double cross_profile(double x, double bank_flow);
// How much of the current and turbulence survive near the still pool at the end.
double pool_fade(double s, double pool_start);

}  // namespace cw
