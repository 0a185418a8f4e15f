// The dock between two calls of the week: a quiet place to recover, for as long as the wrap
// lasts. The player picks short activities; each takes its seconds of the wrap and restores
// composure, which carries into the next call. The rules of the break (what is offered, what
// fits, what was gathered) are core/dock.hpp's DockBreak; what the dock says (the prompts, the
// teammate, the team leader, the answers, the quotes, each activity's seconds) comes from
// assets/dock.toml.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "channel_badge.hpp"
#include "content/dock_text.hpp"
#include "content/playlist_loader.hpp"
#include "core/dock.hpp"
#include "core/tuning.hpp"
#include "screens.hpp"
#include "theme.hpp"

namespace cw {

namespace {

class DockScreen : public Screen {
public:
    DockScreen(AppContext& ctx, std::shared_ptr<const Playlist> week, DockText text, int next_index, double composure,
               std::optional<DockActivity> open)
        : week_(std::move(week)), text_(std::move(text)), next_(next_index),
          break_(*ctx.catalogue, plan(ctx, *week_, text_, next_index), composure) {
        if (open) start(*open);
    }

    ScreenRequest frame(AppContext& ctx, double dt) override {
        clock_ += dt;
        float s = ctx.settings.ui_scale;
        draw_scene(ctx);
        ScreenRequest req;

        float panel_w = std::min(ctx.width * 0.34f, 420 * s);
        ImGui::SetNextWindowPos(ImVec2(16 * s, 16 * s));
        ImGui::SetNextWindowSize(ImVec2(panel_w, ctx.height - 32 * s));
        ImGui::Begin("##dock", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextUnformatted("The dock, between calls");
        ImGui::PopFont();
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", text_.intro.c_str());
        ImGui::PopTextWrapPos();
        char overlay[48];
        std::snprintf(overlay, sizeof overlay, "composure %d", static_cast<int>(std::lround(break_.composure())));
        bar(break_.composure() / 100.0, theme::kComposureBar, overlay);
        const WrapBudget& wrap = break_.wrap();
        std::snprintf(overlay, sizeof overlay, "wrap time left %d s of %d", wrap.left(), wrap.total());
        bar(wrap.total() > 0 ? static_cast<double>(wrap.left()) / wrap.total() : 0.0, theme::kDockWrapBar, overlay);
        if (any_out_of_time()) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(theme::kTextNoTime, "%s", text_.no_time.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::Spacing();
        // The cards scroll if the window is short; the next call stays in reach below them.
        ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kNoBackground);
        ImGui::BeginChild("##activities", ImVec2(0, -100 * s), false);
        ImGui::PopStyleColor();
        for (DockActivity a : break_.activities()) activity_card(ctx, a);
        ImGui::EndChild();
        ImGui::SetCursorPosY(ImGui::GetWindowHeight() - 92 * s);
        ImGui::Separator();
        const PlaylistEntry& next = week_->calls[next_];
        if (next.day.empty()) ImGui::TextDisabled("Next: %s", next.title.c_str());
        else ImGui::TextDisabled("Next: %s, %s", next.day.c_str(), next.title.c_str());
        if (ImGui::Button("Take the next call", ImVec2(-1, 40 * s))) {
            req.kind = ScreenRequest::play;
            req.week = week_;
            req.campaign_index = next_;
            req.level_path = next.level;
            req.composure = break_.composure();
            req.note = kept_note_;
        }
        ImGui::End();

        if (break_.active()) activity_window(ctx, dt, panel_w);
        return req;
    }

private:
    // This break's plan: how long and what is offered from the week, each activity's seconds
    // from the dock's text, the breathing from the settings.
    static DockPlan plan(AppContext& ctx, const Playlist& week, const DockText& text, int next) {
        DockPlan p = dock_plan_before(week, next);
        p.seconds = text.seconds;
        p.seed = static_cast<uint64_t>(next) + 17;
        p.pattern = breath_pattern(ctx.settings.breath, ctx.settings.breath_holds);
        return p;
    }

    // A meter the width of the panel with its words on it.
    static void bar(double fraction, theme::Rgba colour, const char* overlay) {
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, theme::im(colour));
        ImGui::ProgressBar(static_cast<float>(fraction), ImVec2(-1, 0), overlay);
        ImGui::PopStyleColor();
    }

