// Class sessions without a network: the host's session and trainees' sessions joined by an
// in-memory wire that still encodes and decodes every message, so the rules are tested alone.
#include "fixtures.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/bot.hpp"
#include "net/class_debrief.hpp"
#include "net/class_records.hpp"
#include "net/class_report.hpp"
#include "net/class_session.hpp"
#include "net/trainee_session.hpp"

using namespace cw::net;

namespace {

const char* kBuild = "test-build";

ClassSession make_session(const std::string& level_text, SessionSettings settings = {}) {
    ClassCall call;
    call.name = "fork.toml";
    call.text = level_text;
    call.level = cwtest::level_from(level_text, "fork.toml");
    if (settings.code.empty()) settings.code = "RIVER";
    settings.build = kBuild;
    return ClassSession({call}, cwtest::catalogue(), settings);
}

Hello hello_from(const std::string& name, const std::string& code = "river") {
    Hello h;
    h.build = kBuild;
    h.code = code;
    h.name = name;
    return h;
}

Message through_wire(const Message& m, bool from_trainee) {
    std::vector<uint8_t> bytes = encode(m);
    Decoded d = decode(bytes.data(), bytes.size(), from_trainee);
    REQUIRE_MESSAGE(d.message, d.error);
    return *d.message;
}

// A classroom on one table: the host session, and trainees that each play with a bot.
struct Room {
    ClassSession& host;
    struct Seat {
        std::unique_ptr<TraineeSession> session;
        std::optional<uint32_t> id;
        std::unique_ptr<cw::SteeringBot> bot;
        bool connected = true;
    };
    std::vector<Seat> seats;

    int join(const std::string& name, cw::BotPolicy policy = cw::BotPolicy::calm, uint64_t seed = 1,
             uint64_t token = 0) {
        Hello h = hello_from(name);
        h.rejoin_token = token;
        Seat seat;
        seat.session = std::make_unique<TraineeSession>(cwtest::catalogue(), h);
        seat.bot = std::make_unique<cw::SteeringBot>(policy, seed);
        seats.push_back(std::move(seat));
        pump();
        return static_cast<int>(seats.size()) - 1;
    }

    // Deliver everything both ways until quiet.
    void pump() {
        for (int round = 0; round < 10; ++round) {
            bool moved = false;
            for (Seat& s : seats) {
                if (!s.connected) {
                    s.session->take_outbox();
                    continue;
                }
                for (const Message& m : s.session->take_outbox()) {
                    moved = true;
                    Message got = through_wire(m, true);
                    if (!s.id) {
                        auto* h = std::get_if<Hello>(&got);
                        REQUIRE(h);
                        ClassSession::HelloResult r = host.hello(*h);
                        if (r.trainee) s.id = r.trainee;
                        else s.session->receive(Refuse{r.refusal});
                    } else {
                        host.receive(*s.id, got);
                    }
                }
            }
            for (Outgoing& o : host.take_outbox()) {
                moved = true;
                for (Seat& s : seats)
                    if (s.connected && s.id && (!o.to || *o.to == *s.id))
                        s.session->receive(through_wire(o.message, false));
            }
            if (!moved) return;
        }
    }

    // Every seat plays `ticks` ticks (or to its end), flushing inputs as the network would.
    void play(int ticks) {
        for (int i = 0; i < ticks; ++i) {
            for (Seat& s : seats)
                if (s.session->can_step()) s.session->step(s.bot->decide(*s.session->sim()));
            if (i % 6 == 5) {
                for (Seat& s : seats) s.session->flush_inputs();
                pump();
            }
        }
        for (Seat& s : seats) s.session->flush_inputs();
        pump();
    }
    void play_to_end() { play(60 * 60 * 10); }
};

}  // namespace

