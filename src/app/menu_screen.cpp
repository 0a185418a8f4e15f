// The main menu: pick a call, play it, set the few things a player needs first.
#include <cmath>

#include "screens.hpp"
#include "theme.hpp"

namespace cw {

namespace {

class MenuScreen : public Screen {
public:
    MenuScreen(AppContext& ctx, std::string message) : message_(std::move(message)) {
        levels_ = shipped_levels(*ctx.catalogue);
    }

    void event(AppContext&, const SDL_Event& e) override {
        if (e.type == SDL_KEYDOWN && (e.key.keysym.scancode == SDL_SCANCODE_RETURN ||
                                      e.key.keysym.scancode == SDL_SCANCODE_KP_ENTER))
            start_ = true;
        if (e.type == SDL_CONTROLLERBUTTONDOWN && e.cbutton.button == SDL_CONTROLLER_BUTTON_A) start_ = true;
    }

    ScreenRequest frame(AppContext& ctx, double dt) override {
        clock_ += dt;
        draw_backdrop(ctx);
        float s = ctx.settings.ui_scale;
        float w = std::min(ctx.width - 40.0f * s, 760.0f * s);
        ImGui::SetNextWindowPos(ImVec2(ctx.width * 0.5f, ctx.height * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(w, 0));
        ImGui::Begin("##menu", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_AlwaysAutoResize);
        ImGui::PushFont(ctx.fonts.title);
        ImGui::TextUnformatted("Calm Waters");
        ImGui::PopFont();
        ImGui::TextDisabled("Keep your raft, and your voice, steady through a difficult call.");
        ImGui::Spacing();

        ScreenRequest req;
        if (!message_.empty()) {
            ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.35f, 0.12f, 0.08f, 0.9f));
            ImGui::BeginChild("##error", ImVec2(0, 110 * s), true);
            ImGui::TextUnformatted("That level could not be opened:");
            ImGui::TextUnformatted(message_.c_str());
            ImGui::EndChild();
            ImGui::PopStyleColor();
        }

        ImGui::TextUnformatted("Choose a call");
        ImGui::BeginChild("##levels", ImVec2(0, 150 * s), true);
        if (levels_.empty()) ImGui::TextDisabled("No levels found in the levels/ folder.");
        for (size_t i = 0; i < levels_.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            bool sel = selected_ == static_cast<int>(i);
            if (ImGui::Selectable(levels_[i].title.c_str(), sel, ImGuiSelectableFlags_AllowDoubleClick)) {
                selected_ = static_cast<int>(i);
                if (ImGui::IsMouseDoubleClicked(0)) start_ = true;
            }
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("%s", levels_[i].summary.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopID();
        }
        ImGui::EndChild();

        if (ImGui::Button("Play", ImVec2(180 * s, 44 * s)) || start_) {
            start_ = false;
            if (selected_ >= 0 && selected_ < static_cast<int>(levels_.size())) {
                req.kind = ScreenRequest::play;
                req.level_path = levels_[selected_].path;
            }
        }
        ImGui::SameLine();
        if (ImGui::Button("Quit", ImVec2(120 * s, 44 * s))) req.kind = ScreenRequest::quit;

        ImGui::Spacing();
        if (ImGui::CollapsingHeader("How to play", ImGuiTreeNodeFlags_DefaultOpen)) {
            // Auto-resizing windows have no edge to wrap at, so wrap at the window's set width.
            ImGui::PushTextWrapPos(w - 30 * s);
            for (const char* tip : {
                     "The caller talks; the river carries you. Where it forks, each channel is a reply: steer into "
                     "the one you want to say.",
                     "Paddle with A and D (or the arrow keys, the mouse buttons, a gamepad's stick).",
                     "Hold Space while the ring says breathe in and hold; let go for breathe out and hold. Breathing "
                     "in rhythm restores your composure and smooths the water around you.",
                     "An angry caller makes rough water. Calm replies settle it; jolts against rocks and banks shake "
                     "you, and the caller hears it."}) {
                ImGui::Bullet();
                ImGui::TextWrapped("%s", tip);
            }
            ImGui::PopTextWrapPos();
        }
        if (ImGui::CollapsingHeader("Settings")) {
            ImGui::Checkbox("Assist: click a reply and the raft steers itself", &ctx.settings.assist);
            bool fs = ctx.settings.fullscreen;
            if (ImGui::Checkbox("Fullscreen (F11)", &fs)) {
                ctx.settings.fullscreen = fs;
                if (ctx.window) SDL_SetWindowFullscreen(ctx.window, fs ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
            }
            float scale = ctx.settings.ui_scale;
            ImGui::SetNextItemWidth(200 * s);
            if (ImGui::SliderFloat("Text and panel size", &scale, 0.75f, 2.0f, "%.2fx"))
                pending_scale_ = scale;
            if (ImGui::IsItemDeactivatedAfterEdit()) ctx.settings.ui_scale = pending_scale_;
        }
        ImGui::End();
        return req;
    }

private:
    // A calm river behind the menu: a band of water with slow drifting streaks.
    void draw_backdrop(AppContext& ctx) {
        ImDrawList* dl = ImGui::GetBackgroundDrawList();
        float w = static_cast<float>(ctx.width), h = static_cast<float>(ctx.height);
        float x0 = w * 0.18f, x1 = w * 0.82f;
        dl->AddRectFilledMultiColor(ImVec2(x0, 0), ImVec2(w * 0.5f, h), theme::im(theme::kWaterShallow),
                                    theme::im(theme::kWaterDeep), theme::im(theme::kWaterDeep),
                                    theme::im(theme::kWaterShallow));
        dl->AddRectFilledMultiColor(ImVec2(w * 0.5f, 0), ImVec2(x1, h), theme::im(theme::kWaterDeep),
                                    theme::im(theme::kWaterShallow), theme::im(theme::kWaterShallow),
                                    theme::im(theme::kWaterDeep));
        dl->AddRectFilled(ImVec2(x0 - 14, 0), ImVec2(x0, h), theme::im(theme::kSand));
        dl->AddRectFilled(ImVec2(x1, 0), ImVec2(x1 + 14, h), theme::im(theme::kSand));
        for (int i = 0; i < 40; ++i) {
            float fx = x0 + (x1 - x0) * std::fmod(i * 0.618034f, 1.0f);
            float speed = 30.0f + 40.0f * (1.0f - std::fabs((fx - w * 0.5f) / (w * 0.32f)));
            float fy = std::fmod(h - static_cast<float>(clock_) * speed + i * 97.0f, h + 60.0f) ;
            dl->AddLine(ImVec2(fx, fy), ImVec2(fx, fy + 26), IM_COL32(220, 240, 245, 70), 2.0f);
        }
    }

    std::vector<LevelEntry> levels_;
    std::string message_;
    int selected_ = 0;
    bool start_ = false;
    float pending_scale_ = 1.0f;
    double clock_ = 0;
};

}  // namespace

std::unique_ptr<Screen> make_menu_screen(AppContext& ctx, std::string message) {
    return std::make_unique<MenuScreen>(ctx, std::move(message));
}

}  // namespace cw
