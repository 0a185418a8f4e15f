// A class session as a trainee's game sees it: the handshake, the level the host sent (checked
// like any untrusted file), the trainee's run of the call, and what to tell the host. No sockets
// here either: net_client moves the bytes; the play screen draws the run and drives `play`, the
// headless bot drives `step`. There is one run of the call on a trainee's machine: this one.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "core/level.hpp"
#include "play/call_run.hpp"
#include "protocol.hpp"

namespace cw::net {

enum class TraineePhase {
    joining,     // waiting for the host's welcome
    refused,     // the host said no (see problem())
    lobby,       // welcomed; waiting for the call (or for the trainer to start it)
    playing,     // the call is on: step() every tick
    finished,    // the local run ended; waiting for the host to confirm it
    confirmed,   // the host re-simulated the run and agrees (or says how it differs)
    released,    // the trainer ended this call for us before we finished: no result, wait for the next
    over,        // the session ended
};
const char* trainee_phase_id(TraineePhase p);

// How a call of this trainee's ended, as the host said: finished and confirmed, or ended by
// the trainer before the trainee finished (no outcome, no score, nothing kept).
struct ConfirmedCall {
    int call = 0;
    std::string level_name;
    Outcome outcome = Outcome::none;
    int score = 0;
    bool verified = false;  // the host's re-run matched ours
    std::vector<std::string> replies;  // "node:letter", in the order given
    bool ended_by_trainer = false;
    std::string title;  // the level's title, for the trainee's screen
};

class TraineeSession {
public:
    TraineeSession(const Catalogue& catalogue, Hello hello);

    const Hello& hello() const { return hello_; }
    void receive(const Message& m);
    // The host went away for good: the trainee plays on and keeps the result locally.
    void host_lost() { host_lost_ = true; }
    // The link dropped: the trainee plays on while the network tries to reach the class again.
    void link_lost() { reconnecting_ = true; }
    // A new link: say hello again with this place's token; the host's Resume then says which
    // inputs it missed, and they are sent again.
    void link_back();

    // Step the local run one tick (only while playing and not paused). The input is quantized
    // as the wire carries it, so the host re-simulates exactly the same numbers.
    bool can_step() const;
    void step(const Input& in);
    // Real time has passed: the ticks due, each with `player`'s input (quantized). While the
    // call cannot step (the lobby, a pause) the river is held. Returns the ticks stepped.
    int play(double real_seconds, InputSource& player);
    // The player paused: their river waits (the host accepts a trainee who falls behind).
    void hold() {
        if (run_) run_->hold();
    }
    // Projector mode: this trainee's vote on the open question.
    void vote(int reply);

    // Queue every input the host has not been sent. The network calls this ten times a second,
    // so a trainee playing faster than real time (a bot) sends bigger batches, not more of them.
    void flush_inputs();
    std::vector<Message> take_outbox() { return std::move(outbox_); }
    RaftState raft_state() const;

    TraineePhase phase() const { return phase_; }
    bool paused() const { return paused_; }
    bool is_host_lost() const { return host_lost_; }
    bool is_reconnecting() const { return reconnecting_; }
    bool projector() const { return welcome_ && welcome_->projector; }
    const std::optional<Welcome>& welcome() const { return welcome_; }
    const std::optional<CallInfo>& call() const { return call_; }
    const std::optional<Confirm>& confirm() const { return confirm_; }
    const std::vector<ConfirmedCall>& results() const { return results_; }
    const std::optional<Question>& question() const { return question_; }
    const Level* level() const { return level_ ? &*level_ : nullptr; }
    const Simulation* sim() const { return run_ ? &run_->sim() : nullptr; }
    // This call's run (null before a call has loaded): the play screen draws it.
    const CallRun* run() const { return run_.get(); }
    // Why the trainee cannot play: a refusal, or the problems in the level the host sent.
    const std::string& problem() const { return problem_; }
    int ticks_sent() const { return static_cast<int>(sent_); }

private:
    class ClassInput;
    void advance(const WireInput& w);
    void after_step(const WireInput& w);
    void load_call(const CallInfo& c);
    ConfirmedCall call_ended(int call) const;  // this call's entry in results(), to fill in

    Catalogue catalogue_;
    Hello hello_;
    TraineePhase phase_ = TraineePhase::joining;
    std::optional<Welcome> welcome_;
    std::optional<CallInfo> call_;
    std::optional<Level> level_;
    std::unique_ptr<CallRun> run_;
    std::vector<WireInput> inputs_;  // every tick of this call, from 0
    size_t sent_ = 0;                // how many of them the host has been sent
    std::optional<Confirm> confirm_;
    std::vector<ConfirmedCall> results_;
    std::optional<Question> question_;
    std::vector<Message> outbox_;
    std::string problem_;
    bool paused_ = false;
    bool host_lost_ = false;
    bool reconnecting_ = false;
};


}  // namespace cw::net
