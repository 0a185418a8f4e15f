// The river's streaks: only those on the view's rectangle reach the renderer (the others cost a
// software renderer their triangles and show nothing), and the picture is the same as when
// every streak is drawn.
#include <SDL.h>

#include <cstring>

#include "app/water_particles.hpp"
#include "fixtures.hpp"

using namespace cw;

namespace {

struct Canvas {
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 960, 720, 32, SDL_PIXELFORMAT_RGBA32);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    ~Canvas() {
        SDL_DestroyRenderer(renderer);
        SDL_FreeSurface(surface);
    }
};

}  // namespace

TEST_CASE("water particles: streaks off the view are left out, and the picture is the same") {
    Level level = cwtest::shipped_level();
    Simulation sim(level, cwtest::catalogue(), 7);
    for (int i = 0; i < 600; ++i) sim.step({});
    Camera cam;
    cam.viewport = {0, 0, 660, 720};  // the river's part of a 960-wide window; the panel beside it
    cam.pixels_per_metre = 720 / 38.0;
    cam.centre = sim.state().raft_pos;
    WaterParticles streaks;
    for (int i = 0; i < 120; ++i) streaks.update(sim, cam, 1.0 / 60.0, false);

    // The same camera with a viewport far larger around the same centre: every point lands on the
    // same pixel, and every streak is "in view", so all of them are drawn.
    Camera everything = cam;
    everything.viewport = {cam.viewport.x - 2000, cam.viewport.y - 2000, cam.viewport.w + 4000, cam.viewport.h + 4000};

    Canvas culled, full;
    const SDL_Rect river{0, 0, 660, 720};
    for (Canvas* c : {&culled, &full}) {
        SDL_SetRenderDrawColor(c->renderer, 40, 90, 120, 255);
        SDL_RenderClear(c->renderer);
        SDL_SetRenderDrawBlendMode(c->renderer, SDL_BLENDMODE_BLEND);
        SDL_RenderSetClipRect(c->renderer, &river);
    }
    streaks.draw(culled.renderer, cam, sim.state().roughness, false);
    const int on_view = streaks.drawn();
    streaks.draw(full.renderer, everything, sim.state().roughness, false);
    const int all = streaks.drawn();
    CHECK(on_view > 50);         // the river is full of them
    CHECK(on_view < all * 0.8);  // and a good part of the rest is off the view

    SDL_RenderPresent(culled.renderer);
    SDL_RenderPresent(full.renderer);
    REQUIRE(culled.surface->pitch == full.surface->pitch);
    int differing = 0;
    for (int y = 0; y < 720; ++y)
        differing += std::memcmp(static_cast<const char*>(culled.surface->pixels) + y * culled.surface->pitch,
                                 static_cast<const char*>(full.surface->pixels) + y * full.surface->pitch, 660 * 4) != 0;
    CHECK(differing == 0);
}
