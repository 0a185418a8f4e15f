// The river in play: draws a call in progress (a CallRun, src/play) and sends it the player's
// input; shows the call panel, the breathing ring, the pause menu and the end screen. The run
// itself — its clock, recording, seeking and report — lives in src/play, not here.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>

#include "audio_device.hpp"
#include "caller_portrait.hpp"
#include "channel_badge.hpp"
#include "clock_text.hpp"
#include "content/level_loader.hpp"
#include "content/playlist_loader.hpp"
#include "core/tuning.hpp"
#include "debrief_view.hpp"
#include "startup_trace.hpp"
#include "notes_card.hpp"
#include "play/call_run.hpp"
#include "play/campaign_week.hpp"
#include "play/kept_level.hpp"
#include "play/play_seed.hpp"
#include "replay_timeline.hpp"
#include "river_view.hpp"
#include "screens.hpp"
#include "xapi/practice_records.hpp"
#include "xapi/record_sender.hpp"
#include "sim_options.hpp"
#include "theme.hpp"
#include "water_particles.hpp"

namespace cw {

namespace {

// The caller's line in curly quotes, wrapped at `wrap` in the current font. ImGui may break
// after the full stop and leave the closing mark alone on a line; then the last word goes down
// with it, as a typesetter would.
std::string quoted_line(const std::string& say, float wrap) {
    const std::string open = "\xe2\x80\x9c", close = "\xe2\x80\x9d";
    std::string quote = open + say + close;
    float with = ImGui::CalcTextSize(quote.c_str(), nullptr, false, wrap).y;
    float without = ImGui::CalcTextSize((open + say).c_str(), nullptr, false, wrap).y;
    size_t last_space = say.rfind(' ');
    if (with <= without || last_space == std::string::npos) return quote;
    return open + say.substr(0, last_space) + "\n" + say.substr(last_space + 1) + close;
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

// The player's keys, mouse and pad; with assist on, the raft steers itself to the clicked reply
// unless the player paddles.
class PlayerInput : public InputSource {
public:
    PlayerInput(AppContext& ctx, int assist_node, int assist_channel)
        : ctx_(ctx), assist_node_(assist_node), assist_channel_(assist_channel) {}
    Input next(const Simulation& sim) override {
        Input in = ctx_.input->read(!ImGui::GetIO().WantCaptureMouse);
        bool asked = sim.call().node().is_question() && assist_node_ == sim.call().node_index();
        if (ctx_.settings.assist && asked && std::fabs(in.paddle) < 0.05)
            in.paddle = paddle_toward(sim, steering_target(sim, assist_channel_));
        return in;
    }

private:
    AppContext& ctx_;
    int assist_node_, assist_channel_;
};

// How many goes at this level the profile has kept: the next go's number.
int goes_so_far(const AppContext& ctx, const std::string& level_path) {
    if (!ctx.profiles || level_path.empty()) return 0;
    int n = 0;
    for (const Attempt& a : ctx.profiles->attempts(ctx.profile)) n += a.level == level_path;
    return n;
}

class PlayScreen : public Screen {
public:
    // A call of its own (practice, a replay, a play-test), or with `options.link` the class's run.
    PlayScreen(AppContext& ctx, Level level, const PlayOptions& options)
        : options_(options), notes_card_(options.dock_note) {
        if (options_.link) {
            assert(options_.link->run() && "a class link opens the play screen once its call has loaded");
        } else if (options_.replay) {  // a replay plays back exactly as it was recorded
            own_ = std::make_unique<CallRun>(*options_.replay, std::move(level), *ctx.catalogue);
            timeline_.prepare(*options_.replay, own_->setup().level, *ctx.catalogue);
        } else {
            // A shift: the composure the last call and the dock left you with carries over, never
            // below a floor that keeps the next call winnable.
            if (options_.composure >= 0) level.composure = std::clamp(options_.composure, 30.0, 100.0);
            CallSetup setup{std::move(level), "", 0, sim_options_from(ctx.settings)};
            setup.level_path = setup.level.path;
            level_seed_ = setup.level.seed;
            go_ = options_.seed ? 0 : goes_so_far(ctx, setup.level_path);
            if (options_.campaign && options_.campaign_index >= 0) {
                week_before_ = week_for_call(ctx.profiles, ctx.profile, *options_.campaign, options_.campaign_index);
                start_from_week(setup.level, week_before_);
            }
            setup.seed = options_.seed ? *options_.seed : seed_for_go(level_seed_, go_);
            own_ = std::make_unique<CallRun>(std::move(setup), *ctx.catalogue);
            own_->set_level_text(std::move(options_.level_text));  // the run keeps the one copy
        }
        if (options_.campaign && options_.campaign_index >= 0 &&
            options_.campaign_index < static_cast<int>(options_.campaign->calls.size()))
            campaign_ = options_.campaign;
        show_policy_ = options_.show_policy;
        restart();
    }

    // The run this screen draws: its own, or the class's.
    const CallRun& run() const { return own_ ? *own_ : *options_.link->run(); }
    const Simulation& sim() const { return run().sim(); }

    void restart() {
        debrief_.reset();
        if (own_ && own_->tick() > 0) {
            // Another go draws afresh (unless the draw was fixed): the same layout again would
            // teach where the best reply lies, not how to answer.
            if (own_->is_playback() || options_.seed) own_->restart();
            else own_->restart(seed_for_go(level_seed_, ++go_));
        }
        if (options_.autopilot) bot_.emplace(*options_.autopilot, sim().seed());
        paused_ = false;
        assist_channel_ = -1;
        assist_node_ = -1;
        camera_.centre = sim().state().raft_pos;
        particles_ = WaterParticles();
    }

    void event(AppContext&, const SDL_Event& e) override {
        bool pause_key = (e.type == SDL_KEYDOWN && e.key.keysym.scancode == SDL_SCANCODE_ESCAPE && !e.key.repeat) ||
                         (e.type == SDL_CONTROLLERBUTTONDOWN && e.cbutton.button == SDL_CONTROLLER_BUTTON_START);
        if (pause_key && !sim().state().finished) paused_ = !paused_;
        bool card_key = e.type == SDL_KEYDOWN && e.key.keysym.scancode == SDL_SCANCODE_P && !e.key.repeat;
        if (card_key && !sim().level().policy.empty()) show_policy_ = !show_policy_;
    }

    // A call runs every frame; its debrief is still, unless a class link or a replay's
    // timeline still has something to do.
    Motion motion(const AppContext&) const override {
        return sim().state().finished && !options_.link && !options_.replay ? Motion::still : Motion::animating;
    }

    ScreenRequest frame(AppContext& ctx, double dt) override {
        layout(ctx);
        if (options_.link) {
            options_.link->service();
            // The class moved on to a call that could not load, or the trainer ended this one
            // for us: the class screen says which.
            if (!options_.link->run() || options_.link->ended_for_us()) {
                ScreenRequest back;
                back.kind = ScreenRequest::menu;
                return back;
            }
        }
        advance(ctx, dt);
        clock_ += paused_ ? 0.0 : dt;
        if (!paused_) particles_.update(sim(), camera_, dt, ctx.settings.reduced_motion);

        // Draw the raft where it is between two ticks, so motion is smooth at any frame rate.
        RaftPose pose = run().pose();
        Vec2 pos = pose.pos;
        double angle = pose.angle;
        RiverSample here = sim().river().sample_at(sim().state().progress);
        camera_.follow(pos + here.tangent * 9.0, paused_ ? 0.0 : 1.0 - std::exp(-dt * 5.0));

        SDL_Rect clip{0, 0, static_cast<int>(camera_.viewport.w), ctx.height};
        SDL_RenderSetClipRect(ctx.renderer, &clip);
        ImDrawList* bg = ImGui::GetBackgroundDrawList();
        bg->PushClipRect(ImVec2(0, 0), ImVec2(camera_.viewport.w, static_cast<float>(ctx.height)));
        view_.draw_static(ctx.renderer, camera_, sim());
        view_.draw_live(ctx.renderer, camera_, sim(), clock_, bg, ctx.fonts.large, ctx.fonts.large->FontSize,
                        ctx.settings.reduced_motion);
        RaftLook raft = raft_look(sim());
        raft.pos = pos;
        raft.angle = angle;
        view_.draw_raft(ctx.renderer, camera_, raft, clock_, ctx.settings.reduced_motion);
        particles_.draw(ctx.renderer, camera_, sim().state().roughness, ctx.settings.reduced_motion);
        SDL_RenderSetClipRect(ctx.renderer, nullptr);
        draw_progress(ctx, bg);
        if (!sim().state().finished) draw_breath_ring(ctx, bg);
        bg->PopClipRect();

        draw_panel(ctx);
        if (show_policy_) draw_policy_card(ctx);
        notes_card_.draw(ctx, ImVec2(camera_.viewport.w - 20 * ctx.settings.ui_scale, 52 * ctx.settings.ui_scale),
                         sim().call().choices().empty() && !sim().state().finished);
        if (options_.replay) replay_bar(ctx);
        if (options_.link) draw_link_banner(ctx, options_.link->banner());
        if (sim().state().finished && options_.exit_at_end) {
            ScreenRequest quit;
            quit.kind = ScreenRequest::quit;
            return quit;
        }
        if (sim().state().finished) return draw_end(ctx);
        if (paused_) return draw_pause(ctx);
        return {};
    }

    void fast_forward(PlayMoment moment) {
        if (!own_) return;
        IdleInput idle;
        InputSource& source = bot_ ? static_cast<InputSource&>(*bot_) : idle;
        for (int guard = 0; guard < tuning::kMaxTicks && !own_->finished(); ++guard) {
            if (moment == PlayMoment::approaching_fork) {
                int f = sim().call().question_fork();
                if (f >= 0 && sim().river().forks()[f].at - sim().state().progress < 24.0) break;
            }
            own_->step(source);
        }
        own_->hold();
        camera_.centre = sim().state().raft_pos + sim().river().sample_at(sim().state().progress).tangent * 9.0;
    }

private:
    void layout(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        panel_width_ = std::clamp(ctx.width * 0.31f, 340.0f * s, 470.0f * s);
        camera_.viewport = {0, 0, ctx.width - panel_width_, static_cast<float>(ctx.height)};
        camera_.pixels_per_metre = ctx.height / 38.0;
    }

    // The real time that passed, to the run: the player's input (or the bot's; a replay's
    // recording drives itself), through the class link when there is one.
    void advance(AppContext& ctx, double dt) {
        PlayerInput player(ctx, assist_node_, assist_channel_);
        InputSource& source = bot_ ? static_cast<InputSource&>(*bot_) : player;
        if (options_.link) {
            if (paused_) options_.link->hold();
            else options_.link->play(dt * options_.speed, source);
            return;
        }
        if (paused_ || replay_held() || own_->finished()) {
            own_->hold();
            return;
        }
        own_->advance(options_.replay ? dt * timeline_.speed() : dt, source, options_.speed);
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
                                    sim().state().tick, sim().state().finished);
        if (target >= 0) seek_replay(target);
    }

    void seek_replay(int target) {
        own_->seek(target);
        camera_.centre = sim().state().raft_pos + sim().river().sample_at(sim().state().progress).tangent * 9.0;
        if (!sim().state().finished) debrief_.reset();
    }

    void draw_progress(AppContext& ctx, ImDrawList* dl) {
        float s = ctx.settings.ui_scale;
        float x0 = 24 * s, x1 = camera_.viewport.w - 24 * s, y = 22 * s;
        double len = sim().river().pool_start();
        dl->AddRectFilled(ImVec2(x0 - 8 * s, y - 14 * s), ImVec2(x1 + 8 * s, y + 14 * s), theme::im(theme::kProgressStripBg),
                          8 * s);
        dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), theme::im(theme::kProgressStripLine), 3 * s);
        for (const Fork& f : sim().river().forks()) {
            float fx = static_cast<float>(x0 + (x1 - x0) * (f.at / len));
            dl->AddCircleFilled(ImVec2(fx, y), 5 * s, theme::im(theme::kProgressStripFork));
        }
        float rx = static_cast<float>(x0 + (x1 - x0) * clamp(sim().state().progress / len, 0.0, 1.0));
        dl->AddCircleFilled(ImVec2(rx, y), 7 * s, theme::im(theme::kWood));
        dl->AddCircle(ImVec2(rx, y), 7 * s, theme::im(theme::kProgressStripRaftEdge), 16, 2 * s);
        dl->AddText(ImVec2(x1 - 34 * s, y + 8 * s), theme::im(theme::kProgressStripPool), "pool");
    }

