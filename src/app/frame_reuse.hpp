// Reusing the last frame of a screen whose only motion is ambient (the menu's drifting water).
// Under software rendering a frame costs the pixels it fills, and the menu's panel covers most
// of the window and never changes while nobody touches it. So once the panel is on screen and
// the window's back buffer still holds it after a present, a frame repaints only the strips
// around the panel. Whether the back buffer survives a present is the driver's choice (Mesa's
// software rasteriser keeps it; a GPU may hand back an older buffer or garbage), so it is
// checked, not assumed: a few pixels inside the panel are read back before and after.
#pragma once
#include <array>
#include <optional>
#include <vector>

#include <SDL.h>
#include <imgui.h>

namespace cw {

// The parts of a w-by-h screen outside `still`: up to four strips (left, right, above, below).
std::vector<SDL_FRect> strips_around(const SDL_FRect& still, float w, float h);

// Draws `data` as the backend would, but only inside `within` (in ImGui's coordinates).
void render_draw_data_within(ImDrawData* data, const SDL_FRect& within);

class FrameReuse {
public:
    // Just before a present: the panel on screen (points; none: nothing to reuse) and a few of its
    // pixels, to recognise it later.
    void presenting(SDL_Renderer* renderer, float dpi, const std::optional<SDL_FRect>& panel);
    // Before drawing: the panel last presented, when the back buffer still shows it.
    std::optional<SDL_FRect> panel_still_shown(SDL_Renderer* renderer) const;
    void forget() { panel_.reset(); }

private:
    static constexpr int kProbes = 4;
    std::optional<SDL_FRect> panel_;
    std::array<SDL_Point, kProbes> probe_at_{};  // output pixels inside the panel
    std::array<Uint32, kProbes> probe_{};        // their colours as presented
};

}  // namespace cw
