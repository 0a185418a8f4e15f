// The reading pace: more time to read is a rule of the game, on the river's clock
// (core/reading_pace.hpp). A slower pace stretches the call in real time but plays it out the
// same; replays and class sessions carry the pace so a run plays back and verifies exactly.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/app_shell.hpp"
#include "app/screens.hpp"
#include "core/build_id.hpp"
#include "play/call_run.hpp"
#include "content/replay_file.hpp"
#include "core/bot.hpp"
#include "core/replay.hpp"
#include "child_process.hpp"
#include "fixtures.hpp"
#include "net/class_session.hpp"
#include "net/protocol.hpp"
#include "net/trainee_session.hpp"
#include "net/wire.hpp"

using namespace cw;

namespace {

struct PacedRun {
    Outcome outcome = Outcome::none;
    int score = 0;
    int ticks = 0;
    int jolts = 0;
    std::vector<std::pair<int, int>> replies;  // (node, reply) in order
    std::vector<int> question_ticks;           // per question: ticks between it coming up and its answer
    uint64_t hash = 0;
};

PacedRun play(const Level& level, BotPolicy policy, uint64_t seed, double pace) {
    SimOptions options;
    options.reading_pace = pace;
    Simulation sim(level, cwtest::catalogue(), seed, options);
    SteeringBot bot(policy, seed);
    PacedRun r;
    int asked_at = -1;
    size_t answered = 0;
    while (!sim.state().finished) {
        sim.step(bot.decide(sim));
        if (sim.call().choices().size() > answered) {
            answered = sim.call().choices().size();
            if (asked_at >= 0) r.question_ticks.push_back(sim.call().choices().back().tick - asked_at);
            asked_at = -1;
        }
        if (asked_at < 0 && sim.call().node().is_question()) asked_at = sim.state().tick;
    }
    r.outcome = sim.state().outcome;
    r.score = sim.score().total;
    r.ticks = sim.state().tick;
    r.jolts = sim.state().jolts;
    for (const ChoiceRecord& c : sim.call().choices()) r.replies.push_back({c.node, c.reply});
    r.hash = sim.state_hash_value();
    return r;
}

Replay record(const Level& level, uint64_t seed, double pace) {
    SimOptions options;
    options.reading_pace = pace;
    CallRun run({level, level.path, seed, options}, cwtest::catalogue());
    BotInput bot(BotPolicy::calm, seed);
    run.run_to_end(bot);
    return run.replay();
}

std::string first_problem(const std::string& text) {
    ReplayLoad l = replay_from_json(text, "paced.json");
    REQUIRE_FALSE(l.ok());
    REQUIRE_FALSE(l.problems.empty());
    return format_problem(l.problems[0]);
}

}  // namespace

TEST_CASE("reading pace: pace 2 gives the calm bot a longer call on a shipped level, with the same ending and score") {
    Level level = cwtest::shipped_level();
    for (uint64_t seed : {level.seed, uint64_t{7}}) {
        CAPTURE(seed);
        PacedRun normal = play(level, BotPolicy::calm, seed, 1.0);
        PacedRun slow = play(level, BotPolicy::calm, seed, 2.0);
        // Longer in real time: about twice the ticks.
        CHECK(slow.ticks > normal.ticks * 19 / 10);
        CHECK(slow.ticks < normal.ticks * 21 / 10);
        // The same call: the same replies, the same ending, the same score.
        CHECK(slow.outcome == normal.outcome);
        CHECK(slow.replies == normal.replies);
        CHECK(slow.score == normal.score);
        CHECK(slow.jolts == normal.jolts);
        // And the point of it: every question stays up about twice as long before it is answered.
        REQUIRE(slow.question_ticks.size() == normal.question_ticks.size());
        REQUIRE_FALSE(normal.question_ticks.empty());
        for (size_t i = 0; i < normal.question_ticks.size(); ++i) {
            CAPTURE(i);
            CHECK(slow.question_ticks[i] > normal.question_ticks[i] * 17 / 10);
        }
    }
}

TEST_CASE("reading pace: pace 1 is the game as it was, to the bit") {
    Level level = cwtest::shipped_level();
    Simulation plain(level, cwtest::catalogue(), 11);
    SteeringBot bot(BotPolicy::calm, 11);
    while (!plain.state().finished) plain.step(bot.decide(plain));
    CHECK(play(level, BotPolicy::calm, 11, 1.0).hash == plain.state_hash_value());
    CHECK(plain.reading_pace() == 1.0);
    CHECK(plain.river_time() == plain.time());
}

