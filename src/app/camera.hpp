// World (metres, y downstream) to screen (pixels, y down). The river is drawn flowing up the
// screen, so world y grows upward.
#pragma once
#include <SDL.h>

#include "core/vec2.hpp"

namespace cw {

struct Camera {
    Vec2 centre;                 // world point at the middle of the viewport
    double pixels_per_metre = 16;
    SDL_FRect viewport{0, 0, 1280, 720};

    SDL_FPoint to_screen(Vec2 w) const {
        return {static_cast<float>(viewport.x + viewport.w * 0.5 + (w.x - centre.x) * pixels_per_metre),
                static_cast<float>(viewport.y + viewport.h * 0.5 - (w.y - centre.y) * pixels_per_metre)};
    }
    Vec2 to_world(SDL_FPoint s) const {
        return {centre.x + (s.x - viewport.x - viewport.w * 0.5) / pixels_per_metre,
                centre.y - (s.y - viewport.y - viewport.h * 0.5) / pixels_per_metre};
    }
    // Half the viewport's diagonal in metres: anything further from the centre is off screen.
    double view_radius() const;
    // Follow the raft, looking ahead downstream; `smooth` in 0..1 per frame.
    void follow(Vec2 target, double smooth);
};

}  // namespace cw
