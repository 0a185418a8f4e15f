// The trainer's class: open a session on the local network, gather the class in a lobby, run
// each call for everyone (every raft on one river, the spread of replies at each question,
// pause for discussion), then the class debrief and the reports. In projector mode the room
// steers one raft together: each question waits for the room's vote.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <optional>
#include <random>

#include "class_view.hpp"
#include "core/build_id.hpp"
#include "core/tuning.hpp"
#include "content/data_paths.hpp"
#include "content/playlist_loader.hpp"
#include "core/bot.hpp"
#include "net/class_calls.hpp"
#include "net/class_debrief.hpp"
#include "net/class_records.hpp"
#include "net/class_report.hpp"
#include "net/lan.hpp"
#include "net/net_host.hpp"
#include "net/sample_class.hpp"
#include "net/trainee_session.hpp"
#include "screens.hpp"
#include "store/progress.hpp"
#include "store/record_outbox.hpp"
#include "xapi/record_sender.hpp"
#include "xapi/uuid.hpp"
#include "theme.hpp"

namespace cw {

namespace {

using namespace net;

ImVec4 quality_colour(int quality) {
    if (quality > 0) return theme::kReplyCalm;  // bluish green: calm
    if (quality < 0) return theme::kReplyHeated;  // vermillion: raises the heat
    return theme::kReplyMixed;                   // orange: mixed
}

// One question's replies as bars: letter, count, the reply's words.
void spread_bars(const Level& level, int node, const std::vector<int>& counts, float scale, bool show_text) {
    const Node& n = level.nodes[node];
    int total = 0, most = 1;
    for (int c : counts) {
        total += c;
        most = std::max(most, c);
    }
    for (size_t r = 0; r < n.replies.size() && r < counts.size(); ++r) {
        ImGui::PushID(static_cast<int>(r));
        ImGui::Text("%c", 'A' + static_cast<int>(r));
        ImGui::SameLine();
        char label[32];
        std::snprintf(label, sizeof label, "%d", counts[r]);
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, theme::kSpreadBar);
        ImGui::ProgressBar(total ? static_cast<float>(counts[r]) / most : 0.0f, ImVec2(120 * scale, 0), label);
        ImGui::PopStyleColor();
        if (show_text) {
            ImGui::SameLine();
            ImGui::TextWrapped("%s", n.replies[r].text.c_str());
        }
        ImGui::PopID();
    }
}

// Projector mode: the raft steers itself to the reply the room voted for.
class RoomInput : public InputSource {
public:
    explicit RoomInput(int channel) : channel_(channel) {}
    Input next(const Simulation& sim) override {
        Input in;
        in.paddle = paddle_toward(sim, steering_target(sim, channel_));
        return in;
    }

private:
    int channel_;
};

class HostScreen : public Screen {
public:
    HostScreen(AppContext& ctx, const std::string& level_path) {
        for (const LevelEntry& e : shipped_levels(*ctx.catalogue)) choices_.push_back({e.path, e.title});
        for (const std::string& week : {first_week_playlist(), second_week_playlist()}) {
            PlaylistLoad pl = load_playlist_file(week, *ctx.catalogue);
            if (pl.ok()) choices_.push_back({week, "Playlist: " + pl.playlist->title + " (" +
                                                       std::to_string(pl.playlist->calls.size()) + " calls)"});
        }
        for (size_t i = 0; i < choices_.size(); ++i)
            if (choices_[i].first == level_path) chosen_ = static_cast<int>(i);
        std::random_device rd;  // a session code is not a game rule
        seed_ = (static_cast<uint64_t>(rd()) << 32) ^ rd();
        std::snprintf(code_, sizeof code_, "%s", generate_code(seed_).c_str());
    }

    void event(AppContext&, const SDL_Event& e) override {
        if (e.type == SDL_KEYDOWN && e.key.keysym.scancode == SDL_SCANCODE_SPACE && session_ && session_->started() &&
            !ImGui::GetIO().WantTextInput)
            session_->set_paused(!session_->paused());
    }

    bool allow_close(AppContext&) override { return true; }

