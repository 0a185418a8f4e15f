// The dock's activities by name: what a level file, the dock's words and the dock's rules all
// refer to. Kept apart from dock.hpp so a Level (plain data) can name them.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace cw {

enum class DockActivity { water_and_breaths, stress_ball, walk_it_off, notepad, talk_to_team, brain_break,
                          touchstone, did_my_best, shake_it_off, tell_manager };

const std::vector<DockActivity>& all_dock_activities();  // every one, in the order the dock lists them
const char* dock_technique_id(DockActivity a);            // its recovery technique in the catalogue
std::optional<DockActivity> dock_activity_from_id(const std::string& id);

// Held back until the call just ended offers it (a level's `[dock] offer`): telling your
// manager belongs after a call that crossed a line, not after every call.
bool dock_offered_only(DockActivity a);
// The ids a level may offer, for messages: "`tell_manager`".
std::string dock_offerable_ids();

}  // namespace cw
