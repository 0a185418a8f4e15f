#include "trainee_session.hpp"

#include "content/level_loader.hpp"
#include "core/breathing.hpp"

namespace cw::net {

const char* trainee_phase_id(TraineePhase p) {
    switch (p) {
        case TraineePhase::joining: return "joining";
        case TraineePhase::refused: return "refused";
        case TraineePhase::lobby: return "lobby";
        case TraineePhase::playing: return "playing";
        case TraineePhase::finished: return "finished";
        case TraineePhase::confirmed: return "confirmed";
        case TraineePhase::released: return "released";
        case TraineePhase::over: return "over";
    }
    return "joining";
}

TraineeSession::TraineeSession(const Catalogue& catalogue, Hello hello)
    : catalogue_(catalogue), hello_(std::move(hello)) {
    outbox_.push_back(hello_);
}

void TraineeSession::load_call(const CallInfo& c) {
    call_ = c;
    confirm_.reset();
    question_.reset();
    inputs_.clear();
    sent_ = 0;
    run_.reset();
    level_.reset();
    paused_ = false;
    // The host's level is untrusted input like any file: the same loader and checks.
    LevelLoad load = load_level_text(c.level_text, "host:" + c.level_name, catalogue_);
    if (!load.ok()) {
        problem_ = "The level the trainer sent has problems, so it cannot be played:\n" + format_problems(load.problems);
        return;
    }
    problem_.clear();
    level_ = std::move(load.level);
    SimOptions options;
    options.breath = breath_pattern(hello_.breath, hello_.breath_holds);
    options.reading_pace = hello_.reading_pace;  // the host simulates with the same pace, sent in the Hello
    Level played = *level_;
    start_from_week(played, c.week);  // this trainee's week, as the host's run of them starts it
    run_ = std::make_unique<CallRun>(CallSetup{std::move(played), c.level_name, c.seed, options}, catalogue_);
    run_->set_level_text(c.level_text);  // kept with the attempt, so its replay plays after the class
    phase_ = TraineePhase::lobby;
}

ConfirmedCall TraineeSession::call_ended(int call) const {
    ConfirmedCall c;
    c.call = call;
    c.level_name = call_->level_name;
    c.title = level_ ? level_->title : call_->level_name;
    return c;
}

void TraineeSession::receive(const Message& m) {
    if (auto* w = std::get_if<Welcome>(&m)) {
        welcome_ = *w;
        hello_.rejoin_token = w->rejoin_token;
        if (phase_ == TraineePhase::joining) phase_ = TraineePhase::lobby;
    } else if (auto* r = std::get_if<Refuse>(&m)) {
        problem_ = r->reason;
        phase_ = TraineePhase::refused;
    } else if (auto* c = std::get_if<CallInfo>(&m)) {
        // A rejoin re-sends the call under way: keep the local run if it is the same call.
        if (!call_ || call_->call != c->call || call_->level_text != c->level_text) load_call(*c);
    } else if (auto* s = std::get_if<Start>(&m)) {
        if (call_ && s->call == call_->call && run_ && phase_ == TraineePhase::lobby) phase_ = TraineePhase::playing;
    } else if (auto* p = std::get_if<Pause>(&m)) {
        paused_ = p->paused;
    } else if (auto* r = std::get_if<Resume>(&m)) {
        if (!call_ || r->call != call_->call || !run_) return;
        paused_ = r->paused;
        if (r->ticks.size() > inputs_.size()) {
            // A fresh game after a crash: run the host's copy of our inputs to where it left off.
            for (size_t i = inputs_.size(); i < r->ticks.size() && !run_->sim().state().finished; ++i) {
                inputs_.push_back(r->ticks[i]);
                advance(r->ticks[i]);
            }
        }
        sent_ = std::min(r->ticks.size(), inputs_.size());  // resend what the host missed
        if (r->started && phase_ == TraineePhase::lobby) phase_ = TraineePhase::playing;
        if (run_->sim().state().finished && phase_ == TraineePhase::playing) phase_ = TraineePhase::finished;
        if (phase_ == TraineePhase::finished) {
            flush_inputs();
            const SimState& st = run_->sim().state();
            outbox_.push_back(Finished{call_->call, static_cast<uint32_t>(st.tick), run_->sim().state_hash_value(),
                                       static_cast<uint8_t>(st.outcome), run_->sim().score().total});
        }
    } else if (auto* c = std::get_if<Confirm>(&m)) {
        if (call_ && c->call == call_->call && !confirm_) {
            confirm_ = *c;
            phase_ = TraineePhase::confirmed;
            ConfirmedCall done = call_ended(c->call);
            done.outcome = static_cast<Outcome>(c->outcome);
            done.score = c->score;
            done.verified = c->verified;
            for (const ChoiceRecord& choice : run_->sim().call().choices())
                done.replies.push_back(level_->nodes[choice.node].id + ":" + std::string(1, static_cast<char>('A' + choice.authored)));
            results_.push_back(std::move(done));
        }
    } else if (auto* r = std::get_if<Release>(&m)) {
        // A game that has finished keeps its phase: its run is on the way and the host checks it.
        if (call_ && r->call == call_->call && (phase_ == TraineePhase::lobby || phase_ == TraineePhase::playing)) {
            phase_ = TraineePhase::released;
            ConfirmedCall ended = call_ended(r->call);
            ended.ended_by_trainer = true;
            results_.push_back(std::move(ended));
        }
    } else if (auto* q = std::get_if<Question>(&m)) {
        question_ = *q;
    } else if (std::holds_alternative<SessionOver>(m)) {
        phase_ = TraineePhase::over;
    }
}

void TraineeSession::link_back() {
    reconnecting_ = false;
    outbox_.clear();  // the Resume that answers this hello says what the host is missing
    Hello again = hello_;
    if (welcome_) again.rejoin_token = welcome_->rejoin_token;
    outbox_.push_back(again);
}

bool TraineeSession::can_step() const {
    if (!run_ || run_->sim().state().finished) return false;
    // Alone (for good or until the link is back), a pause the host may have called is unheard.
    if (host_lost_ || reconnecting_) return phase_ == TraineePhase::playing;
    return phase_ == TraineePhase::playing && !paused_;
}

// The player's input, as the wire carries it; each tick stepped is kept for the host.
class TraineeSession::ClassInput : public InputSource {
public:
    ClassInput(TraineeSession& session, InputSource& player) : session_(session), player_(player) {}
    Input next(const Simulation& sim) override { return from_wire(to_wire(player_.next(sim))); }
    void stepped(const Input& used, const Simulation&) override { session_.after_step(to_wire(used)); }

private:
    TraineeSession& session_;
    InputSource& player_;
};

void TraineeSession::step(const Input& in) {
    if (!can_step()) return;
    WireInput w = to_wire(in);
    advance(w);
    after_step(w);
}

int TraineeSession::play(double real_seconds, InputSource& player) {
    if (!can_step()) {
        if (run_) run_->hold();
        return 0;
    }
    ClassInput input(*this, player);
    return run_->advance(real_seconds, input);
}

// The same numbers the host will simulate, recorded as a replay would be.
void TraineeSession::advance(const WireInput& w) { run_->step(from_wire(w)); }

void TraineeSession::after_step(const WireInput& w) {
    inputs_.push_back(w);
    if (!run_->finished()) return;
    flush_inputs();
    phase_ = TraineePhase::finished;
    const SimState& st = run_->sim().state();
    outbox_.push_back(Finished{call_->call, static_cast<uint32_t>(st.tick), run_->sim().state_hash_value(),
                               static_cast<uint8_t>(st.outcome), run_->sim().score().total});
}

void TraineeSession::flush_inputs() {
    while (sent_ < inputs_.size()) {
        Inputs msg;
        msg.call = call_->call;
        msg.first_tick = static_cast<uint32_t>(sent_);
        size_t n = std::min(inputs_.size() - sent_, static_cast<size_t>(kMaxInputsPerMessage));
        msg.ticks.assign(inputs_.begin() + sent_, inputs_.begin() + sent_ + n);
        sent_ += n;
        outbox_.push_back(std::move(msg));
    }
}

void TraineeSession::vote(int reply) {
    if (!call_ || !question_ || !question_->open || reply < 0) return;
    outbox_.push_back(Vote{call_->call, question_->node, static_cast<uint8_t>(reply)});
}

RaftState TraineeSession::raft_state() const {
    RaftState r;
    if (!run_ || !call_) return r;
    const SimState& s = run_->sim().state();
    r.call = call_->call;
    r.tick = static_cast<uint32_t>(s.tick);
    r.progress = static_cast<float>(s.progress);
    r.lateral = static_cast<float>(s.lateral);
    r.x = static_cast<float>(s.raft_pos.x);
    r.y = static_cast<float>(s.raft_pos.y);
    r.angle = static_cast<float>(s.raft_angle);
    r.intensity = static_cast<float>(s.intensity);
    r.composure = static_cast<float>(s.composure);
    r.finished = s.finished;
    return r;
}

}  // namespace cw::net