    // A sample class of `size` bots on `level_path`, already `seconds` into the call.
    // `seed`: the same sample class every time (screenshots, benchmarks); none: a fresh one.
    void preview(AppContext& ctx, int size, double seconds, std::optional<uint64_t> seed = std::nullopt) {
        if (seed) {
            seed_ = *seed;
            std::snprintf(code_, sizeof code_, "%s", generate_code(seed_).c_str());
        }
        open_session(ctx, /*network=*/false);
        if (!session_) return;
        sample_ = std::make_unique<SampleClass>(*session_, *ctx.catalogue, size);
        start(ctx);
        for (int t = 0; t < static_cast<int>(seconds * 60) / 6; ++t) sample_->step(6);
    }

    ScreenRequest frame(AppContext& ctx, double dt) override {
        clock_ += dt;
        if (host_) host_->service(0);
        if (sample_ && session_->started() && !session_->paused()) sample_->play(dt);
        if (discovery_) discovery_->poll();
        ScreenRequest req;
        switch (stage_) {
            case Stage::setup: setup(ctx, req); break;
            case Stage::lobby: lobby(ctx); break;
            case Stage::running: running(ctx, dt); break;
            case Stage::projector: projector(ctx, dt); break;
            case Stage::debrief: debrief(ctx); break;
            case Stage::over: over(ctx, req); break;
        }
        if (req.kind == ScreenRequest::menu && host_) host_->close(500);
        return req;
    }

private:
    enum class Stage { setup, lobby, running, projector, debrief, over };

    void backdrop(AppContext& ctx) {
        theme::draw_river_backdrop(ImGui::GetBackgroundDrawList(), static_cast<float>(ctx.width),
                                   static_cast<float>(ctx.height), clock_, ctx.settings.reduced_motion);
    }

    bool begin_card(AppContext& ctx, const char* id, float width) {
        float s = ctx.settings.ui_scale;
        float w = std::min(ctx.width - 40.0f * s, width * s);
        ImGui::SetNextWindowPos(ImVec2(ctx.width * 0.5f, ctx.height * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, ctx.height - 24 * s));
        return ImGui::Begin(id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                             ImGuiWindowFlags_NoMove | ImGuiWindowFlags_AlwaysAutoResize);
    }

    void heading(AppContext& ctx, const char* text) {
        ImGui::PushFont(ctx.fonts.title);
        ImGui::TextUnformatted(text);
        ImGui::PopFont();
    }

