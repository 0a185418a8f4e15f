// The debrief after a call: outcome and score, the call's intensity and composure over time
// with each reply marked, then every reply with its techniques, how it landed, what the caller
// felt, the better reply where there was one, and the articles behind the techniques.
#pragma once
#include "screen.hpp"
#include "core/debrief.hpp"

namespace cw {

enum class DebriefAction { none, play_again, next_call, menu };

// `next_label`: the text of the button that moves on (a campaign's next call), or null.
DebriefAction draw_debrief(AppContext& ctx, const Simulation& sim, const Debrief& debrief, ImVec2 centre,
                           ImVec2 max_size, const char* next_label);

}  // namespace cw