TEST_CASE("reading pace: rates per second run on the river's clock, so a slower pace is not a harder call") {
    // A caller who gets hotter every second, on rough water, with no forks: what matters is how
    // far down the river the raft is, not how many seconds the player has spent.
    std::string text =
        "format = 1\ntitle = \"Drift\"\nseed = 9\n"
        "[caller]\nname = \"Test\"\nissue = \"testing\"\nintensity = 40\ndrift = 0.25\n"
        "[river]\ncurrent = 2.0\npoints = [[0, 0, 20], [0, 80, 20], [0, 160, 20], [0, 240, 20]]\n"
        "[call]\nstart = \"a\"\n"
        "[[call.node]]\nid = \"a\"\nsay = \"Still waiting.\"\nseconds = 20\nhold = true\nnext = \"b\"\n"
        "[[call.node]]\nid = \"b\"\nsay = \"Well?\"\nseconds = 60\nnext = \"c\"\n"
        "[[call.node]]\nid = \"c\"\nsay = \"Fine.\"\nend = \"resolved\"\n";
    Level level = cwtest::level_from(text, "drift.toml");
    auto run = [&](double pace) {
        SimOptions o;
        o.reading_pace = pace;
        auto sim = std::make_unique<Simulation>(level, cwtest::catalogue(), 9, o);
        while (!sim->state().finished) sim->step(Input{});
        return sim;
    };
    auto normal = run(1.0), slow = run(2.0), quick = run(0.5);
    CHECK(slow->state().tick > normal->state().tick * 19 / 10);
    CHECK(quick->state().tick < normal->state().tick * 11 / 20);
    // The caller drifted (and waited on hold) over the same stretch of river, so as much.
    CHECK(slow->state().intensity == doctest::Approx(normal->state().intensity).epsilon(0.02));
    CHECK(quick->state().intensity == doctest::Approx(normal->state().intensity).epsilon(0.02));
    CHECK(slow->state().composure == doctest::Approx(normal->state().composure).epsilon(0.02));
    CHECK(slow->state().outcome == normal->state().outcome);
    // The river's clock reads the same at the end; the player's clock reads twice as long.
    CHECK(slow->river_time() == doctest::Approx(normal->river_time()).epsilon(0.03));
    CHECK(slow->time() == doctest::Approx(2.0 * normal->time()).epsilon(0.03));
}

TEST_CASE("reading pace: breathing keeps real seconds whatever the pace") {
    Level level = cwtest::shipped_level();
    SimOptions o;
    o.reading_pace = 2.0;
    Simulation sim(level, cwtest::catalogue(), 1, o);
    // A box breath is in for four real seconds at any pace: 240 ticks, then the hold.
    for (int i = 0; i < 239; ++i) sim.step(Input{0, true});
    CHECK(sim.breathing().phase() == BreathPhase::inhale);
    sim.step(Input{0, true});
    sim.step(Input{0, true});
    CHECK(sim.breathing().phase() == BreathPhase::hold_in);
}

