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

// How one raft looks this frame: enough to draw it, whether it comes from the local
// simulation or from a trainee's state over the network.
struct RaftLook {
    Vec2 pos;
    double angle = 0;
    double stroke_phase = 0, paddle = 0;
    double composure = 100, calm = 0, roughness = 0;
    int ticks_since_jolt = 1000;
    int ticks_since_reply = 1000;
    int reply_quality = 0;  // > 0 calm: teal rings; otherwise a choppy splash
    float alpha = 1.0f;  // other trainees' rafts are drawn a little faded
};

RaftLook raft_look(const Simulation& sim);

class RiverView {
public:
    // `clock`: seconds of animation (render time, not game time), for bobbing and rings.
    // `reduced_motion`: the player's setting (ctx.settings.reduced_motion): nothing bobs, sways
    // or spreads, though foam and rings still show.
    // What does not move: water, banks, islands, the current question's channel tints.
    void draw_static(SDL_Renderer* r, const Camera& cam, const Simulation& sim);
    // What moves on the river: foam round the rocks, the bobbing lettered buoys.
    void draw_live(SDL_Renderer* r, const Camera& cam, const Simulation& sim, double clock, ImDrawList* labels,
                   ImFont* label_font, float label_size, bool reduced_motion);
    void draw_raft(SDL_Renderer* r, const Camera& cam, const RaftLook& raft, double clock, bool reduced_motion);

private:
    void draw_water(SDL_Renderer* r, const Camera& cam, const Simulation& sim);
    void draw_islands(SDL_Renderer* r, const Camera& cam, const Simulation& sim);
    void draw_rocks(SDL_Renderer* r, const Camera& cam, const Simulation& sim, double clock, bool reduced_motion);
    void draw_channel_tints(SDL_Renderer* r, const Camera& cam, const Simulation& sim);
    void draw_channel_buoys(const Camera& cam, const Simulation& sim, double clock, bool reduced_motion,
                            ImDrawList* labels, ImFont* font, float size);

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
