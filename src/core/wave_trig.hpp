// sin and cos together for the water's waves. libm's sincos is a tenth of a game step on its
// own, and glibc picks its code by CPU, so two machines may disagree in the last bit. This is a
// few multiplies, and every machine computes the same bits (no FMA contraction on x86-64).
#pragma once
#include <cmath>

namespace cw {

// Accurate to about 1e-11 for |a| below a million radians (the river's waves stay far below).
inline void wave_sincos(double a, double& s, double& c) {
    // Reduce to r in [-pi/4, pi/4] around the nearest quarter turn q. pi/2 is split in two
    // (fdlibm's pio2_1 and pio2_1t) so that q * hi is exact and the reduction loses nothing.
    constexpr double kTwoOverPi = 6.36619772367581382433e-01;
    constexpr double kHalfPiHi = 1.57079632673412561417e+00;
    constexpr double kHalfPiLo = 6.07710050650619224932e-11;
    double q = std::floor(a * kTwoOverPi + 0.5);
    double r = (a - q * kHalfPiHi) - q * kHalfPiLo;
    double r2 = r * r;
    // Taylor series to r^13 and r^14: at |r| = pi/4 the first term left out is below 1e-11.
    double sr = r + r * r2 * (-1.0 / 6 + r2 * (1.0 / 120 + r2 * (-1.0 / 5040 + r2 * (1.0 / 362880 +
                r2 * (-1.0 / 39916800 + r2 * (1.0 / 6227020800.0))))));
    double cr = 1.0 + r2 * (-0.5 + r2 * (1.0 / 24 + r2 * (-1.0 / 720 + r2 * (1.0 / 40320 +
                r2 * (-1.0 / 3628800 + r2 * (1.0 / 479001600))))));
    switch (static_cast<long long>(q) & 3) {
        case 0: s = sr, c = cr; break;
        case 1: s = cr, c = -sr; break;
        case 2: s = -sr, c = -cr; break;
        default: s = -cr, c = sr; break;
    }
}

}  // namespace cw
