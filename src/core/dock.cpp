#include "dock.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace cw {

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
        case DockActivity::shake_it_off:
            // Side to side in turn wipes the slate a shake at a time; stop for long and the
            // last call draws itself back in.
            if (in.step != 0 && in.step != last_foot_) {
                ++count_;
                last_foot_ = in.step;
                still_ = 0;
                progress_ = std::min(1.0, progress_ + 1.0 / kShakes);
            } else {
                still_ += dt;
                if (still_ > kShakePause) progress_ = std::max(0.0, progress_ - kShakeFadeBack * dt);
            }
            break;
        case DockActivity::tell_manager:
            if (in.choice >= 0 && in.choice < kReports && answer_ < 0) {
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
    // A manager can back you up only as far as they know: the facts alone let them act on the
    // caller; "it was nothing" leaves the agent carrying it by themself.
    if (kind_ == DockActivity::tell_manager && answer_ == kReportFacts) k *= 0.6;
    if (kind_ == DockActivity::tell_manager && answer_ == kReportNothing) k *= 0.25;
    return full * k;
}

// --- The wrap ------------------------------------------------------------------------------

WrapBudget::WrapBudget(int seconds) : total_(std::clamp(seconds, 0, kMaxWrapSeconds)), left_(total_) {}

bool WrapBudget::spend(int seconds) {
    if (seconds < 0 || !can_afford(seconds)) return false;
    left_ -= seconds;
    return true;
}

DockBreak::DockBreak(const Catalogue& catalogue, DockPlan plan, double composure)
    : catalogue_(catalogue), plan_(std::move(plan)), wrap_(plan_.wrap_seconds), banked_(std::min(100.0, composure)) {
    for (DockActivity a : all_dock_activities())
        if (!dock_offered_only(a) ||
            std::find(plan_.offered.begin(), plan_.offered.end(), a) != plan_.offered.end())
            activities_.push_back(a);
}

int DockBreak::seconds(DockActivity a) const { return plan_.seconds.at(static_cast<size_t>(a)); }

bool DockBreak::used(DockActivity a) const { return std::find(used_.begin(), used_.end(), a) != used_.end(); }

DockBlock DockBreak::blocked(DockActivity a) const {
    if (std::find(activities_.begin(), activities_.end(), a) == activities_.end()) return DockBlock::not_offered;
    if (used(a)) return DockBlock::done;
    if (!wrap_.can_afford(seconds(a))) return DockBlock::no_time;
    return DockBlock::none;
}

bool DockBreak::start(DockActivity a) {
    if (blocked(a) != DockBlock::none) return false;
    banked_ = composure();
    wrap_.spend(seconds(a));
    used_.push_back(a);
    active_.emplace(a, plan_.seed, plan_.pattern);
    return true;
}

void DockBreak::step(const DockInput& in, double dt) {
    if (active_) active_->step(in, dt);
}

double DockBreak::composure() const {
    return std::min(100.0, banked_ + (active_ ? active_->composure_gain(catalogue_) : 0.0));
}

}  // namespace cw
