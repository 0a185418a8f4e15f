// Settings: sound, how the call plays, comfort, text and display, the dock's touchstone, and
// the controls. Every change takes effect at once and is saved by the shell as it happens.
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "audio_device.hpp"
#include "content/data_paths.hpp"
#include "content/dock_text.hpp"
#include "core/breathing.hpp"
#include "screens.hpp"
#include "sim_options.hpp"
#include "store/record_outbox.hpp"
#include "xapi/practice_records.hpp"
#include "theme.hpp"

namespace cw {

namespace {

// A label on the left, the control on the right, so the page reads as one column of choices.
void row_label(const char* label, float column) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(column);
}

class SettingsScreen : public Screen {
public:
    explicit SettingsScreen(AppContext& ctx) : pending_scale_(ctx.settings.ui_scale), dock_text_(load_shipped_dock_text()) {}

    void event(AppContext&, const SDL_Event& e) override {
        if ((e.type == SDL_KEYDOWN && e.key.keysym.scancode == SDL_SCANCODE_ESCAPE && !e.key.repeat) ||
            (e.type == SDL_CONTROLLERBUTTONDOWN && e.cbutton.button == SDL_CONTROLLER_BUTTON_B))
            back_ = true;
    }

    Motion motion(const AppContext& ctx) const override {
        return ctx.settings.reduced_motion ? Motion::still : Motion::ambient;  // the menu's backdrop
    }

    std::optional<SDL_FRect> still_panel() const override { return panel_; }

