// The main menu: pick a call and play it; the way to progress, classes, the editor and settings.
#include <cmath>
#include <cstdio>
#include <optional>

#include "content/data_paths.hpp"
#include "content/playlist_loader.hpp"
#include "core/breathing.hpp"
#include "old_scoring_mark.hpp"
#include "screens.hpp"
#include "theme.hpp"

namespace cw {

namespace {

class MenuScreen : public Screen {
public:
    MenuScreen(AppContext& ctx, std::string message, int open_week)
        : open_week_(open_week), message_(std::move(message)) {
        ShippedContent shipped = ctx.preloaded ? std::move(*ctx.preloaded) : load_shipped_content(*ctx.catalogue);
        ctx.preloaded.reset();
        levels_ = std::move(shipped.levels);
        for (PlaylistLoad& week : shipped.weeks) {
            if (week.ok()) weeks_.push_back(std::move(*week.playlist));
            else if (message_.empty()) message_ = format_problems(week.problems);
        }
        if (ctx.progress && !ctx.progress->warning().empty() && message_.empty()) message_ = ctx.progress->warning();
    }

    Motion motion(const AppContext& ctx) const override {
        return ctx.settings.reduced_motion ? Motion::still : Motion::ambient;  // the backdrop drifts
    }

    void event(AppContext&, const SDL_Event& e) override {
        if (e.type == SDL_KEYDOWN && (e.key.keysym.scancode == SDL_SCANCODE_RETURN ||
                                      e.key.keysym.scancode == SDL_SCANCODE_KP_ENTER))
            start_ = true;
        if (e.type == SDL_CONTROLLERBUTTONDOWN && e.cbutton.button == SDL_CONTROLLER_BUTTON_A) start_ = true;
    }

    std::optional<SDL_FRect> still_panel() const override { return panel_; }

    ScreenRequest frame(AppContext& ctx, double dt) override {
        clock_ += dt;
        draw_backdrop(ctx);
        float s = ctx.settings.ui_scale;
        float w = std::min(ctx.width - 40.0f * s, 760.0f * s);
        ImGui::SetNextWindowPos(ImVec2(ctx.width * 0.5f, ctx.height * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        // As tall as its content, but never taller than the window: beyond that it scrolls.
        ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, ctx.height - 24 * s));
        ImGui::Begin("##menu", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                            ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize);
        panel_ = SDL_FRect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowSize().x,
                           ImGui::GetWindowSize().y};
        ImGui::PushFont(ctx.fonts.title);
        ImGui::TextUnformatted("Calm Waters");
        ImGui::PopFont();
        ImGui::TextDisabled("Keep your raft, and your voice, steady through a difficult call.");
        ImGui::Spacing();

        ScreenRequest req;
        if (!message_.empty()) {
            ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kAttentionPanel);
            ImGui::BeginChild("##error", ImVec2(0, 110 * s), true);
            ImGui::TextUnformatted("Something needs your attention:");
            ImGui::TextUnformatted(message_.c_str());
            ImGui::EndChild();
            ImGui::PopStyleColor();
        }

        weeks_section(ctx, req);

