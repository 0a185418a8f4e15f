// The shipped weeks, played through by the bots: they must teach every technique, be winnable
// with calm replies, survive anything, and never give the judgement away.
#include <algorithm>
#include <filesystem>
#include <set>

#include "content/playlist_loader.hpp"
#include "core/bot.hpp"
#include "fixtures.hpp"
#include "editor/solver.hpp"
#include "play/level_stats.hpp"

using namespace cw;

namespace {

Playlist week_at(const std::string& rel) {
    PlaylistLoad pl = load_playlist_file(cwtest::source_path(rel), cwtest::catalogue());
    REQUIRE_MESSAGE(pl.ok(), format_problems(pl.problems));
    return *pl.playlist;
}
Playlist first_week() { return week_at("levels/campaign/first_week.playlist.toml"); }
Playlist second_week() { return week_at("levels/week2/second_week.playlist.toml"); }

// Every shipped call once: the lone shelf (unless a week plays it), then both weeks in order.
std::vector<std::string> shipped_calls() {
    std::vector<std::string> paths;
    for (const Playlist& week : {first_week(), second_week()})
        for (const PlaylistEntry& c : week.calls)
            paths.push_back(std::filesystem::path(c.level).lexically_normal().string());
    const std::string shelf = std::filesystem::path(cwtest::source_path("levels/flatpack_shelf.toml")).lexically_normal().string();
    if (std::find(paths.begin(), paths.end(), shelf) == paths.end()) paths.insert(paths.begin(), shelf);
    return paths;
}

Level level_at(const std::string& path) {
    LevelLoad l = load_level_file(path, cwtest::catalogue());
    REQUIRE_MESSAGE(l.ok(), format_problems(l.problems));
    return *l.level;
}

struct Played {
    Outcome outcome;
    int score;
    size_t replies;
    std::optional<Grade> ending_grade;  // the level's judgement of where the call ended
};

Played play(const Level& level, BotPolicy policy, uint64_t seed) {
    Simulation sim(level, cwtest::catalogue(), seed);
    SteeringBot bot(policy, seed);
    while (!sim.state().finished) sim.step(bot.decide(sim));
    std::optional<Grade> ending;
    if (sim.call().node().is_end() && sim.call().node().end == sim.state().outcome) ending = sim.call().node().ending_grade;
    return {sim.state().outcome, sim.score().total, sim.call().choices().size(), ending};
}

}  // namespace

TEST_CASE("campaign levels: the first week has at least eight calls, the second ten, each over five days") {
    for (auto [week, least] : {std::pair{first_week(), size_t{8}}, std::pair{second_week(), size_t{10}}}) {
        CAPTURE(week.title);
        CHECK(week.calls.size() >= least);
        std::set<std::string> days;
        for (const auto& c : week.calls) days.insert(c.day);
        CHECK(days.size() == 5);
    }
    CHECK(first_week().id != second_week().id);  // progress is kept per week
}

TEST_CASE("campaign levels: calm replies reach an ending the level grades well, on every seed") {
    const std::vector<std::string> paths = shipped_calls();
    for (const std::string& path : paths) {
        CAPTURE(path);
        Level level = level_at(path);
        REQUIRE(level.format == 2);  // every shipped call is graded by hand
        for (uint64_t seed : {level.seed, uint64_t{1}, uint64_t{2}, uint64_t{3}, uint64_t{4}, uint64_t{5}}) {
            CAPTURE(seed);
            Played calm = play(level, BotPolicy::calm, seed);
            Played worst = play(level, BotPolicy::worst, seed);
            // The level's own judgement of the ending: the one not ready to be helped hangs up
            // well handled, the abusive one is ended under policy, the manager's call escalates.
            REQUIRE(calm.ending_grade);
            CHECK((*calm.ending_grade == Grade::best || *calm.ending_grade == Grade::good));
            CHECK(calm.score >= kCalmBotAtLeast);
            CHECK(worst.score <= kWorstBotAtMost);
        }
    }
}

namespace {
// The check --stats limits over `paths` (seeds: 1, so the bots' part is the other test's).
void check_judgement_hidden(const std::vector<std::string>& paths, std::vector<LevelStats>& all) {
    int questions = 0, longest = 0, tempting = 0, by_channel[4] = {0, 0, 0, 0};
    for (const std::string& path : paths) {
        all.push_back(level_stats(level_at(path), cwtest::catalogue(), 1));
        for (const QuestionStats& q : all.back().questions) {
            ++questions;
            longest += q.best_is_longest;
            tempting += q.tempting_wrong;
            REQUIRE(q.best_channel >= 0);  // every question has a best reply
            ++by_channel[q.best_channel];
        }
    }
    REQUIRE(questions > 30);
    CHECK(longest <= kMaxShareBestLongest * questions);
    for (int n : by_channel) CHECK(n <= kMaxShareBestInOneChannel * questions);
    CHECK(tempting >= kMinShareTemptingWrong * questions);
}
}  // namespace

