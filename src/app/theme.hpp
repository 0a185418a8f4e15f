// One visual style: colours and the ImGui look. Channel colours come from the Okabe-Ito
// palette, which stays distinct for the common kinds of colour blindness; channels are also
// told apart by letter and marker shape, never by colour alone.
//
// Every colour the app draws with is named here, by what it is for. Two kinds:
//   Rgba    bytes, for ImGui draw lists (through im()) and SDL geometry;
//   ImVec4  floats, for ImGui's text and widget colours (ImGui rounds them to bytes itself, so a
//           float colour and a byte colour that look alike are not always the same pixels).
// A colour used for several jobs is defined once (kHeated, kCalm, ...) and each job names it; the
// job constants say how see-through they are with with_alpha().
#pragma once
#include <algorithm>
#include <optional>

#include <SDL.h>
#include <imgui.h>

namespace cw::theme {

struct Rgba {
    Uint8 r, g, b, a;
};

// The same colour, `alpha` opaque (0..255).
constexpr Rgba with_alpha(Rgba c, Uint8 alpha) { return {c.r, c.g, c.b, alpha}; }

// For ImGui draw lists; `alpha` scales the colour's own opacity.
inline ImU32 im(Rgba c, float alpha = 1.0f) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(c.a * std::clamp(alpha, 0.0f, 1.0f)));
}
// An ImGui colour with its opacity replaced.
constexpr ImU32 replace_alpha(ImU32 colour, Uint8 alpha) {
    return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}
// For SDL geometry, `alpha` opaque.
constexpr SDL_Color sdl_colour(Rgba c, Uint8 alpha) { return {c.r, c.g, c.b, alpha}; }
constexpr SDL_Color sdl_colour(Rgba c) { return {c.r, c.g, c.b, c.a}; }
// The renderer's colour for clears and rectangles.
inline void set_draw_colour(SDL_Renderer* r, Rgba c) { SDL_SetRenderDrawColor(r, c.r, c.g, c.b, c.a); }

// --- The world ----------------------------------------------------------------------------------
constexpr Rgba kLand{118, 140, 92, 255};
constexpr Rgba kLandDark{96, 118, 76, 255};
constexpr Rgba kSand{206, 190, 146, 255};
constexpr Rgba kWaterDeep{32, 92, 128, 255};
constexpr Rgba kWaterShallow{70, 150, 168, 255};
constexpr Rgba kWaterRough{58, 78, 92, 255};
constexpr Rgba kPool{96, 170, 178, 255};
constexpr Rgba kFoam{236, 246, 248, 255};
constexpr Rgba kRock{112, 110, 106, 255};
constexpr Rgba kRockLight{150, 148, 142, 255};
constexpr Rgba kWood{166, 116, 70, 255};
constexpr Rgba kWoodDark{120, 80, 46, 255};
constexpr Rgba kPaddler{232, 214, 190, 255};
constexpr Rgba kShirt{70, 96, 160, 255};

constexpr Rgba kRockFoam{240, 248, 250, 255};      // piled against a rock (opacity set as it is drawn)
constexpr Rgba kCalmRing{220, 245, 240, 255};      // the rings that spread while the player breathes
constexpr Rgba kCalmReplyRing{150, 230, 210, 255}; // the water answering a calm reply
constexpr Rgba kChop{245, 250, 255, 255};          // the water answering a sharp reply
constexpr Rgba kSpray{250, 252, 255, 255};         // white water: a jolt's splash, whitecaps
constexpr Rgba kStreak{215, 238, 245, 255};        // the current's streaks
constexpr Rgba kRaftShadow{10, 30, 40, 255};
constexpr Rgba kBackdropStreak{220, 240, 245, 70}; // the menus' calm river

// --- Colours with a meaning, shared by many jobs ---------------------------------------------------
constexpr Rgba kHeated{213, 94, 0, 255};     // vermillion: the caller's heat, anger, trouble
constexpr Rgba kTense{230, 159, 0, 255};     // orange: tense, out of rhythm, a mistake to steer clear of
constexpr Rgba kSteady{86, 180, 233, 255};   // sky blue: the player's composure, a technique used
constexpr Rgba kCalm{120, 210, 190, 255};    // teal: calm, in rhythm, on the line, played
constexpr Rgba kLightInk{255, 255, 255, 255}; // marks and text over the dark water and panels
constexpr Rgba kDeepShade{10, 25, 32, 255};  // see-through backings over the river

// A, B, C, D.
Rgba channel_colour(int channel);
const char* channel_shape_name(int channel);  // "circle", "square", "triangle", "diamond"

Rgba mix(Rgba a, Rgba b, double t);

void apply_imgui_style(float scale);

