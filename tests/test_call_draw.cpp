// Callers who vary: the run's seed draws the persona, each line's wording and the channel each
// reply lies on. The same seed must draw the same call everywhere (replays, the class host, every
// trainee), and different seeds must really differ.
#include <set>

#include "core/build_id.hpp"
#include "core/call_draw.hpp"
#include "fixtures.hpp"
#include "net/sample_class.hpp"
#include "play/call_run.hpp"
#include "play/play_seed.hpp"

using namespace cw;

namespace {

// A call whose caller may be one of three people, whose opening line has three wordings, and
// whose one question lays four replies on a four-channel fork.
std::string varied_call() {
    std::string replies;
    const char* grades[] = {"best", "good", "slip", "trap"};
    for (int i = 0; i < 4; ++i)
        replies += "[[call.node.reply]]\ntext = \"Reply " + std::to_string(i) + "\"\ngrade = \"" + grades[i] +
                   "\"\ntechniques = [\"listen\"]\nnext = \"end\"\n";
    return "format = 2\ntitle = \"Varied\"\nseed = 3\n"
           "[caller]\nname = \"Test\"\nissue = \"testing\"\nintensity = 40\n"
           "personas = [\"everyday\", \"in_a_hurry\", \"needs_to_be_heard\"]\n"
           "[river]\ncurrent = 2.0\n"
           "points = [[0, 0, 30], [0, 60, 30], [0, 90, 52], [0, 150, 52], [0, 180, 30], [0, 260, 30]]\n"
           "[[river.fork]]\nid = \"f\"\nat = 95\nlength = 45\nchannels = 4\nisland = 3\n"
           "[call]\nstart = \"hi\"\n"
           "[[call.node]]\nid = \"hi\"\nsay = [\"First way.\", \"Second way.\", \"Third way.\"]\nnext = \"q\"\n"
           "[[call.node]]\nid = \"q\"\nsay = \"Which?\"\nfork = \"f\"\n" + replies +
           "[[call.node]]\nid = \"end\"\nsay = \"Fine.\"\nend = \"resolved\"\n";
}

std::string draw_key(const CallDraw& d) {
    std::string k = d.persona + "/" + std::to_string(d.variant[0]) + "/";
    for (int r : d.arrangement[1]) k += std::to_string(r);
    return k;
}

}  // namespace

TEST_CASE("call draw: the same seed draws the same call, other seeds other ones") {
    Level level = cwtest::level_from(varied_call());
    CHECK(level.shuffle);  // format 2 shuffles unless told not to
    CHECK(draw_key(draw_call(level, 11)) == draw_key(draw_call(level, 11)));
    std::set<std::string> personas, wordings, orders;
    for (uint64_t seed = 1; seed <= 40; ++seed) {
        CallDraw d = draw_call(level, seed);
        personas.insert(d.persona);
        wordings.insert(std::to_string(d.variant[0]));
        std::string order;
        for (int r : d.arrangement[1]) order += std::to_string(r);
        orders.insert(order);
        // Every reply is laid on exactly one channel.
        std::vector<int> sorted = d.arrangement[1];
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == std::vector<int>{0, 1, 2, 3});
    }
    CHECK(personas.size() == 3);
    CHECK(wordings.size() == 3);
    CHECK(orders.size() >= 10);  // of the 24 orders four replies can take
    // The best reply lands in every channel over those seeds.
    std::set<int> best_channels;
    for (uint64_t seed = 1; seed <= 40; ++seed) {
        Level played = apply_draw(level, draw_call(level, seed));
        for (size_t c = 0; c < 4; ++c)
            if (played.nodes[1].replies[c].grade == Grade::best) best_channels.insert(static_cast<int>(c));
    }
    CHECK(best_channels.size() == 4);

    // With `shuffle = false` the written order stays.
    Level kept = cwtest::level_from("shuffle = false\n" + varied_call());
    for (uint64_t seed = 1; seed <= 10; ++seed) CHECK(draw_call(kept, seed).arrangement[1] == std::vector<int>{0, 1, 2, 3});
}

