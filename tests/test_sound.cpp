// The generated sound: louder and brighter as the water roughens, a chime that adds to it,
// silence when muted, the same samples from the same seed.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "sound/river_sound.hpp"

using cw::sound::RiverSound;

namespace {

// Two seconds at a steady roughness, measured over the second (after the glide has settled).
double river_rms(double roughness, uint64_t seed = 7) {
    RiverSound s(seed);
    s.set_roughness(roughness);
    std::vector<float> buf(2 * cw::sound::kSampleRate);
    s.render(buf.data(), cw::sound::kSampleRate);
    s.render(buf.data(), cw::sound::kSampleRate);
    return cw::sound::rms(buf.data(), static_cast<int>(buf.size()));
}

// Mean absolute difference between neighbouring samples: a rough measure of brightness.
double brightness(double roughness) {
    RiverSound s(3);
    s.set_roughness(roughness);
    std::vector<float> buf(2 * cw::sound::kSampleRate);
    s.render(buf.data(), cw::sound::kSampleRate);
    s.render(buf.data(), cw::sound::kSampleRate);
    double diff = 0;
    for (size_t i = 2; i < buf.size(); i += 2) diff += std::fabs(buf[i] - buf[i - 2]);
    return diff / (buf.size() / 2) / cw::sound::rms(buf.data(), static_cast<int>(buf.size()));
}

}  // namespace

TEST_CASE("sound: the river's energy rises with roughness") {
    double calm = river_rms(0.0), mid = river_rms(0.5), rough = river_rms(1.0);
    MESSAGE("river RMS at roughness 0 / 0.5 / 1: " << calm << " / " << mid << " / " << rough);
    CHECK(calm > 0.005);  // a still river is quiet, not silent
    CHECK(mid > calm * 1.5);
    CHECK(rough > mid * 1.3);
    CHECK(rough < 0.7);   // loud, never clipping hard
}

TEST_CASE("sound: rough water is brighter, not just louder") {
    CHECK(brightness(1.0) > brightness(0.0) * 1.5);
}

TEST_CASE("sound: a calm reply's chime and a jolt's thud add energy") {
    auto burst = [](bool chime, bool thud) {
        RiverSound s(11);
        s.set_roughness(0.2);
        std::vector<float> buf(2 * 24000);
        s.render(buf.data(), 24000);  // settle
        if (chime) s.chime();
        if (thud) s.thud();
        s.render(buf.data(), 24000);
        return cw::sound::rms(buf.data(), static_cast<int>(buf.size()));
    };
    double plain = burst(false, false);
    CHECK(burst(true, false) > plain * 1.2);
    CHECK(burst(false, true) > plain * 1.2);
}

TEST_CASE("sound: breathing in and out is heard; the empty hold is not") {
    auto with_breath = [](cw::sound::BreathCue cue) {
        RiverSound s(5);
        s.set_roughness(0.0);
        s.set_breath(cue, 0.4);
        std::vector<float> buf(2 * 24000);
        s.render(buf.data(), 24000);
        return cw::sound::rms(buf.data(), static_cast<int>(buf.size()));
    };
    double none = with_breath(cw::sound::BreathCue::none);
    CHECK(with_breath(cw::sound::BreathCue::in) > none * 1.3);
    CHECK(with_breath(cw::sound::BreathCue::out) > none * 1.3);
    CHECK(with_breath(cw::sound::BreathCue::hold_out) == doctest::Approx(none).epsilon(0.01));
}

TEST_CASE("sound: mute is silence, volume scales, and every sample stays in range") {
    RiverSound s(2);
    s.set_roughness(1.0);
    s.thud();
    s.chime();
    s.set_muted(true);
    std::vector<float> buf(2 * 4800);
    s.render(buf.data(), 4800);
    for (float v : buf) REQUIRE(v == 0.0f);

    RiverSound loud(2), quiet(2);
    loud.set_roughness(0.6);
    quiet.set_roughness(0.6);
    quiet.set_volume(0.2);
    std::vector<float> a(2 * 48000), b(2 * 48000);
    loud.render(a.data(), 48000);
    quiet.render(b.data(), 48000);
    CHECK(cw::sound::rms(b.data(), 96000) < cw::sound::rms(a.data(), 96000) * 0.4);
    for (float v : a) REQUIRE(std::fabs(v) <= 1.0f);

    // Nonsense in (NaN, out of range) is clamped, never passed on.
    loud.set_roughness(std::nan(""));
    loud.set_volume(7);
    loud.render(a.data(), 48000);
    for (float v : a) REQUIRE(std::isfinite(v));
}

TEST_CASE("sound: the same seed and calls give the same samples; another seed does not") {
    auto render = [](uint64_t seed) {
        RiverSound s(seed);
        s.set_roughness(0.4);
        std::vector<float> buf(2 * 9600);
        s.render(buf.data(), 4800);
        s.chime();
        s.render(buf.data() + 9600, 4800);
        return buf;
    };
    CHECK(render(9) == render(9));
    CHECK(render(9) != render(10));
}
