#include "water_particles.hpp"

#include <algorithm>
#include <cmath>

#include "theme.hpp"

namespace cw {

void WaterParticles::respawn(Particle& p, const Simulation& sim, const Camera& cam) {
    const RiverGeometry& river = sim.river();
    double radius = cam.view_radius();
    for (int attempt = 0; attempt < 8; ++attempt) {
        // Streaks live a second or two, far too short to cross the view: spawn them anywhere in it.
        Vec2 offset{rng_.uniform(-radius, radius), rng_.uniform(-radius, radius)};
        Vec2 pos = cam.centre + offset;
        RiverFrame f = river.project(pos, p.hint);
        WaterBand b = river.band(f.s, f.lateral);
        if (!b.in_water) continue;
        p.pos = pos;
        p.hint = f.segment;
        p.age = 0;
        p.life = rng_.uniform(1.2, 2.6);
        p.cap = rng_.uniform() < sim.state().roughness * 0.45;
        return;
    }
    p.life = 0;  // try again next frame
}

void WaterParticles::update(const Simulation& sim, const Camera& cam, double dt, bool reduced_motion) {
    if (static_cast<int>(particles_.size()) != count_) {
        particles_.resize(count_);
        for (Particle& p : particles_) {
            respawn(p, sim, cam);
            p.age = rng_.uniform(0.0, p.life);
        }
    }
    double radius = cam.view_radius() + 2.0;
    for (Particle& p : particles_) {
        if (reduced_motion) {  // held in place, only replaced once the view has moved away from them
            if (length(p.pos - cam.centre) > radius) respawn(p, sim, cam);
            else if (length(p.vel) < 0.02) p.vel = sim.water_velocity(p.pos, p.hint);
            if (p.life > 0) p.age = p.life * 0.5;  // fully shown
            continue;
        }
        p.age += dt;
        if (p.age >= p.life || length(p.pos - cam.centre) > radius) {
            respawn(p, sim, cam);
            continue;
        }
        p.vel = sim.water_velocity(p.pos, p.hint);  // as fast as the raft sees it, at the reading pace
        if (length(p.vel) < 0.02) {  // stranded in a dead corner
            p.age = p.life;
            continue;
        }
        p.pos += p.vel * dt;
    }
}

namespace {

// Streaks live in the view's whole circle (they must not pop in when the camera turns), so about
// half of them are off its rectangle at any moment. Those are not handed to the renderer: with no
// GPU each triangle costs its setup even when nothing of it is drawn.
bool in_view(const SDL_FRect& view, const SDL_FPoint (&quad)[4]) {
    float x0 = quad[0].x, x1 = quad[0].x, y0 = quad[0].y, y1 = quad[0].y;
    for (const SDL_FPoint& q : quad) {
        x0 = std::min(x0, q.x);
        x1 = std::max(x1, q.x);
        y0 = std::min(y0, q.y);
        y1 = std::max(y1, q.y);
    }
    return x1 >= view.x && x0 <= view.x + view.w && y1 >= view.y && y0 <= view.y + view.h;
}

}  // namespace

void WaterParticles::draw(SDL_Renderer* r, const Camera& cam, double roughness, bool reduced_motion) {
    verts_.clear();
    indices_.clear();
    for (const Particle& p : particles_) {
        if (p.life <= 0) continue;
        double fade = std::sin(kPi * clamp(p.age / p.life, 0.0, 1.0));
        double speed = length(p.vel);
        if (speed < 0.02) continue;
        Vec2 dir = p.vel * (1.0 / speed);
        Vec2 side = right_of(dir);
        Vec2 head = p.pos, tail = p.pos - p.vel * (reduced_motion ? 0.25 : 0.55);
        double width = p.cap ? 0.16 + 0.12 * roughness : 0.07;
        Uint8 alpha = static_cast<Uint8>(255 * fade * (p.cap ? 0.75 : 0.28 + 0.2 * roughness));
        SDL_Color c = theme::sdl_colour(p.cap ? theme::kSpray : theme::kStreak, alpha);
        if (p.cap) {  // whitecaps: short, thick, crosswise flecks
            tail = head - dir * 0.35;
            head = head + side * (0.25 + 0.3 * roughness);
        }
        Vec2 pts[4] = {tail - side * width, tail + side * width, head + side * width, head - side * width};
        SDL_FPoint on_screen[4];
        for (int i = 0; i < 4; ++i) on_screen[i] = cam.to_screen(pts[i]);
        if (!in_view(cam.viewport, on_screen)) continue;
        int base = static_cast<int>(verts_.size());
        for (SDL_FPoint q : on_screen) verts_.push_back({q, c, {0, 0}});
        for (int i : {0, 1, 2, 0, 2, 3}) indices_.push_back(base + i);
    }
    if (!indices_.empty())
        SDL_RenderGeometry(r, nullptr, verts_.data(), static_cast<int>(verts_.size()), indices_.data(),
                           static_cast<int>(indices_.size()));
}

}  // namespace cw
