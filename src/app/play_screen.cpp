// The river in play: steps the simulation at a fixed 60 Hz from the real frame time, draws the
// world, and shows the call panel, the breathing ring, the pause menu and the end screen.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

#include "channel_badge.hpp"
#include "cli/run_report.hpp"
#include "content/level_loader.hpp"
#include "content/playlist_loader.hpp"
#include "cli/commands.hpp"
#include "content/replay_file.hpp"
#include "debrief_view.hpp"
#include "audio_device.hpp"    // issue 9: sound
#include "caller_portrait.hpp"  // issue 9: the caller's face
#include "core/tuning.hpp"
#include "river_view.hpp"
#include "cli/replay_seek.hpp"     // replays: seeking
#include "replay_timeline.hpp"     // replays: the timeline bar
#include "screens.hpp"
#include "sim_options.hpp"
#include "theme.hpp"
#include "water_particles.hpp"

namespace cw {

namespace {

std::string clock_text(double seconds) {
    char buf[16];
    int s = static_cast<int>(seconds);
    std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
    return buf;
}

const char* water_word(double r) {
    if (r < 0.15) return "smooth";
    if (r < 0.35) return "rippling";
    if (r < 0.55) return "choppy";
    if (r < 0.75) return "rough";
    return "white water";
}

// A labelled meter on one row: the label, then a coloured bar with its number.
void meter(const char* label, double value, theme::Rgba colour) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(ImGui::GetFontSize() * 8.2f);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, theme::im(colour));
    char overlay[16];
    std::snprintf(overlay, sizeof overlay, "%d", static_cast<int>(std::lround(value)));
    ImGui::ProgressBar(static_cast<float>(value / 100.0), ImVec2(-1, 0), overlay);
    ImGui::PopStyleColor();
}

class PlayScreen : public Screen {
public:
    PlayScreen(AppContext& ctx, Level level, std::string path, const PlayOptions& options)
        : level_(std::move(level)), path_(std::move(path)), catalogue_(*ctx.catalogue), options_(options) {
        sim_options_ = sim_options_from(ctx.settings);  // breathing and the reading pace
        if (options_.replay) {  // a replay plays back exactly as it was recorded
            sim_options_ = replay_options(*options_.replay);
            level_ = replay_level(*options_.replay, level_);
            replay_inputs_ = expand_inputs(*options_.replay);
            timeline_.prepare(*options_.replay, level_, catalogue_);
        }
        // A shift: the composure the last call and the dock left you with carries over, never
        // below a floor that keeps the next call winnable.
        if (options_.composure >= 0) level_.composure = std::clamp(options_.composure, 30.0, 100.0);
        if (!options_.playlist.empty()) {
            PlaylistLoad pl = load_playlist_file(options_.playlist, catalogue_);
            if (pl.ok() && options_.campaign_index >= 0 &&
                options_.campaign_index < static_cast<int>(pl.playlist->calls.size()))
                campaign_ = std::move(*pl.playlist);
        }
        restart();
    }

    void restart() {
        debrief_.reset();
        recorder_ = ReplayRecorder{};
        sim_ = std::make_unique<Simulation>(level_, catalogue_, options_.replay ? options_.replay->seed : level_.seed,
                                            sim_options_);
        if (options_.autopilot) bot_.emplace(*options_.autopilot, level_.seed);
        accumulator_ = 0;
        paused_ = false;
        assist_channel_ = -1;
        assist_node_ = -1;
        for (const Input& in : options_.prefix) {  // a rejoin: the run so far, already known to the class
            recorder_.record(in, sim_->state().tick);
            sim_->step(in);
            recorder_.checksum(*sim_);
        }
        prev_pos_ = sim_->state().raft_pos;
        prev_angle_ = sim_->state().raft_angle;
        camera_.centre = sim_->state().raft_pos;
        particles_ = WaterParticles();
    }

    void event(AppContext&, const SDL_Event& e) override {
        bool pause_key = (e.type == SDL_KEYDOWN && e.key.keysym.scancode == SDL_SCANCODE_ESCAPE && !e.key.repeat) ||
                         (e.type == SDL_CONTROLLERBUTTONDOWN && e.cbutton.button == SDL_CONTROLLER_BUTTON_START);
        if (pause_key && !sim_->state().finished) paused_ = !paused_;
    }