TEST_CASE("campaign levels: the judgement does not give itself away (check --stats limits), in each week") {
    std::vector<LevelStats> all;
    check_judgement_hidden(shipped_calls(), all);
    std::vector<std::string> week2;
    for (const PlaylistEntry& c : second_week().calls) week2.push_back(c.level);
    std::vector<LevelStats> second;
    check_judgement_hidden(week2, second);
    // No caller says what another call's caller says (seven words running).
    for (const SharedSpeech& sh : shared_caller_speech(all, kSharedSpeechWords))
        FAIL_CHECK(sh.path_a << " (" << sh.node_a << ") and " << sh.path_b << " (" << sh.node_b << ") both say \""
                             << sh.words << "\"");
}

TEST_CASE("campaign levels: every call has a policy card, the caller's side of every reply and a prompt at every question") {
    for (const std::string& path : shipped_calls()) {
        CAPTURE(path);
        Level level = level_at(path);
        CHECK_FALSE(level.policy.empty());
        CHECK_FALSE(level.policy.verify.empty());
        for (const Node& n : level.nodes) {
            CAPTURE(n.id);
            if (n.is_question()) CHECK_FALSE(n.discuss.empty());
            for (const Reply& r : n.replies) {
                CAPTURE(r.text);
                CHECK_FALSE(r.caller_thinks.empty());
                if (r.grade == Grade::slip || r.grade == Grade::trap) CHECK_FALSE(r.feedback.empty());
            }
        }
    }
}

TEST_CASE("campaign levels: every call is proved steerable under every arrangement and persona" * cwtest::slow()) {
    const std::vector<std::string> paths = shipped_calls();
    for (const std::string& path : paths) {
        CAPTURE(path);
        Level level = level_at(path);
        SolveResult r = solve_level(level, cwtest::catalogue());
        CHECK_FALSE(r.capped);
        CHECK(r.shuffled);
        for (const SolvedPath& p : r.paths) {
            CAPTURE(p.persona);
            if (p.failed_at) CAPTURE(p.failed_at->reason + " with " + p.failed_at->arrangement);
            CHECK(p.steerable);
        }
    }
}

TEST_CASE("campaign levels: every call survives random replies on several seeds") {
    for (const std::string& path : shipped_calls()) {
        Level level = level_at(path);
        for (uint64_t seed = 1; seed <= 4; ++seed) {
            CAPTURE(path);
            CAPTURE(seed);
            Played r = play(level, BotPolicy::random, seed);
            CHECK(r.outcome != Outcome::timed_out);
            CHECK(r.outcome != Outcome::none);
        }
    }
}

TEST_CASE("campaign levels: the caller who is not ready hangs up on every path") {
    bool found = false;
    for (const PlaylistEntry& c : first_week().calls) {
        Level level = level_at(c.level);
        if (level.caller.persona != "not_ready") continue;
        found = true;
        for (const Node& n : level.nodes)
            if (n.is_end()) CHECK_MESSAGE(n.end == Outcome::hung_up, n.id);
    }
    CHECK(found);
}

TEST_CASE("campaign levels: every technique is the right reply somewhere, every mistake a temptation") {
    const Catalogue& cat = cwtest::catalogue();
    std::set<std::string> right, tempting;
    for (const PlaylistEntry& c : first_week().calls) {
        Level level = level_at(c.level);
        for (const Node& n : level.nodes) {
            if (!n.is_question()) continue;
            int best = -100;
            for (const Reply& r : n.replies) best = std::max(best, reply_quality(r, cat));
            for (const Reply& r : n.replies)
                for (const auto& id : r.techniques) {
                    const Technique* t = cat.find(id);
                    if (t && t->kind == TechniqueKind::in_call && reply_quality(r, cat) == best) right.insert(id);
                    if (t && t->kind == TechniqueKind::anti_pattern) tempting.insert(id);
                }
        }
    }
    for (const Technique& t : cat.techniques) {
        CAPTURE(t.id);
        if (t.kind == TechniqueKind::in_call) CHECK(right.count(t.id) == 1);
        if (t.kind == TechniqueKind::anti_pattern) CHECK(tempting.count(t.id) == 1);
    }
}
