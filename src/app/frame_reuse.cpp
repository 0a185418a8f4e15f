#include "frame_reuse.hpp"

#include <algorithm>

#include <imgui_impl_sdlrenderer.h>

namespace cw {

std::vector<SDL_FRect> strips_around(const SDL_FRect& still, float w, float h) {
    const float x0 = std::clamp(still.x, 0.0f, w), x1 = std::clamp(still.x + still.w, 0.0f, w);
    const float y0 = std::clamp(still.y, 0.0f, h), y1 = std::clamp(still.y + still.h, 0.0f, h);
    std::vector<SDL_FRect> strips;
    auto add = [&](float x, float y, float sw, float sh) {
        if (sw > 0 && sh > 0) strips.push_back({x, y, sw, sh});
    };
    add(0, 0, x0, h);              // left, the full height
    add(x1, 0, w - x1, h);         // right, the full height
    add(x0, 0, x1 - x0, y0);       // above the panel
    add(x0, y1, x1 - x0, h - y1);  // below it
    return strips;
}

void render_draw_data_within(ImDrawData* data, const SDL_FRect& within) {
    std::vector<ImVec4> kept;
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (ImDrawCmd& cmd : data->CmdLists[l]->CmdBuffer) {
            kept.push_back(cmd.ClipRect);
            cmd.ClipRect = ImVec4(std::max(cmd.ClipRect.x, within.x), std::max(cmd.ClipRect.y, within.y),
                                  std::min(cmd.ClipRect.z, within.x + within.w),
                                  std::min(cmd.ClipRect.w, within.y + within.h));
        }
    ImGui_ImplSDLRenderer_RenderDrawData(data);  // an empty clip draws nothing
    size_t i = 0;
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (ImDrawCmd& cmd : data->CmdLists[l]->CmdBuffer) cmd.ClipRect = kept[i++];
}

namespace {
bool read_pixel(SDL_Renderer* r, SDL_Point p, Uint32& out) {
    SDL_Rect one{p.x, p.y, 1, 1};
    return SDL_RenderReadPixels(r, &one, SDL_PIXELFORMAT_RGBA8888, &out, 4) == 0;
}
}  // namespace

void FrameReuse::presenting(SDL_Renderer* renderer, float dpi, const std::optional<SDL_FRect>& panel) {
    panel_.reset();
    if (!panel || panel->w < 40 || panel->h < 40) return;
    // Spread over the panel, a little in from its corners, in output pixels (reading ignores the scale).
    const float in = 12;
    const float xs[kProbes] = {panel->x + in, panel->x + panel->w - in, panel->x + panel->w * 0.37f, panel->x + in};
    const float ys[kProbes] = {panel->y + in, panel->y + panel->h * 0.61f, panel->y + panel->h - in,
                               panel->y + panel->h * 0.29f};
    for (int i = 0; i < kProbes; ++i) {
        probe_at_[i] = {static_cast<int>(xs[i] * dpi), static_cast<int>(ys[i] * dpi)};
        if (!read_pixel(renderer, probe_at_[i], probe_[i])) return;
    }
    panel_ = panel;
}

std::optional<SDL_FRect> FrameReuse::panel_still_shown(SDL_Renderer* renderer) const {
    if (!panel_) return std::nullopt;
    for (int i = 0; i < kProbes; ++i) {
        Uint32 now = 0;
        if (!read_pixel(renderer, probe_at_[i], now) || now != probe_[i]) return std::nullopt;
    }
    return panel_;
}

}  // namespace cw
