// A picture the game wrote, decoded (stb_image) and measured: its size, how varied it is, a
// digest of its pixels, and what share of a rectangle has some colour. One helper for every
// test that looks at a PNG.
#pragma once
#include <doctest/doctest.h>

#include <stb/stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <vector>

namespace cwtest {

struct Rgb {
    int r = 0, g = 0, b = 0;
};

inline double brightness(Rgb c) { return 0.3 * c.r + 0.59 * c.g + 0.11 * c.b; }

struct PngStats {
    int w = 0, h = 0;
    size_t colours = 0;         // distinct colours (5 bits a channel) in a sample every 5 pixels
    double spread = 0;          // standard deviation of brightness in that sample, 0..255
    std::uint64_t digest = 0;   // FNV-1a of every pixel: two pictures told apart
    std::vector<unsigned char> rgb;  // the pixels, three bytes each, row by row

    Rgb at(int x, int y) const {
        const unsigned char* p = &rgb[(static_cast<size_t>(y) * w + x) * 3];
        return {p[0], p[1], p[2]};
    }
};

// Reads `png` (failing the test when it cannot) and measures it.
inline PngStats png_stats(const std::filesystem::path& png) {
    PngStats pic;
    int comps = 0;
    unsigned char* px = stbi_load(png.string().c_str(), &pic.w, &pic.h, &comps, 3);
    REQUIRE_MESSAGE(px, "cannot read " << png.string());
    pic.rgb.assign(px, px + static_cast<size_t>(pic.w) * pic.h * 3);
    stbi_image_free(px);
    std::set<int> colours;
    double sum = 0, sum2 = 0;
    int count = 0;
    for (int y = 0; y < pic.h; y += 5)
        for (int x = 0; x < pic.w; x += 5) {
            Rgb q = pic.at(x, y);
            colours.insert((q.r >> 3) << 10 | (q.g >> 3) << 5 | (q.b >> 3));
            double lum = brightness(q);
            sum += lum;
            sum2 += lum * lum;
            ++count;
        }
    pic.colours = colours.size();
    double mean = count ? sum / count : 0;
    pic.spread = count ? std::sqrt(std::max(0.0, sum2 / count - mean * mean)) : 0;
    pic.digest = 1469598103934665603ull;
    for (unsigned char v : pic.rgb) pic.digest = (pic.digest ^ v) * 1099511628211ull;
    return pic;
}

// A rectangle of a picture, in pixels: x0 <= x < x1, y0 <= y < y1.
struct Area {
    int x0, y0, x1, y1;
    Area scaled(double sx, double sy) const {
        return {static_cast<int>(x0 * sx), static_cast<int>(y0 * sy), static_cast<int>(x1 * sx), static_cast<int>(y1 * sy)};
    }
};

// The share (0..1) of the pixels of `area`, sampled every `step` pixels, for which `is(colour)`
// holds. Pixels outside the picture count as not.
template <class Pred>
double share(const PngStats& pic, Area area, Pred is, int step = 3) {
    int n = 0, yes = 0;
    for (int y = area.y0; y < area.y1; y += step)
        for (int x = area.x0; x < area.x1; x += step) {
            ++n;
            if (x >= 0 && y >= 0 && x < pic.w && y < pic.h && is(pic.at(x, y))) ++yes;
        }
    return n ? static_cast<double>(yes) / n : 0;
}

// Colour tests for share(): within `tolerance` of a colour on every channel; dark (a panel).
struct Near {
    Rgb colour;
    int tolerance = 12;
    bool operator()(Rgb c) const {
        return std::abs(c.r - colour.r) <= tolerance && std::abs(c.g - colour.g) <= tolerance &&
               std::abs(c.b - colour.b) <= tolerance;
    }
};
inline bool dark(Rgb c) { return brightness(c) < 60; }

}  // namespace cwtest
