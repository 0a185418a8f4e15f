// The trainee's side of a class: find the class (or type its address), give the code and a
// name, wait in the lobby, then play the call the trainer starts — on the trainee's own river,
// with the same play screen as practice. The host's level is checked like any untrusted file.
// If the trainer's computer goes away, the trainee finishes the call and keeps the result.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/build_id.hpp"
#include "net/lan.hpp"
#include "net/net_client.hpp"
#include "net/rejoin_token.hpp"
#include "screens.hpp"
#include "store/progress.hpp"
#include "xapi/practice_records.hpp"
#include "theme.hpp"
#include "content/data_paths.hpp"

namespace cw {

namespace {

using namespace net;

// The session and its connection, shared by the join screen and the play screen's link.
struct Connection {
    TraineeSession session;
    NetClient client;
    Connection(const Catalogue& catalogue, const Hello& hello) : session(catalogue, hello), client(session) {}
};

class ClassLink : public PlayLink {
public:
    explicit ClassLink(std::shared_ptr<Connection> c) : c_(std::move(c)) {}
    void service() override { c_->client.service(0); }
    const CallRun* run() const override { return c_->session.run(); }
    void play(double real_seconds, InputSource& player) override { c_->session.play(real_seconds, player); }
    void hold() override { c_->session.hold(); }
    bool ended_for_us() const override { return c_->session.phase() == TraineePhase::released; }
    std::string banner() const override {
        const TraineeSession& s = c_->session;
        if (s.is_host_lost())
            return s.can_step() ? "The trainer's computer has gone: finish the call; your result is kept here."
                                : "The trainer's computer has gone; your result is kept on this computer.";
        if (s.phase() == TraineePhase::playing && s.paused()) return "Your trainer has paused the class: time to talk.";
        if (s.phase() == TraineePhase::lobby) return "Waiting for your trainer to start the call...";
        if (s.phase() == TraineePhase::finished) return "Sending your run to the trainer...";
        if (s.confirm()) return s.confirm()->verified ? "Your trainer has your result." : "Your trainer's check of this run did not match.";
        return "";
    }

private:
    std::shared_ptr<Connection> c_;
};

// A level's file name from the host, made safe to use as a file name here.
std::string safe_file_name(const std::string& name) {
    std::string out;
    for (char c : name) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.') ? c : '_';
    if (out.empty() || out[0] == '.') out = "level" + out;
    return out.substr(0, 80);
}

class JoinScreen : public Screen {
public:
    explicit JoinScreen(AppContext& ctx) {
        std::snprintf(name_, sizeof name_, "%s", ctx.profile == "player" ? "" : ctx.profile.c_str());
        if (ctx.profiles) {  // given once, in Settings or on joining a class before
            auto kept = ctx.profiles->settings(ctx.profile);
            if (auto it = kept.find(xapi::kLearnerIdSetting); it != kept.end()) kept_learner_ = it->second;
        }
        std::snprintf(learner_, sizeof learner_, "%s", kept_learner_.c_str());
    }

    void event(AppContext& ctx, const SDL_Event& e) override {
        if (child_) child_->event(ctx, e);
    }