// The calm river behind the menus (menu, settings): a band of water between sandy banks with
// slow streaks drifting up it; still when `reduced_motion`.
//
// Reduced motion (no bobbing, swaying, spreading rings or moving streaks) is the player's
// setting, ctx.settings.reduced_motion, and nothing else: every drawing function that moves
// things takes it as an argument. The theme keeps no copy of it.
// `panel`: a still panel drawn over it (see frame_reuse.hpp). The drifting streaks stay out from
// under it, so all that moves is beside the panel and the panel itself never changes.
void draw_river_backdrop(ImDrawList* dl, float width, float height, double clock, bool reduced_motion,
                         const std::optional<SDL_FRect>& panel = std::nullopt);

// Starts the full-height side panel of the river screens (the call panel, the class roster):
// the background is one opaque rectangle drawn by SDL without a texture, and the ImGui window
// over it is see-through. With no GPU that saves llvmpipe a textured, blended fill of a third of
// the screen every frame. End it with ImGui::End().
void begin_side_panel(SDL_Renderer* r, const char* id, float x, float width, float height);

// The meters' colours, on every screen that shows them.
constexpr Rgba kComposureBar{87, 181, 232, 255};  // sky blue
constexpr Rgba kIntensityBar{214, 94, 0, 255};    // vermillion

// --- Charts: the debrief's call chart, the progress screen's trends ----------------------------------
constexpr Rgba kChartBg{14, 30, 38, 255};
constexpr Rgba kChartGrid = with_alpha(kLightInk, 22);
constexpr Rgba kChartReplyMark = with_alpha(kLightInk, 60);   // where a reply was said
constexpr Rgba kIntensityLine = kHeated;                      // the caller's intensity, and its label
constexpr Rgba kComposureLine = kSteady;                      // the player's composure, and its label
constexpr Rgba kChartEmpty{200, 210, 215, 140};               // "nothing to show yet"
constexpr Rgba kChartCaption{200, 210, 215, 160};             // the call's length
constexpr Rgba kTrendGrid = with_alpha(kLightInk, 24);        // the small trend charts' grid
constexpr Rgba kTrendTarget = with_alpha(kCalm, 50);          // the share to aim for
constexpr Rgba kTrendAverage = with_alpha(kLightInk, 150);    // the running average
constexpr Uint8 kTrendJoinAlpha = 0x90;                       // the lines between a trend's points
constexpr Rgba kTrendCalm = kCalm;                            // calm replies, call by call
constexpr Rgba kTrendTechnique = kSteady;                     // a technique used
constexpr Rgba kTrendMistake = kTense;                        // a mistake steered clear of

// --- A replay's timeline ----------------------------------------------------------------------------
constexpr Rgba kTimelineTrack{200, 225, 230, 70};
constexpr Rgba kTimelinePlayed = with_alpha(kCalm, 230);
constexpr Rgba kTimelineMark = with_alpha(kLightInk, 120);    // a reply
constexpr Rgba kTimelineHandle = with_alpha(kLightInk, 240);

// --- The breath ring (the river's corner, the dock's glass of water) -------------------------------
constexpr Rgba kBreathRing{220, 240, 240, 120};
constexpr Rgba kBreathInRhythm = with_alpha(kCalm, 200);
constexpr Rgba kBreathOffRhythm = with_alpha(kTense, 200);
constexpr Rgba kBreathLabel = with_alpha(kLightInk, 235);
constexpr Rgba kBreathHint{255, 200, 120, 255};               // "hold the key" / "let go"

// --- Over the river: the progress strip, name tags, banners -----------------------------------------
constexpr Rgba kRiverOverlayShade = with_alpha(kDeepShade, 170);  // behind the breath ring and name tags
constexpr Rgba kNameTagLeader = with_alpha(kDeepShade, 120);      // from a lifted tag down to its raft
constexpr Rgba kNameTagText{240, 248, 248, 255};
constexpr Rgba kProgressStripBg = with_alpha(kDeepShade, 235);
constexpr Rgba kProgressStripLine{200, 225, 230, 160};
constexpr Rgba kProgressStripFork{230, 210, 150, 230};
constexpr Rgba kProgressStripRaftEdge = with_alpha(kLightInk, 220);
constexpr Rgba kProgressStripPool{220, 240, 240, 200};
constexpr Rgba kLowComposureEdge = kHeated;                   // round the raft while composure is low
constexpr Rgba kPauseDim{5, 15, 20, 120};
constexpr Rgba kErrorBanner{120, 40, 20, 235};                // across the top: something was not kept
constexpr Rgba kErrorBannerText{255, 235, 220, 255};