    // One activity: its name and its seconds; greyed when it cannot start, its seconds in the
    // caution colour when they are more than the wrap has left (the reason is under the bar).
    void activity_card(AppContext& ctx, DockActivity a) {
        float s = ctx.settings.ui_scale;
        const Technique* t = ctx.catalogue->find(dock_technique_id(a));
        if (!t) return;
        bool current = break_.active() && break_.active()->kind() == a;
        DockBlock why = current ? DockBlock::none : break_.blocked(a);
        ImGui::PushID(static_cast<int>(a));
        if (why != DockBlock::none) ImGui::BeginDisabled();
        std::string label = t->name + (why == DockBlock::done ? "  (done)" : "");
        float row_y = ImGui::GetCursorPosY();
        if (ImGui::Selectable(label.c_str(), current, 0, ImVec2(0, 26 * s)) && !current) start(a);
        if (why == DockBlock::no_time && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
            ImGui::SetTooltip("%s", text_.no_time.c_str());
        if (why != DockBlock::none) ImGui::EndDisabled();
        char cost[16];
        std::snprintf(cost, sizeof cost, "%d s", break_.seconds(a));
        ImVec2 after = ImGui::GetCursorPos();
        ImGui::SetCursorPos(ImVec2(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(cost).x - 6 * s,
                                   row_y + (26 * s - ImGui::GetTextLineHeight()) * 0.5f));
        if (why == DockBlock::no_time) ImGui::TextColored(theme::kTextNoTime, "%s", cost);
        else if (why != DockBlock::none) ImGui::TextDisabled("%s", cost);
        else ImGui::TextUnformatted(cost);
        ImGui::SetCursorPos(after);
        ImGui::PopID();
    }

    // Whether any activity of this break is too long for the wrap left.
    bool any_out_of_time() const {
        for (DockActivity a : break_.activities())
            if (break_.blocked(a) == DockBlock::no_time) return true;
        return false;
    }

    void start(DockActivity a) {
        if (!break_.start(a)) return;
        note_[0] = 0;
        note_saved_ = false;
        jiggle_ = 0;
    }

    void activity_window(AppContext& ctx, double dt, float left) {
        float s = ctx.settings.ui_scale;
        const DockActivityState& act = *break_.active();
        DockActivity a = act.kind();
        const Technique* t = ctx.catalogue->find(dock_technique_id(a));
        ImVec2 pos(left + 32 * s, 16 * s);
        ImVec2 size(ctx.width - pos.x - 16 * s, ctx.height * 0.62f);
        ImGui::SetNextWindowPos(pos);
        ImGui::SetNextWindowSize(size);
        ImGui::Begin("##activity", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextUnformatted(t ? t->name.c_str() : "");
        ImGui::PopFont();
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", text_.instructions_for(a).c_str());
        ImGui::PopTextWrapPos();

        // Keys and gamepad through the shell's devices, as on the river; the mouse through the
        // window it is pressed in.
        DockInput in = ctx.input ? ctx.input->read_dock(!ImGui::GetIO().WantTextInput) : DockInput{};
        in.hold = in.hold || (ImGui::IsWindowHovered() && ImGui::IsMouseDown(0));
        ImVec2 area_min = ImGui::GetCursorScreenPos();
        ImVec2 area_max(pos.x + size.x - 14 * s, pos.y + size.y - 60 * s);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImVec2 c((area_min.x + area_max.x) * 0.5f, (area_min.y + area_max.y) * 0.5f);
        float r = std::min(area_max.x - area_min.x, area_max.y - area_min.y) * 0.32f;

        switch (a) {
            case DockActivity::water_and_breaths: {
                const Breathing& b = act.breathing();
                dl->AddCircle(c, r, theme::im(theme::kBreathRing), 64, 2 * s);
                if (b.active())
                    dl->AddCircleFilled(c, static_cast<float>(r * (0.3 + 0.7 * b.ring())),
                                        theme::im(b.in_rhythm() ? theme::kBreathInRhythm : theme::kBreathOffRhythm), 64);
                // The glass fills as the breaths are taken.
                ImVec2 g0(c.x + r + 40 * s, c.y - r * 0.6f), g1(g0.x + 50 * s, c.y + r * 0.6f);
                float fill = static_cast<float>(act.progress());
                dl->AddRectFilled(ImVec2(g0.x, g1.y - (g1.y - g0.y) * fill), g1, theme::im(theme::kDockGlassWater), 3 * s);
                dl->AddRect(g0, g1, theme::im(theme::kDockGlassEdge), 3 * s, 0, 2 * s);
                label(dl, ctx, c, b.active() ? breath_phase_label(b.phase()) : "Hold Space to breathe in");
                break;
            }
            case DockActivity::stress_ball: {
                bool cue = act.squeeze_cue() > 0.5;
                float squash = in.hold ? 0.75f : 1.0f;
                dl->AddCircleFilled(c, r * squash, theme::im(cue ? theme::kDockBallSqueeze : theme::kDockBallRest), 64);
                char buf[48];
                std::snprintf(buf, sizeof buf, "%s   %d / %d", cue ? "Squeeze" : "Let go", act.squeezes(),
                              DockActivityState::kSqueezes);
                label(dl, ctx, c, buf);
                break;
            }
            case DockActivity::walk_it_off: {
                float x0 = area_min.x + 20 * s, x1 = area_max.x - 20 * s;
                dl->AddRectFilled(ImVec2(x0, c.y - 24 * s), ImVec2(x1, c.y + 24 * s), theme::im(theme::kWood), 4 * s);
                for (float x = x0; x < x1; x += 26 * s)
                    dl->AddLine(ImVec2(x, c.y - 24 * s), ImVec2(x, c.y + 24 * s), theme::im(theme::kWoodDark), 2 * s);
                float walker = x0 + (x1 - x0) * static_cast<float>(act.progress());
                dl->AddCircleFilled(ImVec2(walker, c.y - 44 * s), 12 * s, theme::im(theme::kPaddler), 24);
                dl->AddRectFilled(ImVec2(walker - 10 * s, c.y - 32 * s), ImVec2(walker + 10 * s, c.y), theme::im(theme::kShirt),
                                  4 * s);
                char buf[48];
                std::snprintf(buf, sizeof buf, "%d / %d steps", act.steps(), DockActivityState::kSteps);
                label(dl, ctx, ImVec2(c.x, c.y + 60 * s), buf);
                break;
            }
            case DockActivity::notepad: {
                ImGui::InputTextMultiline("##note", note_, sizeof note_, ImVec2(-1, area_max.y - area_min.y - 50 * s));
                in.note_chars = static_cast<int>(std::strlen(note_));
                if (!note_saved_ && ImGui::Button("Keep this note") && in.note_chars >= DockActivityState::kNoteChars) {
                    save_note(ctx);
                    kept_note_ = note_;  // read back to the player as the next call opens
                    in.confirm = true;
                }
                if (note_saved_) ImGui::TextColored(theme::kTextCalm, "Kept in your notes.");
                else if (in.note_chars < DockActivityState::kNoteChars) {
                    ImGui::SameLine();
                    ImGui::TextDisabled("(a sentence or two)");
                }
                break;
            }
            case DockActivity::talk_to_team: {
                ImGui::PushTextWrapPos(0);
                ImGui::TextWrapped("%s", text_.team_story.c_str());
                ImGui::PopTextWrapPos();
                if (act.answer() < 0) {
                    if (answer_button(text_.team_move_on, "##move_on")) in.choice = 0;
                    if (answer_button(text_.team_dwell, "##dwell")) in.choice = 1;
                } else {
                    ImGui::TextColored(theme::kTextCalm, "%s",
                                       (act.answer() == 0 ? text_.team_move_on_then : text_.team_dwell_then).c_str());
                }
                break;
            }
            case DockActivity::brain_break: {
                const auto& leaves = act.leaves();
                for (size_t i = 0; i < leaves.size(); ++i) {
                    const auto& l = leaves[i];
                    if (l.caught) continue;
                    ImVec2 p(area_min.x + static_cast<float>(l.x) * (area_max.x - area_min.x),
                             area_min.y + static_cast<float>(l.y) * (area_max.y - area_min.y));
                    dl->AddCircleFilled(p, 14 * s, theme::im(theme::kDockLeaf), 12);
                    dl->AddLine(ImVec2(p.x - 10 * s, p.y + 10 * s), ImVec2(p.x + 10 * s, p.y - 10 * s),
                                theme::im(theme::kDockLeafStem), 2 * s);
                    ImVec2 m = ImGui::GetIO().MousePos;
                    if (ImGui::IsMouseClicked(0) && (m.x - p.x) * (m.x - p.x) + (m.y - p.y) * (m.y - p.y) < 400 * s * s)
                        in.clicked = static_cast<int>(i);
                }
                char buf[32];
                std::snprintf(buf, sizeof buf, "%d / %d leaves", static_cast<int>(act.progress() * DockActivityState::kLeaves + 0.5),
                              DockActivityState::kLeaves);
                label(dl, ctx, ImVec2(c.x, area_max.y - 20 * s), buf);
                break;
            }
            case DockActivity::touchstone: {
                const std::string& chosen = ctx.settings.touchstone_text;
                const char* quote = !chosen.empty() ? chosen.c_str() : text_.touchstone_quote(ctx.settings.touchstone).c_str();
                ImGui::PushFont(ctx.fonts.title);
                ImVec2 ts = ImGui::CalcTextSize(quote, nullptr, false, area_max.x - area_min.x - 40 * s);
                ImGui::SetCursorScreenPos(ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f));
                ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + area_max.x - area_min.x - 40 * s);
                ImGui::TextUnformatted(quote);
                ImGui::PopTextWrapPos();
                ImGui::PopFont();
                break;
            }
            case DockActivity::shake_it_off: {
                in.step = in.step != 0 ? in.step : mouse_wiggle(area_min, area_max, s);
                if (in.step != 0) jiggle_ = static_cast<float>(in.step);
                jiggle_ *= static_cast<float>(std::exp(-dt * 10.0));
                float shift = ctx.settings.reduced_motion ? 0.0f : jiggle_ * 14 * s;
                draw_sketch_toy(dl, ImVec2(c.x + shift, c.y), r, static_cast<float>(act.progress()), s);
                if (act.done()) {
                    ImGui::SetCursorScreenPos(ImVec2(area_min.x, area_max.y - ImGui::GetTextLineHeightWithSpacing()));
                    ImGui::PushTextWrapPos(0);
                    ImGui::TextColored(theme::kTextCalm, "%s", text_.shake_then.c_str());
                    ImGui::PopTextWrapPos();
                }
                break;
            }
            case DockActivity::tell_manager: {
                ImGui::PushTextWrapPos(0);
                ImGui::TextWrapped("%s", text_.manager_story.c_str());
                ImGui::PopTextWrapPos();
                ImGui::Spacing();
                if (act.answer() < 0) {
                    if (answer_button(text_.report_all, "##all")) in.choice = DockActivityState::kReportAll;
                    if (answer_button(text_.report_facts, "##facts")) in.choice = DockActivityState::kReportFacts;
                    if (answer_button(text_.report_nothing, "##nothing")) in.choice = DockActivityState::kReportNothing;
                } else {
                    const std::string& then = act.answer() == DockActivityState::kReportAll     ? text_.report_all_then
                                              : act.answer() == DockActivityState::kReportFacts ? text_.report_facts_then
                                                                                                 : text_.report_nothing_then;
                    ImGui::PushTextWrapPos(0);
                    ImGui::TextColored(theme::kTextCalm, "%s", then.c_str());
                    ImGui::Spacing();
                    ImGui::TextUnformatted(text_.manager_takeaway.c_str());
                    ImGui::PopTextWrapPos();
                }
                break;
            }
            case DockActivity::did_my_best: {
                if (act.answer() < 0) {
                    if (answer_button(text_.best_yes, "##yes")) in.choice = 0;
                    if (answer_button(text_.best_mostly, "##mostly")) in.choice = 1;
                } else {
                    ImGui::PushTextWrapPos(0);
                    ImGui::TextColored(theme::kTextCalm, "%s", text_.best_then.c_str());
                    ImGui::PopTextWrapPos();
                }
                break;
            }
        }
        break_.step(in, dt);
        // How far along, and what it has given back.
        ImGui::SetCursorScreenPos(ImVec2(pos.x + 14 * s, pos.y + size.y - 40 * s));
        char done[64];
        std::snprintf(done, sizeof done, "+%.0f composure", act.composure_gain(*ctx.catalogue));
        ImGui::ProgressBar(static_cast<float>(act.progress()), ImVec2(size.x - 28 * s, 0),
                           act.done() ? "done" : done);
        ImGui::End();
    }