TEST_CASE("call draw: a shuffled call's run reports the persona, the channel and the reply, and its replay verifies") {
    Level level = cwtest::level_from(varied_call());
    CallRun run({level, "varied.toml", 7, {}}, cwtest::catalogue());
    BotInput calm(BotPolicy::calm, 7);
    run.run_to_end(calm);
    nlohmann::ordered_json report = run.report();
    CHECK(report["persona"] == draw_call(level, 7).persona);
    REQUIRE(report["choices"].size() == 1);
    CHECK(report["choices"][0]["reply"] == "A");  // the best is written first...
    CHECK(report["choices"][0]["grade"] == "best");
    const int channel = report["choices"][0]["channel"].get<std::string>()[0] - 'A';
    CHECK(draw_call(level, 7).arrangement[1][static_cast<size_t>(channel)] == 0);  // ...and lay where the seed put it
    ReplayCheck check = verify_replay(run.replay(), level, cwtest::catalogue(), build_id());
    CHECK_MESSAGE(check.ok, check.message);
}

TEST_CASE("call draw: every trainee of a class gets the same draw as the host's check") {
    std::string text = varied_call();
    Level level = cwtest::level_from(text);
    net::ClassCall call{"varied.toml", text, level};
    net::SessionSettings settings;
    settings.code = "ABCD";
    settings.build = build_id();
    net::ClassSession session({call}, cwtest::catalogue(), settings);
    net::SampleClass sample(session, cwtest::catalogue(), 3);
    session.start_call();
    for (int t = 0; t < 60 * 60 * 4; t += 6) sample.step(6);
    std::set<std::string> seen;
    for (const net::Trainee& t : session.trainees()) {
        REQUIRE(t.runs.size() == 1);
        const Simulation& host_run = t.runs[0].shadow->sim();
        std::string key = host_run.level().caller.persona + "/" + host_run.level().nodes[0].say + "/";
        for (const Reply& r : host_run.level().nodes[1].replies) key += std::to_string(r.authored);
        seen.insert(key);
        CHECK(t.runs[0].verdict == net::Verdict::verified);  // the trainee's run matched the host's
    }
    CHECK(seen.size() == 1);
}

TEST_CASE("call draw: a player's first go is the level's own draw, each later go another one") {
    Level level = cwtest::level_from(varied_call());
    CHECK(seed_for_go(level.seed, 0) == level.seed);
    std::set<uint64_t> seeds;
    std::set<std::vector<int>> arrangements;
    for (int go = 0; go < 8; ++go) {
        seeds.insert(seed_for_go(level.seed, go));
        arrangements.insert(draw_call(level, seed_for_go(level.seed, go)).arrangement[1]);
        CHECK(seed_for_go(level.seed, go) == seed_for_go(level.seed, go));  // counted, so reproducible
    }
    CHECK(seeds.size() == 8);
    CHECK(arrangements.size() >= 3);  // a retry does not lay the replies out as last time
}

TEST_CASE("call draw: a class draws each call from its session, and a new class draws afresh") {
    std::string text = varied_call();
    Level level = cwtest::level_from(text);
    net::ClassCall call{"varied.toml", text, level};
    auto seed_of = [&](uint64_t session_seed) {
        net::SessionSettings settings;
        settings.code = "ABCD";
        settings.build = build_id();
        settings.seed = session_seed;
        net::ClassSession session({call, call}, cwtest::catalogue(), settings);
        net::SampleClass sample(session, cwtest::catalogue(), 1);
        session.start_call();
        sample.step(60);
        REQUIRE(session.trainees().size() == 1);
        REQUIRE(session.trainees()[0].runs.size() == 1);
        CHECK(session.trainees()[0].runs[0].shadow->sim().seed() == session.call_seed());
        return session.call_seed();
    };
    CHECK(seed_of(7) == seed_of(7));
    CHECK(seed_of(7) != seed_of(8));
    CHECK(seed_for_class_call(7, 0) != seed_for_class_call(7, 1));
}