    ScreenRequest frame(AppContext& ctx, double dt) override {
        clock_ += dt;
        if (finder_) finder_->poll();
        if (child_) return play(ctx, dt);
        if (conn_) conn_->client.service(0);
        ScreenRequest req;
        theme::draw_river_backdrop(ImGui::GetBackgroundDrawList(), static_cast<float>(ctx.width),
                                   static_cast<float>(ctx.height), clock_, ctx.settings.reduced_motion);
        float s = ctx.settings.ui_scale;
        float w = std::min(ctx.width - 40.0f * s, 680.0f * s);
        ImGui::SetNextWindowPos(ImVec2(ctx.width * 0.5f, ctx.height * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, ctx.height - 24 * s));
        ImGui::Begin("##join", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_AlwaysAutoResize);
        ImGui::PushFont(ctx.fonts.title);
        ImGui::TextUnformatted("Join a class");
        ImGui::PopFont();
        if (!conn_) form(ctx, req);
        else status(ctx, req);
        ImGui::End();
        return req;
    }

private:
    void form(AppContext& ctx, ScreenRequest& req) {
        float s = ctx.settings.ui_scale;
        ImGui::TextWrapped("Your trainer's screen shows an address and a code. Type them here with your name.");
        ImGui::Spacing();
        ImGui::SetNextItemWidth(300 * s);
        ImGui::InputTextWithHint("Address", "192.168.1.20:7777", address_, sizeof address_);
        ImGui::SameLine();
        if (ImGui::Button("Find classes nearby")) {
            finder_ = std::make_unique<DiscoveryFinder>();
            finder_->ask("255.255.255.255");
            finder_->ask("127.0.0.1");  // a class hosted on this same computer
        }
        if (finder_) {
            if (finder_->found().empty()) ImGui::TextDisabled("Looking... (a class appears here when its trainer has opened it)");
            for (const FoundClass& f : finder_->found()) {
                ImGui::PushID(f.address.c_str());
                if (ImGui::SmallButton("Use")) std::snprintf(address_, sizeof address_, "%s", f.address.c_str());
                ImGui::SameLine();
                ImGui::Text("%s  (%s)", f.title.c_str(), f.address.c_str());
                ImGui::PopID();
            }
        }
        ImGui::SetNextItemWidth(140 * s);
        ImGui::InputText("Code", code_, sizeof code_, ImGuiInputTextFlags_CharsUppercase | ImGuiInputTextFlags_CharsNoBlank);
        ImGui::SetNextItemWidth(300 * s);
        ImGui::InputTextWithHint("Your name", "as the class will see it", name_, sizeof name_);
        ImGui::SetNextItemWidth(300 * s);
        ImGui::InputTextWithHint("Learner id", "optional: for your company's records", learner_, sizeof learner_);
        if (!error_.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, theme::kTextProblem);
            ImGui::TextWrapped("%s", error_.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Spacing();
        if (ImGui::Button("Join", ImVec2(160 * s, 44 * s))) connect(ctx);
        ImGui::SameLine();
        if (ImGui::Button("Back", ImVec2(120 * s, 44 * s))) req.kind = ScreenRequest::menu;
    }

    void connect(AppContext& ctx) {
        error_.clear();
        std::string why;
        if (!clean_name(name_, why)) {
            error_ = "Your name: " + why + ".";
            return;
        }
        if (!valid_code(code_)) {
            error_ = "The code is 4 to 8 letters and digits, as on the trainer's screen.";
            return;
        }
        Hello hello;
        hello.build = build_id();
        hello.code = code_;
        hello.name = name_;
        hello.breath = ctx.settings.breath;
        hello.breath_holds = ctx.settings.breath_holds;
        hello.reading_pace = sim_options_from(ctx.settings).reading_pace;  // the host re-runs the call at it
        hello.learner_id = learner_;  // for the company's learning records, sent on by the trainer's game
        if (!valid_learner_id(hello.learner_id)) {
            error_ = "Your learner id: at most 128 letters, digits and signs.";
            return;
        }
        if (ctx.profiles && hello.learner_id != kept_learner_) {  // remembered for the next class and for practice
            std::string ignored;
            ctx.profiles->save_settings(ctx.profile, {{xapi::kLearnerIdSetting, hello.learner_id}}, ignored);
        }
        // Coming back (a dropped connection, or this game restarted): the token kept on disk.
        token_file_ = rejoin_token_path(default_data_dir(), code_, hello.name);
        hello.rejoin_token = read_rejoin_token(token_file_);
        conn_ = std::make_shared<Connection>(*ctx.catalogue, hello);
        if (!conn_->client.connect(address_, error_)) conn_.reset();
    }

    void status(AppContext& ctx, ScreenRequest& req) {
        float s = ctx.settings.ui_scale;
        TraineeSession& session = conn_->session;
        if (session.welcome() && session.welcome()->rejoin_token) write_rejoin_token(token_file_, session.welcome()->rejoin_token);
        LinkState link = conn_->client.link();
        if (session.phase() == TraineePhase::refused || link == LinkState::failed) {
            ImGui::TextWrapped("%s", session.phase() == TraineePhase::refused ? session.problem().c_str()
                                                                           : conn_->client.error().c_str());
            if (ImGui::Button("Try again", ImVec2(160 * s, 40 * s))) conn_.reset();
            return;
        }
        if (link == LinkState::connecting) {
            ImGui::Text("Connecting to %s ...", address_);
            if (ImGui::Button("Cancel")) conn_.reset();
            return;
        }
        if (!session.problem().empty()) {  // the level the host sent did not pass the checks
            ImGui::TextWrapped("%s", session.problem().c_str());
        }
        if (session.welcome()) {
            ImGui::PushFont(ctx.fonts.large);
            ImGui::Text("You are in, as %s.", session.welcome()->shown_name.c_str());
            ImGui::PopFont();
        }
        if (session.call() && session.level())
            ImGui::TextDisabled("Call %d of %d: %s", session.call()->call + 1, session.call()->call_count,
                                session.level()->title.c_str());
        for (const ConfirmedCall& c : session.results()) {
            if (c.ended_by_trainer) ImGui::BulletText("%s: ended by your trainer", c.title.c_str());
            else ImGui::BulletText("%s: %s, score %d%s", c.title.c_str(), outcome_label(c.outcome), c.score,
                                   c.verified ? "" : " (the trainer's check did not match)");
        }
        if (link == LinkState::reconnecting)
            ImGui::TextWrapped("The link to the class dropped. Carry on: your game is reconnecting, and will send "
                               "the trainer everything you did.");
        const bool link_gone = link != LinkState::connected && link != LinkState::reconnecting;
        if (session.phase() == TraineePhase::over || (link_gone && !session.is_host_lost())) {
            ImGui::TextWrapped(session.phase() == TraineePhase::over ? "The class has ended. Well done."
                                                                     : "The connection to the class has closed.");
            if (ImGui::Button("Back to the menu", ImVec2(220 * s, 44 * s))) req.kind = ScreenRequest::menu;
            return;
        }
        if (session.projector()) {
            vote(ctx);
        } else if (session.phase() == TraineePhase::released) {
            ImGui::TextWrapped("Your trainer ended this call for you before you reached the end, so it has no "
                               "score. Stay here: the next call starts when your trainer is ready.");
        } else if (session.phase() == TraineePhase::playing || session.is_host_lost()) {
            if (session.call() && static_cast<int>(session.call()->call) != played_call_) open_call(ctx);
            else ImGui::TextWrapped("Waiting for the rest of the class to finish...");
        } else {
            ImGui::TextWrapped("Waiting for your trainer to start the call. Breathe in rhythm while you wait: the "
                               "ring in the game will guide you.");
        }
        ImGui::Spacing();
        if (ImGui::Button("Leave the class", ImVec2(200 * s, 36 * s))) {
            conn_->client.close(300);
            req.kind = ScreenRequest::menu;
        }
    }

    // Projector mode: the room steers one raft; this screen is a voting card.
    void vote(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        const TraineeSession& session = conn_->session;
        const auto& q = session.question();
        // The call as the room's raft plays it (the seed's arrangement), so a vote names a channel
        // on the shared river, lettered as on the projector.
        const Level* level = session.sim() ? &session.sim()->level() : nullptr;
        if (!q || !level || q->node >= level->nodes.size()) {
            ImGui::TextWrapped("Watch the big screen. When the caller asks something, your choices appear here.");
            return;
        }
        const Node& node = level->nodes[q->node];
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextWrapped("\"%s\"", node.say.c_str());
        ImGui::PopFont();
        for (size_t r = 0; r < node.replies.size(); ++r) {
            ImGui::PushID(static_cast<int>(r));
            std::string label = std::string(1, static_cast<char>('A' + r)) + "   " + node.replies[r].text;
            if (q->open) {
                bool mine = my_vote_node_ == q->node && my_vote_ == static_cast<int>(r);
                if (mine) ImGui::PushStyleColor(ImGuiCol_Button, theme::kOwnVote);
                ImGui::PushTextWrapPos(0);
                if (ImGui::Button(label.c_str(), ImVec2(-1, 0))) {
                    conn_->session.vote(static_cast<int>(r));
                    my_vote_node_ = q->node;
                    my_vote_ = static_cast<int>(r);
                }
                ImGui::PopTextWrapPos();
                if (mine) ImGui::PopStyleColor();
            } else {
                int votes = r < q->votes.size() ? q->votes[r] : 0;
                ImGui::Text("%s%s  (%d)", r == q->chosen ? "> " : "  ", label.c_str(), votes);
            }
            ImGui::PopID();
        }
        ImGui::TextDisabled(q->open ? "Your vote can change until your trainer reveals the room's choice."
                                    : "The room's choice is marked.");
        (void)s;
    }

    // The call, drawn from the session's own run: after a rejoin it is already where the class
    // left off. The level's text is kept in the data folder so My progress can read the attempt.
    void open_call(AppContext& ctx) {
        played_call_ = conn_->session.call()->call;
        if (!conn_->session.run()) return;  // the level did not pass the checks: status() says why
        std::string dir = default_data_dir() + "/class";
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        PlayOptions options;
        options.link = std::make_shared<ClassLink>(conn_);
        options.attempt_level = dir + "/" + safe_file_name(conn_->session.call()->level_name);
        {
            std::ofstream out(options.attempt_level, std::ios::binary | std::ios::trunc);
            out << conn_->session.call()->level_text;
        }
        child_ = make_play_screen(ctx, *conn_->session.level(), options);
    }

    // The call, in the ordinary play screen; its "menu" brings the trainee back here.
    ScreenRequest play(AppContext& ctx, double dt) {
        ScreenRequest req = child_->frame(ctx, dt);
        if (req.kind == ScreenRequest::quit) return req;
        if (req.kind != ScreenRequest::none) child_.reset();
        return {};
    }

    char address_[128] = {};
    char code_[9] = {};  // 8 letters and digits at most
    char name_[64] = {};
    char learner_[129] = {};
    std::string kept_learner_;  // the profile's learner id when the screen opened
    std::string error_;
    std::string token_file_;
    std::shared_ptr<Connection> conn_;
    std::unique_ptr<DiscoveryFinder> finder_;
    std::unique_ptr<Screen> child_;
    int played_call_ = -1;
    int my_vote_node_ = -1, my_vote_ = -1;
    double clock_ = 0;
};

}  // namespace

std::unique_ptr<Screen> make_join_screen(AppContext& ctx) { return std::make_unique<JoinScreen>(ctx); }

}  // namespace cw