TEST_CASE("class session: three trainees play a call and the host confirms each run by re-simulating it") {
    ClassSession host = make_session(cwtest::forked_river(3));
    Room room{host, {}};
    room.join("Ana", cw::BotPolicy::calm, 1);
    room.join("Ben", cw::BotPolicy::random, 2);
    room.join("Cleo", cw::BotPolicy::random, 3);
    CHECK(host.connected_count() == 3);
    for (auto& s : room.seats) CHECK(s.session->phase() == TraineePhase::lobby);

    host.start_call();
    room.pump();
    for (auto& s : room.seats) CHECK(s.session->phase() == TraineePhase::playing);
    room.play_to_end();
    REQUIRE(host.call_done());

    std::map<int, int> chosen;  // reply -> trainees
    for (auto& s : room.seats) {
        REQUIRE(s.session->phase() == TraineePhase::confirmed);
        REQUIRE(s.session->results().size() == 1);
        CHECK(s.session->results()[0].verified);
        const Trainee* t = host.trainee(*s.id);
        REQUIRE(t);
        CHECK(t->runs[0].verdict == Verdict::verified);
        // The host's copy of the run is the trainee's run, to the tick and the hash.
        CHECK(t->runs[0].shadow->sim().state_hash_value() == s.session->sim()->state_hash_value());
        REQUIRE(s.session->sim()->call().choices().size() == 1);
        ++chosen[s.session->sim()->call().choices()[0].reply];
    }
    std::vector<int> spread = host.reply_spread(0).begin()->second;
    for (auto& [reply, n] : chosen) CHECK(spread[reply] == n);

    CallDebrief d = class_debrief(host, 0);
    CHECK(d.finished == 3);
    REQUIRE(d.questions.size() == 1);
    CHECK(d.questions[0].answered == 3);
    CHECK(d.trainees.size() == 3);
}

TEST_CASE("class session: a wrong code, another build, a bad name or a taken name is refused with a reason") {
    ClassSession host = make_session(cwtest::forked_river(2));
    auto refusal = [&](Hello h) { return host.hello(h).refusal; };
    CHECK(refusal(hello_from("Ana", "WRONG")).find("code") != std::string::npos);
    Hello other = hello_from("Ana");
    other.build = "another-build";
    CHECK(refusal(other).find("different build") != std::string::npos);
    Hello old = hello_from("Ana");
    old.protocol = kProtocolVersion + 1;
    CHECK(refusal(old).find("protocol") != std::string::npos);
    CHECK(refusal(hello_from("bad\x01name")).find("control") != std::string::npos);
    CHECK(host.hello(hello_from("Ana")).trainee.has_value());
    CHECK(refusal(hello_from("ana")).find("already") != std::string::npos);  // names compare without case
    CHECK(host.connected_count() == 1);
}

TEST_CASE("class session: a trainee whose game restarts mid-call rejoins by name and finishes the same run") {
    ClassSession host = make_session(cwtest::forked_river(2));
    Room room{host, {}};
    room.join("Ana", cw::BotPolicy::calm, 1);
    room.join("Ben", cw::BotPolicy::calm, 1);
    host.start_call();
    room.pump();
    room.play(600);  // ten seconds in
    const int ticks_before = host.trainee(*room.seats[0].id)->runs[0].shadow->sim().state().tick;
    CHECK(ticks_before > 500);

    // Ana's game dies: no goodbye, and everything it had not sent is lost.
    uint64_t token = room.seats[0].session->welcome()->rejoin_token;
    room.seats[0].connected = false;
    host.disconnected(*room.seats[0].id);
    room.play(300);
    // She comes back with the same name (her token was kept on disk).
    int again = room.join("Ana", cw::BotPolicy::calm, 1, token);
    room.seats[again].session->take_outbox();
    CHECK(room.seats[again].id == room.seats[0].id);
    CHECK(room.seats[again].session->sim()->state().tick == ticks_before);  // picked up where the host left off
    CHECK(room.seats[again].session->phase() == TraineePhase::playing);
    room.play_to_end();
    const Trainee* ana = host.trainee(*room.seats[again].id);
    CHECK(ana->runs[0].verdict == Verdict::verified);
    CHECK(room.seats[again].session->results().at(0).verified);
    CHECK(host.trainees().size() == 2);
}

