#include "river_layer.hpp"

#include <cmath>

#include "theme.hpp"

namespace cw {

namespace {
constexpr int kMargin = 200;               // pixels of river drawn beyond each edge of the view
constexpr double kRoughnessStep = 0.04;    // redraw when the water's colour would visibly change
}  // namespace

RiverLayer::~RiverLayer() {
    if (texture_) SDL_DestroyTexture(texture_);
}

bool RiverLayer::stale(const Camera& cam, const Simulation& sim) const {
    if (!texture_) return true;
    if (cam.pixels_per_metre != drawn_with_.pixels_per_metre) return true;
    if (cam.viewport.w != view_w_ || cam.viewport.h != view_h_) return true;
    double dx = std::fabs(cam.centre.x - drawn_with_.centre.x) * cam.pixels_per_metre;
    double dy = std::fabs(cam.centre.y - drawn_with_.centre.y) * cam.pixels_per_metre;
    if (dx > kMargin - 4 || dy > kMargin - 4) return true;
    if (std::fabs(sim.state().roughness - drawn_roughness_) > kRoughnessStep) return true;
    return sim.call().question_fork() != drawn_question_;
}

void RiverLayer::draw(SDL_Renderer* r, const Camera& cam, const Simulation& sim, RiverView& view) {
    if (direct_) {
        view.draw_static(r, cam, sim);
        return;
    }
    if (owner_ != r && texture_) {
        SDL_DestroyTexture(texture_);
        texture_ = nullptr;
    }
    owner_ = r;
    if (stale(cam, sim)) {
        int w = static_cast<int>(cam.viewport.w) + 2 * kMargin, h = static_cast<int>(cam.viewport.h) + 2 * kMargin;
        if (!texture_ || cam.viewport.w != view_w_ || cam.viewport.h != view_h_) {
            if (texture_) SDL_DestroyTexture(texture_);
            texture_ = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
            if (!texture_) {  // a renderer without render targets: fall back to drawing live
                direct_ = true;
                view.draw_static(r, cam, sim);
                return;
            }
            SDL_SetTextureBlendMode(texture_, SDL_BLENDMODE_NONE);
            SDL_SetTextureScaleMode(texture_, SDL_ScaleModeNearest);  // copied 1:1, no filtering needed
            view_w_ = cam.viewport.w;
            view_h_ = cam.viewport.h;
        }
        SDL_Texture* previous = SDL_GetRenderTarget(r);
        SDL_Rect clip;
        SDL_RenderGetClipRect(r, &clip);
        bool clipped = SDL_RenderIsClipEnabled(r);
        SDL_SetRenderTarget(r, texture_);
        SDL_RenderSetClipRect(r, nullptr);
        SDL_SetRenderDrawColor(r, theme::kLand.r, theme::kLand.g, theme::kLand.b, 255);
        SDL_RenderClear(r);
        drawn_with_ = cam;
        drawn_with_.viewport = {0, 0, static_cast<float>(w), static_cast<float>(h)};
        view.draw_static(r, drawn_with_, sim);
        SDL_SetRenderTarget(r, previous);
        SDL_RenderSetClipRect(r, clipped ? &clip : nullptr);
        drawn_roughness_ = sim.state().roughness;
        drawn_question_ = sim.call().question_fork();
        ++redraws_;
    }
    // Where the texture's centre lands on screen now.
    SDL_FPoint c = cam.to_screen(drawn_with_.centre);
    SDL_FRect dst{c.x - drawn_with_.viewport.w * 0.5f, c.y - drawn_with_.viewport.h * 0.5f, drawn_with_.viewport.w,
                  drawn_with_.viewport.h};
    SDL_RenderCopyF(r, texture_, nullptr, &dst);
}

}  // namespace cw
