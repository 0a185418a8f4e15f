// Streaks carried by the water, so the current and its eddies can be seen. Purely visual: they
// sample the same flow field as the raft but have their own randomness and never touch the
// simulation.
#pragma once
#include <vector>

#include <SDL.h>

#include "camera.hpp"
#include "core/rng.hpp"
#include "core/sim.hpp"

namespace cw {

class WaterParticles {
public:
    explicit WaterParticles(int count = 420) : count_(count) {}
    // With reduced motion (the player's setting, ctx.settings.reduced_motion) the streaks hold
    // still: they still show the current's direction, without moving across the screen.
    void update(const Simulation& sim, const Camera& cam, double dt, bool reduced_motion);
    void draw(SDL_Renderer* r, const Camera& cam, double roughness, bool reduced_motion);
    int drawn() const { return static_cast<int>(indices_.size() / 6); }  // streaks the last draw handed over

private:
    struct Particle {
        Vec2 pos, vel;
        double age = 0, life = 1;
        int hint = -1;
        bool cap = false;  // a whitecap rather than a streak
    };
    void respawn(Particle& p, const Simulation& sim, const Camera& cam);

    int count_;
    std::vector<Particle> particles_;
    Rng rng_{12345};
    std::vector<SDL_Vertex> verts_;
    std::vector<int> indices_;
};

}  // namespace cw
