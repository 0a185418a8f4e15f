// Draws the world from the simulation's state: water, banks, islands, rocks, channel markers,
// the raft and its paddler, breathing rings and splashes. It reads the simulation; it never
// changes it. Geometry goes through SDL_RenderGeometry in a few batched calls.
#pragma once
#include <vector>

#include <SDL.h>
#include <imgui.h>

#include "camera.hpp"
#include "core/sim.hpp"
#include "theme.hpp"

namespace cw {

class RiverView {
public:
    // `clock`: seconds of animation (render time, not game time), for bobbing and rings.
    // `raft_pos`/`raft_angle`: the raft's pose interpolated between simulation ticks.
    void draw(SDL_Renderer* r, const Camera& cam, const Simulation& sim, Vec2 raft_pos, double raft_angle,
              double clock, ImDrawList* labels, ImFont* label_font, float label_size);

private:
    void draw_water(SDL_Renderer* r, const Camera& cam, const Simulation& sim);
    void draw_islands(SDL_Renderer* r, const Camera& cam, const Simulation& sim);
    void draw_rocks(SDL_Renderer* r, const Camera& cam, const Simulation& sim, double clock);
    void draw_channel_marks(SDL_Renderer* r, const Camera& cam, const Simulation& sim, double clock,
                            ImDrawList* labels, ImFont* font, float size);
    void draw_raft(SDL_Renderer* r, const Camera& cam, const Simulation& sim, Vec2 pos, double angle, double clock);

    // Batches, reused every frame so drawing allocates nothing once warm.
    void quad(const Camera& cam, Vec2 a, Vec2 b, Vec2 c, Vec2 d, theme::Rgba ca, theme::Rgba cb, theme::Rgba cc,
              theme::Rgba cd);
    void disc(const Camera& cam, Vec2 centre, double radius, theme::Rgba inner, theme::Rgba outer, int segments = 20);
    void ring(const Camera& cam, Vec2 centre, double radius, double thickness, theme::Rgba c, int segments = 40);
    void flush(SDL_Renderer* r);

    std::vector<SDL_Vertex> verts_;
    std::vector<int> indices_;
};

}  // namespace cw
