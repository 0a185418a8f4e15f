// Small charts for the progress screen, drawn with ImDrawList into the current window.
#pragma once
#include <vector>

#include "screen.hpp"
#include "play/progress_stats.hpp"

namespace cw {

// One value per call (0..1; NaN where there is none), as dots joined by a line, with a faint
// band at 70% and a line for the average of the last five points. Takes the full width.
void share_chart(AppContext& ctx, const char* id, const std::vector<float>& values, float height, ImU32 colour);

// A call's caller intensity and the player's composure over time (0..100), as in the debrief.
void call_chart(AppContext& ctx, const AttemptView& attempt, float height);

}  // namespace cw