    // An answer the player can give, as a button as wide as the window with its words wrapped
    // on it; `id` keeps it apart from the other answers whatever they say.
    static bool answer_button(const std::string& words, const char* id) {
        ImVec2 pad = ImGui::GetStyle().FramePadding;
        float wrap = ImGui::GetContentRegionAvail().x - pad.x * 2;
        ImVec2 text = ImGui::CalcTextSize(words.c_str(), nullptr, false, wrap);
        ImVec2 at = ImGui::GetCursorScreenPos();
        bool clicked = ImGui::Button(id, ImVec2(-1, text.y + pad.y * 2));
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x + pad.x, at.y + pad.y),
                                            ImGui::GetColorU32(ImGuiCol_Text), words.c_str(), nullptr, wrap);
        return clicked;
    }

    // The mouse moved from side to side over the toy: +1 or -1 each time it has gone far enough
    // one way (the rules count a shake only when it turns back), 0 otherwise.
    int mouse_wiggle(ImVec2 area_min, ImVec2 area_max, float s) {
        ImVec2 m = ImGui::GetIO().MousePos;
        bool over = m.x >= area_min.x && m.x <= area_max.x && m.y >= area_min.y && m.y <= area_max.y;
        if (!over || wiggle_from_ < 0) {  // coming onto the toy is not a shake
            wiggle_from_ = over ? m.x : -1;
            return 0;
        }
        if (std::fabs(m.x - wiggle_from_) < 28 * s) return 0;
        int way = m.x > wiggle_from_ ? 1 : -1;
        wiggle_from_ = m.x;
        return way;
    }