TEST_CASE("class session: a place is held by its token: after a trainee's game dies, no one else takes it") {
    ClassSession host = make_session(cwtest::forked_river(2));
    ClassSession::HelloResult first = host.hello(hello_from("Ana"));
    REQUIRE(first.trainee);
    uint64_t token = 0;
    for (const Outgoing& o : host.take_outbox())
        if (auto* w = std::get_if<Welcome>(&o.message)) token = w->rejoin_token;
    REQUIRE(token != 0);
    host.disconnected(*first.trainee);  // Ana's game is killed

    auto with_token = [](uint64_t t) {
        Hello h = hello_from("ana");
        h.rejoin_token = t;
        return h;
    };
    for (uint64_t guess : {uint64_t{0}, token ^ 2, token + 2}) {
        ClassSession::HelloResult impostor = host.hello(with_token(guess));
        CHECK_FALSE(impostor.trainee);
        CHECK(impostor.refusal.find("only their own game can take that place back") != std::string::npos);
    }
    CHECK(host.connected_count() == 0);
    ClassSession::HelloResult back = host.hello(with_token(token));
    REQUIRE(back.trainee);
    CHECK(*back.trainee == *first.trainee);
    CHECK(host.trainees().size() == 1);
}

TEST_CASE("class session: a result that does not match the host's re-run is marked, not believed") {
    ClassSession host = make_session(cwtest::forked_river(2));
    uint32_t id = *host.hello(hello_from("Mallory")).trainee;
    host.start_call();
    host.take_outbox();
    // Claims a perfect finish at tick 100 with inputs that cannot reach an ending by then.
    Inputs in;
    in.call = 0;
    in.first_tick = 0;
    in.ticks.assign(100, WireInput{0, false});
    CHECK(host.receive(id, in).empty());
    CHECK(host.receive(id, Finished{0, 100, 0xBADull, 1, 100}).empty());
    CHECK(host.trainee(id)->runs[0].verdict == Verdict::mismatch);
    std::vector<Outgoing> out = host.take_outbox();
    REQUIRE(out.size() == 1);
    const Confirm& c = std::get<Confirm>(out[0].message);
    CHECK_FALSE(c.verified);
    CHECK(c.score == 0);  // the host's own run has not ended, so there is no score to give

    // A report that arrives before its inputs waits for them, then is judged on them.
    uint32_t early = *host.hello(hello_from("Early")).trainee;
    host.take_outbox();
    CHECK(host.receive(early, Finished{0, 50, 1, 1, 90}).empty());
    CHECK(host.trainee(early)->runs[0].verdict == Verdict::playing);
    in.ticks.assign(50, WireInput{});
    CHECK(host.receive(early, in).empty());
    CHECK(host.trainee(early)->runs[0].verdict == Verdict::mismatch);
}

TEST_CASE("class session: lost inputs are asked for again, and messages a trainee may not send change nothing") {
    ClassSession host = make_session(cwtest::forked_river(2));
    uint32_t id = *host.hello(hello_from("Ana")).trainee;
    host.start_call();
    host.take_outbox();
    Inputs gap;
    gap.call = 0;
    gap.first_tick = 30;  // ticks 0..29 never arrived
    gap.ticks.assign(6, WireInput{});
    CHECK(host.receive(id, gap).find("gap") != std::string::npos);
    std::vector<Outgoing> out = host.take_outbox();
    REQUIRE(out.size() == 1);
    CHECK(std::holds_alternative<Resume>(out[0].message));
    CHECK(std::get<Resume>(out[0].message).ticks.empty());

    CHECK_FALSE(host.receive(id, Welcome{}).empty());
    CHECK_FALSE(host.receive(id, hello_from("Ana")).empty());
    CHECK_FALSE(host.receive(id, Vote{0, 0, 0}).empty());  // no vote is open
    CHECK_FALSE(host.receive(999, Start{}).empty());        // no such trainee
    Inputs late;
    late.call = 1;
    late.ticks.assign(1, WireInput{});
    CHECK_FALSE(host.receive(id, late).empty());
    CHECK(host.trainee(id)->refused_messages == 5);
    CHECK(host.trainee(id)->runs[0].inputs.empty());
}

