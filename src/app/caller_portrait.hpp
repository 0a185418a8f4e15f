// The caller, drawn: a simple face in a phone-call frame, with their name, the mood of their
// line, the call's timer and a word for how they are (calm, tense, angry). The face follows the
// caller's intensity: brows, mouth, colour. Drawn with ImDrawList; no image files.
#pragma once
#include <string>

#include <imgui.h>

#include "screen.hpp"

namespace cw {

struct CallerCard {
    std::string name;
    std::string mood;    // the line's mood cue ("" for none)
    std::string timer;   // "1:23"
    double intensity = 0;  // 0..100
    bool ended = false;
};

// calm, tense or angry: the word the card shows beside the face, so colour is never the only cue.
const char* caller_state_word(double intensity);

// Draws just the face in a circle of `radius` at `centre`. `clock`: render seconds, for blinking.
void draw_caller_face(ImDrawList* dl, ImVec2 centre, float radius, double intensity, double clock, bool still,
                      unsigned name_hash = 0);

// The whole card, across the current ImGui window at the cursor; moves the cursor past it.
void draw_caller_card(AppContext& ctx, const CallerCard& card, double clock);

}  // namespace cw