    void draw_breath_ring(AppContext& ctx, ImDrawList* dl) {
        float s = ctx.settings.ui_scale;
        const Breathing& b = sim().breathing();
        ImVec2 c(86 * s, ctx.height - 96 * s);
        float outer = 58 * s;
        dl->AddCircleFilled(c, outer + 10 * s, theme::im(theme::kRiverOverlayShade), 48);
        dl->AddCircle(c, outer, theme::im(theme::kBreathRing), 48, 2 * s);
        const char* label;
        if (b.active()) {
            float inner = static_cast<float>(outer * (0.3 + 0.7 * b.ring()));
            ImU32 fill = theme::im(b.in_rhythm() ? theme::kBreathInRhythm : theme::kBreathOffRhythm);
            dl->AddCircleFilled(c, inner, fill, 48);
            label = breath_phase_label(b.phase());
        } else {
            label = "Hold Space\nto breathe";
        }
        ImFont* f = ctx.fonts.body;
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, 1e9f, 0, label);
        dl->AddText(f, f->FontSize, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), theme::im(theme::kBreathLabel), label);
        if (b.active() && !b.in_rhythm()) {
            const char* hint = b.expects_key_down() ? "hold the key" : "let go";
            ImVec2 hs = f->CalcTextSizeA(f->FontSize, 1e9f, 0, hint);
            dl->AddText(f, f->FontSize, ImVec2(c.x - hs.x / 2, c.y + outer + 14 * s), theme::im(theme::kBreathHint), hint);
        }
    }

    void draw_panel(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        const SimState& st = sim().state();
        theme::begin_side_panel(ctx.renderer, "##call", ctx.width - panel_width_, panel_width_,
                                static_cast<float>(ctx.height));
        if (options_.replay) {
            ImGui::TextColored(theme::kTextReplay, "Replay (recorded by build %s)",
                               options_.replay->build.c_str());
            if (!options_.replay_note.empty()) {
                ImGui::PushTextWrapPos(0);
                ImGui::TextDisabled("%s", options_.replay_note.c_str());
                ImGui::PopTextWrapPos();
            }
        } else if (campaign_ && !campaign_->calls[options_.campaign_index].day.empty())
            ImGui::TextColored(theme::kTextAccent, "%s, call %d of %d",
                               campaign_->calls[options_.campaign_index].day.c_str(), options_.campaign_index + 1,
                               static_cast<int>(campaign_->calls.size()));
        else
            ImGui::TextColored(theme::kTextAccent, st.finished ? "Call ended" : "On the line");
        const Node& node = sim().call().node();
        // Look and sound (issue 9): the caller's face in a phone-call frame, and the river's sound.
        draw_caller_card(ctx, {sim().level().caller.name, node.mood, clock_text(sim().time()), st.intensity, st.finished}, clock_);
        if (ctx.audio) ctx.audio->follow(sim(), paused_);
        ImGui::Separator();

        // The caller's words, in a box that fits them (at least three lines, so the panel is steady).
        ImGui::PushFont(ctx.fonts.large);
        float wrap = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().WindowPadding.x * 2;
        std::string quote = quoted_line(node.say, wrap);
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
        ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kNoBackground);
        ImGui::BeginChild("##replies", ImVec2(0, -80 * s), false);
        ImGui::PopStyleColor();
        if (node.is_question()) {
            ImGui::TextUnformatted(ctx.settings.assist ? "Your reply: click one, or steer into its channel"
                                                       : "Your reply: steer into its channel");
            for (size_t i = 0; i < node.replies.size(); ++i) reply_row(ctx, node, static_cast<int>(i));
        } else if (st.tick - st.last_reply_tick < 6 * 60 * sim().reading_pace() && !sim().call().choices().empty()) {
            const ChoiceRecord& c = sim().call().choices().back();
            const Reply& r = sim().level().nodes[c.node].replies[c.reply];
            ImGui::TextDisabled("You said:");
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(r.text.c_str());
            ImGui::PopTextWrapPos();
            bool calm = st.last_reply_quality > 0;
            ImGui::TextColored(calm ? theme::kTextCalm : theme::kTextChurn,
                               calm ? "The water settles a little." : "The water churns.");
        } else {
            // What the call is about, down here with what changes: while a question is up the
            // replies need the room, and the meters above stay where they are.
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("%s", sim().level().caller.issue.c_str());
            ImGui::Spacing();
            ImGui::TextDisabled("Listen. The next fork in the river is your next reply.");
            ImGui::PopTextWrapPos();
        }
        ImGui::EndChild();

        ImGui::Separator();
        ImGui::TextDisabled("A/D or arrows: paddle    Space: breathe");
        if (!sim().level().policy.empty()) {
            ImGui::TextDisabled("Esc: pause    P:");
            ImGui::SameLine();
            if (ImGui::SmallButton(show_policy_ ? "hide the policy card" : "the policy card")) show_policy_ = !show_policy_;
        } else {
            ImGui::TextDisabled("Esc: pause    F11: fullscreen");
        }
        ImGui::End();
    }

    // The rules behind the agent on this call, over the river's corner: what they may offer,
    // what they may not, and what must be checked first.
    void draw_policy_card(AppContext& ctx) {
        const PolicyCard& card = sim().level().policy;
        if (card.empty()) return;
        float s = ctx.settings.ui_scale;
        float w = std::min(440 * s, camera_.viewport.w - 40 * s);
        ImGui::SetNextWindowPos(ImVec2(20 * s, 52 * s), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(w, 0));
        ImGui::Begin("##policy", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                              ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextWrapped("Policy: %s", card.title.c_str());
        ImGui::PopFont();
        ImGui::PushTextWrapPos(0);
        if (!card.verify.empty()) {
            ImGui::TextDisabled("Check first");
            ImGui::TextUnformatted(card.verify.c_str());
        }
        auto bullets = [](const std::vector<std::string>& lines) {
            for (const std::string& line : lines) {  // BulletText would not wrap
                ImGui::Bullet();
                ImGui::TextWrapped("%s", line.c_str());
            }
        };
        if (!card.may.empty()) ImGui::TextDisabled("You may");
        bullets(card.may);
        if (!card.may_not.empty()) ImGui::TextDisabled("You may not");
        bullets(card.may_not);
        ImGui::PopTextWrapPos();
        ImGui::TextDisabled("P hides this card.");
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
        bool chosen = assist_node_ == sim().call().node_index() && assist_channel_ == i;
        ImGui::PushTextWrapPos(0);
        if (!sim().channel_open(i)) {
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
                assist_node_ = sim().call().node_index();
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
                                                      theme::im(theme::kPauseDim));
        ImGui::SetNextWindowPos(ImVec2(camera_.viewport.w * 0.5f, ctx.height * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(320 * s, 0));
        ImGui::Begin("Paused", nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove);
        ScreenRequest req;
        ImVec2 full(-1, 0);
        if (ImGui::Button("Resume", full)) paused_ = false;
        if (own_ && ImGui::Button("Restart the call", full)) restart();  // a class's call runs for everyone
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
            debrief_ = build_debrief(sim());
            startup_mark("debrief shown");  // where the idle benchmark starts its count
            record_progress(ctx);
            keep_attempt(ctx);
        }
        std::string next_label;
        bool has_next = campaign_ && options_.campaign_index + 1 < static_cast<int>(campaign_->calls.size());
        if (has_next) next_label = "To the dock, then: " + campaign_->calls[options_.campaign_index + 1].title;
        else if (campaign_) next_label = "Back to the week";
        DebriefAction action =
            draw_debrief(ctx, sim(), *debrief_, ImVec2(ctx.width * 0.5f, (ctx.height - replay_reserve(s)) * 0.5f),
                         ImVec2(ctx.width - 40 * s, ctx.height - 40 * s - replay_reserve(s)),
                         campaign_ ? next_label.c_str() : nullptr);
        if (!progress_error_.empty()) {  // never lose work silently: say what could not be kept
            std::string msg = "Your progress could not be saved: " + progress_error_;
            ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(static_cast<float>(ctx.width), 28 * s),
                                                          theme::im(theme::kErrorBanner));
            ImGui::GetForegroundDrawList()->AddText(ImVec2(12 * s, 5 * s), theme::im(theme::kErrorBannerText), msg.c_str());
        }
        ScreenRequest req;
        switch (action) {
            case DebriefAction::none: break;
            case DebriefAction::play_again:
                if (own_) restart();
                break;
            case DebriefAction::menu: req.kind = ScreenRequest::menu; break;
            case DebriefAction::next_call:
                if (has_next) {  // to the dock first, carrying the composure this call left
                    req.kind = ScreenRequest::dock;
                    req.week = campaign_;
                    req.campaign_index = options_.campaign_index + 1;
                    req.composure = sim().state().composure;
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
        Attempt a = run().attempt();
        if (!options_.attempt_level.empty()) a.level = options_.attempt_level;
        // Practice goes to the company's record store from here; a class call's record is the
        // host's to send (it holds the checked result), so it is not sent twice.
        std::vector<QueuedRecord> records;
        if (!options_.link)
            records = xapi::practice_records(sim(), a.level, ctx.profile, ctx.profiles->settings(ctx.profile), ctx.lrs,
                                             std::time(nullptr));
        std::string error;
        if (!ctx.profiles->add_attempt(ctx.profile, a, error, records)) progress_error_ = error;
        else if (!records.empty() && ctx.records) ctx.records->nudge();
    }

    // A finished campaign call moves the week on and keeps the best score.
    void record_progress(AppContext& ctx) {
        if (!campaign_ || !ctx.progress || options_.autopilot || !options_.keep_attempt) return;
        std::string error;
        if (!ctx.progress->record(campaign_->id, campaign_->calls.size(), static_cast<size_t>(options_.campaign_index),
                                  sim().score().total, error))
            progress_error_ = error;
        // What this call leaves in the week (a promise made, a callback kept) goes on to the next.
        if (ctx.profiles && !keep_week(*ctx.profiles, ctx.profile, *campaign_, sim(), week_before_, error))
            progress_error_ = error;
    }

    PlayOptions options_;
    std::unique_ptr<CallRun> own_;  // null when the class link owns the run
    uint64_t level_seed_ = 1;       // the level's own seed, which go 0 plays
    int go_ = 0;                    // which go at this level this is (0 = the first)
    WeekValues week_before_;        // a campaign call's week as it began
    std::shared_ptr<const Playlist> campaign_;
    std::optional<Debrief> debrief_;
    std::string progress_error_;
    std::optional<BotInput> bot_;
    double clock_ = 0;
    bool paused_ = false;
    bool show_policy_ = false;
    int assist_channel_ = -1, assist_node_ = -1;
    float panel_width_ = 400;
    Camera camera_;
    RiverView view_;
    WaterParticles particles_;
    ReplayTimeline timeline_;  // replays only
    NotesCard notes_card_;     // the player's note from the dock, read back as the call opens
};

}  // namespace

std::unique_ptr<Screen> make_play_screen(AppContext& ctx, Level level, const PlayOptions& options) {
    return std::make_unique<PlayScreen>(ctx, std::move(level), options);
}

std::unique_ptr<Screen> open_play_screen(AppContext& ctx, const std::string& level_path, std::string& error,
                                         const PlayOptions& options) {
    LevelFileText read = load_level_file_with_text(level_path, *ctx.catalogue);
    if (!read.load.ok()) {
        error = format_problems(read.load.problems);
        return nullptr;
    }
    PlayOptions with_text = options;
    with_text.level_text = std::move(read.text);
    return make_play_screen(ctx, std::move(*read.load.level), with_text);
}

void fast_forward(Screen& play_screen, PlayMoment moment) {
    if (auto* p = dynamic_cast<PlayScreen*>(&play_screen)) p->fast_forward(moment);
}

const CallRun* running_call(const Screen& play_screen) {
    auto* p = dynamic_cast<const PlayScreen*>(&play_screen);
    return p ? &p->run() : nullptr;
}

}  // namespace cw