    // A sketch toy with the last call scribbled on its screen, fading as it is shaken clean
    // (`clean` 0..1).
    static void draw_sketch_toy(ImDrawList* dl, ImVec2 c, float r, float clean, float s) {
        ImVec2 half(r * 1.45f, r * 1.05f);
        dl->AddRectFilled(ImVec2(c.x - half.x, c.y - half.y), ImVec2(c.x + half.x, c.y + half.y),
                          theme::im(theme::kDockSketchFrame), 18 * s);
        ImVec2 s0(c.x - half.x + 22 * s, c.y - half.y + 20 * s), s1(c.x + half.x - 22 * s, c.y + half.y - 44 * s);
        dl->AddRectFilled(s0, s1, theme::im(theme::kDockSketchScreen), 6 * s);
        for (float kx : {-1.0f, 1.0f})
            dl->AddCircleFilled(ImVec2(c.x + kx * (half.x - 34 * s), c.y + half.y - 22 * s), 13 * s,
                                theme::im(theme::kDockSketchKnob), 24);
        // The scribble: a loop that wanders across the screen, the same every time.
        float ink = 1.0f - clean;
        if (ink <= 0.01f) return;
        ImVec2 prev;
        const int n = 240;
        for (int i = 0; i <= n; ++i) {
            float u = 12.0f * static_cast<float>(i) / n;
            float x = 0.5f + 0.42f * std::sin(3.1f * u) * std::cos(0.7f * u);
            float y = 0.5f + 0.40f * std::sin(2.3f * u + 1.0f);
            ImVec2 p(s0.x + x * (s1.x - s0.x), s0.y + y * (s1.y - s0.y));
            if (i > 0) dl->AddLine(prev, p, theme::im(theme::kDockSketchLine, ink), 2.5f * s);
            prev = p;
        }
    }

