// sin and cos together for the water's waves. libm's sincos is a tenth of a game step on its
// own, and glibc picks its code by CPU, so two machines may disagree in the last bit. This is a
// few multiplies, and every machine computes the same bits (no FMA contraction on x86-64).
#pragma once
#include <cstdint>
#include <cstring>

namespace cw {

// Accurate to about 1e-11 for |a| below a million radians (the river's waves stay far below).
// Needs the default round-to-nearest mode, which the game never changes.
inline void wave_sincos(double a, double& s, double& c) {
    // Reduce to r in [-pi/4, pi/4] around the nearest quarter turn q. pi/2 is split in two
    // (fdlibm's pio2_1 and pio2_1t) so that q * hi is exact and the reduction loses nothing.
    constexpr double kTwoOverPi = 6.36619772367581382433e-01;
    constexpr double kHalfPiHi = 1.57079632673412561417e+00;
    constexpr double kHalfPiLo = 6.07710050650619224932e-11;
    // Adding 1.5 * 2^52 rounds to a whole number of quarter turns and leaves it, mod 4, in the
    // low bits: the quadrant is then picked with bit masks, not a branch the CPU would guess
    // wrong half the time (the waves' quadrants are as good as random).
    constexpr double kRoundToInteger = 6755399441055744.0;
    double shifted = a * kTwoOverPi + kRoundToInteger;
    double q = shifted - kRoundToInteger;
    uint64_t quadrant;
    std::memcpy(&quadrant, &shifted, sizeof quadrant);
    double r = (a - q * kHalfPiHi) - q * kHalfPiLo;
    double r2 = r * r;
    // Taylor series to r^13 and r^14: at |r| = pi/4 the first term left out is below 1e-11.
    double sr = r + r * r2 * (-1.0 / 6 + r2 * (1.0 / 120 + r2 * (-1.0 / 5040 + r2 * (1.0 / 362880 +
                r2 * (-1.0 / 39916800 + r2 * (1.0 / 6227020800.0))))));
    double cr = 1.0 + r2 * (-0.5 + r2 * (1.0 / 24 + r2 * (-1.0 / 720 + r2 * (1.0 / 40320 +
                r2 * (-1.0 / 3628800 + r2 * (1.0 / 479001600))))));
    // Quarter turn q: (s, c) = (sr, cr), (cr, -sr), (-sr, -cr), (-cr, sr) for q mod 4 = 0..3.
    uint64_t bits_s, bits_c;
    std::memcpy(&bits_s, &sr, sizeof bits_s);
    std::memcpy(&bits_c, &cr, sizeof bits_c);
    const uint64_t swap = 0 - (quadrant & 1);  // all ones on odd quarter turns
    uint64_t out_s = (bits_c & swap) | (bits_s & ~swap);
    uint64_t out_c = (bits_s & swap) | (bits_c & ~swap);
    out_s ^= (quadrant & 2) << 62;        // sign bit: quarter turns 2 and 3
    out_c ^= ((quadrant + 1) & 2) << 62;  // sign bit: quarter turns 1 and 2
    std::memcpy(&s, &out_s, sizeof s);
    std::memcpy(&c, &out_c, sizeof c);
}

}  // namespace cw