        ImGui::TextUnformatted(weeks_.empty() ? "Choose a call" : "Or a single call");
        ImGui::BeginChild("##levels", ImVec2(0, 110 * s), true);
        if (levels_.empty()) ImGui::TextDisabled("No levels found in %s.", levels_dir().c_str());
        for (size_t i = 0; i < levels_.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            bool sel = selected_ == static_cast<int>(i);
            std::string label = levels_[i].yours ? levels_[i].title + "  (your level)" : levels_[i].title;
            if (ImGui::Selectable(label.c_str(), sel, ImGuiSelectableFlags_AllowDoubleClick)) {
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
        if (ImGui::Button("My progress", ImVec2(160 * s, 44 * s))) req.kind = ScreenRequest::progress;
        ImGui::SameLine();
        if (ImGui::Button("Quit", ImVec2(120 * s, 44 * s))) req.kind = ScreenRequest::quit;

        // For trainers and classes.
        if (ImGui::Button("Host a class", ImVec2(180 * s, 36 * s))) {
            req.kind = ScreenRequest::host;
            if (selected_ >= 0 && selected_ < static_cast<int>(levels_.size())) req.level_path = levels_[selected_].path;
        }
        ImGui::SameLine();
        if (ImGui::Button("Join a class", ImVec2(160 * s, 36 * s))) req.kind = ScreenRequest::join;
        ImGui::SameLine();
        if (ImGui::Button("Level editor", ImVec2(160 * s, 36 * s))) {
            req.kind = ScreenRequest::editor;
            if (selected_ >= 0 && selected_ < static_cast<int>(levels_.size())) req.level_path = levels_[selected_].path;
        }
        ImGui::SameLine();
        if (ImGui::Button("Settings", ImVec2(130 * s, 36 * s))) req.kind = ScreenRequest::settings;
        if (!ctx.settings_warning.empty()) {
            ImGui::SameLine();
            ImGui::TextColored(theme::kTextCaution, "(see Settings)");
        }

        ImGui::Spacing();
        // Open for a new player; out of the way once the first week is under way.
        bool new_player = weeks_.empty() || !ctx.progress ||
                          ctx.progress->get(weeks_.front().id, weeks_.front().calls.size()).next == 0;
        if (ImGui::CollapsingHeader("How to play", new_player ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
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
        ImGui::End();
        return req;
    }

private:
    // The campaign: a tab for each week, the first week first. The tab open is the latest week
    // the player has started, so a returning player lands where they left off.
    void weeks_section(AppContext& ctx, ScreenRequest& req) {
        if (weeks_.empty()) return;
        if (!ImGui::BeginTabBar("##weeks")) return;
        int latest = 0;  // read once, for the opening tab: after that the player picks
        for (size_t i = 0; i < weeks_.size() && !tab_chosen_; ++i)
            if (ctx.progress && ctx.progress->get(weeks_[i].id, weeks_[i].calls.size()).next > 0)
                latest = static_cast<int>(i);
        if (open_week_ >= 0 && open_week_ < static_cast<int>(weeks_.size())) latest = open_week_;
        for (size_t i = 0; i < weeks_.size(); ++i) {
            ImGuiTabItemFlags flags = !tab_chosen_ && static_cast<int>(i) == latest ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem(weeks_[i].title.c_str(), nullptr, flags)) {
                week_section(ctx, weeks_[i], req);  // only the open tab draws, so Enter starts it
                ImGui::EndTabItem();
            }
        }
        tab_chosen_ = true;
        ImGui::EndTabBar();
    }

    // One week: its calls, the player's best on each, and the button to go on.
    void week_section(AppContext& ctx, const Playlist& week, ScreenRequest& req) {
        float s = ctx.settings.ui_scale;
        CampaignProgress progress = ctx.progress ? ctx.progress->get(week.id, week.calls.size())
                                                 : CampaignProgress{};
        progress.resize(week.calls.size());
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextUnformatted(week.title.c_str());
        ImGui::PopFont();
        if (!week.summary.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", week.summary.c_str());
        }
        ImGui::BeginChild("##week", ImVec2(0, 150 * s), true);
        for (size_t i = 0; i < week.calls.size(); ++i) {
            const PlaylistEntry& c = week.calls[i];
            ImGui::PushID(static_cast<int>(i) + 1000);
            char label[256];
            std::snprintf(label, sizeof label, "%-10s %s", c.day.c_str(), c.title.c_str());
            bool open = static_cast<int>(i) <= progress.next;  // the next call, and every one before it
            if (!open) ImGui::BeginDisabled();
            if (ImGui::Selectable(label, static_cast<int>(i) == progress.next, 0, ImVec2(ImGui::GetContentRegionAvail().x * 0.75f, 0)))
                req = campaign_request(week, static_cast<int>(i));
            if (!open) ImGui::EndDisabled();
            ImGui::SameLine();
            if (progress.best[i] >= 0 && is_old_scoring(progress.best_scoring[i]))
                old_scoring_mark(("best " + std::to_string(progress.best[i]) + " (old scoring)").c_str());
            else if (progress.best[i] >= 0) ImGui::TextDisabled("best %d", progress.best[i]);
            else if (static_cast<int>(i) == progress.next) ImGui::TextColored(theme::kTextAccent, "next");
            else ImGui::TextDisabled("later");
            ImGui::PopID();
        }
        ImGui::EndChild();
        int next = std::min(progress.next, static_cast<int>(week.calls.size()) - 1);
        bool done = progress.next >= static_cast<int>(week.calls.size());
        std::string button = done ? "Play the week again" : (progress.next == 0 ? "Start the week" : "Continue the week");
        if (ImGui::Button(button.c_str(), ImVec2(220 * s, 40 * s)) || start_week_)
            req = campaign_request(week, done ? 0 : next);
        start_week_ = false;
        ImGui::Spacing();
    }

    static ScreenRequest campaign_request(const Playlist& week, int index) {
        ScreenRequest r;
        r.kind = ScreenRequest::play;
        r.week = std::make_shared<const Playlist>(week);
        r.campaign_index = index;
        r.level_path = week.calls[index].level;
        return r;
    }

    // A calm river behind the menu, the same one the settings screen shows.
    void draw_backdrop(AppContext& ctx) {
        theme::draw_river_backdrop(ImGui::GetBackgroundDrawList(), static_cast<float>(ctx.width),
                                   static_cast<float>(ctx.height), clock_, ctx.settings.reduced_motion, panel_);
    }

    std::vector<LevelEntry> levels_;
    std::vector<Playlist> weeks_;  // the shipped weeks, the first week first
    bool tab_chosen_ = false;      // the opening tab has been picked (after that, the player's)
    int open_week_ = -1;           // the tab to open first (-1: the latest week started)
    bool start_week_ = false;
    std::string message_;
    int selected_ = 0;
    bool start_ = false;
    double clock_ = 0;
    std::optional<SDL_FRect> panel_;  // the window as last drawn: all that is not backdrop
};

}  // namespace

std::unique_ptr<Screen> make_menu_screen(AppContext& ctx, std::string message, int open_week) {
    return std::make_unique<MenuScreen>(ctx, std::move(message), open_week);
}

}  // namespace cw
