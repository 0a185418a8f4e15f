// River geometry: a smoothed centreline with widths, the banks offset from it, and the islands
// that split it into channels at forks. Pure geometry, no physics: world.cpp turns it into Box2D
// shapes, flow.cpp samples water on it, the renderer draws it.
#pragma once
#include <vector>

#include "level.hpp"
#include "vec2.hpp"

namespace cw {

struct RiverSample {
    Vec2 pos;
    Vec2 tangent;       // unit, downstream
    double s = 0;       // metres along the centreline
    double half_width = 0;
};

// Where a point is, in river coordinates.
struct RiverFrame {
    double s = 0;          // metres downstream
    double lateral = 0;    // metres to the right of the centreline (negative: left)
    double half_width = 0;
    Vec2 tangent;          // downstream direction here
    int segment = 0;       // index of the centreline segment, a hint for the next query
};

// The strip of water a point is in: between two banks, or inside one channel of a fork.
struct WaterBand {
    bool in_water = false;
    int fork = -1;         // fork index, or -1 outside forks
    int channel = -1;      // channel index inside that fork (0 = A, the leftmost)
    double left = 0;       // lateral of the left wall of this band
    double right = 0;      // lateral of the right wall
};

class RiverGeometry {
public:
    // `def` must have passed the level checks (finite numbers, enough points, sane spacing).
    explicit RiverGeometry(const RiverDef& def, double sample_step = 1.0);

    const std::vector<RiverSample>& samples() const { return samples_; }
    double length() const { return samples_.back().s; }
    double pool_start() const { return pool_start_; }
    const std::vector<Fork>& forks() const { return forks_; }

    // Nearest point on the centreline. `hint` is a segment index from an earlier query near
    // this point (or -1); searching around it keeps per-step queries cheap.
    RiverFrame project(Vec2 p, int hint = -1) const;
    Vec2 point_at(double s, double lateral) const;
    // `segment`: a centreline segment near s (from a RiverFrame), to skip the search.
    RiverSample sample_at(double s, int segment = -1) const;
    double half_width_at(double s, int segment = -1) const;  // sample_at(...).half_width, cheaper

    WaterBand band(double s, double lateral, int segment = -1) const;

    // Channel walls of a fork at distance s (channel k spans [walls[k].first, walls[k].second]).
    std::vector<std::pair<double, double>> channel_walls(int fork, double s) const;
    double channel_centre(int fork, int channel) const;  // lateral at the fork's middle
    // Island j (between channel j and j+1): centre lateral and half thickness at s.
    void island_at(int fork, int j, double s, double& centre, double& half_thickness) const;

    std::vector<Vec2> left_bank() const;
    std::vector<Vec2> right_bank() const;
    std::vector<std::vector<Vec2>> islands() const;  // closed outlines, one per island
    std::vector<Vec2> water_outline() const;         // banks joined into one closed loop

    // Smallest ratio of bend radius to half width along the river (< 1 means banks fold over).
    double tightest_bend_ratio(int* at_sample = nullptr) const;

private:
    // The segment holding s (clamped onto the river) and how far along it s lies, t in [0, 1];
    // past the end, the last sample's index.
    size_t segment_at(double& s, int segment, double& t) const;
    void island_at_width(int fork, int j, double s, double half_width, double& centre, double& half) const;

    std::vector<RiverSample> samples_;
    std::vector<double> inverse_length2_;  // per segment, 1 / |b - a|^2 (0 for a degenerate one): project's hot loop
    std::vector<Fork> forks_;
    double pool_start_ = 0;
};

}  // namespace cw