    void label(ImDrawList* dl, AppContext& ctx, ImVec2 at, const char* text) {
        ImFont* f = ctx.fonts.large;
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, 0, text);
        dl->AddText(f, f->FontSize, ImVec2(at.x - ts.x * 0.5f, at.y - ts.y * 0.5f), theme::im(theme::kDockLabel), text);
    }

    void save_note(AppContext& ctx) {
        if (!ctx.progress) {
            note_saved_ = true;
            return;
        }
        std::string dir = std::filesystem::path(ctx.progress->path()).parent_path().string();
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        std::ofstream out(dir + "/notes.txt", std::ios::app);
        std::time_t now = std::time(nullptr);
        char when[32];
        std::strftime(when, sizeof when, "%Y-%m-%d %H:%M", std::localtime(&now));
        const PlaylistEntry& before = week_->calls[std::max(0, next_ - 1)];
        out << "[" << when << "] after \"" << before.title << "\":\n" << note_ << "\n\n";
        note_saved_ = static_cast<bool>(out);
    }

    // A quiet evening scene: water, a dock, a few ripples (held still with reduced motion).
    void draw_scene(AppContext& ctx) {
        ImDrawList* dl = ImGui::GetBackgroundDrawList();
        float w = static_cast<float>(ctx.width), h = static_cast<float>(ctx.height);
        const ImU32 sky = theme::im(theme::kDockSkyTop), horizon = theme::im(theme::kDockSkyHorizon);
        dl->AddRectFilledMultiColor(ImVec2(0, 0), ImVec2(w, h * 0.35f), sky, sky, horizon, horizon);
        dl->AddRectFilledMultiColor(ImVec2(0, h * 0.35f), ImVec2(w, h), theme::im(theme::kPool), theme::im(theme::kPool),
                                    theme::im(theme::kWaterDeep), theme::im(theme::kWaterDeep));
        for (int i = 0; i < 6; ++i) {
            double seconds = ctx.settings.reduced_motion ? 0.0 : clock_;
            float t = static_cast<float>(std::fmod(seconds * 0.2 + i / 6.0, 1.0));
            dl->AddCircle(ImVec2(w * 0.7f, h * 0.8f), 20 + t * 300, theme::im(theme::kDockRipple, 1 - t), 64, 2.0f);
        }
        dl->AddRectFilled(ImVec2(w * 0.45f, h * 0.86f), ImVec2(w, h * 0.94f), theme::im(theme::kWood));
    }

    std::shared_ptr<const Playlist> week_;
    DockText text_;
    int next_;
    DockBreak break_;
    char note_[1024] = {0};
    bool note_saved_ = false;
    std::string kept_note_;  // the note kept this break, for the next call to show
    float jiggle_ = 0;       // the sketch toy's last shake (-1..1), dying away
    float wiggle_from_ = -1;  // where the mouse was when it last counted as a shake (-1: off the toy)
    double clock_ = 0;
};

}  // namespace

std::unique_ptr<Screen> make_dock_screen(AppContext& ctx, std::shared_ptr<const Playlist> week, int next_index, double composure,
                                         std::string& error, std::optional<DockActivity> open) {
    if (!week || next_index < 0 || next_index >= static_cast<int>(week->calls.size())) {
        error = "there is no next call in this playlist";
        return nullptr;
    }
    DockTextLoad text = load_shipped_dock_text();
    if (!text.ok()) {
        error = format_problems(text.problems);
        return nullptr;
    }
    return std::make_unique<DockScreen>(ctx, std::move(week), std::move(*text.text), next_index, composure, open);
}

}  // namespace cw
