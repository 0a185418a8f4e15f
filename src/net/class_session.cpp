#include "class_session.hpp"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <random>

#include "core/breathing.hpp"
#include "core/rng.hpp"
#include "play/play_seed.hpp"

namespace cw::net {

const char* verdict_id(Verdict v) {
    switch (v) {
        case Verdict::playing: return "playing";
        case Verdict::verified: return "verified";
        case Verdict::mismatch: return "mismatch";
        case Verdict::unfinished: return "unfinished";
        case Verdict::left: return "left";
        case Verdict::ended: return "ended";
    }
    return "playing";
}

std::string nickname(uint64_t seed, int index) {
    static const char* kCalm[] = {"Quiet", "Gentle", "Steady", "Patient", "Easy", "Mellow", "Bright", "Kind",
                                  "Soft", "Warm", "Clear", "Still", "Sunny", "Brave", "Curious", "Cheerful"};
    static const char* kCreature[] = {"Heron", "Otter", "Kingfisher", "Trout", "Willow", "Pebble", "Dragonfly",
                                      "Beaver", "Swan", "Reed", "Salmon", "Lily", "Moorhen", "Newt", "Alder",
                                      "Dipper", "Mayfly", "Vole", "Grebe", "Cress"};
    constexpr int kA = sizeof(kCalm) / sizeof(kCalm[0]);
    constexpr int kB = sizeof(kCreature) / sizeof(kCreature[0]);
    // Walk the grid of pairs in a seeded order, so the first 320 joins never repeat a name.
    Rng rng(seed);
    int offset = rng.below(kA * kB);
    int stride = 7;  // co-prime with 320: every pair is visited once per lap
    int k = (offset + index * stride) % (kA * kB);
    std::string name = std::string(kCalm[k % kA]) + " " + kCreature[k / kA];
    if (index >= kA * kB) name += " " + std::to_string(index / (kA * kB) + 1);
    return name;
}

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Rejoin tokens hold a trainee's place, so they must not follow from the session's seed (which
// a class may share): they come from the system's random source. Nothing in a call depends on them.
uint64_t unguessable_seed() {
    std::random_device device;
    return (static_cast<uint64_t>(device()) << 32) ^ device();
}

}  // namespace

ClassSession::ClassSession(std::vector<ClassCall> calls, const Catalogue& catalogue, SessionSettings settings)
    : calls_(std::move(calls)), catalogue_(catalogue), settings_(std::move(settings)),
      token_state_(unguessable_seed()), room_week_(week_start()) {}

void ClassSession::keep_room_week(const Simulation& room_call) {
    room_week_ = week_after(room_call.level(), room_call.call().vars(), room_week_);
}

Trainee* ClassSession::find(uint32_t id) {
    for (Trainee& t : trainees_)
        if (t.id == id) return &t;
    return nullptr;
}

const Trainee* ClassSession::trainee(uint32_t id) const {
    for (const Trainee& t : trainees_)
        if (t.id == id) return &t;
    return nullptr;
}

int ClassSession::connected_count() const {
    int n = 0;
    for (const Trainee& t : trainees_) n += t.connected ? 1 : 0;
    return n;
}

uint64_t ClassSession::call_seed() const { return seed_for_class_call(settings_.seed, call_); }

CallInfo ClassSession::call_info_for(const Trainee& t) const {
    CallInfo c = call_info();
    c.week = t.week;
    return c;
}

CallInfo ClassSession::call_info() const {
    CallInfo c;
    c.call = static_cast<uint16_t>(call_);
    c.call_count = static_cast<uint16_t>(calls_.size());
    c.seed = call_seed();
    c.level_name = call().name;
    c.level_text = call().text;
    return c;
}

Resume ClassSession::resume_for(const Trainee& t) const {
    Resume r;
    r.call = static_cast<uint16_t>(call_);
    r.started = started_;
    r.paused = paused_;
    if (call_ < static_cast<int>(t.runs.size())) r.ticks = t.runs[call_].inputs;
    return r;
}

ClassSession::HelloResult ClassSession::hello(const Hello& h) {
    HelloResult result;
    if (h.protocol != kProtocolVersion) {
        result.refusal = "This class runs protocol version " + std::to_string(kProtocolVersion) + " and your game speaks " +
                         std::to_string(h.protocol) + ": install the same version of Calm Waters as the trainer.";
        return result;
    }
    if (h.build != settings_.build) {
        result.refusal = "Your game (" + h.build.substr(0, kMaxBuildBytes) + ") is a different build from the trainer's (" +
                         settings_.build + "): runs would not match. Install the trainer's version.";
        return result;
    }
    if (normalise_code(h.code) != normalise_code(settings_.code)) {
        result.refusal = "That session code is not right. Check the code on the trainer's screen.";
        return result;
    }
    std::string why;
    auto name = clean_name(h.name, why);
    if (!name) {
        result.refusal = "Please choose another name: " + why + ".";
        return result;
    }
    if (!breath_pattern_known(h.breath)) {
        result.refusal = "Your breathing setting is not one this class knows.";
        return result;
    }
    if (!reading_pace_valid(h.reading_pace)) {  // the decoder checks it too; a Hello may come from elsewhere
        result.refusal = "Your reading pace setting is outside 0.5 to 2, so this class cannot use it.";
        return result;
    }
    // The same name again: a trainee coming back (their game restarted, or the network
    // dropped). A place is held by its token, which only that trainee's game was given (and
    // keeps on disk), so no one else can take it over and be reported as them.
    for (Trainee& t : trainees_) {
        if (lower(t.name) != lower(*name)) continue;
        if (h.rejoin_token != t.token) {
            result.refusal = "Someone called \"" + *name + "\" has already joined this class, and only their own "
                             "game can take that place back. If that is you on another computer, join with an "
                             "initial added to your name.";
            return result;
        }
        t.connected = true;
        if (!h.learner_id.empty()) t.learner_id = h.learner_id;
        result.trainee = t.id;
        result.rejoined = true;
        send(t.id, Welcome{t.id, t.shown_name, t.token, settings_.projector});
        send(t.id, call_info_for(t));
        send(t.id, resume_for(t));
        if (call_ < static_cast<int>(t.runs.size()) && t.runs[call_].verdict == Verdict::ended)
            send(t.id, Release{static_cast<uint16_t>(call_)});
        return result;
    }
    if (trainees_.size() >= std::min(settings_.max_trainees, kMaxClassSize)) {
        result.refusal = "This class is full (it has places for " + std::to_string(trainees_.size()) +
                         "). Ask the trainer whether you should be in it.";
        return result;
    }
    Trainee t;
    t.id = next_id_++;
    t.name = *name;
    t.shown_name = settings_.anonymous ? nickname(settings_.seed, static_cast<int>(trainees_.size())) : *name;
    Rng tokens(token_state_++);
    t.token = tokens.next() | 1;  // never 0, which means "no token"
    t.learner_id = valid_learner_id(h.learner_id) ? h.learner_id : "";
    t.breath = h.breath;
    t.breath_holds = h.breath_holds;
    t.options.breath = breath_pattern(h.breath, h.breath_holds);
    t.options.reading_pace = h.reading_pace;  // the shadow run reads at the trainee's pace
    t.week = week_start();
    trainees_.push_back(std::move(t));
    Trainee& added = trainees_.back();
    result.trainee = added.id;
    send(added.id, Welcome{added.id, added.shown_name, added.token, settings_.projector});
    send(added.id, call_info_for(added));
    if (started_) {  // a late arrival joins the call under way, from its start
        begin_run(added);
        send(added.id, resume_for(added));
    }
    return result;
}

void ClassSession::disconnected(uint32_t id) {
    if (Trainee* t = find(id)) t->connected = false;
}

bool ClassSession::still_playing(uint32_t id) const {
    const Trainee* t = trainee(id);
    if (!t || !started_) return false;
    return call_ >= static_cast<int>(t->runs.size()) || t->runs[call_].verdict == Verdict::playing;
}

void ClassSession::end_run(uint32_t id, Verdict verdict) {
    assert(verdict == Verdict::left || verdict == Verdict::unfinished);
    Trainee* t = find(id);
    if (!t || !started_) return;
    begin_run(*t);
    TraineeRun& run = t->runs[call_];
    if (run.verdict == Verdict::playing) run.verdict = verdict;
}

void ClassSession::let_go(uint32_t id) {
    if (!still_playing(id)) return;
    Trainee* t = find(id);
    begin_run(*t);
    t->runs[call_].verdict = Verdict::ended;
    send(id, Release{static_cast<uint16_t>(call_)});
}

void ClassSession::malformed_from(uint32_t id) {
    if (Trainee* t = find(id)) ++t->refused_messages;
}

void ClassSession::begin_run(Trainee& t) {
    if (static_cast<int>(t.runs.size()) <= call_) t.runs.resize(call_ + 1);
    TraineeRun& run = t.runs[call_];
    if (run.shadow) return;
    Level level = call().level;
    start_from_week(level, t.week);
    run.shadow = std::make_unique<CallRun>(CallSetup{std::move(level), call().name, call_seed(), t.options}, catalogue_);
}

std::string ClassSession::receive(uint32_t id, const Message& m) {
    Trainee* t = find(id);
    if (!t) return "a message from no trainee";
    auto refuse = [&](std::string why) {
        ++t->refused_messages;
        return why;
    };
    if (auto* s = std::get_if<RaftState>(&m)) {
        if (s->call != call_ || !started_) return refuse("a raft state for another call");
        begin_run(*t);
        t->runs[call_].live = *s;
        t->runs[call_].has_live = true;
        return "";
    }
    if (auto* in = std::get_if<Inputs>(&m)) {
        if (in->call != call_ || !started_) return refuse("inputs for another call");
        begin_run(*t);
        std::string why = take_inputs(*t, *in);
        return why.empty() ? why : refuse(why);
    }
    if (auto* f = std::get_if<Finished>(&m)) {
        if (f->call != call_ || !started_) return refuse("a result for another call");
        begin_run(*t);
        std::string why = take_finished(*t, *f);
        return why.empty() ? why : refuse(why);
    }
    if (auto* v = std::get_if<Vote>(&m)) {
        if (!settings_.projector || !vote_.open || v->call != call_ || v->node != vote_.node)
            return refuse("a vote when no vote is open");
        if (v->reply >= vote_.votes.size()) return refuse("a vote for a reply that does not exist");
        auto old = vote_.by_trainee.find(id);
        if (old != vote_.by_trainee.end()) --vote_.votes[old->second];  // a changed mind counts once
        vote_.by_trainee[id] = v->reply;
        ++vote_.votes[v->reply];
        return "";
    }
    if (std::holds_alternative<Hello>(m)) return refuse("a second hello");
    return refuse(std::string("a ") + message_name(m) + " message, which trainees do not send");
}

std::string ClassSession::take_inputs(Trainee& t, const Inputs& in) {
    TraineeRun& run = t.runs[call_];
    size_t have = run.inputs.size();
    if (in.first_tick > have) {
        // Something was lost on the way (a rate limit, a dropped connection): tell the trainee
        // where the host's copy ends, once, and it sends again from there.
        if (!run.resend_asked) send(t.id, resume_for(t));
        run.resend_asked = true;
        return "inputs with a gap (from tick " + std::to_string(in.first_tick) + ", expected " + std::to_string(have) + ")";
    }
    run.resend_asked = false;
    // After a rejoin a trainee may resend ticks the host already has; only new ones count.
    size_t skip = have - in.first_tick;
    if (skip >= in.ticks.size()) return "";
    if (have + (in.ticks.size() - skip) > static_cast<size_t>(kMaxTicks)) return "inputs past the longest call";
    for (size_t i = skip; i < in.ticks.size(); ++i) {
        run.inputs.push_back(in.ticks[i]);
        run.shadow->step(from_wire(in.ticks[i]));  // nothing once the run has ended
    }
    // A game that had finished before the trainer let it go still sends its run: it is checked.
    if (run.reported && (run.verdict == Verdict::playing || run.verdict == Verdict::ended)) judge(t, run);
    return "";
}

std::string ClassSession::take_finished(Trainee& t, const Finished& f) {
    TraineeRun& run = t.runs[call_];
    if (run.reported) return "";  // a repeat after a rejoin
    run.reported = f;
    judge(t, run);
    return "";
}

// The trainee's report against the host's own run of the same inputs. Inputs come in order on
// the reliable channel before the report, so once the shadow has reached the reported tick
// the two must agree exactly.
void ClassSession::judge(Trainee& t, TraineeRun& run) {
    const SimState& s = run.shadow->sim().state();
    if (!s.finished && s.tick < static_cast<int>(run.reported->final_tick)) return;  // inputs still coming
    bool same = s.finished && s.tick == static_cast<int>(run.reported->final_tick) &&
                run.shadow->sim().state_hash_value() == run.reported->final_hash;
    run.verdict = same ? Verdict::verified : Verdict::mismatch;
    Confirm c;
    c.call = static_cast<uint16_t>(call_);
    c.verified = same;
    c.outcome = static_cast<uint8_t>(s.outcome);
    c.score = s.finished ? run.shadow->sim().score().total : 0;
    send(t.id, c);
}

void ClassSession::start_call() {
    if (started_) return;
    started_ = true;
    paused_ = false;
    for (Trainee& t : trainees_) begin_run(t);
    send(std::nullopt, Start{static_cast<uint16_t>(call_)});
}

void ClassSession::set_paused(bool paused) {
    if (!started_ || paused_ == paused) return;
    paused_ = paused;
    send(std::nullopt, Pause{paused});
}

bool ClassSession::call_done() const {
    if (!started_) return false;
    bool any = false;
    for (const Trainee& t : trainees_) {
        if (call_ >= static_cast<int>(t.runs.size())) continue;
        any = true;
        if (t.runs[call_].verdict == Verdict::playing) return false;
    }
    return any;
}

void ClassSession::end_call() {
    for (Trainee& t : trainees_) {
        if (call_ >= static_cast<int>(t.runs.size())) continue;
        TraineeRun& run = t.runs[call_];
        if (run.verdict == Verdict::playing) run.verdict = Verdict::unfinished;
        // The week remembers what a finished call left, as the host's own run of it saw it.
        if (run.verdict == Verdict::verified && run.shadow)
            t.week = week_after(run.shadow->sim().level(), run.shadow->sim().call().vars(), t.week);
    }
}

WeekValues ClassSession::week_start() const {
    WeekValues week;
    for (const ClassCall& c : calls_) {
        for (const auto& [name, value] : c.week_start) week.emplace(name, value);
        for (const auto& [name, value] : week_defaults(c.level)) week.emplace(name, value);  // the first says
    }
    return week;
}

bool ClassSession::next_call() {
    end_call();
    if (call_ + 1 >= static_cast<int>(calls_.size())) {
        send(std::nullopt, SessionOver{});
        return false;
    }
    ++call_;
    started_ = false;
    paused_ = false;
    vote_ = RoomVote{};
    room_votes_.clear();
    for (const Trainee& t : trainees_)
        if (t.connected) send(t.id, call_info_for(t));
    return true;
}

void ClassSession::open_vote(int node) {
    vote_ = RoomVote{};
    vote_.node = node;
    vote_.open = true;
    const Level& level = call().level;
    int replies = node >= 0 && node < static_cast<int>(level.nodes.size())
                      ? static_cast<int>(level.nodes[node].replies.size()) : 0;
    vote_.votes.assign(replies, 0);
    Question q;
    q.call = static_cast<uint16_t>(call_);
    q.node = static_cast<uint16_t>(node);
    q.open = true;
    send(std::nullopt, q);
}

void ClassSession::add_hands(int reply, int count) {
    if (!vote_.open || reply < 0 || reply >= static_cast<int>(vote_.votes.size())) return;
    vote_.votes[reply] = std::max(0, vote_.votes[reply] + count);
}

int ClassSession::close_vote() {
    if (!vote_.open) return vote_.chosen;
    vote_.open = false;
    int best = 0;
    for (int i = 1; i < static_cast<int>(vote_.votes.size()); ++i)
        if (vote_.votes[i] > vote_.votes[best]) best = i;
    vote_.chosen = vote_.votes.empty() ? -1 : best;
    room_votes_[vote_.node] = vote_.votes;
    Question q;
    q.call = static_cast<uint16_t>(call_);
    q.node = static_cast<uint16_t>(vote_.node);
    q.open = false;
    q.chosen = static_cast<uint8_t>(std::max(0, vote_.chosen));
    for (int v : vote_.votes) q.votes.push_back(static_cast<uint16_t>(std::min(v, 65535)));
    send(std::nullopt, q);
    return vote_.chosen;
}

std::map<int, std::vector<int>> ClassSession::reply_spread(int call) const {
    std::map<int, std::vector<int>> spread;
    const Level& level = calls_[call].level;
    for (size_t n = 0; n < level.nodes.size(); ++n)
        if (level.nodes[n].is_question()) spread[static_cast<int>(n)].assign(level.nodes[n].replies.size(), 0);
    for (const Trainee& t : trainees_) {
        if (call >= static_cast<int>(t.runs.size()) || !t.runs[call].shadow) continue;
        for (const ChoiceRecord& c : t.runs[call].shadow->sim().call().choices()) ++spread[c.node][c.authored];
    }
    return spread;
}

}  // namespace cw::net