// --- The caller's card and face ---------------------------------------------------------------------
constexpr Rgba kCallerCalm{0, 158, 115, 255};   // bluish green
constexpr Rgba kCallerTense = kTense;
constexpr Rgba kCallerAngry = kHeated;
constexpr Rgba kCallerSkin{226, 186, 150, 255};
constexpr Rgba kCallerFlushed{222, 132, 110, 255};
constexpr Rgba kCallerHair[4] = {{70, 50, 38, 255}, {30, 30, 34, 255}, {150, 110, 60, 255}, {120, 120, 124, 255}};
constexpr Rgba kCallerShirt{86, 110, 150, 255};
constexpr Rgba kCallerShadow{0, 0, 0, 255};      // mixed into the skin under the chin
constexpr Rgba kCallerBrowDark{20, 16, 14, 255}; // mixed into the hair for the brows
constexpr Rgba kCallerInk{40, 32, 30, 255};      // eyes and mouth
constexpr Rgba kCallerBlush = kHeated;           // the cheeks (opacity grows with the heat)
constexpr Rgba kCallerMouth{90, 30, 30, 255};    // inside a shouting mouth
constexpr Rgba kCallerSweat{150, 210, 240, 230};
constexpr Rgba kCardTop{22, 40, 50, 255};
constexpr Rgba kCardBottom{14, 26, 33, 255};
constexpr Rgba kCardEdge{90, 130, 140, 160};
constexpr Rgba kCardFaceBg{200, 222, 226, 255};
constexpr Rgba kCardName{240, 244, 242, 255};
constexpr Rgba kCardMoodLift = kLightInk;        // mixed into the state's colour for the mood line
constexpr Rgba kCardPhoneLive = kCalm;
constexpr Rgba kCardPhoneEnded = kHeated;
constexpr Rgba kCardCallLine{200, 220, 222, 255};

// --- Channel badges ---------------------------------------------------------------------------------
constexpr Rgba kBadgeEdge{20, 28, 34, 255};
constexpr Rgba kBadgeLetter{15, 20, 25, 255};

// --- The dock ---------------------------------------------------------------------------------------
constexpr Rgba kDockSkyTop{250, 196, 140, 255};
constexpr Rgba kDockSkyHorizon{150, 190, 200, 255};
constexpr Rgba kDockRipple{230, 245, 245, 90};   // fading as it spreads
constexpr Rgba kDockGlassWater{120, 190, 230, 200};
constexpr Rgba kDockGlassEdge{230, 240, 245, 220};
constexpr Rgba kDockBallSqueeze = kTense;        // squeeze now
constexpr Rgba kDockBallRest{160, 120, 60, 255};
constexpr Rgba kDockLeaf{200, 150, 60, 255};
constexpr Rgba kDockLeafStem{120, 80, 30, 255};
constexpr Rgba kDockLabel = with_alpha(kLightInk, 240);
constexpr Rgba kDockWrapBar{146, 100, 52, 255};        // the wrap time left: dark enough for white words on it
constexpr Rgba kDockSketchFrame{196, 52, 44, 255};     // shaking it off: the sketch toy's red case,
constexpr Rgba kDockSketchScreen{206, 204, 192, 255};  // its grey screen, its knobs,
constexpr Rgba kDockSketchKnob{236, 234, 226, 255};
constexpr Rgba kDockSketchLine{64, 66, 72, 255};       // and the last call scribbled on it (fading as it clears)

// --- The notes card: the player's own note from the dock, read back as the next call opens -----------
constexpr Rgba kNotesPaper{246, 238, 206, 245};
constexpr Rgba kNotesRule{170, 196, 214, 255};  // the pad's ruled lines
inline const ImVec4 kNotesInk{0.16f, 0.18f, 0.24f, 1.0f};
inline const ImVec4 kNotesHeading{0.45f, 0.30f, 0.14f, 1.0f};