    ScreenRequest frame(AppContext& ctx, double dt) override {
        layout(ctx);
        if (options_.link) options_.link->service();
        if (!paused_ && !replay_held() && !sim_->state().finished && !(options_.link && options_.link->hold()))
            advance(ctx, options_.replay ? dt * timeline_.speed() : dt);
        clock_ += paused_ ? 0.0 : dt;
        if (!paused_) particles_.update(*sim_, camera_, dt);

        // Draw the raft where it is between two ticks, so motion is smooth at any frame rate.
        double alpha = accumulator_ / tuning::kDt;
        Vec2 pos = prev_pos_ + (sim_->state().raft_pos - prev_pos_) * alpha;
        double angle = prev_angle_ + (sim_->state().raft_angle - prev_angle_) * alpha;
        RiverSample here = sim_->river().sample_at(sim_->state().progress);
        camera_.follow(pos + here.tangent * 9.0, paused_ ? 0.0 : 1.0 - std::exp(-dt * 5.0));

        SDL_Rect clip{0, 0, static_cast<int>(camera_.viewport.w), ctx.height};
        SDL_RenderSetClipRect(ctx.renderer, &clip);
        ImDrawList* bg = ImGui::GetBackgroundDrawList();
        bg->PushClipRect(ImVec2(0, 0), ImVec2(camera_.viewport.w, static_cast<float>(ctx.height)));
        view_.draw_static(ctx.renderer, camera_, *sim_);
        view_.draw_live(ctx.renderer, camera_, *sim_, clock_, bg, ctx.fonts.large, ctx.fonts.large->FontSize);
        RaftLook raft = raft_look(*sim_);
        raft.pos = pos;
        raft.angle = angle;
        view_.draw_raft(ctx.renderer, camera_, raft, clock_);
        particles_.draw(ctx.renderer, camera_, sim_->state().roughness);
        SDL_RenderSetClipRect(ctx.renderer, nullptr);
        draw_progress(ctx, bg);
        if (!sim_->state().finished) draw_breath_ring(ctx, bg);
        bg->PopClipRect();

        draw_panel(ctx);
        if (options_.replay) replay_bar(ctx);
        if (options_.link) draw_link_banner(ctx, options_.link->banner());
        if (sim_->state().finished && options_.exit_at_end) {
            ScreenRequest quit;
            quit.kind = ScreenRequest::quit;
            return quit;
        }
        if (sim_->state().finished) return draw_end(ctx);
        if (paused_) return draw_pause(ctx);
        return {};
    }

    void fast_forward(PlayMoment moment) {
        for (int guard = 0; guard < tuning::kMaxTicks && !sim_->state().finished; ++guard) {
            if (moment == PlayMoment::approaching_fork) {
                int f = sim_->call().question_fork();
                if (f >= 0 && sim_->river().forks()[f].at - sim_->state().progress < 24.0) break;
            }
            step_once(Input{});
        }
        camera_.centre = sim_->state().raft_pos + sim_->river().sample_at(sim_->state().progress).tangent * 9.0;
    }

private:
    void layout(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        panel_width_ = std::clamp(ctx.width * 0.31f, 340.0f * s, 470.0f * s);
        camera_.viewport = {0, 0, ctx.width - panel_width_, static_cast<float>(ctx.height)};
        camera_.pixels_per_metre = ctx.height / 38.0;
    }

    Input player_input(AppContext& ctx) {
        if (options_.replay) return {};  // the recording drives the raft
        Input in = ctx.input->read(!ImGui::GetIO().WantCaptureMouse);
        // Assist: the raft steers to the clicked reply unless the player paddles themselves.
        bool asked = sim_->call().node().is_question() && assist_node_ == sim_->call().node_index();
        if (ctx.settings.assist && asked && std::fabs(in.paddle) < 0.05)
            in.paddle = paddle_toward(*sim_, steering_target(*sim_, assist_channel_));
        return in;
    }

