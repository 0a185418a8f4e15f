// One visual style: colours and the ImGui look. Channel colours come from the Okabe-Ito
// palette, which stays distinct for the common kinds of colour blindness; channels are also
// told apart by letter and marker shape, never by colour alone.
#pragma once
#include <SDL.h>
#include <imgui.h>

namespace cw::theme {

struct Rgba {
    Uint8 r, g, b, a;
};

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

// A, B, C, D.
Rgba channel_colour(int channel);
const char* channel_shape_name(int channel);  // "circle", "square", "triangle", "diamond"

ImU32 im(Rgba c, float alpha = 1.0f);
Rgba mix(Rgba a, Rgba b, double t);

void apply_imgui_style(float scale);

// The calm river behind the menus (menu, settings): a band of water between sandy banks with
// slow streaks drifting up it; still when `reduced_motion`.
void draw_river_backdrop(ImDrawList* dl, float width, float height, double clock, bool reduced_motion);

// The player's reduced-motion setting, for the drawing code that has no AppContext (river,
// particles, rafts): no bobbing, swaying, spreading rings or moving streaks. The shell sets it
// from the settings every frame.
void set_reduced_motion(bool reduced);
bool reduced_motion();

// Starts the full-height side panel of the river screens (the call panel, the class roster):
// the background is one opaque rectangle drawn by SDL without a texture, and the ImGui window
// over it is see-through. With no GPU that saves llvmpipe a textured, blended fill of a third of
// the screen every frame. End it with ImGui::End().
void begin_side_panel(SDL_Renderer* r, const char* id, float x, float width, float height);

// The meters' colours, on every screen that shows them.
constexpr Rgba kComposureBar{87, 181, 232, 255};  // sky blue
constexpr Rgba kIntensityBar{214, 94, 0, 255};    // vermillion

// A meter as two plain rectangles on the current line, as wide as the space left and one text
// line high. A rounded ProgressBar is about a hundred anti-aliased triangles, and with no GPU
// llvmpipe pays for each one: forty rows of ProgressBars cost the class view 2.4 ms a frame.
void flat_bar(float fraction, Rgba colour);

// A titled box for a group of settings or facts, the same on every screen.
void section_heading(const char* text, ImFont* font);

}  // namespace cw::theme