// --- The editor: the call graph and the river canvas ------------------------------------------------
constexpr Rgba kNodeQuestion{120, 92, 36, 255};
constexpr Rgba kNodeHungUp{120, 52, 46, 255};
constexpr Rgba kNodeEnd{46, 104, 72, 255};
constexpr Rgba kNodeSay{44, 66, 84, 255};
constexpr Rgba kGraphBg{22, 32, 38, 255};
constexpr Rgba kGraphGrid = with_alpha(kLightInk, 12);
constexpr Rgba kGraphArrow{200, 210, 215, 170};
constexpr Rgba kGraphBranch{190, 150, 230, 200};  // an "if" arrow
constexpr Rgba kGraphNodeEdge = with_alpha(kLightInk, 60);
constexpr Rgba kGraphNodeTitle = kLightInk;
constexpr Rgba kGraphNodeText{220, 230, 235, 210};
constexpr Rgba kGraphStart{140, 230, 190, 255};
constexpr Rgba kGraphDeadEnd{255, 140, 110, 255};
constexpr Rgba kGraphHelp{220, 230, 235, 150};
constexpr Rgba kEditorSelected{255, 200, 60, 255};  // what is selected, in the graph and on the canvas
constexpr Rgba kEditorProblem{235, 90, 60, 255};    // what has a problem, likewise
constexpr Rgba kCanvasCentreline = with_alpha(kLightInk, 150);
constexpr Rgba kCanvasHandle = with_alpha(kLightInk, 230);
constexpr Rgba kCanvasHandleEdge{20, 40, 50, 255};
constexpr Rgba kCanvasWidth = with_alpha(kLightInk, 60);          // a point's width, across the river
constexpr Rgba kCanvasWidthChosen = with_alpha(kLightInk, 160);   // the selected point's
constexpr Rgba kCanvasWidthEnd{230, 230, 230, 170};
constexpr Rgba kCanvasRock = with_alpha(kLightInk, 120);
constexpr Rgba kCanvasForkLine{255, 230, 160, 150};
constexpr Rgba kCanvasForkHandle{240, 200, 120, 240};
constexpr Rgba kCanvasLabel{255, 240, 200, 255};
constexpr Rgba kCanvasLabelShadow{10, 20, 25, 255};
constexpr Rgba kCanvasPool{230, 250, 250, 220};
constexpr Rgba kCanvasHelp{240, 250, 250, 230};
constexpr Rgba kCanvasError{120, 40, 20, 230};      // the strip saying why the river can't be built
constexpr Rgba kPlaytestHintBg{20, 30, 36, 220};
constexpr Rgba kPlaytestHint{255, 230, 170, 255};

// --- ImGui's text and widget colours ----------------------------------------------------------------
inline const ImVec4 kTextCalm{0.47f, 0.82f, 0.74f, 1.0f};      // calm, good news, what helps
inline const ImVec4 kTextAccent = kTextCalm;                    // a heading or "next": the same teal
inline const ImVec4 kTextChurn{0.95f, 0.55f, 0.35f, 1.0f};     // a mistake, rough water, a bad result
inline const ImVec4 kTextNeutral{0.72f, 0.78f, 0.80f, 1.0f};   // neither good nor bad
inline const ImVec4 kTextCallerSide{0.95f, 0.80f, 0.55f, 1.0f};
inline const ImVec4 kTextCaution{0.95f, 0.65f, 0.40f, 1.0f};   // worth a look: settings not read, no sound
inline const ImVec4 kTextNoTime = kTextCaution;                 // the dock: why an activity does not fit the wrap left
inline const ImVec4 kTextProblem{1.0f, 0.6f, 0.45f, 1.0f};     // something to put right
inline const ImVec4 kTextError{1.0f, 0.62f, 0.50f, 1.0f};      // the progress screen's errors
inline const ImVec4 kTextStatus{1.0f, 0.85f, 0.5f, 1.0f};      // the editor's last action
inline const ImVec4 kTextReplay{0.95f, 0.75f, 0.45f, 1.0f};    // "Replay (recorded by build ...)"
inline const ImVec4 kTextDiscuss{1.0f, 0.85f, 0.45f, 1.0f};    // the class debrief's question to talk about
inline const ImVec4 kTextAllDone{0.5f, 0.85f, 0.6f, 1.0f};     // the whole class has finished
inline const ImVec4 kTextHeading{0.55f, 0.85f, 0.80f, 1.0f};   // section_heading()
inline const ImVec4 kAttentionPanel{0.35f, 0.12f, 0.08f, 0.9f}; // behind "something needs your attention"
inline const ImVec4 kErrorPanel{0.30f, 0.10f, 0.07f, 0.9f};     // behind a file that could not be read
inline const ImVec4 kNoBackground{0.0f, 0.0f, 0.0f, 0.0f};      // a child window drawn over its parent's
inline const ImVec4 kReplyCalm{0.0f, 0.62f, 0.45f, 1.0f};       // the class's replies: calm,
inline const ImVec4 kReplyHeated{0.84f, 0.37f, 0.0f, 1.0f};     // raising the heat,
inline const ImVec4 kReplyMixed{0.90f, 0.62f, 0.0f, 1.0f};      // or mixed
inline const ImVec4 kSpreadBar{0.34f, 0.71f, 0.91f, 1.0f};      // how many chose each reply
inline const ImVec4 kOwnVote{0.0f, 0.45f, 0.7f, 1.0f};          // the reply this trainee voted for

// A meter as two plain rectangles on the current line, as wide as the space left and one text
// line high. A rounded ProgressBar is about a hundred anti-aliased triangles, and with no GPU
// llvmpipe pays for each one: forty rows of ProgressBars cost the class view 2.4 ms a frame.
void flat_bar(float fraction, Rgba colour);

// A titled box for a group of settings or facts, the same on every screen.
void section_heading(const char* text, ImFont* font);

}  // namespace cw::theme