    // --- 1. what to run, and how ---------------------------------------------------------------
    void setup(AppContext& ctx, ScreenRequest& req) {
        backdrop(ctx);
        float s = ctx.settings.ui_scale;
        begin_card(ctx, "##host_setup", 720);
        heading(ctx, "Host a class");
        ImGui::TextWrapped("Everyone in the room plays the same call at once on their own computer; you watch the "
                           "whole class on one river, pause to talk, and finish with a class debrief and a report.");
        ImGui::Spacing();
        ImGui::TextUnformatted("The call (or a playlist of calls)");
        ImGui::BeginChild("##calls", ImVec2(0, 150 * s), true);
        for (size_t i = 0; i < choices_.size(); ++i)
            if (ImGui::Selectable(choices_[i].second.c_str(), chosen_ == static_cast<int>(i))) chosen_ = static_cast<int>(i);
        ImGui::EndChild();
        ImGui::SetNextItemWidth(120 * s);
        ImGui::InputText("Session code", code_, sizeof code_, ImGuiInputTextFlags_CharsUppercase | ImGuiInputTextFlags_CharsNoBlank);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(110 * s);
        ImGui::InputInt("Port", &port_, 0);
        port_ = std::clamp(port_, 1024, 65535);
        ImGui::Checkbox("Anonymous: the class sees friendly nicknames, never names", &anonymous_);
        ImGui::Checkbox("Projector mode: one raft for the whole room; the room votes at each question", &projector_);
        if (!error_.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme::kTextProblem);
            ImGui::TextWrapped("%s", error_.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Spacing();
        if (ImGui::Button("Open the class", ImVec2(200 * s, 44 * s))) open_session(ctx, true);
        ImGui::SameLine();
        if (ImGui::Button("Preview with a sample class", ImVec2(260 * s, 44 * s))) preview(ctx, 24, 20);
        ImGui::SameLine();
        if (ImGui::Button("Back", ImVec2(120 * s, 44 * s))) req.kind = ScreenRequest::menu;
        ImGui::End();
    }

    void open_session(AppContext& ctx, bool network) {
        error_.clear();
        if (chosen_ < 0 || chosen_ >= static_cast<int>(choices_.size())) {
            error_ = "Choose a call first.";
            return;
        }
        std::string code = normalise_code(code_);
        if (!valid_code(code)) {
            error_ = "A session code is 4 to 8 letters and digits.";
            return;
        }
        auto calls = load_class_calls({choices_[chosen_].first}, *ctx.catalogue, error_);
        if (!calls) return;
        SessionSettings settings;
        settings.code = code;
        settings.build = build_id();
        settings.anonymous = anonymous_;
        settings.projector = projector_;
        settings.seed = seed_;
        std::string title = calls->front().level.title;
        session_ = std::make_unique<ClassSession>(std::move(*calls), *ctx.catalogue, settings);
        if (!network) return;
        host_ = std::make_unique<NetHost>(*session_);
        if (!host_->listen("0.0.0.0", static_cast<uint16_t>(port_), error_)) {
            host_.reset();
            session_.reset();
            return;
        }
        discovery_ = std::make_unique<DiscoveryResponder>();
        discovery_->open("0.0.0.0", kDiscoveryPort, host_->port(), title);
        addresses_ = local_addresses();
        stage_ = Stage::lobby;
    }

    // --- 2. the class gathers ----------------------------------------------------------------
    void lobby(AppContext& ctx) {
        backdrop(ctx);
        float s = ctx.settings.ui_scale;
        begin_card(ctx, "##host_lobby", 820);
        heading(ctx, "Your class is open");
        ImGui::TextWrapped("Trainees choose \"Join a class\", then type the address and the code (or find this "
                           "class in their list).");
        ImGui::Spacing();
        ImGui::PushFont(ctx.fonts.title);
        std::string where = addresses_.empty() ? "this computer" : addresses_.front();
        ImGui::Text("%s:%d", where.c_str(), host_ ? host_->port() : 0);
        ImGui::Text("Code  %s", session_->settings().code.c_str());
        ImGui::PopFont();
        for (size_t i = 1; i < addresses_.size(); ++i) ImGui::TextDisabled("also %s:%d", addresses_[i].c_str(), host_ ? host_->port() : 0);
        ImGui::TextDisabled("Call %d of %d: %s", session_->call_index() + 1, static_cast<int>(session_->calls().size()),
                            session_->call().level.title.c_str());
        ImGui::Separator();
        roster_list(ctx, 200 * s);
        ImGui::Spacing();
        bool can_start = session_->connected_count() > 0 || session_->settings().projector;
        ImGui::BeginDisabled(!can_start);
        if (ImGui::Button("Start the call for everyone", ImVec2(280 * s, 44 * s))) start(ctx);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Close the class", ImVec2(180 * s, 44 * s))) finish_session(ctx);
        if (!can_start) ImGui::TextDisabled("Waiting for the first trainee...");
        ImGui::End();
    }

    void roster_list(AppContext& ctx, float height) {
        ImGui::Text("%d in the class", session_->connected_count());
        ImGui::BeginChild("##names", ImVec2(0, height), true);
        float col = 200 * ctx.settings.ui_scale;
        int per_row = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / col));
        int i = 0;
        for (const Trainee& t : session_->trainees()) {
            if (i++ % per_row) ImGui::SameLine(col * ((i - 1) % per_row));
            if (t.connected) ImGui::TextUnformatted(t.shown_name.c_str());
            else ImGui::TextDisabled("%s (away)", t.shown_name.c_str());
        }
        ImGui::EndChild();
        if (host_) {
            for (size_t k = log_shown_; k < host_->log().size(); ++k) last_log_ = host_->log()[k];
            log_shown_ = host_->log().size();
        }
        if (!last_log_.empty()) ImGui::TextDisabled("%s", last_log_.c_str());
    }

