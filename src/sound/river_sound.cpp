#include "river_sound.hpp"

#include <algorithm>
#include <cmath>

namespace cw::sound {

namespace {

constexpr double kTwoPi = 6.283185307179586;

// How far a one-pole smoother moves each sample for a time constant of `seconds`.
double smoothing(double seconds, double rate) { return 1.0 - std::exp(-1.0 / (seconds * rate)); }

// A one-pole low-pass coefficient for a cut-off of `hz`.
double lowpass(double hz, double rate) { return 1.0 - std::exp(-kTwoPi * hz / rate); }

// A gentle limiter: near-linear for quiet sound, never past -1..1 for loud.
float soft_clip(double x) {
    x = std::clamp(x, -3.0, 3.0);
    return static_cast<float>(x * (27.0 + x * x) / (27.0 + 9.0 * x * x));
}

}  // namespace

RiverSound::RiverSound(uint64_t seed, int sample_rate)
    : state_(seed ? seed * 0x9E3779B97F4A7C15ull : 0x2545F4914F6CDD1Dull), rate_(sample_rate > 0 ? sample_rate : kSampleRate) {}

float RiverSound::noise() {
    // xorshift64*: fast, seeded, the same on every machine.
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    uint64_t v = state_ * 0x2545F4914F6CDD1Dull;
    return static_cast<float>(static_cast<double>(v >> 11) * (2.0 / 9007199254740992.0) - 1.0);
}

void RiverSound::set_roughness(double r) { target_rough_ = std::clamp(std::isfinite(r) ? r : 0.0, 0.0, 1.0); }

void RiverSound::set_breath(BreathCue cue, double progress) {
    cue_ = cue;
    breath_progress_ = std::clamp(std::isfinite(progress) ? progress : 0.0, 0.0, 1.0);
}

void RiverSound::set_volume(double v) { target_gain_ = std::clamp(std::isfinite(v) ? v : 0.0, 0.0, 1.0); }

void RiverSound::set_muted(bool m) { muted_ = m; }

void RiverSound::start_voice(double freq, double amp, double seconds, double delay_s) {
    Voice& v = voices_[next_voice_];
    next_voice_ = (next_voice_ + 1) % kVoices;
    v.freq = freq;
    v.phase = 0;
    v.amp = amp;
    v.decay = std::exp(-1.0 / (seconds * rate_));
    v.delay = delay_s * rate_;
}

void RiverSound::chime() {
    // Two soft bell notes a fifth apart (E5 then B5), each a fundamental and two quiet partials.
    const double notes[2] = {659.25, 987.77};
    for (int n = 0; n < 2; ++n) {
        double delay = n * 0.14, a = n == 0 ? 0.10 : 0.075;
        start_voice(notes[n], a, 1.4, delay);
        start_voice(notes[n] * 2.0, a * 0.30, 0.7, delay);
        start_voice(notes[n] * 3.01, a * 0.12, 0.35, delay);
    }
}

void RiverSound::thud() {
    thud_amp_ = 0.55;
    thud_freq_ = 95.0;
    thud_phase_ = 0;
    thud_noise_ = 0.35;
}

void RiverSound::render(float* out, int frames) {
    if (!out || frames <= 0) return;
    const double k_ctrl = smoothing(0.25, rate_);   // roughness glides
    const double k_gain = smoothing(0.05, rate_);   // volume follows quickly, without clicks
    const double k_breath = smoothing(0.06, rate_);
    const double thud_decay = std::exp(-1.0 / (0.18 * rate_));
    const double thud_noise_decay = std::exp(-1.0 / (0.07 * rate_));
    const double thud_glide = std::exp(-1.0 / (0.25 * rate_));
    const double thud_lp = lowpass(380.0, rate_);
    const double hiss_hp = lowpass(1400.0, rate_);

    // The breath's targets from its phase: a low tone that rises as the lungs fill, rests on
    // the hold and sinks as they empty, with a breath of air under it; silent on the empty hold.
    double p = breath_progress_;
    double want_amp = 0, want_pitch = breath_pitch_, want_air = 0;
    switch (cue_) {
        case BreathCue::in:
            want_amp = 0.035 + 0.045 * p;
            want_pitch = 196.0 + (247.0 - 196.0) * p;
            want_air = 0.05 * std::sin(3.14159265 * p);
            break;
        case BreathCue::hold_in:
            want_amp = 0.05;
            want_pitch = 247.0;
            break;
        case BreathCue::out:
            want_amp = 0.08 * (1.0 - p);
            want_pitch = 247.0 + (165.0 - 247.0) * p;
            want_air = 0.05 * std::sin(3.14159265 * p);
            break;
        case BreathCue::hold_out:
        case BreathCue::none: break;
    }

    for (int i = 0; i < frames; ++i) {
        rough_ += (target_rough_ - rough_) * k_ctrl;
        gain_ += (target_gain_ - gain_) * k_gain;
        const double r = rough_;

        // The river's body: low-passed noise that opens up (brighter) and grows louder with
        // roughness; the two sides share most of their noise so the river sits wide but whole.
        double shared = noise(), nl = 0.65 * shared + 0.35 * noise(), nr = 0.65 * shared + 0.35 * noise();
        double kb = lowpass(160.0 + 1100.0 * r, rate_);
        body_l_ += (nl - body_l_) * kb;
        body_r_ += (nr - body_r_) * kb;
        body2_l_ += (body_l_ - body2_l_) * kb;
        body2_r_ += (body_r_ - body2_r_) * kb;
        // Compensate the filter's loss so brightness and loudness can be set apart.
        double body_gain = (0.10 + 0.55 * r) * 1.4 / std::sqrt(kb);

        // The rush: the hiss of broken water, only when the water is rough.
        hiss_lp_l_ += (nl - hiss_lp_l_) * hiss_hp;
        hiss_lp_r_ += (nr - hiss_lp_r_) * hiss_hp;
        double hl = nl - hiss_lp_l_, hr = nr - hiss_lp_r_;
        double ks = lowpass(2500.0 + 6000.0 * r, rate_);
        hiss_l_ += (hl - hiss_l_) * ks;
        hiss_r_ += (hr - hiss_r_) * ks;
        double hiss_gain = 0.02 + 0.30 * r * r;

        // Swells: slow in calm water, quicker chop in rough.
        double swell = 0;
        const double swell_hz[3] = {0.11, 0.19, 0.31};
        for (int s = 0; s < 3; ++s) {
            swell_phase_[s] += swell_hz[s] * (1.0 + 3.0 * r) / rate_;
            if (swell_phase_[s] >= 1.0) swell_phase_[s] -= 1.0;
            swell += std::sin(kTwoPi * swell_phase_[s]);
        }
        double mod = 1.0 + (0.12 + 0.30 * r) * swell / 3.0;

        double left = (body2_l_ * body_gain + hiss_l_ * hiss_gain) * mod;
        double right = (body2_r_ * body_gain + hiss_r_ * hiss_gain) * (2.0 - mod);

        // Breathing.
        breath_amp_ += (want_amp - breath_amp_) * k_breath;
        breath_pitch_ += (want_pitch - breath_pitch_) * k_breath;
        breath_air_ += (want_air - breath_air_) * k_breath;
        if (breath_amp_ > 1e-5 || breath_air_ > 1e-5) {
            breath_phase_ += breath_pitch_ / rate_;
            breath_phase2_ += breath_pitch_ * 1.5 / rate_;  // a soft fifth above
            breath_phase_ -= std::floor(breath_phase_);
            breath_phase2_ -= std::floor(breath_phase2_);
            double tone = breath_amp_ * (std::sin(kTwoPi * breath_phase_) + 0.25 * std::sin(kTwoPi * breath_phase2_));
            double air = breath_air_ * (body_l_ - body2_l_) * 6.0;
            left += tone + air;
            right += tone + air;
        }

        // Chime voices.
        for (Voice& v : voices_) {
            if (v.amp < 1e-5) continue;
            if (v.delay > 0) {
                v.delay -= 1;
                continue;
            }
            v.phase += v.freq / rate_;
            v.phase -= std::floor(v.phase);
            double s = v.amp * std::sin(kTwoPi * v.phase);
            left += s;
            right += s;
            v.amp *= v.decay;
        }

        // Thud.
        if (thud_amp_ > 1e-5 || thud_noise_ > 1e-5) {
            thud_freq_ = 40.0 + (thud_freq_ - 40.0) * thud_glide;
            thud_phase_ += thud_freq_ / rate_;
            thud_phase_ -= std::floor(thud_phase_);
            thud_lp_ += (shared - thud_lp_) * thud_lp;
            double t = thud_amp_ * std::sin(kTwoPi * thud_phase_) + thud_noise_ * thud_lp_ * 4.0;
            left += t;
            right += t;
            thud_amp_ *= thud_decay;
            thud_noise_ *= thud_noise_decay;
        }

        if (muted_) {
            out[2 * i] = out[2 * i + 1] = 0.0f;
        } else {
            out[2 * i] = soft_clip(left * gain_);
            out[2 * i + 1] = soft_clip(right * gain_);
        }
    }
}

double rms(const float* samples, int count) {
    if (!samples || count <= 0) return 0;
    double sum = 0;
    for (int i = 0; i < count; ++i) sum += static_cast<double>(samples[i]) * samples[i];
    return std::sqrt(sum / count);
}

}  // namespace cw::sound
