// The progress screen's figures (mastery, streaks, best scores, calls to try again) and the
// replay timeline's seeking, tested headless.
#include "fixtures.hpp"
#include "play/call_run.hpp"
#include "play/progress_stats.hpp"
#include "play/replay_seek.hpp"

using namespace cw;

namespace {

Replay record_bot(const Level& level, BotPolicy policy, uint64_t seed) {
    CallRun run({level, level.path, seed, {}}, cwtest::catalogue());
    BotInput bot(policy, seed);
    run.run_to_end(bot);
    return run.replay();
}

// The oracle: a bare simulation stepping the recorded inputs straight to `tick`, not CallRun.
uint64_t hash_straight_to(const Replay& r, const Level& level, int tick) {
    Simulation straight(replay_level(r, level), cwtest::catalogue(), r.seed, replay_options(r));
    std::vector<Input> inputs = expand_inputs(r);
    for (int i = 0; i < tick && !straight.state().finished; ++i) straight.step(inputs[static_cast<size_t>(i)]);
    REQUIRE(straight.state().tick == std::min(tick, r.final_tick));
    return straight.state_hash_value();
}

Attempt attempt_at(const std::string& when, int score, const std::string& outcome, const std::string& choices,
                   const std::string& level = "shelf.toml") {
    Attempt a;
    a.level = level;
    a.title = level == "shelf.toml" ? "Shelf" : "Other";
    a.when = when;
    a.score = score;
    a.outcome = outcome;
    a.choices_json = choices;
    a.timeline_json = "[[0, 40, 80], [10, 60, 70]]";
    return a;
}

}  // namespace

TEST_CASE("replay timeline: a seek lands on the state that playing straight to that tick gives") {
    Level level = cwtest::shipped_level();
    Replay r = record_bot(level, BotPolicy::random, 11);
    REQUIRE(r.final_tick > 2000);
    CallRun view(r, level, cwtest::catalogue());

    // Forward, then back (a restart from tick 0), then forward again, then past the end.
    CHECK(view.seek(1500) == 1500);
    CHECK(view.sim().state_hash_value() == hash_straight_to(r, level, 1500));
    CHECK(view.seek(700) == 700);
    CHECK(view.restarts() == 1);
    CHECK(view.tick() == 700);
    CHECK(view.sim().state_hash_value() == hash_straight_to(r, level, 700));
    CHECK(view.seek(701) == 1);  // one tick on: no restart
    CHECK(view.restarts() == 1);
    CHECK(view.sim().state_hash_value() == hash_straight_to(r, level, 701));
    view.seek(0);
    CHECK(view.tick() == 0);
    view.seek(r.final_tick + 5000);
    CHECK(view.tick() == r.final_tick);
    CHECK(view.sim().state().finished);
    CHECK(view.sim().state_hash_value() == r.final_hash);
}

TEST_CASE("replay timeline: the seek plan steps forward and restarts only to go back") {
    CHECK(plan_seek(100, 250, 1000).restart == false);
    CHECK(plan_seek(100, 250, 1000).steps == 150);
    CHECK(plan_seek(500, 120, 1000).restart == true);
    CHECK(plan_seek(500, 120, 1000).steps == 120);
    CHECK(plan_seek(500, 500, 1000).steps == 0);
    CHECK(plan_seek(0, 5000, 1000).steps == 1000);  // clamped to the end
    CHECK(plan_seek(10, -4, 1000).steps == 0);      // and to the start
    CHECK(plan_seek(10, -4, 1000).restart == true);
    std::vector<Input> inputs(3);
    inputs[2].paddle = 1;
    CHECK(replay_input_at(inputs, 2).paddle == 1);
    CHECK(replay_input_at(inputs, 3).paddle == 0);
    CHECK(replay_input_at(inputs, -1).paddle == 0);
}

