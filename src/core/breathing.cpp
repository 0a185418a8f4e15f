#include "breathing.hpp"

#include <algorithm>

#include "tuning.hpp"

namespace cw {

namespace {
constexpr double kGrace = 0.5;          // seconds at each phase change to react
constexpr double kGiveUpAfter = 1.5;    // seconds out of rhythm before the ring goes away
constexpr double kGoodCycleShare = 0.7; // share of a cycle in rhythm that counts as a breath
}  // namespace

BreathPattern box_breathing() { return BreathPattern{}; }

BreathPattern breath_pattern(const std::string& id, bool holds) {
    BreathPattern p;  // box
    if (id == "478") p = BreathPattern{"478", 4, 7, 8, 0};
    if (id == "slow") p = BreathPattern{"slow", 5, 0, 5, 0};
    if (!holds) {
        p.hold_in = 0;
        p.hold_out = 0;
    }
    return p;
}

bool breath_pattern_known(const std::string& id) { return id == "box" || id == "478" || id == "slow"; }

const char* breath_pattern_label(const std::string& id) {
    if (id == "478") return "4-7-8: in for 4, hold for 7, out for 8";
    if (id == "slow") return "Slow: in for 5, out for 5 (six breaths a minute)";
    return "Box: in, hold, out, hold, four seconds each";
}

const char* breath_phase_label(BreathPhase p) {
    switch (p) {
        case BreathPhase::idle: return "";
        case BreathPhase::inhale: return "Breathe in";
        case BreathPhase::hold_in: return "Hold";
        case BreathPhase::exhale: return "Breathe out";
        case BreathPhase::hold_out: return "Hold";
    }
    return "";
}

BreathPhase Breathing::phase() const {
    if (!active_) return BreathPhase::idle;
    double t = t_;
    if (t < pattern_.inhale) return BreathPhase::inhale;
    t -= pattern_.inhale;
    if (t < pattern_.hold_in) return BreathPhase::hold_in;
    t -= pattern_.hold_in;
    if (t < pattern_.exhale) return BreathPhase::exhale;
    return BreathPhase::hold_out;
}

double Breathing::phase_progress() const {
    double t = t_;
    for (double len : {pattern_.inhale, pattern_.hold_in, pattern_.exhale, pattern_.hold_out}) {
        if (t < len) return len > 0 ? t / len : 1.0;
        t -= len;
    }
    return 1.0;
}

double Breathing::ring() const {
    switch (phase()) {
        case BreathPhase::idle: return 0.0;
        case BreathPhase::inhale: return phase_progress();
        case BreathPhase::hold_in: return 1.0;
        case BreathPhase::exhale: return 1.0 - phase_progress();
        case BreathPhase::hold_out: return 0.0;
    }
    return 0.0;
}

bool Breathing::expects_key_down() const {
    BreathPhase p = phase();
    return p == BreathPhase::inhale || p == BreathPhase::hold_in;
}

void Breathing::step(bool key_down, double dt) {
    if (!active_) {
        matched_ = false;
        calm_ = std::max(0.0, calm_ - tuning::kCalmDecay * dt);
        if (!key_down) wait_for_release_ = false;
        if (!key_down || wait_for_release_) return;
        active_ = true;  // pressing the key starts a breath: the first inhale begins now
        t_ = 0;
        mismatch_ = 0;
        cycle_match_ = 0;
        breath_match_ = 0;
        breath_counted_ = false;
    }
    // Time since the phase began: the first moments after a change are forgiven.
    double since_change = phase_progress() * [&] {
        switch (phase()) {
            case BreathPhase::inhale: return pattern_.inhale;
            case BreathPhase::hold_in: return pattern_.hold_in;
            case BreathPhase::exhale: return pattern_.exhale;
            default: return pattern_.hold_out;
        }
    }();
    matched_ = key_down == expects_key_down() || since_change < kGrace;
    if (matched_) {
        mismatch_ = 0;
        cycle_match_ += dt;
        breath_match_ += dt;
        calm_ = std::min(1.0, calm_ + tuning::kCalmGrowth * dt);
    } else {
        mismatch_ += dt;
        calm_ = std::max(0.0, calm_ - tuning::kCalmDecay * dt);
    }
    t_ += dt;
    const double breath_end = pattern_.inhale + pattern_.hold_in + pattern_.exhale;
    if (!breath_counted_ && t_ >= breath_end) {
        breath_counted_ = true;
        if (breath_match_ >= kGoodCycleShare * breath_end) ++breaths_;
    }
    if (t_ >= pattern_.total()) {
        if (cycle_match_ >= kGoodCycleShare * pattern_.total()) ++cycles_;
        t_ -= pattern_.total();
        cycle_match_ = 0;
        breath_match_ = 0;
        breath_counted_ = false;
    }
    if (mismatch_ > kGiveUpAfter) {
        active_ = false;
        matched_ = false;
        wait_for_release_ = key_down;
    }
}

}  // namespace cw
