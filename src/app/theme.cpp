#include "theme.hpp"

#include <algorithm>
#include <cmath>

#include "frame_reuse.hpp"

namespace cw::theme {

Rgba channel_colour(int channel) {
    static const Rgba kChannels[4] = {
        {230, 159, 0, 255},    // orange
        {86, 180, 233, 255},   // sky blue
        {0, 158, 115, 255},    // bluish green
        {204, 121, 167, 255},  // reddish purple
    };
    return kChannels[std::clamp(channel, 0, 3)];
}

const char* channel_shape_name(int channel) {
    static const char* kShapes[4] = {"circle", "square", "triangle", "diamond"};
    return kShapes[std::clamp(channel, 0, 3)];
}

Rgba mix(Rgba a, Rgba b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    auto m = [t](Uint8 x, Uint8 y) { return static_cast<Uint8>(x + (y - x) * t); };
    return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), m(a.a, b.a)};
}

void apply_imgui_style(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 8;
    style.FrameRounding = 6;
    style.GrabRounding = 6;
    style.ChildRounding = 6;
    style.PopupRounding = 6;
    style.WindowPadding = ImVec2(14, 12);
    style.FramePadding = ImVec2(10, 6);
    style.ItemSpacing = ImVec2(10, 8);
    style.WindowBorderSize = 0;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.08f, 0.13f, 0.17f, 0.94f);
    c[ImGuiCol_PopupBg] = ImVec4(0.08f, 0.13f, 0.17f, 0.97f);
    c[ImGuiCol_ChildBg] = ImVec4(0.11f, 0.18f, 0.23f, 0.85f);
    c[ImGuiCol_Text] = ImVec4(0.93f, 0.95f, 0.94f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.62f, 0.70f, 0.72f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.16f, 0.40f, 0.48f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.22f, 0.52f, 0.60f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.12f, 0.33f, 0.40f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.16f, 0.40f, 0.48f, 0.55f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.22f, 0.52f, 0.60f, 0.8f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.22f, 0.52f, 0.60f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.13f, 0.22f, 0.27f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.18f, 0.30f, 0.36f, 1.0f);
    c[ImGuiCol_CheckMark] = ImVec4(0.55f, 0.85f, 0.80f, 1.0f);
    c[ImGuiCol_SliderGrab] = ImVec4(0.55f, 0.85f, 0.80f, 1.0f);
    c[ImGuiCol_PlotLines] = ImVec4(0.95f, 0.55f, 0.35f, 1.0f);
    c[ImGuiCol_Separator] = ImVec4(0.30f, 0.42f, 0.46f, 1.0f);
    c[ImGuiCol_TitleBg] = c[ImGuiCol_TitleBgActive] = ImVec4(0.10f, 0.20f, 0.25f, 1.0f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.02f, 0.05f, 0.07f, 0.55f);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

void draw_river_backdrop(ImDrawList* dl, float w, float h, double clock, bool reduced_motion,
                         const std::optional<SDL_FRect>& panel) {
    float x0 = w * 0.18f, x1 = w * 0.82f;
    dl->AddRectFilledMultiColor(ImVec2(x0, 0), ImVec2(w * 0.5f, h), im(kWaterShallow), im(kWaterDeep), im(kWaterDeep),
                                im(kWaterShallow));
    dl->AddRectFilledMultiColor(ImVec2(w * 0.5f, 0), ImVec2(x1, h), im(kWaterDeep), im(kWaterShallow),
                                im(kWaterShallow), im(kWaterDeep));
    dl->AddRectFilled(ImVec2(x0 - 14, 0), ImVec2(x0, h), im(kSand));
    dl->AddRectFilled(ImVec2(x1, 0), ImVec2(x1 + 14, h), im(kSand));
    double t = reduced_motion ? 0.0 : clock;
    auto streaks = [&] {
        for (int i = 0; i < 40; ++i) {
            float fx = x0 + (x1 - x0) * std::fmod(i * 0.618034f, 1.0f);
            float speed = 30.0f + 40.0f * (1.0f - std::fabs((fx - w * 0.5f) / (w * 0.32f)));
            float fy = std::fmod(h - static_cast<float>(t) * speed + i * 97.0f, h + 60.0f);
            if (fy < 0) fy += h + 60.0f;
            dl->AddLine(ImVec2(fx, fy), ImVec2(fx, fy + 26), im(kBackdropStreak), 2.0f);
        }
    };
    if (!panel) return streaks();
    for (const SDL_FRect& strip : strips_around(*panel, w, h)) {
        dl->PushClipRect(ImVec2(strip.x, strip.y), ImVec2(strip.x + strip.w, strip.y + strip.h), true);
        streaks();
        dl->PopClipRect();
    }
}

void begin_side_panel(SDL_Renderer* r, const char* id, float x, float width, float height) {
    ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(r, static_cast<Uint8>(bg.x * 255), static_cast<Uint8>(bg.y * 255),
                           static_cast<Uint8>(bg.z * 255), 255);
    SDL_FRect rect{x, 0, width, height};
    SDL_RenderFillRectF(r, &rect);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    ImGui::SetNextWindowPos(ImVec2(x, 0));
    ImGui::SetNextWindowSize(ImVec2(width, height));
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
}

void section_heading(const char* text, ImFont* font) {
    ImGui::Spacing();
    if (font) ImGui::PushFont(font);
    ImGui::TextColored(kTextHeading, "%s", text);
    if (font) ImGui::PopFont();
    ImGui::Separator();
}

void flat_bar(float fraction, Rgba colour) {
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImVec2 size(ImGui::GetContentRegionAvail().x, ImGui::GetTextLineHeight());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), ImGui::GetColorU32(ImGuiCol_FrameBg));
    float filled = size.x * std::clamp(fraction, 0.0f, 1.0f);
    if (filled > 0) dl->AddRectFilled(at, ImVec2(at.x + filled, at.y + size.y), im(colour));
    ImGui::Dummy(size);
}

}  // namespace cw::theme