TEST_CASE("progress figures: mastery is the share of forks where a technique was on offer and used") {
    // A level with one fork: reply A listens, reply B matches the caller's tone.
    std::string toml = cwtest::forked_river(2);
    toml.replace(toml.find("techniques = [\"listen\"]", toml.find("Reply 1")), 23, "techniques = [\"match_tone\"]");
    Level level = cwtest::level_from(toml);
    auto lookup = [&](const std::string& path) -> const Level* { return path == "shelf.toml" ? &level : nullptr; };
    const std::string listened = R"([{"node":"q","reply":"A","techniques":["listen"]}])";
    const std::string snapped = R"([{"node":"q","reply":"B","techniques":["match_tone"]}])";
    const std::string breathed = R"([{"node":"q","reply":"A","techniques":["listen","breathe"]}])";
    std::vector<Attempt> attempts = {
        attempt_at("2024-05-01T09:00:00Z", 40, "hung_up", snapped),
        attempt_at("2024-05-02T09:00:00Z", 75, "resolved", listened),
        attempt_at("2024-05-03T09:00:00Z", 82, "resolved", breathed),
        attempt_at("2024-05-03T10:00:00Z", 30, "capsized", "not json", "other.toml"),
    };
    ProgressSummary s = summarise_progress(attempts, cwtest::catalogue(), lookup, "2024-05-04");

    auto find = [&](const std::string& id) -> const TechniqueMastery& {
        for (const TechniqueMastery& m : s.techniques)
            if (m.id == id) return m;
        FAIL("no mastery for " << id);
        return s.techniques.front();
    };
    const TechniqueMastery& listen = find("listen");
    CHECK(listen.share == std::vector<double>{0, 1, 1});
    CHECK(listen.attempt == std::vector<int>{0, 1, 2});
    CHECK(listen.used == 2);
    CHECK(listen.offered == 3);
    const TechniqueMastery& tone = find("match_tone");
    CHECK(tone.mistake);
    CHECK(tone.share == std::vector<double>{0, 1, 1});  // avoided in the last two
    CHECK(find("breathe").share == std::vector<double>{0, 0, 1});
    CHECK_FALSE(s.techniques.back().id == "listen");  // calm techniques before mistakes
    CHECK(s.techniques.back().mistake);
    CHECK(s.unreadable_levels == 0);  // the last attempt has no readable choices, so needs no level

    CHECK(s.calm_share == std::vector<double>{0, 1, 1, -1});
    REQUIRE(s.levels.size() == 2);
    CHECK(s.levels[0].best == 82);
    CHECK(s.levels[0].attempts == 3);
    CHECK(s.levels[0].first == 0);
    CHECK(s.levels[0].latest == 2);
    CHECK(s.try_again == std::vector<int>{1});  // the other call capsized; the shelf's latest went well
    CHECK(s.streaks.days_now == 3);             // the 1st, 2nd and 3rd, seen on the 4th
    CHECK(s.streaks.days_best == 3);
    CHECK(s.streaks.good_now == 0);             // the capsize ended the run of good calls
    CHECK(s.streaks.good_best == 2);

    ProgressSummary later = summarise_progress(attempts, cwtest::catalogue(), lookup, "2024-05-09");
    CHECK(later.streaks.days_now == 0);
    CHECK(later.streaks.days_best == 3);
    CHECK(days_between("2024-02-28", "2024-03-01") == 2);  // a leap year
    CHECK(days_between("nonsense", "2024-03-01") == 0);
}

TEST_CASE("progress figures: an empty profile and a missing level give empty figures, not a crash") {
    ProgressSummary none = summarise_progress({}, cwtest::catalogue(), nullptr, utc_today());
    CHECK(none.attempts.empty());
    CHECK(none.levels.empty());
    CHECK(none.streaks.days_now == 0);
    std::vector<Attempt> one = {attempt_at("2024-05-01T09:00:00Z", 60, "resolved",
                                           R"([{"node":"q","reply":"A","techniques":["listen"]}])")};
    ProgressSummary s = summarise_progress(one, cwtest::catalogue(), [](const std::string&) { return nullptr; },
                                           "2024-05-01");
    CHECK(s.unreadable_levels == 1);
    CHECK(s.techniques.empty());
    CHECK(s.levels.size() == 1);
    CHECK(s.streaks.days_now == 1);
    CHECK(utc_today().size() == 10);
}