TEST_CASE("class session: a paused class stops every trainee's river") {
    ClassSession host = make_session(cwtest::forked_river(2));
    Room room{host, {}};
    room.join("Ana");
    host.start_call();
    room.pump();
    room.play(60);
    host.set_paused(true);
    room.pump();
    CHECK_FALSE(room.seats[0].session->can_step());
    int tick = room.seats[0].session->sim()->state().tick;
    room.play(120);
    CHECK(room.seats[0].session->sim()->state().tick == tick);
    host.set_paused(false);
    room.pump();
    room.play(60);
    CHECK(room.seats[0].session->sim()->state().tick == tick + 60);
}

TEST_CASE("class session: projector mode takes the room's majority, hands and votes together") {
    SessionSettings settings;
    settings.projector = true;
    ClassSession host = make_session(cwtest::forked_river(3), settings);
    Room room{host, {}};
    for (const char* n : {"Ana", "Ben", "Cleo"}) room.join(n);
    CHECK(room.seats[0].session->projector());
    host.start_call();
    host.open_vote(host.call().level.node_index("q"));
    room.pump();
    REQUIRE(room.seats[0].session->question());
    room.seats[0].session->vote(2);
    room.seats[1].session->vote(2);
    room.seats[2].session->vote(0);
    room.seats[2].session->vote(1);  // a changed mind counts once
    room.pump();
    CHECK(host.vote().votes == std::vector<int>{0, 1, 2});
    host.add_hands(1, 4);  // four hands in the room for B
    CHECK(host.close_vote() == 1);
    room.pump();
    CHECK_FALSE(room.seats[0].session->question()->open);
    CHECK(room.seats[0].session->question()->chosen == 1);
    CHECK(room.seats[0].session->question()->votes == std::vector<uint16_t>{0, 5, 2});
}

TEST_CASE("class session: anonymous mode gives forty different friendly nicknames") {
    std::set<std::string> names;
    for (int i = 0; i < 40; ++i) names.insert(nickname(7, i));
    CHECK(names.size() == 40);
    CHECK(nickname(7, 3) == nickname(7, 3));
    SessionSettings settings;
    settings.anonymous = true;
    ClassSession host = make_session(cwtest::forked_river(2), settings);
    uint32_t id = *host.hello(hello_from("Real Name")).trainee;
    CHECK(host.trainee(id)->shown_name != "Real Name");
    CHECK(class_html(host, "now").find("Real Name") == std::string::npos);  // the projected page never names
}

