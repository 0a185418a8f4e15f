#include "dock.hpp"

#include <algorithm>
#include <cmath>

namespace cw {

const std::vector<DockActivity>& all_dock_activities() {
    static const std::vector<DockActivity> all = {
        DockActivity::water_and_breaths, DockActivity::stress_ball, DockActivity::walk_it_off, DockActivity::notepad,
        DockActivity::talk_to_team, DockActivity::brain_break, DockActivity::touchstone, DockActivity::did_my_best};
    return all;
}

const char* dock_technique_id(DockActivity a) {
    switch (a) {
        case DockActivity::water_and_breaths: return "water_and_breaths";
        case DockActivity::stress_ball: return "stress_ball";
        case DockActivity::walk_it_off: return "walk_it_off";
        case DockActivity::notepad: return "notepad";
        case DockActivity::talk_to_team: return "talk_to_team";
        case DockActivity::brain_break: return "brain_break";
        case DockActivity::touchstone: return "touchstone";
        case DockActivity::did_my_best: return "did_my_best";
    }
    return "water_and_breaths";
}

DockActivityState::DockActivityState(DockActivity kind, uint64_t seed, BreathPattern pattern)
    : kind_(kind), breathing_(pattern) {
    if (kind == DockActivity::brain_break) {
        Rng rng(seed ^ 0x1EAFull);
        for (int i = 0; i < kLeaves; ++i) leaves_.push_back({rng.uniform(0.1, 0.9), rng.uniform(0.15, 0.85), false});
    }
}

double DockActivityState::squeeze_cue() const {
    double phase = std::fmod(t_, kSqueezePeriod) / kSqueezePeriod;
    return phase < 0.5 ? 1.0 : 0.0;
}

void DockActivityState::step(const DockInput& in, double dt) {
    if (done()) return;
    t_ += dt;
    switch (kind_) {
        case DockActivity::water_and_breaths:
            breathing_.step(in.hold, dt);
            progress_ = std::min(1.0, breathing_.cycles() / 2.0);
            break;
        case DockActivity::stress_ball: {
            // A squeeze counts when the ball was held through most of a glow and then let go.
            bool cue = squeeze_cue() > 0.5;
            if (in.hold && cue) held_ += dt;
            if (!in.hold && squeezing_ && held_ >= kSqueezePeriod * 0.5 * 0.6) {
                ++count_;
                held_ = 0;
            }
            if (!in.hold && !cue) held_ = 0;
            squeezing_ = in.hold;
            progress_ = std::min(1.0, static_cast<double>(count_) / kSqueezes);
            break;
        }
        case DockActivity::walk_it_off:
            // Left and right in turn: a walk, not a hop on one foot.
            if (in.step != 0 && in.step != last_foot_) {
                ++count_;
                last_foot_ = in.step;
            }
            progress_ = std::min(1.0, static_cast<double>(count_) / kSteps);
            break;
        case DockActivity::notepad:
            progress_ = std::min(0.9, static_cast<double>(in.note_chars) / kNoteChars * 0.9);
            if (in.confirm && in.note_chars >= kNoteChars) progress_ = 1.0;
            break;
        case DockActivity::talk_to_team:
            // Talking it through and then moving on restores you; going round and round in it
            // (dwelling) only half does.
            if (in.choice >= 0 && answer_ < 0) {
                answer_ = in.choice;
                progress_ = 1.0;
            }
            break;
        case DockActivity::brain_break:
            if (in.clicked >= 0 && in.clicked < static_cast<int>(leaves_.size()) && !leaves_[in.clicked].caught) {
                leaves_[in.clicked].caught = true;
                ++count_;
            }
            for (Leaf& l : leaves_)  // the leaves drift along with the river
                if (!l.caught) l.y = std::fmod(l.y + dt * 0.05, 1.0);
            progress_ = std::min(1.0, static_cast<double>(count_) / kLeaves);
            break;
        case DockActivity::touchstone:
            progress_ = std::min(1.0, t_ / kTouchstoneSeconds);
            break;
        case DockActivity::did_my_best:
            // Either honest answer helps: "yes", or "mostly, and here is what I'd change".
            if (in.choice >= 0 && answer_ < 0) {
                answer_ = in.choice;
                progress_ = 1.0;
            }
            break;
    }
}

double DockActivityState::composure_gain(const Catalogue& catalogue) const {
    const Technique* t = catalogue.find(dock_technique_id(kind_));
    double full = t ? t->effects.composure : 0.0;
    double k = progress_;
    if (kind_ == DockActivity::talk_to_team && answer_ == 1) k *= 0.5;  // dwelling
    return full * k;
}

}  // namespace cw