    void step_once(Input in) {
        if (bot_) in = bot_->decide(*sim_);
        if (options_.replay) {
            size_t t = static_cast<size_t>(sim_->state().tick);
            in = t < replay_inputs_.size() ? replay_inputs_[t] : Input{};
        }
        if (options_.link) in = options_.link->shape(in);
        recorder_.record(in, sim_->state().tick);
        prev_pos_ = sim_->state().raft_pos;
        prev_angle_ = sim_->state().raft_angle;
        sim_->step(in);
        recorder_.checksum(*sim_);
        if (options_.link) options_.link->stepped(in);
    }

    // A class session's line over the river: paused by the trainer, the host gone, and so on.
    void draw_link_banner(AppContext& ctx, const std::string& text) {
        if (text.empty()) return;
        float s = ctx.settings.ui_scale;
        ImGui::SetNextWindowPos(ImVec2(camera_.viewport.w * 0.5f, 14 * s), ImGuiCond_Always, ImVec2(0.5f, 0));
        ImGui::SetNextWindowBgAlpha(0.85f);
        ImGui::Begin("##class_banner", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing |
                                                     ImGuiWindowFlags_NoInputs);
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopFont();
        ImGui::End();
    }

    // --- watching a replay: the timeline, pause and seeking ---
    bool replay_held() const { return options_.replay && !timeline_.playing(); }

    void replay_bar(AppContext& ctx) {
        float s = ctx.settings.ui_scale, h = ReplayTimeline::height(s);
        ImVec2 pos(170 * s, ctx.height - h - 10 * s);
        int target = timeline_.draw(ctx, pos, ImVec2(std::max(200 * s, camera_.viewport.w - pos.x - 12 * s), h),
                                    sim_->state().tick, sim_->state().finished);
        if (target >= 0) seek_replay(target);
    }

    // Forward: step on. Back: start again from tick 0 and step the recording up to `target`
    // (deterministic, so it lands on exactly the recorded state).
    void seek_replay(int target) {
        SeekPlan plan = plan_seek(sim_->state().tick, target, options_.replay->final_tick);
        if (plan.restart) restart();
        for (int i = 0; i < plan.steps && !sim_->state().finished; ++i) step_once(Input{});
        accumulator_ = 0;
        prev_pos_ = sim_->state().raft_pos;
        prev_angle_ = sim_->state().raft_angle;
        camera_.centre = sim_->state().raft_pos + sim_->river().sample_at(sim_->state().progress).tangent * 9.0;
        if (!sim_->state().finished) debrief_.reset();
    }

    void advance(AppContext& ctx, double dt) {
        accumulator_ += dt * options_.speed;
        while (accumulator_ >= tuning::kDt && !sim_->state().finished) {
            step_once(player_input(ctx));
            accumulator_ -= tuning::kDt;
        }
        if (sim_->state().finished) accumulator_ = 0;
    }