TEST_CASE("class report: CSV, HTML and xAPI hold every trainee, escaped") {
    ClassSession host = make_session(cwtest::forked_river(2));
    Room room{host, {}};
    room.join("<b>Ana</b>");
    room.join("=SUM(A1)");
    host.start_call();
    room.pump();
    room.play_to_end();
    std::string csv = class_csv(host);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 3);
    CHECK(csv.find("'=SUM(A1)") != std::string::npos);
    CHECK(csv.find(",verified,") != std::string::npos);
    std::string html = class_html(host, "2026-11-23T10:00:00Z");
    CHECK(html.find("<b>Ana</b>") == std::string::npos);
    CHECK(html.find("&lt;b&gt;Ana&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("http") == html.find("http://www.w3.org/2000/svg"));  // nothing fetched from a network
    // The saved statements are those the host sends a record store: each trainee's call from
    // initialized to terminated, the names kept as data (JSON escapes them itself).
    auto xapi = nlohmann::json::parse(class_xapi(host, "urn:calmwaters:class:TEST", "reg-1", 1796300000));
    std::map<std::string, std::vector<std::string>> verbs;  // learner -> verbs, in order
    for (const auto& st : xapi) {
        verbs[st["actor"]["name"]].push_back(st["verb"]["display"]["en-US"]);
        CHECK(st["actor"]["account"]["homePage"] == "urn:calmwaters:class:TEST");
        CHECK(st["context"]["registration"] == "reg-1");
        if (st["verb"]["display"]["en-US"] == "passed" || st["verb"]["display"]["en-US"] == "failed") {
            CHECK(st["result"]["score"]["max"] == 100);
            CHECK(st["result"]["extensions"]["urn:calmwaters:result-check"] == "verified");
        }
    }
    REQUIRE(verbs.size() == 2);
    for (const auto& [name, said] : verbs) {
        CHECK((name == "<b>Ana</b>" || name == "=SUM(A1)"));
        CHECK(said.front() == "initialized");
        CHECK(std::count(said.begin(), said.end(), "completed") == 1);
        CHECK(said.back() == "terminated");
    }
}

TEST_CASE("class session: the trainer ends the call for the one trainee holding the class") {
    ClassSession host = make_session(cwtest::forked_river(2));
    Room room{host, {}};
    room.join("Ana", cw::BotPolicy::calm, 1);
    room.join("Ben", cw::BotPolicy::calm, 2);
    host.start_call();
    room.pump();
    room.play(600);
    // Ben steps away from his desk: his river waits, Ana finishes.
    Room::Seat ben = std::move(room.seats[1]);
    room.seats.pop_back();
    room.play_to_end();
    CHECK_FALSE(host.call_done());
    const uint32_t ben_id = *ben.id;
    CHECK(host.still_playing(ben_id));

    host.let_go(*room.seats[0].id);  // Ana has finished: nothing to end
    CHECK(host.trainee(*room.seats[0].id)->runs[0].verdict == Verdict::verified);
    host.let_go(ben_id);
    CHECK(host.trainee(ben_id)->runs[0].verdict == Verdict::ended);
    CHECK(host.call_done());

    // His game is told, stops, and keeps no result for the call.
    room.seats.push_back(std::move(ben));
    room.pump();
    TraineeSession& bens = *room.seats[1].session;
    CHECK(bens.phase() == TraineePhase::released);
    CHECK_FALSE(bens.can_step());
    REQUIRE(bens.results().size() == 1);
    CHECK(bens.results()[0].ended_by_trainer);
    CHECK(bens.results()[0].score == 0);

    // The reports say who ended it, in every format.
    CHECK(class_csv(host).find(",ended,") != std::string::npos);
    CHECK(class_html(host, "2026-12-03T10:00:00Z").find("ended by the trainer") != std::string::npos);
    // Ben's record: begun and ended without being completed, the check saying the trainer ended it.
    auto xapi = nlohmann::json::parse(class_xapi(host, "urn:calmwaters:class:TEST", "reg-1", 1796300000));
    std::vector<std::string> bens_verbs;
    for (const auto& st : xapi) {
        if (st["actor"]["name"] != "Ben") continue;
        bens_verbs.push_back(st["verb"]["display"]["en-US"]);
        if (st["verb"]["display"]["en-US"] == "terminated")
            CHECK(st["result"]["extensions"]["urn:calmwaters:result-check"] == "ended");
    }
    REQUIRE(bens_verbs.size() >= 2);
    CHECK(bens_verbs.front() == "initialized");
    CHECK(bens_verbs.back() == "terminated");
    CHECK(std::count(bens_verbs.begin(), bens_verbs.end(), "completed") == 0);

    // If his game restarts and comes back with its token, it is told again.
    uint64_t token = bens.welcome()->rejoin_token;
    room.seats[1].connected = false;
    host.disconnected(ben_id);
    int again = room.join("Ben", cw::BotPolicy::calm, 2, token);
    CHECK(room.seats[again].session->phase() == TraineePhase::released);
    CHECK(host.trainee(ben_id)->runs[0].verdict == Verdict::ended);
}

TEST_CASE("class session: a game that had finished when the trainer let it go keeps its checked result") {
    ClassSession host = make_session(cwtest::forked_river(2));
    Room room{host, {}};
    room.join("Ana", cw::BotPolicy::calm, 1);
    host.start_call();
    room.pump();
    // Ana's game finishes while its messages are still on the way...
    room.seats[0].connected = false;
    TraineeSession& ana = *room.seats[0].session;
    while (ana.can_step()) ana.step(room.seats[0].bot->decide(*ana.sim()));
    CHECK(ana.phase() == TraineePhase::finished);
    // ... and the trainer, seeing her still on the call, ends it for her.
    host.let_go(*room.seats[0].id);
    CHECK(host.trainee(*room.seats[0].id)->runs[0].verdict == Verdict::ended);
    ana.flush_inputs();
    std::vector<Message> held = ana.take_outbox();
    room.seats[0].connected = true;
    room.pump();  // the Release reaches her first: a finished game is not stopped by it
    CHECK(ana.phase() == TraineePhase::finished);
    for (const Message& m : held) host.receive(*room.seats[0].id, through_wire(m, true));
    room.pump();
    // Her run arrives and is checked: the record is the one her game kept.
    CHECK(host.trainee(*room.seats[0].id)->runs[0].verdict == Verdict::verified);
    CHECK(ana.phase() == TraineePhase::confirmed);
    REQUIRE(ana.results().size() == 1);
    CHECK_FALSE(ana.results()[0].ended_by_trainer);
    CHECK(ana.results()[0].score == ana.sim()->score().total);
}

TEST_CASE("class records: each trainee's checked run, by learner id when given; an anonymous class sends no names") {
    cw::xapi::LrsConfig config;
    config.endpoint = "https://lrs.example.com/xAPI/";
    for (bool anonymous : {false, true}) {
        SessionSettings settings;
        settings.anonymous = anonymous;
        ClassSession host = make_session(cwtest::forked_river(2), settings);
        Room room{host, {}};
        Hello ana = hello_from("Ana");
        ana.learner_id = "E1001";
        room.seats.push_back({std::make_unique<TraineeSession>(cwtest::catalogue(), ana), {},
                              std::make_unique<cw::SteeringBot>(cw::BotPolicy::calm, 1)});
        room.pump();
        room.join("Ben", cw::BotPolicy::random, 2);
        host.start_call();
        room.pump();
        room.play_to_end();
        host.end_call();
        std::vector<cw::QueuedRecord> records = class_call_records(host, 0, config, "reg-1", 1796300000);
        REQUIRE(records.size() == 10);  // two trainees, one reply each: 1 + 1 + 3
        std::set<std::string> accounts;
        for (const cw::QueuedRecord& r : records) {
            nlohmann::json s = nlohmann::json::parse(r.statement);
            accounts.insert(s["actor"]["account"]["name"].get<std::string>());
            CHECK(s["actor"].contains("name") == !anonymous);
            CHECK(s["actor"]["account"]["homePage"] == "https://lrs.example.com");
            CHECK(s["context"]["registration"] == "reg-1");
        }
        CHECK(accounts.count("E1001") == 1);
        CHECK(accounts.count(anonymous ? "anonymous:RIVER:" + host.trainees()[1].shown_name : "Ben") == 1);
        CHECK(class_call_records(host, 0, cw::xapi::LrsConfig{}, "reg-1", 0).empty());  // no store: nothing
    }
}
