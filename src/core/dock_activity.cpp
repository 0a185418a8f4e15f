#include "dock_activity.hpp"

namespace cw {

const std::vector<DockActivity>& all_dock_activities() {
    static const std::vector<DockActivity> all = {
        DockActivity::water_and_breaths, DockActivity::stress_ball,  DockActivity::walk_it_off,
        DockActivity::shake_it_off,      DockActivity::notepad,      DockActivity::talk_to_team,
        DockActivity::brain_break,       DockActivity::touchstone,   DockActivity::did_my_best,
        DockActivity::tell_manager};
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
        case DockActivity::shake_it_off: return "shake_it_off";
        case DockActivity::tell_manager: return "tell_manager";
    }
    return "water_and_breaths";
}

std::optional<DockActivity> dock_activity_from_id(const std::string& id) {
    for (DockActivity a : all_dock_activities())
        if (id == dock_technique_id(a)) return a;
    return std::nullopt;
}

bool dock_offered_only(DockActivity a) { return a == DockActivity::tell_manager; }

std::string dock_offerable_ids() {
    std::string ids;
    for (DockActivity a : all_dock_activities())
        if (dock_offered_only(a)) ids += (ids.empty() ? "`" : ", `") + std::string(dock_technique_id(a)) + "`";
    return ids;
}

}  // namespace cw
