// A class session as the trainer's host sees it: the calls, the trainees, and each trainee's
// run re-simulated from their inputs. No sockets here: messages come in tagged with a trainee,
// replies go to an outbox, so the rules can be tested (and fuzzed) without a network, and
// the ENet layer (net_host) only moves bytes.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "core/level.hpp"
#include "core/week.hpp"
#include "play/call_run.hpp"
#include "protocol.hpp"

namespace cw::net {

struct ClassCall {
    std::string name;   // what trainees are told the level is called (its file name)
    std::string text;   // the level file's text, sent to every trainee
    Level level;        // the same, loaded and checked here
    // The week this call belongs to: its playlist's `[week.vars]` as the week starts (empty for
    // a level hosted on its own, which starts from its own values).
    WeekValues week_start = {};
};

// The most trainees one class takes (the host refuses a larger --expect at start).
constexpr size_t kMaxClassSize = 250;

struct SessionSettings {
    std::string code;
    std::string build;
    bool anonymous = false;  // the class sees friendly nicknames, never names
    bool projector = false;  // one raft for the room; trainees vote at each question
    uint64_t seed = 1;       // for nicknames and each call's draw
    size_t max_trainees = kMaxClassSize;  // places in the class; a headless host: those expected, and a few more
};

// `left`: still connected but sent nothing for the host's silence limit, so the call went on without them.
// `ended`: the trainer ended the call for them while they were still on it.
enum class Verdict { playing, verified, mismatch, unfinished, left, ended };
const char* verdict_id(Verdict v);

// One trainee's run of one call, as the host knows it.
struct TraineeRun {
    std::unique_ptr<CallRun> shadow;  // the host's own run of the trainee's inputs
    std::vector<WireInput> inputs;       // every tick received, from tick 0
    std::optional<Finished> reported;
    Verdict verdict = Verdict::playing;
    RaftState live;                      // the latest state the trainee sent (display only)
    bool resend_asked = false;           // a gap was seen and the trainee was told where to resend from
    bool has_live = false;
};

struct Trainee {
    uint32_t id = 0;
    std::string name;        // as the trainee typed it (cleaned)
    std::string shown_name;  // what the class sees
    std::string learner_id;  // for the company's learning records only ("" when not given)
    uint64_t token = 0;
    bool connected = true;
    SimOptions options;
    std::string breath = "box";
    bool breath_holds = true;
    std::vector<TraineeRun> runs;  // one per call
    int refused_messages = 0;
    WeekValues week;  // what this trainee's week remembers so far: each call starts from it
};

// Projector mode: the room's votes on the question being asked.
struct RoomVote {
    int node = -1;
    bool open = false;
    std::vector<int> votes;      // per reply: trainees' votes plus hands the trainer entered
    std::map<uint32_t, int> by_trainee;
    int chosen = -1;
};

// Where a message goes: one trainee, or everyone connected.
struct Outgoing {
    std::optional<uint32_t> to;  // nothing: everyone connected
    Message message;
};

class ClassSession {
public:
    ClassSession(std::vector<ClassCall> calls, const Catalogue& catalogue, SessionSettings settings);

    // A new peer said hello. Returns the trainee it is (a rejoin gives the old one back), or
    // nothing with a Refuse already in the outbox addressed to `refuse_to` handling by caller.
    struct HelloResult {
        std::optional<uint32_t> trainee;
        std::string refusal;  // set when refused: the host sends it and disconnects
        bool rejoined = false;  // an earlier place taken back with its token
    };
    HelloResult hello(const Hello& h);
    void disconnected(uint32_t trainee);
    // The trainee's run of the current call is under way and has no verdict yet.
    bool still_playing(uint32_t trainee) const;
    // The host lets the trainee's run of this call go without a result: `left` (connected but
    // silent) or `unfinished` (their link dropped and did not come back in time).
    void end_run(uint32_t trainee, Verdict verdict);
    // The trainer ends the trainee's run of this call for them (they are holding the class):
    // marked `ended`, and their game is told to stop. A game that had already finished when told
    // still sends its run, and that run is checked like any other: a finished result stands.
    void let_go(uint32_t trainee);
    void malformed_from(uint32_t trainee);  // a packet that did not decode: counted against them
    // A message from a trainee that has said hello. Returns "" or why it was refused.
    std::string receive(uint32_t trainee, const Message& m);

    // The trainer's controls.
    void start_call();             // the current call begins for everyone
    void set_paused(bool paused);
    bool next_call();              // false: that was the last call
    void end_call();               // runs still going are marked unfinished

    // Projector mode.
    void open_vote(int node);
    void add_hands(int reply, int count);  // the room's show of hands, entered by the trainer
    int close_vote();                       // the majority's reply (ties: the lower letter)
    // The room's week: the room's one raft makes the promises, so its calls start from what the
    // room's earlier calls left, and `keep_room_week` takes what a finished call leaves.
    const WeekValues& room_week() const { return room_week_; }
    void keep_room_week(const Simulation& room_call);

    std::vector<Outgoing> take_outbox() { return std::move(outbox_); }

    // What the trainer's screen and the reports read.
    const std::vector<ClassCall>& calls() const { return calls_; }
    int call_index() const { return call_; }
    const ClassCall& call() const { return calls_[call_]; }
    // This call's draw, the same for every trainee (see play/play_seed.hpp).
    uint64_t call_seed() const;
    // The week as a class starts it: the playlist's values, else each call's own.
    WeekValues week_start() const;
    // The call as `t` plays it: starting from their week (host and trainee start alike).
    CallInfo call_info_for(const Trainee& t) const;
    bool started() const { return started_; }
    bool paused() const { return paused_; }
    bool call_done() const;   // started, and every trainee's run has a verdict
    const std::vector<Trainee>& trainees() const { return trainees_; }
    const Trainee* trainee(uint32_t id) const;
    int connected_count() const;
    const RoomVote& vote() const { return vote_; }
    // Projector mode: the room's final tally at each question of the current call.
    const std::map<int, std::vector<int>>& room_votes() const { return room_votes_; }
    const SessionSettings& settings() const { return settings_; }
    const Catalogue& catalogue() const { return catalogue_; }
    // Per question node of the current call, how many trainees gave each reply so far.
    std::map<int, std::vector<int>> reply_spread(int call) const;

private:
    Trainee* find(uint32_t id);
    void send(std::optional<uint32_t> to, Message m) { outbox_.push_back({to, std::move(m)}); }
    void begin_run(Trainee& t);
    std::string take_inputs(Trainee& t, const Inputs& in);
    std::string take_finished(Trainee& t, const Finished& f);
    void judge(Trainee& t, TraineeRun& run);
    Resume resume_for(const Trainee& t) const;
    CallInfo call_info() const;

    std::vector<ClassCall> calls_;
    Catalogue catalogue_;
    SessionSettings settings_;
    std::vector<Trainee> trainees_;
    std::vector<Outgoing> outbox_;
    int call_ = 0;
    bool started_ = false;
    bool paused_ = false;
    uint32_t next_id_ = 1;
    uint64_t token_state_;  // rejoin tokens: from the system's random source, never the seed
    RoomVote vote_;
    std::map<int, std::vector<int>> room_votes_;
    WeekValues room_week_;
};

// Friendly nicknames ("Quiet Heron"), different for each join in a session.
std::string nickname(uint64_t seed, int index);

}  // namespace cw::net
