// The dock between calls: short recovery activities, each something the player does rather
// than a button, and each restoring composure by the amount its technique's catalogue entry
// gives (in proportion to how much of it was done). Rules only; screens draw and send input.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "breathing.hpp"
#include "catalogue.hpp"
#include "rng.hpp"

namespace cw {

enum class DockActivity { water_and_breaths, stress_ball, walk_it_off, notepad, talk_to_team, brain_break,
                          touchstone, did_my_best };

const std::vector<DockActivity>& all_dock_activities();
const char* dock_technique_id(DockActivity a);  // its recovery technique in the catalogue
// What the dock says to the player about each activity lives in assets/dock.toml (content).

// What the player did this tick. Only the fields an activity uses matter to it.
struct DockInput {
    bool hold = false;        // the action key or button is held (breathing, squeezing)
    int step = 0;             // a footstep: -1 left, +1 right (walking)
    int clicked = -1;         // a target clicked (brain break)
    int choice = -1;          // an answer picked (talk to the team, did I do my best)
    int note_chars = 0;       // characters written in the notepad so far
    bool confirm = false;     // the note is saved / the moment is over
};

class DockActivityState {
public:
    DockActivityState(DockActivity kind, uint64_t seed = 1, BreathPattern pattern = box_breathing());
    void step(const DockInput& in, double dt);

    DockActivity kind() const { return kind_; }
    double progress() const { return progress_; }  // 0..1
    bool done() const { return progress_ >= 1.0; }
    // Composure restored so far, given the catalogue's amount for this activity.
    double composure_gain(const Catalogue& catalogue) const;

    // What the screen shows.
    const Breathing& breathing() const { return breathing_; }
    double squeeze_cue() const;           // 0..1: how hard the ball should be squeezed now
    int squeezes() const { return count_; }
    int steps() const { return count_; }
    struct Leaf { double x, y; bool caught; };  // positions in 0..1 of the play area
    const std::vector<Leaf>& leaves() const { return leaves_; }
    int answer() const { return answer_; }
    double seconds() const { return t_; }

    static constexpr int kSqueezes = 5;
    static constexpr int kSteps = 16;
    static constexpr int kLeaves = 6;
    static constexpr int kNoteChars = 20;
    static constexpr double kTouchstoneSeconds = 8.0;
    static constexpr double kSqueezePeriod = 3.0;  // squeeze for half of it, let go for the rest

private:
    DockActivity kind_;
    Breathing breathing_;
    double progress_ = 0;
    double t_ = 0;
    int count_ = 0;
    int last_foot_ = 0;
    bool squeezing_ = false;
    double held_ = 0;
    int answer_ = -1;
    std::vector<Leaf> leaves_;
};

}  // namespace cw