    ScreenRequest frame(AppContext& ctx, double dt) override {
        clock_ += dt;
        Settings& set = ctx.settings;
        theme::draw_river_backdrop(ImGui::GetBackgroundDrawList(), static_cast<float>(ctx.width),
                                   static_cast<float>(ctx.height), clock_, set.reduced_motion, panel_);
        float s = set.ui_scale;
        float w = std::min(ctx.width - 40.0f * s, 820.0f * s);
        ImGui::SetNextWindowPos(ImVec2(ctx.width * 0.5f, ctx.height * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(w, ctx.height - 40.0f * s));
        if (first_) ImGui::SetNextWindowFocus();  // keyboard and gamepad can move through it at once
        first_ = false;
        ImGui::Begin("##settings", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                                ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
        panel_ = SDL_FRect{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, ImGui::GetWindowSize().x,
                           ImGui::GetWindowSize().y};
        ImGui::PushFont(ctx.fonts.title);
        ImGui::TextUnformatted("Settings");
        ImGui::PopFont();
        ImGui::TextDisabled("Changes take effect at once and are kept for next time.");

        if (!ctx.settings_warning.empty()) {
            ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kAttentionPanel);
            ImGui::BeginChild("##warning", ImVec2(0, 96 * s), true);
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(ctx.settings_warning.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndChild();
            ImGui::PopStyleColor();
        }

        // Everything but the footer scrolls, so a big UI scale on a small window still works.
        ImGui::BeginChild("##page", ImVec2(0, -56 * s), false);
        float column = 250 * s;
        float control = std::max(200 * s, ImGui::GetContentRegionAvail().x - column - 10 * s);

        theme::section_heading("Sound", ctx.fonts.large);
        row_label("Volume", column);
        int volume = static_cast<int>(set.volume * 100.0f + 0.5f);
        ImGui::SetNextItemWidth(control * 0.6f);
        if (ImGui::SliderInt("##volume", &volume, 0, 100, "%d%%")) set.volume = volume / 100.0f;
        ImGui::SameLine();
        ImGui::Checkbox("Mute", &set.muted);
        row_label("", column);
        if (ImGui::Button("Play the reply chime") && ctx.audio) ctx.audio->chime();
        row_label("", column);
        ImGui::PushTextWrapPos(0);
        if (!ctx.audio) ImGui::TextDisabled("No sound in screenshots.");
        else if (!ctx.audio->playing()) ImGui::TextColored(theme::kTextCaution, "%s", ctx.audio->status().c_str());
        else ImGui::TextDisabled(set.muted ? "Sound is muted." : "The river, your breathing, a chime for calm replies.");
        ImGui::PopTextWrapPos();

        theme::section_heading("The call", ctx.fonts.large);
        row_label("Assist", column);
        ImGui::Checkbox("Click a reply and the raft steers itself there", &set.assist);
        row_label("Breathing pattern", column);
        ImGui::SetNextItemWidth(control);
        if (ImGui::BeginCombo("##breath", breath_pattern_label(set.breath))) {
            for (const char* id : {"box", "478", "slow"})
                if (ImGui::Selectable(breath_pattern_label(id), set.breath == id)) set.breath = id;
            ImGui::EndCombo();
        }
        row_label("Holds", column);
        ImGui::Checkbox("Hold the breath between in and out", &set.breath_holds);
        row_label("", column);
        ImGui::TextDisabled("Turn holds off if they make you dizzy.");
        // The reading pace: a rule of the game (core/reading_pace.hpp), not only how long text stays.
        row_label("Time to read", column);
        ImGui::SetNextItemWidth(control * 0.6f);
        ImGui::SliderFloat("##text_speed", &set.text_speed, 0.5f, 2.0f, "%.2fx", ImGuiSliderFlags_AlwaysClamp);
        row_label("", column);
        double pace = reading_pace_from(set);
        char about[200];
        if (pace > 1.0)
            std::snprintf(about, sizeof about, "%.3g times as long to read: the river flows slower, so the caller's "
                          "words stay up longer and each fork comes later.", pace);
        else if (pace < 1.0)
            std::snprintf(about, sizeof about, "%.3g times as long to read: the river flows faster, so each fork "
                          "comes sooner.", pace);
        else
            std::snprintf(about, sizeof about, "The usual time to read: the river flows at its normal speed.");
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextDisabled("%s", about);
        row_label("", column);
        ImGui::TextDisabled("Your breathing keeps its own time, and the call is scored the same way at any pace.");
        ImGui::PopTextWrapPos();

        theme::section_heading("Comfort and display", ctx.fonts.large);
        row_label("Reduced motion", column);
        ImGui::Checkbox("No bobbing, swaying, spreading rings or moving streaks", &set.reduced_motion);
        row_label("Fullscreen", column);
        bool fs = set.fullscreen;
        if (ImGui::Checkbox("Fill the screen (F11)", &fs)) {
            set.fullscreen = fs;
            if (ctx.window) SDL_SetWindowFullscreen(ctx.window, fs ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        }
        row_label("Text and panel size", column);
        ImGui::SetNextItemWidth(control * 0.6f);
        // The fonts are rebuilt when the slider is let go, not on every step of a drag.
        ImGui::SliderFloat("##scale", &pending_scale_, 0.75f, 2.0f, "%.2fx");
        if (ImGui::IsItemDeactivatedAfterEdit()) set.ui_scale = std::clamp(pending_scale_, 0.75f, 2.0f);
        if (ctx.dpi > 1.0f) {
            row_label("", column);
            ImGui::TextDisabled("High-density screen: drawn at %.2g pixels per point.", ctx.dpi);
        }
        if (!ctx.fonts.dejavu) {
            row_label("", column);
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("Using the built-in font: %s.", ctx.fonts.fallback_why.c_str());
            ImGui::PopTextWrapPos();
        }

        theme::section_heading("On the dock", ctx.fonts.large);
        row_label("Touchstone", column);
        if (dock_text_.ok()) {
            const DockText& dock = *dock_text_.text;
            const auto& quotes = dock.touchstone_quotes;
            ImGui::SetNextItemWidth(control);
            int& pick = set.touchstone;
            if (ImGui::BeginCombo("##touchstone", dock.touchstone_quote(pick).c_str())) {
                for (size_t i = 0; i < quotes.size(); ++i)
                    if (ImGui::Selectable(quotes[i].c_str(), pick == static_cast<int>(i))) pick = static_cast<int>(i);
                ImGui::EndCombo();
            }
        } else {  // the quotes' file is broken: say where, and the player's own words still work
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(theme::kTextProblem, "The quotes could not be read:\n%s",
                               format_problems(dock_text_.problems).c_str());
            ImGui::PopTextWrapPos();
        }
        row_label("Your own words", column);
        char own[160];
        std::snprintf(own, sizeof own, "%s", set.touchstone_text.c_str());
        ImGui::SetNextItemWidth(control);
        if (ImGui::InputTextWithHint("##own", "(leave empty to use the quote above)", own, sizeof own))
            set.touchstone_text = own;

        learning_records(ctx, column, control);

        theme::section_heading("Controls", ctx.fonts.large);
        if (ImGui::BeginTable("##controls", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("");
            ImGui::TableSetupColumn("Keyboard");
            ImGui::TableSetupColumn("Mouse");
            ImGui::TableSetupColumn("Gamepad");
            ImGui::TableHeadersRow();
            const char* rows[][4] = {
                {"Paddle", "A / D or arrows", "left / right button", "stick, d-pad, shoulders"},
                {"Breathe", "hold Space", "hold both buttons, or the middle", "hold A"},
                {"Reply (assist)", "-", "click the reply", "-"},
                {"Pause", "Esc", "-", "Start"},
                {"Menus", "Tab, arrows, Space", "click", "d-pad, A, B"},
            };
            for (auto& r : rows) {
                ImGui::TableNextRow();
                for (int c = 0; c < 4; ++c) {
                    ImGui::TableSetColumnIndex(c);
                    if (c == 0) ImGui::TextUnformatted(r[c]);
                    else ImGui::TextDisabled("%s", r[c]);
                }
            }
            ImGui::EndTable();
        }
        ImGui::EndChild();

        ImGui::Separator();
        ScreenRequest req;
        if (ImGui::Button("Back to the menu", ImVec2(220 * s, 40 * s)) || back_) req.kind = ScreenRequest::menu;
        back_ = false;
        ImGui::SameLine();
        if (ImGui::Button("Defaults", ImVec2(140 * s, 40 * s))) {
            bool was_fullscreen = set.fullscreen;
            set = ctx.machine_settings;  // IT's for this machine, else the built-in ones
            pending_scale_ = set.ui_scale;
            if (ctx.window && was_fullscreen != set.fullscreen)
                SDL_SetWindowFullscreen(ctx.window, set.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        }
        ImGui::End();
        return req;
    }

private:
    // Where results go in the company's records: the store's address, key and secret (the
    // user's own file; IT's file is the fallback), the learner's id, and what is waiting.
    void learning_records(AppContext& ctx, float column, float control) {
        theme::section_heading("Learning records", ctx.fonts.large);
        if (!records_loaded_) load_records_form(ctx);
        ImGui::PushTextWrapPos(0);
        row_label("", column);
        ImGui::TextDisabled("Results of your practice calls go to your company's learning record store (xAPI).");
        row_label("Record store", column);
        ImGui::SetNextItemWidth(control);
        ImGui::InputTextWithHint("##lrs_endpoint", it_endpoint_.empty() ? "https://lrs.example.com/xAPI/ (empty: off)"
                                                                        : it_endpoint_.c_str(),
                                 endpoint_, sizeof endpoint_);
        row_label("Key", column);
        ImGui::SetNextItemWidth(control * 0.6f);
        ImGui::InputText("##lrs_key", key_, sizeof key_);
        row_label("Secret", column);
        ImGui::SetNextItemWidth(control * 0.6f);
        ImGui::InputTextWithHint("##lrs_secret", has_secret_ ? "(kept: type to replace it)" : "", secret_, sizeof secret_,
                                 ImGuiInputTextFlags_Password);
        row_label("Your learner id", column);
        ImGui::SetNextItemWidth(control * 0.6f);
        ImGui::InputTextWithHint("##learner", ("e.g. your work email (empty: \"" + ctx.profile + "\")").c_str(), learner_,
                                 sizeof learner_);
        row_label("", column);
        if (ImGui::Button("Save learning records settings")) save_records_form(ctx);
        if (!records_message_.empty()) {
            row_label("", column);
            ImGui::TextColored(records_ok_ ? theme::kTextAllDone : theme::kTextProblem, "%s", records_message_.c_str());
        }
        for (const std::string& name : overridden_) {
            row_label("", column);
            ImGui::TextColored(theme::kTextCaution, "%s is set and wins over these boxes.", name.c_str());
        }
        row_label("", column);
        if (!ctx.lrs.configured()) {
            ImGui::TextDisabled("No record store is set up, so nothing is sent.");
        } else {
            // Counted once a second from the profile database the sender works on.
            if (ctx.profiles && (clock_ - counted_at_ > 1.0 || counted_at_ < 0)) {
                counts_ = RecordOutbox(*ctx.profiles).counts();
                counted_at_ = clock_;
            }
            ImGui::TextDisabled("%lld records waiting, %lld sent%s", counts_.queued, counts_.sent,
                                counts_.failed ? ", some refused by the store" : ".");
            if (!counts_.last_error.empty()) {
                row_label("", column);
                ImGui::TextColored(theme::kTextCaution, "Last problem: %s", counts_.last_error.c_str());
            }
        }
        ImGui::PopTextWrapPos();
    }

    void load_records_form(AppContext& ctx) {
        records_loaded_ = true;
        xapi::LrsConfig mine = xapi::load_user_lrs_config(default_data_dir()).config;
        it_endpoint_ = xapi::load_system_lrs_config().config.endpoint;
        std::snprintf(endpoint_, sizeof endpoint_, "%s", mine.endpoint.c_str());
        std::snprintf(key_, sizeof key_, "%s", mine.key.c_str());
        has_secret_ = !mine.secret.empty();
        kept_ = mine;
        if (ctx.profiles) {
            auto kept = ctx.profiles->settings(ctx.profile);
            if (auto it = kept.find(xapi::kLearnerIdSetting); it != kept.end())
                std::snprintf(learner_, sizeof learner_, "%s", it->second.c_str());
        }
        overridden_ = xapi::lrs_variables_set();
    }

    void save_records_form(AppContext& ctx) {
        xapi::LrsConfig mine = kept_;
        mine.endpoint = endpoint_;
        mine.key = key_;
        if (*secret_) mine.secret = secret_;  // an empty box keeps the secret already saved
        const std::string effective = mine.endpoint.empty() ? it_endpoint_ : mine.endpoint;
        if (!effective.empty()) {
            if (std::string why = xapi::endpoint_problem(effective); !why.empty()) {
                records_ok_ = false;
                records_message_ = "Not saved: " + why + ".";
                return;
            }
        }
        std::string error;
        bool saved = xapi::save_lrs_config(default_data_dir(), mine, error);
        if (saved && ctx.profiles) saved = ctx.profiles->save_settings(ctx.profile, {{xapi::kLearnerIdSetting, learner_}}, error);
        records_ok_ = saved;
        records_message_ = saved ? "Saved." : "Not saved: " + error;
        if (!saved) return;
        kept_ = mine;
        has_secret_ = !mine.secret.empty();
        std::memset(secret_, 0, sizeof secret_);  // the secret does not stay in the form
        ctx.lrs = xapi::load_lrs_config(default_data_dir()).config;
        ctx.lrs_changed = true;
        counted_at_ = -1;
    }

    float pending_scale_;
    bool records_loaded_ = false, has_secret_ = false, records_ok_ = false;
    char endpoint_[512] = {}, key_[256] = {}, secret_[256] = {}, learner_[128] = {};
    xapi::LrsConfig kept_;          // the user's own file as last read or saved
    std::string it_endpoint_;       // the address IT's file gives, when this user gives none
    std::string records_message_;
    std::vector<std::string> overridden_;  // CALMWATERS_LRS_* variables in force
    RecordCounts counts_;
    double counted_at_ = -1;
    DockTextLoad dock_text_;  // the touchstone quotes, read when the screen opens
    double clock_ = 0;
    bool back_ = false, first_ = true;
    std::optional<SDL_FRect> panel_;  // the window as last drawn: all that is not backdrop
};

}  // namespace

std::unique_ptr<Screen> make_settings_screen(AppContext& ctx) { return std::make_unique<SettingsScreen>(ctx); }

}  // namespace cw