    void start(AppContext& ctx) {
        session_->start_call();
        holding_shown_ = false;
        const ClassCall& call = session_->call();
        Level level = call.level;
        // The room's raft keeps the room's promises; each trainee's own raft starts from theirs.
        if (session_->settings().projector) start_from_week(level, session_->room_week());
        river_ = std::make_unique<CallRun>(CallSetup{level, call.name, session_->call_seed(), {}}, *ctx.catalogue);
        if (session_->settings().projector) {
            stage_ = Stage::projector;
        } else {
            stage_ = Stage::running;
        }
    }

    // --- 3a. every trainee's raft on one river -------------------------------------------------
    void running(AppContext& ctx, double dt) {
        views_.clear();
        for (const Trainee& t : session_->trainees()) {
            if (session_->call_index() >= static_cast<int>(t.runs.size())) continue;
            const TraineeRun& run = t.runs[session_->call_index()];
            if (!run.shadow) continue;
            TraineeView v;
            v.name = t.shown_name + (t.connected                       ? ""
                                     : session_->still_playing(t.id) ? " (reconnecting)"
                                                                     : " (away)");
            // The trainee's own report is newest; the host's re-run is the fallback (and the truth).
            const SimState& st = run.shadow->sim().state();
            v.raft = raft_look(run.shadow->sim());
            if (run.has_live && run.live.tick >= static_cast<uint32_t>(st.tick)) {
                v.raft.pos = Vec2{run.live.x, run.live.y};
                v.raft.angle = run.live.angle;
                v.intensity = run.live.intensity;
                v.composure = run.live.composure;
                v.progress = run.live.progress;
            } else {
                v.intensity = st.intensity;
                v.composure = st.composure;
                v.progress = st.progress;
            }
            v.finished = run.verdict != Verdict::playing;
            v.end_word = run.verdict == Verdict::ended ? "ended" : run.verdict == Verdict::left ? "left"
                         : run.verdict == Verdict::unfinished                                   ? "lost"
                                                                                                : "done";
            v.raft.alpha = t.connected ? 1.0f : 0.45f;
            views_.push_back(std::move(v));
        }
        view_.frame(ctx, river_->sim(), views_, dt, [&] { class_controls(ctx); });
        if (session_->paused()) paused_banner(ctx);
    }

    void paused_banner(AppContext& ctx) {
        ImGui::SetNextWindowPos(ImVec2(ctx.width * 0.35f, 18 * ctx.settings.ui_scale), ImGuiCond_Always, ImVec2(0.5f, 0));
        ImGui::Begin("##paused", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                              ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoMove);
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextUnformatted("The class is paused: time to talk");
        ImGui::PopFont();
        ImGui::End();
    }

