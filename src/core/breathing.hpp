// Breathing in rhythm with a ring: hold the breath key while the ring says "in" and "hold",
// let go for "out" and "hold". Matching the rhythm restores composure and calms the water.
#pragma once
#include <string>

namespace cw {

struct BreathPattern {
    std::string id = "box";
    double inhale = 4, hold_in = 4, exhale = 4, hold_out = 4;  // seconds
    double total() const { return inhale + hold_in + exhale + hold_out; }
};

BreathPattern box_breathing();  // 4-4-4-4
// The patterns a player can choose: "box" (4-4-4-4), "478" (in 4, hold 7, out 8) and "slow"
// (about six breaths a minute, no holds). `holds`: false drops the held phases, which make
// some people dizzy. Unknown ids give box breathing.
BreathPattern breath_pattern(const std::string& id, bool holds = true);
bool breath_pattern_known(const std::string& id);  // box, 478 or slow
const char* breath_pattern_label(const std::string& id);

enum class BreathPhase { idle, inhale, hold_in, exhale, hold_out };
const char* breath_phase_label(BreathPhase p);

class Breathing {
public:
    explicit Breathing(BreathPattern pattern = box_breathing()) : pattern_(pattern) {}

    void step(bool key_down, double dt);

    bool active() const { return active_; }
    bool in_rhythm() const { return active_ && matched_; }
    BreathPhase phase() const;
    double phase_progress() const;  // 0..1 within the current phase
    double ring() const;            // 0 (empty lungs) .. 1 (full), for drawing
    bool expects_key_down() const;  // what the rhythm wants right now
    double calm() const { return calm_; }
    int cycles() const { return cycles_; }  // full cycles completed in rhythm
    // Slow breaths completed in rhythm: in (and its hold) and out, counted as the out-breath
    // ends. One is what it takes to steady yourself before a reply; a whole box cycle is not.
    int breaths() const { return breaths_; }
    const BreathPattern& pattern() const { return pattern_; }

private:
    BreathPattern pattern_;
    bool active_ = false;
    bool matched_ = false;
    bool wait_for_release_ = false;  // after giving up, a new breath starts from a fresh press
    double t_ = 0;            // seconds into the current cycle
    double mismatch_ = 0;     // seconds out of rhythm in a row
    double cycle_match_ = 0;  // seconds in rhythm during this cycle
    double calm_ = 0;
    int cycles_ = 0;
    int breaths_ = 0;
    double breath_match_ = 0;  // seconds in rhythm since this breath began
    bool breath_counted_ = false;
};

}  // namespace cw