TEST_CASE("reading pace: an invalid pace in the options counts as normal") {
    Level level = cwtest::shipped_level();
    for (double bad : {0.0, 0.49, 2.01, -1.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
        SimOptions o;
        o.reading_pace = bad;
        CHECK(Simulation(level, cwtest::catalogue(), 1, o).reading_pace() == 1.0);
    }
    CHECK(reading_pace_valid(0.5));
    CHECK(reading_pace_valid(2.0));
    CHECK_FALSE(reading_pace_valid(std::nan("")));
}

TEST_CASE("reading pace: a replay recorded at pace 1.5 keeps its pace and reproduces its checksums") {
    Level level = cwtest::shipped_level();
    Replay original = record(level, 5, 1.5);
    CHECK(original.reading_pace == 1.5);
    ReplayLoad back = replay_from_json(replay_to_json(original), "paced.json");
    REQUIRE_MESSAGE(back.ok(), format_problems(back.problems));
    CHECK(back.replay->reading_pace == 1.5);
    CHECK(replay_options(*back.replay).reading_pace == 1.5);
    ReplayCheck check = verify_replay(*back.replay, level, cwtest::catalogue(), build_id());
    CHECK_MESSAGE(check.ok, check.message);
    CHECK(check.final_hash == original.final_hash);
    CHECK(check.final_tick == original.final_tick);

    // The pace is part of what is replayed: the same inputs at another pace go elsewhere.
    Replay wrong = *back.replay;
    wrong.reading_pace = 1.0;
    ReplayCheck differs = verify_replay(wrong, level, cwtest::catalogue(), build_id());
    CHECK_FALSE(differs.ok);
    CHECK(differs.first_bad_tick >= 0);
}

TEST_CASE("reading pace: a replay from before the pace was recorded reads as the normal pace") {
    Level level = cwtest::shipped_level();
    Replay r = record(level, 3, 1.0);
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(replay_to_json(r));
    REQUIRE(j.contains("reading_pace"));
    j.erase("reading_pace");
    ReplayLoad old = replay_from_json(j.dump(), "old.json");
    REQUIRE_MESSAGE(old.ok(), format_problems(old.problems));
    CHECK(old.replay->reading_pace == 1.0);
    ReplayCheck check = verify_replay(*old.replay, level, cwtest::catalogue(), build_id());
    CHECK_MESSAGE(check.ok, check.message);

    // The fuzzer's saved replays are from before the pace too.
    ReplayLoad seed = load_replay_file(cwtest::source_path("tests/fuzz/replay/small.json"));
    REQUIRE_MESSAGE(seed.ok(), format_problems(seed.problems));
    CHECK(seed.replay->reading_pace == 1.0);
    ReplayLoad paced = load_replay_file(cwtest::source_path("tests/fuzz/replay/reading_pace.json"));
    REQUIRE_MESSAGE(paced.ok(), format_problems(paced.problems));
    CHECK(paced.replay->reading_pace == 1.5);
}

TEST_CASE("reading pace: a replay with a pace out of range, or not a number, is refused where it says so") {
    Replay r = record(cwtest::shipped_level(), 3, 1.0);
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(replay_to_json(r));
    for (nlohmann::ordered_json bad : {nlohmann::ordered_json(3), nlohmann::ordered_json(0.25),
                                       nlohmann::ordered_json(-1), nlohmann::ordered_json("fast"),
                                       nlohmann::ordered_json(nullptr)}) {
        CAPTURE(bad.dump());
        j["reading_pace"] = bad;
        std::string text = j.dump();
        std::string key = "\"reading_pace\":";
        size_t value_at = text.find(key) + key.size();
        std::string expected = "paced.json:1:" + std::to_string(value_at + 1) + ": `reading_pace` should be a number";
        std::string msg = first_problem(text);
        CHECK_MESSAGE(msg.find(expected) == 0, msg);
        CHECK(msg.find("0.5 to 2") != std::string::npos);
        CHECK(msg.find("^" + std::string(bad.dump().size() - 1, '~')) != std::string::npos);  // under the value

        // Spread over lines, as a person might write it: the line and column still point at it.
        std::string pretty = j.dump(2);
        std::string where = first_problem(pretty);
        size_t at = pretty.find(key);
        int line = 1 + static_cast<int>(std::count(pretty.begin(), pretty.begin() + static_cast<long>(at), '\n'));
        CHECK_MESSAGE(where.find("paced.json:" + std::to_string(line) + ":") == 0, where);
    }
}

TEST_CASE("reading pace: the class Hello carries it exactly, and refuses one out of range") {
    using namespace cw::net;
    Hello h;
    h.build = "b";
    h.code = "ABCD";
    h.name = "Ana";
    h.reading_pace = 1.37;
    std::vector<uint8_t> bytes = encode(h);
    Decoded d = decode(bytes.data(), bytes.size(), true);
    REQUIRE_MESSAGE(d.message, d.error);
    const Hello* got = std::get_if<Hello>(&*d.message);
    REQUIRE(got);
    CHECK(got->reading_pace == 1.37);  // to the bit: both ends simulate with it
    CHECK(got->protocol == kProtocolVersion);

    for (double bad : {0.49, 2.5, -1.0, 0.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
        CAPTURE(bad);
        Hello b = h;
        b.reading_pace = bad;
        std::vector<uint8_t> out = encode(b);
        CHECK_FALSE(decode(out.data(), out.size(), true).message);
    }
    // Cut short in the pace, or with a byte after it: refused like any other message.
    std::vector<uint8_t> cut(bytes.begin(), bytes.end() - 3);
    CHECK_FALSE(decode(cut.data(), cut.size(), true).message);
    std::vector<uint8_t> longer = bytes;
    longer.push_back(0);
    CHECK_FALSE(decode(longer.data(), longer.size(), true).message);
}

TEST_CASE("reading pace: a Hello from a game before the pace is read, then refused for its version") {
    using namespace cw::net;
    // Written by hand as version 1 wrote it: no pace after the breathing options.
    WireWriter w;
    w.u8(1);  // hello
    w.u16(1);
    w.str("test-build");
    w.str("RIVER");
    w.str("Old");
    w.u64(0);
    w.str("box");
    w.u8(1);
    Decoded d = decode(w.bytes().data(), w.bytes().size(), true);
    REQUIRE_MESSAGE(d.message, d.error);
    const Hello* old = std::get_if<Hello>(&*d.message);
    REQUIRE(old);
    CHECK(old->reading_pace == 1.0);

    ClassCall call;
    call.name = "fork.toml";
    call.text = cwtest::forked_river(3);
    call.level = cwtest::level_from(call.text, call.name);
    SessionSettings settings;
    settings.code = "RIVER";
    settings.build = "test-build";
    ClassSession host({call}, cwtest::catalogue(), settings);
    ClassSession::HelloResult r = host.hello(*old);
    CHECK_FALSE(r.trainee);
    CHECK(r.refusal.find("protocol version") != std::string::npos);

    // A Hello built in memory with a bad pace never reaches a shadow run either.
    Hello odd = *old;
    odd.protocol = kProtocolVersion;
    odd.reading_pace = 3.0;
    CHECK(host.hello(odd).refusal.find("reading pace") != std::string::npos);
}

TEST_CASE("reading pace: the class host re-runs a trainee at their pace and verifies the result") {
    using namespace cw::net;
    ClassCall call;
    call.name = "fork.toml";
    call.text = cwtest::forked_river(3);
    call.level = cwtest::level_from(call.text, call.name);
    SessionSettings settings;
    settings.code = "RIVER";
    settings.build = "test-build";
    ClassSession host({call}, cwtest::catalogue(), settings);

    struct Seat {
        std::unique_ptr<TraineeSession> session;
        std::optional<uint32_t> id;
        SteeringBot bot{BotPolicy::calm, 1};
    };
    std::vector<Seat> seats;
    for (double pace : {1.5, 1.0}) {
        Hello h;
        h.build = "test-build";
        h.code = "river";
        h.name = pace == 1.0 ? "Normal" : "Slow";
        h.reading_pace = pace;
        seats.push_back(Seat{std::make_unique<TraineeSession>(cwtest::catalogue(), h), std::nullopt});
    }
    auto wire = [](const net::Message& m, bool from_trainee) {
        std::vector<uint8_t> bytes = encode(m);
        Decoded d = decode(bytes.data(), bytes.size(), from_trainee);
        REQUIRE_MESSAGE(d.message, d.error);
        return *d.message;
    };
    auto pump = [&] {
        for (int round = 0; round < 10; ++round) {
            bool moved = false;
            for (Seat& s : seats)
                for (const net::Message& m : s.session->take_outbox()) {
                    moved = true;
                    net::Message got = wire(m, true);
                    if (!s.id) {
                        const Hello* hello = std::get_if<Hello>(&got);
                        REQUIRE(hello);
                        ClassSession::HelloResult r = host.hello(*hello);
                        REQUIRE_MESSAGE(r.trainee, r.refusal);
                        s.id = r.trainee;
                    } else {
                        host.receive(*s.id, got);
                    }
                }
            for (Outgoing& o : host.take_outbox()) {
                moved = true;
                for (Seat& s : seats)
                    if (s.id && (!o.to || *o.to == *s.id)) s.session->receive(wire(o.message, false));
            }
            if (!moved) return;
        }
    };
    pump();
    REQUIRE(host.connected_count() == 2);
    host.start_call();
    pump();
    for (int i = 0; i < 60 * 60 * 10 && !host.call_done(); ++i) {
        for (Seat& s : seats)
            if (s.session->can_step()) s.session->step(s.bot.decide(*s.session->sim()));
        if (i % 6 == 5) {
            for (Seat& s : seats) s.session->flush_inputs();
            pump();
        }
    }
    for (Seat& s : seats) s.session->flush_inputs();
    pump();
    REQUIRE(host.call_done());

    for (Seat& s : seats) {
        REQUIRE(s.session->phase() == TraineePhase::confirmed);
        REQUIRE(s.session->results().size() == 1);
        CHECK(s.session->results()[0].verified);
        const Trainee* t = host.trainee(*s.id);
        REQUIRE(t);
        CHECK(t->runs[0].verdict == Verdict::verified);
        CHECK(t->runs[0].shadow->sim().reading_pace() == s.session->sim()->reading_pace());
        CHECK(t->runs[0].shadow->sim().state_hash_value() == s.session->sim()->state_hash_value());
    }
    const Simulation& slow = *seats[0].session->sim();
    const Simulation& normal = *seats[1].session->sim();
    CHECK(slow.reading_pace() == 1.5);
    CHECK(slow.state().tick > normal.state().tick * 14 / 10);
    CHECK(slow.state().outcome == normal.state().outcome);
    CHECK(slow.score().total == normal.score().total);
}

namespace {

struct Cli {
    int code = -1;
    std::string out;  // stdout (the JSON)
    std::string all;  // stdout and stderr (the messages)
};

Cli calmwaters(const std::vector<std::string>& args) {
    cwtest::Finished f = cwtest::run_cli(args);
    return {f.code, f.out, f.all()};
}

}  // namespace

TEST_CASE("reading pace: `run --pace` plays at that pace, records it, and refuses a bad one") {
    const std::string level = cwtest::source_path("levels/flatpack_shelf.toml");
    Cli normal = calmwaters({"run", level, "--bot", "calm"});
    std::string replay = (cwtest::fresh_dir("cw_reading_pace_cli") / "slow.json").string();
    Cli slow = calmwaters({"run", level, "--bot", "calm", "--pace", "1.5", "--record", replay});
    REQUIRE_MESSAGE(normal.code == 0, normal.all);
    REQUIRE_MESSAGE(slow.code == 0, slow.all);
    auto a = nlohmann::json::parse(normal.out), b = nlohmann::json::parse(slow.out);
    CHECK(a["reading_pace"] == 1.0);
    CHECK(b["reading_pace"] == 1.5);
    CHECK(b["ticks"].get<int>() > a["ticks"].get<int>() * 14 / 10);
    CHECK(b["outcome"] == a["outcome"]);
    CHECK(b["score"] == a["score"]);

    Cli verify = calmwaters({"replay", replay, "--verify"});
    REQUIRE_MESSAGE(verify.code == 0, verify.all);
    auto v = nlohmann::json::parse(verify.out);
    CHECK(v["ok"] == true);
    CHECK(v["reading_pace"] == 1.5);
    CHECK(v["state_hash"] == b["state_hash"]);

    for (const char* bad : {"3", "0.4", "fast", "nan", "1.5x", ""}) {
        CAPTURE(bad);
        Cli refused = calmwaters({"run", level, "--bot", "calm", "--pace", bad});
        CHECK(refused.code == 2);
        CHECK(refused.all.find("--pace wants a number from 0.5 to 2") != std::string::npos);
    }
    Cli dangling = calmwaters({"run", level, "--bot", "calm", "--pace"});
    CHECK(dangling.code == 2);
    Cli join = calmwaters({"join", "127.0.0.1:1", "--code", "ABCD", "--name", "Ana", "--headless", "--pace", "9"});
    CHECK(join.code == 2);
    CHECK(join.all.find("calmwaters join: --pace") != std::string::npos);

    Cli help = calmwaters({"--help"});
    CHECK(help.all.find("--pace X") != std::string::npos);
}

namespace {

// The ticks a play screen's own run takes to the end of the call.
int ticks_played_on_screen(float text_speed) {
    AppShell shell;
    std::string error;
    REQUIRE_MESSAGE(shell.init(true, error), error);
    shell.ctx.settings.text_speed = text_speed;  // "Time to read" in Settings
    PlayOptions options;
    options.autopilot = BotPolicy::calm;
    auto play = open_play_screen(shell.ctx, cwtest::source_path("levels/flatpack_shelf.toml"), error, options);
    REQUIRE_MESSAGE(play, error);
    fast_forward(*play, PlayMoment::finished);
    const CallRun* run = running_call(*play);
    REQUIRE(run);
    CHECK(run->finished());
    return run->tick();
}

}  // namespace

TEST_CASE("reading pace: the play screen runs a call at the player's time to read") {
    int normal = ticks_played_on_screen(1.0f);
    int slow = ticks_played_on_screen(2.0f);
    REQUIRE(normal > 0);
    // The same call with every line up twice as long: about twice the ticks.
    CHECK(slow > normal * 1.8);
    CHECK(slow < normal * 2.2);
}