    // The panel above the roster: the trainer's buttons and the spread of replies so far.
    void class_controls(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        ImVec2 half((ImGui::GetContentRegionAvail().x - 8 * s) * 0.5f, 36 * s);
        if (ImGui::Button(session_->paused() ? "Resume everyone" : "Pause everyone", half))
            session_->set_paused(!session_->paused());
        ImGui::SameLine();
        if (ImGui::Button(session_->call_done() ? "Class debrief" : "End the call", half)) stage_ = Stage::debrief;
        if (session_->call_done()) ImGui::TextColored(theme::kTextAllDone, "No one is still on the call.");
        else still_on_call(ctx);
        if (sample_) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("A preview with a sample class of bots: no one else can see it.");
            ImGui::PopStyleColor();
        }
        else ImGui::TextDisabled("Space pauses and resumes. Code %s", session_->settings().code.c_str());
        ImGui::Separator();
        spread_so_far(ctx);
        ImGui::Separator();
    }

    // The spread of replies at each question answered so far, the furthest into the call first, in a box of its own
    // height so that a long call never pushes the roster off the screen.
    void spread_so_far(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        const Level& level = session_->call().level;
        const auto spread = session_->reply_spread(session_->call_index());
        const float line = ImGui::GetFrameHeightWithSpacing();
        float wanted = 0;
        for (const auto& [node, counts] : spread) {
            int total = 0;
            for (int c : counts) total += c;
            if (total > 0) wanted += line * (2.0f + static_cast<float>(counts.size()));
        }
        if (wanted == 0) return;
        ImGui::BeginChild("##spread", ImVec2(0, std::min(wanted, ctx.height * 0.3f)), false);
        for (auto it = spread.rbegin(); it != spread.rend(); ++it) {
            const auto& [node, counts] = *it;
            int total = 0;
            for (int c : counts) total += c;
            if (total == 0) continue;
            ImGui::PushID(node);
            ImGui::TextWrapped("\"%s\"", level.nodes[node].say.c_str());
            spread_bars(level, node, counts, s, false);
            ImGui::PopID();
        }
        ImGui::EndChild();
    }

    // Who the call is waiting for, and a way to end it for one of them (a trainee who had to step
    // away, or whose game stalled) while the rest of the class plays on.
    void still_on_call(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        holding_.clear();
        int done = 0;
        for (const Trainee& t : session_->trainees()) {
            if (session_->call_index() >= static_cast<int>(t.runs.size())) continue;
            if (session_->still_playing(t.id)) holding_.push_back(t.id);
            else ++done;
        }
        if (holding_.empty()) return;
        // Opens by itself once someone has finished: from then on, these are who the class waits for.
        if (done > 0 && !holding_shown_) {
            ImGui::SetNextItemOpen(true);
            holding_shown_ = true;
        }
        char header[64];
        std::snprintf(header, sizeof header, "Still on the call: %d###holding", static_cast<int>(holding_.size()));
        bool ask = false;
        if (ImGui::CollapsingHeader(header)) {
            const float row = ImGui::GetFrameHeightWithSpacing();
            const int rows = std::min(static_cast<int>(holding_.size()), 5);
            ImGui::BeginChild("##holding_list", ImVec2(0, rows * row + 4 * s), false);
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(holding_.size()));
            while (clipper.Step()) {
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    const Trainee* t = session_->trainee(holding_[i]);
                    ImGui::PushID(static_cast<int>(t->id));
                    ImGui::AlignTextToFramePadding();
                    if (t->connected) ImGui::TextUnformatted(t->shown_name.c_str());
                    else ImGui::TextDisabled("%s (reconnecting)", t->shown_name.c_str());
                    const char* end_label = "End for them";
                    ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorStartPos().x -
                                    ImGui::CalcTextSize(end_label).x - ImGui::GetStyle().FramePadding.x * 2);
                    if (ImGui::SmallButton(end_label)) {
                        letting_go_ = t->id;
                        ask = true;
                    }
                    ImGui::PopID();
                }
            }
            ImGui::EndChild();
        }
        if (ask) ImGui::OpenPopup("##let_go");  // out of the rows, so scrolling cannot lose it
        let_go_popup(ctx);
    }

    // Ending someone's call is not undone, so it is asked once more, with what it means.
    void let_go_popup(AppContext& ctx) {
        if (!ImGui::BeginPopup("##let_go")) return;
        const Trainee* t = letting_go_ ? session_->trainee(*letting_go_) : nullptr;
        if (!t || !session_->still_playing(t->id)) {  // they finished while the trainer was deciding
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
            return;
        }
        float s = ctx.settings.ui_scale;
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
        ImGui::TextWrapped("End %s's call for them? Their river stops where it is, they get no score for it, and "
                           "the report marks it \"ended by the trainer\". The rest of the class plays on.",
                           t->shown_name.c_str());
        ImGui::PopTextWrapPos();
        if (ImGui::Button("End it for them", ImVec2(170 * s, 0))) {
            if (host_) host_->let_go(t->id);
            else session_->let_go(t->id);  // a preview's sample class
            letting_go_.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Keep waiting", ImVec2(150 * s, 0))) {
            letting_go_.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    // --- 3b. projector mode: one raft, the room's choices --------------------------------------
    void projector(AppContext& ctx, double dt) {
        const Simulation& sim = river_->sim();
        const int node = sim.call().node_index();
        const bool question = sim.call().node().is_question();
        const RoomVote& vote = session_->vote();
        if (question && vote.node != node) session_->open_vote(node);  // the caller asks: the room decides
        bool waiting = question && vote.open;
        if (!waiting && !session_->paused() && !sim.state().finished) {
            RoomInput room(question ? vote.chosen : -1);
            river_->advance(std::min(dt, 0.25), room);
        } else {
            river_->hold();
        }
        TraineeView raft;
        raft.name = "The class";
        raft.raft = raft_look(sim);
        raft.intensity = sim.state().intensity;
        raft.composure = sim.state().composure;
        raft.progress = sim.state().progress;
        raft.finished = sim.state().finished;
        views_.assign(1, raft);
        view_.frame(ctx, sim, views_, dt, [&] { projector_controls(ctx, waiting); });
        if (session_->paused()) paused_banner(ctx);
    }

    void projector_controls(AppContext& ctx, bool waiting) {
        float s = ctx.settings.ui_scale;
        const Simulation& sim = river_->sim();
        const RoomVote& vote = session_->vote();
        if (sim.state().finished) {
            ImGui::TextWrapped("The call is over: %s.", outcome_label(sim.state().outcome));
            if (ImGui::Button("Class debrief", ImVec2(-1, 36 * s))) stage_ = Stage::debrief;
        } else if (waiting) {
            ImGui::PushFont(ctx.fonts.large);
            ImGui::TextWrapped("\"%s\"", sim.call().node().say.c_str());
            ImGui::PopFont();
            ImGui::TextWrapped("What do we say? Trainees vote on their screens; add the room's hands here.");
            const Node& n = sim.call().node();
            for (size_t r = 0; r < n.replies.size(); ++r) {
                ImGui::PushID(static_cast<int>(r));
                if (ImGui::SmallButton("-")) session_->add_hands(static_cast<int>(r), -1);
                ImGui::SameLine();
                if (ImGui::SmallButton("+")) session_->add_hands(static_cast<int>(r), 1);
                ImGui::SameLine();
                ImGui::PopID();
                ImGui::TextWrapped("%c  %s", 'A' + static_cast<int>(r), n.replies[r].text.c_str());
            }
            ImGui::Separator();
            ImGui::TextUnformatted("The room so far:");
            spread_bars(sim.level(), sim.call().node_index(), vote.votes, s, false);
            if (ImGui::Button("Reveal and go with the majority", ImVec2(-1, 40 * s))) session_->close_vote();
        } else {
            ImGui::TextWrapped("\"%s\"", sim.call().node().say.c_str());
            if (vote.chosen >= 0) ImGui::TextDisabled("The room chose %c.", 'A' + vote.chosen);
        }
        ImGui::Separator();
        if (ImGui::Button(session_->paused() ? "Resume" : "Pause to talk", ImVec2(-1, 32 * s)))
            session_->set_paused(!session_->paused());
        ImGui::TextDisabled("%d trainees voting. Code %s", session_->connected_count(), session_->settings().code.c_str());
    }

    // --- 4. the class debrief --------------------------------------------------------------------
    void debrief(AppContext& ctx) {
        backdrop(ctx);
        float s = ctx.settings.ui_scale;
        if (!debrief_ || debrief_->call != session_->call_index()) {
            session_->end_call();
            if (session_->settings().projector && river_) session_->keep_room_week(river_->sim());
            debrief_ = class_debrief(*session_, session_->call_index());
            keep_class_records(ctx);
        }
        const CallDebrief& d = *debrief_;
        ImGui::SetNextWindowPos(ImVec2(20 * s, 20 * s));
        ImGui::SetNextWindowSize(ImVec2(ctx.width - 40 * s, ctx.height - 40 * s));
        ImGui::Begin("##class_debrief", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        heading(ctx, "Class debrief");
        ImGui::Text("%s: %d finished, %d resolved, mean score %.0f", d.title.c_str(), d.finished, d.resolved, d.mean_score);
        ImGui::BeginChild("##debrief_body", ImVec2(0, -70 * s));
        // Every question, reached or not: its replies and its prompt are worth talking about either way.
        for (const QuestionTally& q : d.questions) {
            ImGui::Separator();
            ImGui::PushFont(ctx.fonts.large);
            ImGui::TextWrapped("\"%s\"", q.say.c_str());
            ImGui::PopFont();
            if (q.answered == 0) ImGui::TextDisabled("No one reached this question in this call.");
            for (const ReplyTally& r : q.replies) {
                ImGui::PushID(r.letter.c_str());
                ImGui::PushStyleColor(ImGuiCol_PlotHistogram, quality_colour(r.quality));
                char label[48];
                std::snprintf(label, sizeof label, "%s  %d", r.letter.c_str(), r.chosen);
                ImGui::ProgressBar(q.answered ? static_cast<float>(r.chosen) / q.answered : 0.0f, ImVec2(160 * s, 0), label);
                ImGui::PopStyleColor();
                ImGui::SameLine();
                std::string techniques;
                for (const std::string& id : r.techniques) {
                    const Technique* t = ctx.catalogue->find(id);
                    techniques += (techniques.empty() ? "" : ", ") + (t ? t->name : id);
                }
                ImGui::TextWrapped("%s", r.text.c_str());
                if (r.chosen > 0 && !session_->settings().projector)
                    ImGui::TextDisabled("      %s; the caller's intensity moved %+.0f on average", techniques.c_str(),
                                        r.mean_intensity_change);
                else
                    ImGui::TextDisabled("      %s", techniques.c_str());
                ImGui::PopID();
            }
            if (!q.discuss.empty()) {
                ImGui::PushStyleColor(ImGuiCol_Text, theme::kTextDiscuss);
                ImGui::TextWrapped("Talk about it: %s", q.discuss.c_str());
                ImGui::PopStyleColor();
            }
        }
        if (!session_->settings().projector && !d.trainees.empty()) {
            ImGui::Separator();
            ImGui::PushFont(ctx.fonts.large);
            ImGui::TextUnformatted("The class");
            ImGui::PopFont();
            if (ImGui::BeginTable("##results", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
                for (const char* h : {"Trainee", "Outcome", "Score", "Checked by the host"})
                    ImGui::TableSetupColumn(h);
                ImGui::TableHeadersRow();
                for (const TraineeResult& t : d.trainees) {
                    if (!t.played) continue;
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(t.shown_name.c_str());
                    ImGui::TableNextColumn();
                    auto outcome = outcome_from_id(t.outcome);
                    ImGui::TextUnformatted(t.verdict == Verdict::unfinished ? "did not finish"
                                           : t.verdict == Verdict::left     ? "left (sent nothing)"
                                           : t.verdict == Verdict::ended    ? "ended by you"
                                           : outcome                        ? outcome_label(*outcome)
                                                                            : t.outcome.c_str());
                    ImGui::TableNextColumn();
                    const bool scored = t.verdict == Verdict::verified || t.verdict == Verdict::mismatch;
                    if (scored) ImGui::Text("%d", t.score);
                    else ImGui::TextUnformatted("-");
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(t.verdict == Verdict::verified   ? "yes"
                                           : t.verdict == Verdict::mismatch ? "did not match"
                                                                            : "-");
                }
                ImGui::EndTable();
            }
        }
        if (!d.techniques.empty()) {
            ImGui::Separator();
            ImGui::PushFont(ctx.fonts.large);
            ImGui::TextUnformatted("Technique by technique");
            ImGui::PopFont();
            for (const TechniqueTally& t : d.techniques)
                ImGui::BulletText("%s: used %d time%s; intensity %+.1f on average", t.name.c_str(), t.uses,
                                  t.uses == 1 ? "" : "s", t.mean_intensity_change);
        }
        ImGui::EndChild();
        ImGui::Separator();
        if (ImGui::Button("Save the report", ImVec2(200 * s, 40 * s))) save_reports(ctx);
        ImGui::SameLine();
        bool more = session_->call_index() + 1 < static_cast<int>(session_->calls().size());
        if (ImGui::Button(more ? "Next call" : "End the session", ImVec2(200 * s, 40 * s))) {
            if (more) {
                session_->next_call();
                debrief_.reset();
                stage_ = Stage::lobby;
            } else {
                finish_session(ctx);
            }
        }
        if (!report_message_.empty()) {
            ImGui::SameLine();
            ImGui::TextWrapped("%s", report_message_.c_str());
        }
        ImGui::End();
    }

    void save_reports(const AppContext& ctx) {
        std::string error;
        std::string dir = default_data_dir() + "/reports";
        auto written = write_class_reports(*session_, dir, utc_now_iso(),
                                           {class_learner_home(*session_, ctx.lrs), registration_}, error);
        report_message_ = written.size() == 3 ? "Saved in " + dir + " (CSV, HTML page, xAPI)." : "Not saved: " + error;
    }

    // The call's checked results, for the company's record store (a preview's bots are no one).
    void keep_class_records(AppContext& ctx) {
        if (sample_ || !ctx.profiles) return;
        std::vector<QueuedRecord> records =
            class_call_records(*session_, session_->call_index(), ctx.lrs, registration_, std::time(nullptr));
        if (records.empty()) return;
        std::string error;
        if (!RecordOutbox(*ctx.profiles).queue(records, error)) report_message_ = "Learning records not kept: " + error;
        else if (ctx.records) ctx.records->nudge();
    }

    void finish_session(AppContext& ctx) {
        if (session_->started()) session_->end_call();
        while (session_->next_call()) {
        }
        if (host_) host_->service(0);
        save_reports(ctx);
        if (host_) host_->close(1000);
        stage_ = Stage::over;
    }

    void over(AppContext& ctx, ScreenRequest& req) {
        backdrop(ctx);
        float s = ctx.settings.ui_scale;
        begin_card(ctx, "##host_over", 640);
        heading(ctx, "The session is over");
        ImGui::TextWrapped("Thank you for running the class. %s", report_message_.c_str());
        if (ImGui::Button("Back to the menu", ImVec2(220 * s, 44 * s))) req.kind = ScreenRequest::menu;
        ImGui::End();
    }

    std::vector<std::pair<std::string, std::string>> choices_;  // path, label
    int chosen_ = 0;
    char code_[9] = {};  // 8 letters and digits at most
    int port_ = kDefaultPort;
    bool anonymous_ = false, projector_ = false;
    uint64_t seed_ = 1;
    std::string error_, report_message_, last_log_;
    size_t log_shown_ = 0;
    Stage stage_ = Stage::setup;
    std::unique_ptr<ClassSession> session_;
    std::unique_ptr<NetHost> host_;
    std::unique_ptr<DiscoveryResponder> discovery_;
    std::unique_ptr<SampleClass> sample_;  // a preview: bots instead of a network
    std::vector<std::string> addresses_;
    std::unique_ptr<CallRun> river_;  // the river everyone is on (in projector mode, the room's raft)
    ClassView view_;
    std::vector<TraineeView> views_;
    std::vector<uint32_t> holding_;        // this frame: trainees the call still waits for
    bool holding_shown_ = false;           // their list has opened by itself this call
    std::optional<uint32_t> letting_go_;   // the trainee the trainer is about to end the call for
    std::optional<CallDebrief> debrief_;
    const std::string registration_ = xapi::random_uuid();  // ties this session's learning records together
    double clock_ = 0;
};

}  // namespace

std::unique_ptr<Screen> make_class_preview_screen(AppContext& ctx, const std::string& level_path, int trainees,
                                                  double seconds) {
    auto screen = std::make_unique<HostScreen>(ctx, level_path);
    screen->preview(ctx, trainees, seconds, /*seed=*/20261130);
    return screen;
}

std::unique_ptr<Screen> make_host_screen(AppContext& ctx, const std::string& level_path) {
    return std::make_unique<HostScreen>(ctx, level_path);
}

}  // namespace cw
