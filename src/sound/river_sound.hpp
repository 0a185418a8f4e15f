// The game's sound, made by the program: a river whose noise and rush follow the water's
// roughness, soft tones that follow the breathing ring, a gentle chime for a calm reply and a
// low thud for a jolt. Pure arithmetic on floats: no SDL, no clock, no files. The same seed and
// the same calls at the same sample positions give the same samples, so it can be tested.
#pragma once
#include <cstdint>

namespace cw::sound {

constexpr int kSampleRate = 48000;
constexpr int kChannels = 2;  // interleaved stereo: left, right, left, right...

// Where the breath is, as the sound follows it.
enum class BreathCue { none, in, hold_in, out, hold_out };

class RiverSound {
public:
    explicit RiverSound(uint64_t seed = 1, int sample_rate = kSampleRate);

    // 0 (a still pool) .. 1 (white water). Changes glide over a few tenths of a second.
    void set_roughness(double r);
    // The breathing ring: which phase and how far through it (0..1). `none` fades the tone out.
    void set_breath(BreathCue cue, double progress);
    void chime();  // a calm reply
    void thud();   // a jolt against a rock or bank
    void set_volume(double v);  // 0..1, gliding
    void set_muted(bool m);     // muted: exact silence

    // Writes `frames` stereo frames (2 * frames floats), each in -1..1.
    void render(float* out, int frames);

    double roughness() const { return target_rough_; }

private:
    float noise();  // white noise in -1..1

    uint64_t state_;
    double rate_;
    // Smoothed controls (per sample) and their targets.
    double rough_ = 0, target_rough_ = 0;
    double gain_ = 0.8, target_gain_ = 0.8;
    bool muted_ = false;
    // River: two low-passed noise streams per side, for body and hiss, and slow swells.
    double body_l_ = 0, body_r_ = 0, body2_l_ = 0, body2_r_ = 0;
    double hiss_l_ = 0, hiss_r_ = 0, hiss_lp_l_ = 0, hiss_lp_r_ = 0;
    double swell_phase_[3] = {0, 0.31, 0.67};
    // Breathing tone.
    BreathCue cue_ = BreathCue::none;
    double breath_progress_ = 0;
    double breath_amp_ = 0, breath_pitch_ = 196, breath_phase_ = 0, breath_phase2_ = 0, breath_air_ = 0;
    // Chime: a few decaying partials, and a second note a little later.
    struct Voice {
        double freq = 0, phase = 0, amp = 0, decay = 1, delay = 0;  // delay in samples before it sounds
    };
    static constexpr int kVoices = 12;
    Voice voices_[kVoices];
    int next_voice_ = 0;
    void start_voice(double freq, double amp, double seconds, double delay_s);
    // Thud: a falling low tone and a muffled burst of noise.
    double thud_amp_ = 0, thud_freq_ = 0, thud_phase_ = 0, thud_noise_ = 0, thud_lp_ = 0;
};

// Root mean square of a block of samples: the tests' measure of loudness.
double rms(const float* samples, int count);

}  // namespace cw::sound
