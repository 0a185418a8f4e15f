// The dock between calls: short recovery activities, each something the player does rather
// than a button, and each restoring composure by the amount its technique's catalogue entry
// gives (in proportion to how much of it was done). The break is a wrap of a few seconds and
// each activity takes its share, so the player chooses what helps. Rules only; screens draw
// and send input.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "breathing.hpp"
#include "catalogue.hpp"
#include "dock_activity.hpp"
#include "rng.hpp"

namespace cw {

// What the dock says to the player about each activity, and the seconds each takes, live in
// assets/dock.toml (content).

// What the player did this tick. Only the fields an activity uses matter to it.
struct DockInput {
    bool hold = false;        // the action key or button is held (breathing, squeezing)
    int step = 0;             // a footstep or a shake: -1 left, +1 right (walking, shaking it off)
    int clicked = -1;         // a target clicked (brain break)
    int choice = -1;          // an answer picked (talk to the team, did I do my best, tell your manager)
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
    // Shaking it off is brisk, not a slow rock: pause longer than kShakePause and the last call
    // starts drawing itself back in, kShakeFadeBack of the way each second (three shakes' worth).
    static constexpr int kShakes = 12;
    static constexpr double kShakePause = 1.0;
    static constexpr double kShakeFadeBack = 0.25;
    // Telling your manager: what the agent chose to report (DockInput::choice).
    static constexpr int kReportAll = 0;       // what happened and how it left them
    static constexpr int kReportFacts = 1;     // what happened, and nothing of how they are
    static constexpr int kReportNothing = 2;   // "it was nothing, I'm fine"
    static constexpr int kReports = 3;

private:
    DockActivity kind_;
    Breathing breathing_;
    double progress_ = 0;
    double t_ = 0;
    int count_ = 0;
    int last_foot_ = 0;
    bool squeezing_ = false;
    double held_ = 0;
    double still_ = 0;  // seconds since the last shake
    int answer_ = -1;
    std::vector<Leaf> leaves_;
};

// --- The wrap ------------------------------------------------------------------------------
// The seconds between two calls (after-call work, "wrap"), and what is left of them. Each
// activity takes its whole time when it starts: time on the dock is spent, not refunded.
constexpr int kDefaultWrapSeconds = 90;
constexpr int kMaxWrapSeconds = 600;  // ten minutes: longer than any contact centre's wrap

class WrapBudget {
public:
    explicit WrapBudget(int seconds = kDefaultWrapSeconds);
    int total() const { return total_; }
    int left() const { return left_; }
    bool can_afford(int seconds) const { return seconds <= left_; }
    // Takes `seconds` from what is left; false, taking nothing, when they do not fit.
    bool spend(int seconds);

private:
    int total_, left_;
};

// Why an activity cannot be started now.
enum class DockBlock { none, not_offered, done, no_time };

// What a break is made of: its wrap, what each activity takes from it (content, by
// DockActivity), what the call just ended adds, and what the activities draw on.
struct DockPlan {
    int wrap_seconds = kDefaultWrapSeconds;
    std::vector<int> seconds;           // by DockActivity
    std::vector<DockActivity> offered;  // its level's [dock] offer
    uint64_t seed = 1;
    BreathPattern pattern = box_breathing();
};

// One break on the dock: which activities it has, the wrap they share, the activity under way
// and the composure gathered so far. The screen asks and draws; every rule of the break is here.
class DockBreak {
public:
    DockBreak(const Catalogue& catalogue, DockPlan plan, double composure);

    const std::vector<DockActivity>& activities() const { return activities_; }  // in the dock's order
    int seconds(DockActivity a) const;  // what it takes from the wrap
    const WrapBudget& wrap() const { return wrap_; }
    DockBlock blocked(DockActivity a) const;  // none: it can start now
    bool used(DockActivity a) const;
    // Starts `a` when nothing blocks it: banks what the activity under way gave and spends a's
    // seconds. False, changing nothing, when something does.
    bool start(DockActivity a);
    void step(const DockInput& in, double dt);  // the activity under way, if any
    const DockActivityState* active() const { return active_ ? &*active_ : nullptr; }
    double composure() const;  // banked, plus what the activity under way has given; at most 100

private:
    const Catalogue& catalogue_;
    DockPlan plan_;
    std::vector<DockActivity> activities_;
    WrapBudget wrap_;
    std::vector<DockActivity> used_;
    std::optional<DockActivityState> active_;
    double banked_;
};

}  // namespace cw
