// The one place roughness is computed. Rough water is never scripted: it follows the caller's
// intensity, eased by the player's composure, on a curve each level may tune.
#pragma once
#include "level.hpp"

namespace cw {

inline double roughness(const RoughnessCurve& c, double intensity, double composure) {
    double r = c.base + c.intensity_gain * (intensity / 100.0) *
                            (1.0 - c.composure_relief * (composure / 100.0));
    return clamp(r, 0.0, 1.0);
}

}  // namespace cw
