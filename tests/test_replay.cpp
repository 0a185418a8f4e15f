#include <filesystem>

#include "content/playlist_loader.hpp"
#include "content/replay_file.hpp"
#include "core/bot.hpp"
#include "core/build_id.hpp"
#include "core/replay.hpp"
#include "fixtures.hpp"
#include "play/call_run.hpp"

using namespace cw;

namespace {

Replay record(const Level& level, BotPolicy policy, uint64_t seed, uint64_t* final_hash = nullptr) {
    CallRun run({level, level.path, seed, {}}, cwtest::catalogue());
    BotInput bot(policy, seed);
    run.run_to_end(bot);
    if (final_hash) *final_hash = run.sim().state_hash_value();
    return run.replay();
}

}  // namespace

TEST_CASE("replay: every shipped level's recorded run replays to the same hash, through a file") {
    std::vector<std::string> levels = {cwtest::source_path("levels/flatpack_shelf.toml")};
    PlaylistLoad week = load_playlist_file(cwtest::source_path("levels/campaign/first_week.playlist.toml"),
                                           cwtest::catalogue());
    REQUIRE(week.ok());
    for (const auto& c : week.playlist->calls) levels.push_back(c.level);
    for (const std::string& path : levels) {
        CAPTURE(path);
        LevelLoad l = load_level_file(path, cwtest::catalogue());
        REQUIRE(l.ok());
        uint64_t hash = 0;
        Replay original = record(*l.level, BotPolicy::random, 7, &hash);
        ReplayLoad back = replay_from_json(replay_to_json(original), "r.json");
        REQUIRE_MESSAGE(back.ok(), format_problems(back.problems));
        ReplayCheck check = verify_replay(*back.replay, *l.level, cwtest::catalogue(), build_id());
        CHECK_MESSAGE(check.ok, check.message);
        CHECK(check.final_hash == hash);
    }
}

TEST_CASE("replay: another build or a changed level is refused, plainly") {
    Level level = cwtest::shipped_level();
    Replay r = record(level, BotPolicy::calm, 3);
    Replay other_build = r;
    other_build.build = "0.0.1+elsewhere";
    ReplayCheck a = verify_replay(other_build, level, cwtest::catalogue(), build_id());
    CHECK_FALSE(a.ok);
    CHECK(a.message.find("recorded by build 0.0.1+elsewhere") != std::string::npos);

    Level changed = level;
    changed.source_hash ^= 1;
    ReplayCheck b = verify_replay(r, changed, cwtest::catalogue(), build_id());
    CHECK_FALSE(b.ok);
    CHECK(b.message.find("has changed since this replay was recorded") != std::string::npos);
}

TEST_CASE("replay: a tampered input is caught at the first checksum after it") {
    Level level = cwtest::shipped_level();
    Replay r = record(level, BotPolicy::calm, 3);
    REQUIRE(r.inputs.size() > 100);
    // Flip the paddle at one change in the middle of the run.
    InputChange& c = r.inputs[r.inputs.size() / 2];
    c.input.paddle = c.input.paddle > 0 ? -1.0 : 1.0;
    ReplayCheck check = verify_replay(r, level, cwtest::catalogue(), build_id());
    CHECK_FALSE(check.ok);
    CHECK(check.first_bad_tick >= c.tick);
    CHECK(check.first_bad_tick <= c.tick + kReplayChecksumEvery);
}

TEST_CASE("replay: broken replay files get clear messages") {
    auto first = [](const std::string& text) {
        ReplayLoad l = replay_from_json(text, "bad.json");
        REQUIRE_FALSE(l.ok());
        return format_problem(l.problems[0]);
    };
    CHECK(first("{\"calmwaters_replay\": 1,\n  \"build\": ").find("bad.json:2:") == 0);
    CHECK(first("[1, 2, 3]").find("not a Calm Waters replay") != std::string::npos);
    CHECK(first("{\"calmwaters_replay\": 9}").find("format") != std::string::npos);
    // A number too big for a double overflows inside the JSON parser (found by fuzz_replay).
    CHECK(first("{\"calmwaters_replay\": 1, \"final_hash\": 9e999}").find("cannot be read") != std::string::npos);
    Replay r = record(cwtest::shipped_level(), BotPolicy::calm, 3);
    std::string text = replay_to_json(r);
    std::string bad_paddle = text;
    bad_paddle.replace(bad_paddle.find("\"inputs\":[[0,"), 13, "\"inputs\":[[0,7e300,0],[0,");
    CHECK(first(bad_paddle).find("outside -1..1") != std::string::npos);
    ReplayLoad missing = load_replay_file("/nonexistent/replay.json");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.problems[0].message == "no such file");
}