    void draw_progress(AppContext& ctx, ImDrawList* dl) {
        float s = ctx.settings.ui_scale;
        float x0 = 24 * s, x1 = camera_.viewport.w - 24 * s, y = 22 * s;
        double len = sim_->river().pool_start();
        dl->AddRectFilled(ImVec2(x0 - 8 * s, y - 14 * s), ImVec2(x1 + 8 * s, y + 14 * s), IM_COL32(10, 25, 32, 235),
                          8 * s);
        dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), IM_COL32(200, 225, 230, 160), 3 * s);
        for (const Fork& f : sim_->river().forks()) {
            float fx = static_cast<float>(x0 + (x1 - x0) * (f.at / len));
            dl->AddCircleFilled(ImVec2(fx, y), 5 * s, IM_COL32(230, 210, 150, 230));
        }
        float rx = static_cast<float>(x0 + (x1 - x0) * clamp(sim_->state().progress / len, 0.0, 1.0));
        dl->AddCircleFilled(ImVec2(rx, y), 7 * s, theme::im(theme::kWood));
        dl->AddCircle(ImVec2(rx, y), 7 * s, IM_COL32(255, 255, 255, 220), 16, 2 * s);
        dl->AddText(ImVec2(x1 - 34 * s, y + 8 * s), IM_COL32(220, 240, 240, 200), "pool");
    }

    void draw_breath_ring(AppContext& ctx, ImDrawList* dl) {
        float s = ctx.settings.ui_scale;
        const Breathing& b = sim_->breathing();
        ImVec2 c(86 * s, ctx.height - 96 * s);
        float outer = 58 * s;
        dl->AddCircleFilled(c, outer + 10 * s, IM_COL32(10, 25, 32, 170), 48);
        dl->AddCircle(c, outer, IM_COL32(220, 240, 240, 120), 48, 2 * s);
        const char* label;
        if (b.active()) {
            float inner = static_cast<float>(outer * (0.3 + 0.7 * b.ring()));
            ImU32 fill = b.in_rhythm() ? IM_COL32(120, 210, 190, 200) : IM_COL32(230, 159, 0, 200);
            dl->AddCircleFilled(c, inner, fill, 48);
            label = breath_phase_label(b.phase());
        } else {
            label = "Hold Space\nto breathe";
        }
        ImFont* f = ctx.fonts.body;
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, 0, label);
        dl->AddText(f, f->FontSize, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), IM_COL32(255, 255, 255, 235), label);
        if (b.active() && !b.in_rhythm()) {
            const char* hint = b.expects_key_down() ? "hold the key" : "let go";
            ImVec2 hs = f->CalcTextSizeA(f->FontSize, 1e9f, 0, hint);
            dl->AddText(f, f->FontSize, ImVec2(c.x - hs.x / 2, c.y + outer + 14 * s), IM_COL32(255, 200, 120, 255), hint);
        }
    }

    void draw_panel(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        const SimState& st = sim_->state();
        theme::begin_side_panel(ctx.renderer, "##call", ctx.width - panel_width_, panel_width_,
                                static_cast<float>(ctx.height));
        if (options_.replay)
            ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.45f, 1), "Replay (recorded by build %s)",
                               options_.replay->build.c_str());
        else if (campaign_ && !campaign_->calls[options_.campaign_index].day.empty())
            ImGui::TextColored(ImVec4(0.47f, 0.82f, 0.74f, 1), "%s, call %d of %d",
                               campaign_->calls[options_.campaign_index].day.c_str(), options_.campaign_index + 1,
                               static_cast<int>(campaign_->calls.size()));
        else
            ImGui::TextColored(ImVec4(0.47f, 0.82f, 0.74f, 1), st.finished ? "Call ended" : "On the line");
        const Node& node = sim_->call().node();
        // Look and sound (issue 9): the caller's face in a phone-call frame, and the river's sound.
        draw_caller_card(ctx, {level_.caller.name, node.mood, clock_text(sim_->time()), st.intensity, st.finished}, clock_);
        if (ctx.audio) ctx.audio->follow(*sim_, paused_);
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", level_.caller.issue.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Separator();

        // The caller's words, in a box that fits them (at least three lines, so the panel is steady).
        ImGui::PushFont(ctx.fonts.large);
        std::string quote = "\xe2\x80\x9c" + node.say + "\xe2\x80\x9d";
        float wrap = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().WindowPadding.x * 2;
        float text_h = ImGui::CalcTextSize(quote.c_str(), nullptr, false, wrap).y;
        float min_h = ImGui::GetTextLineHeightWithSpacing() * 2;
        ImGui::BeginChild("##line", ImVec2(0, std::max(text_h, min_h) + ImGui::GetStyle().WindowPadding.y * 2), true,
                          ImGuiWindowFlags_NoScrollbar);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(quote.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
        ImGui::PopFont();

        meter("Caller intensity", st.intensity, theme::kIntensityBar);
        meter("Your composure", st.composure, theme::kComposureBar);
        ImGui::TextDisabled("The water is %s.", water_word(st.roughness));
        ImGui::Separator();

        // Replies (or what was just said) fill the space above the footer, scrolling if they must.
        // No background of its own: it would be a second fill over most of the panel.
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
        ImGui::BeginChild("##replies", ImVec2(0, -80 * s), false);
        ImGui::PopStyleColor();
        if (node.is_question()) {
            ImGui::TextUnformatted(ctx.settings.assist ? "Your reply: click one, or steer into its channel"
                                                       : "Your reply: steer into its channel");
            for (size_t i = 0; i < node.replies.size(); ++i) reply_row(ctx, node, static_cast<int>(i));
        } else if (st.tick - st.last_reply_tick < 6 * 60 * sim_->reading_pace() && !sim_->call().choices().empty()) {
            const ChoiceRecord& c = sim_->call().choices().back();
            const Reply& r = level_.nodes[c.node].replies[c.reply];
            ImGui::TextDisabled("You said:");
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(r.text.c_str());
            ImGui::PopTextWrapPos();
            bool calm = st.last_reply_quality > 0;
            ImGui::TextColored(calm ? ImVec4(0.47f, 0.82f, 0.74f, 1) : ImVec4(0.95f, 0.55f, 0.35f, 1),
                               calm ? "The water settles a little." : "The water churns.");
        } else {
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("Listen. The next fork in the river is your next reply.");
            ImGui::PopTextWrapPos();
        }
        ImGui::EndChild();

        ImGui::Separator();
        ImGui::TextDisabled("A/D or arrows: paddle    Space: breathe");
        ImGui::TextDisabled("Esc: pause    F11: fullscreen");
        ImGui::End();
    }

    void reply_row(AppContext& ctx, const Node& node, int i) {
        float s = ctx.settings.ui_scale;
        ImGui::PushID(i);
        ImVec2 p = ImGui::GetCursorScreenPos();
        float badge = 13 * s;
        draw_channel_badge(ImGui::GetWindowDrawList(), ImVec2(p.x + badge + 2 * s, p.y + badge + 4 * s), badge, i,
                           ctx.fonts.body, ctx.fonts.body->FontSize);
        ImGui::SetCursorScreenPos(ImVec2(p.x + badge * 2 + 14 * s, p.y + 2 * s));
        bool chosen = assist_node_ == sim_->call().node_index() && assist_channel_ == i;
        ImGui::PushTextWrapPos(0);
        if (!sim_->channel_open(i)) {
            ImGui::TextDisabled("%s", node.replies[i].text.c_str());
            ImGui::TextDisabled("(closed: this reply isn't open to you now)");
        } else if (ctx.settings.assist) {
            ImGui::BeginGroup();
            ImGui::TextUnformatted(node.replies[i].text.c_str());
            ImGui::EndGroup();
            ImVec2 mn = ImGui::GetItemRectMin(), mx = ImGui::GetItemRectMax();
            mn.x = p.x;
            bool hovered = ImGui::IsMouseHoveringRect(mn, mx);
            if (hovered || chosen)
                ImGui::GetWindowDrawList()->AddRect(ImVec2(mn.x - 3 * s, mn.y - 3 * s), ImVec2(mx.x + 3 * s, mx.y + 3 * s),
                                                    theme::im(theme::channel_colour(i), chosen ? 1.0f : 0.6f), 6 * s, 0,
                                                    2 * s);
            if (hovered && ImGui::IsMouseClicked(0)) {
                assist_node_ = sim_->call().node_index();
                assist_channel_ = i;
            }
        } else {
            ImGui::TextUnformatted(node.replies[i].text.c_str());
        }
        ImGui::PopTextWrapPos();
        ImGui::Dummy(ImVec2(0, 1 * s));
        ImGui::PopID();
    }

    ScreenRequest draw_pause(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(camera_.viewport.w, static_cast<float>(ctx.height)),
                                                      IM_COL32(5, 15, 20, 120));
        ImGui::SetNextWindowPos(ImVec2(camera_.viewport.w * 0.5f, ctx.height * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(320 * s, 0));
        ImGui::Begin("Paused", nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove);
        ScreenRequest req;
        ImVec2 full(-1, 0);
        if (ImGui::Button("Resume", full)) paused_ = false;
        if (ImGui::Button("Restart the call", full)) restart();
        ImGui::Checkbox("Assist: click a reply to steer", &ctx.settings.assist);
        if (ImGui::Button("Main menu", full)) req.kind = ScreenRequest::menu;
        if (ImGui::Button("Quit", full)) req.kind = ScreenRequest::quit;
        ImGui::End();
        return req;
    }

    // Room kept free under the debrief for a replay's timeline, to scrub back from the end.
    float replay_reserve(float s) const { return options_.replay ? ReplayTimeline::height(s) + 10 * s : 0.0f; }

    ScreenRequest draw_end(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        if (!debrief_) {
            debrief_ = build_debrief(*sim_);
            record_progress(ctx);
            keep_attempt(ctx);
        }
        std::string next_label;
        bool has_next = campaign_ && options_.campaign_index + 1 < static_cast<int>(campaign_->calls.size());
        if (has_next) next_label = "To the dock, then: " + campaign_->calls[options_.campaign_index + 1].title;
        else if (campaign_) next_label = "Back to the week";
        DebriefAction action =
            draw_debrief(ctx, *sim_, *debrief_, ImVec2(ctx.width * 0.5f, (ctx.height - replay_reserve(s)) * 0.5f),
                         ImVec2(ctx.width - 40 * s, ctx.height - 40 * s - replay_reserve(s)),
                         campaign_ ? next_label.c_str() : nullptr);
        if (!progress_error_.empty()) {  // never lose work silently: say what could not be kept
            std::string msg = "Your progress could not be saved: " + progress_error_;
            ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(static_cast<float>(ctx.width), 28 * s),
                                                          IM_COL32(120, 40, 20, 235));
            ImGui::GetForegroundDrawList()->AddText(ImVec2(12 * s, 5 * s), IM_COL32(255, 235, 220, 255), msg.c_str());
        }
        ScreenRequest req;
        switch (action) {
            case DebriefAction::none: break;
            case DebriefAction::play_again: restart(); break;
            case DebriefAction::menu: req.kind = ScreenRequest::menu; break;
            case DebriefAction::next_call:
                if (has_next) {  // to the dock first, carrying the composure this call left
                    req.kind = ScreenRequest::dock;
                    req.playlist = options_.playlist;
                    req.campaign_index = options_.campaign_index + 1;
                    req.composure = sim_->state().composure;
                } else {
                    req.kind = ScreenRequest::menu;
                }
                break;
        }
        return req;
    }

    // Every call a person plays is kept in their profile, with its replay (bots' and replays'
    // runs are not attempts).
    void keep_attempt(AppContext& ctx) {
        if (!ctx.profiles || options_.autopilot || options_.replay || !options_.keep_attempt) return;
        Attempt a = attempt_of(*sim_, path_, recorder_.finish(*sim_, replay_header(*sim_, path_, build_id())));
        std::string error;
        if (!ctx.profiles->add_attempt(ctx.profile, a, error)) progress_error_ = error;
    }

    // A finished campaign call moves the week on and keeps the best score.
    void record_progress(AppContext& ctx) {
        if (!campaign_ || !ctx.progress || options_.autopilot || !options_.keep_attempt) return;
        std::string error;
        if (!ctx.progress->record(campaign_->id, campaign_->calls.size(), static_cast<size_t>(options_.campaign_index),
                                  sim_->score().total, error))
            progress_error_ = error;
    }

    Level level_;
    std::string path_;
    Catalogue catalogue_;
    PlayOptions options_;
    SimOptions sim_options_;
    std::vector<Input> replay_inputs_;
    ReplayRecorder recorder_;
    std::optional<Playlist> campaign_;
    std::optional<Debrief> debrief_;
    std::string progress_error_;
    std::optional<SteeringBot> bot_;
    std::unique_ptr<Simulation> sim_;
    double accumulator_ = 0, clock_ = 0;
    bool paused_ = false;
    int assist_channel_ = -1, assist_node_ = -1;
    Vec2 prev_pos_;
    double prev_angle_ = 0;
    float panel_width_ = 400;
    Camera camera_;
    RiverView view_;
    WaterParticles particles_;
    ReplayTimeline timeline_;  // replays only
};

}  // namespace

std::unique_ptr<Screen> make_play_screen(AppContext& ctx, const std::string& level_path, std::string& error,
                                         const PlayOptions& options) {
    LevelLoad load = load_level_file(level_path, *ctx.catalogue);
    if (!load.ok()) {
        error = format_problems(load.problems);
        return nullptr;
    }
    return std::make_unique<PlayScreen>(ctx, std::move(*load.level), level_path, options);
}

void fast_forward(Screen& play_screen, PlayMoment moment) {
    if (auto* p = dynamic_cast<PlayScreen*>(&play_screen)) p->fast_forward(moment);
}

}  // namespace cw
