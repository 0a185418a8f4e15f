// The shipped first week, played through by the bots: it must teach every technique, be
// winnable with calm replies, and survive anything.
#include <set>

#include "content/playlist_loader.hpp"
#include "core/bot.hpp"
#include "fixtures.hpp"

using namespace cw;

namespace {

Playlist first_week() {
    PlaylistLoad pl = load_playlist_file(cwtest::source_path("levels/campaign/first_week.playlist.toml"),
                                         cwtest::catalogue());
    REQUIRE_MESSAGE(pl.ok(), format_problems(pl.problems));
    return *pl.playlist;
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
};

Played play(const Level& level, BotPolicy policy, uint64_t seed) {
    Simulation sim(level, cwtest::catalogue(), seed);
    SteeringBot bot(policy, seed);
    while (!sim.state().finished) sim.step(bot.decide(sim));
    return {sim.state().outcome, sim.score().total, sim.call().choices().size()};
}

}  // namespace

TEST_CASE("campaign levels: the first week has at least eight calls over five days") {
    Playlist week = first_week();
    CHECK(week.calls.size() >= 8);
    std::set<std::string> days;
    for (const auto& c : week.calls) days.insert(c.day);
    CHECK(days.size() == 5);
}

TEST_CASE("campaign levels: every call is won (or, for the caller not ready, well played) with calm replies") {
    for (const PlaylistEntry& c : first_week().calls) {
        CAPTURE(c.level);
        Level level = level_at(c.level);
        Played calm = play(level, BotPolicy::calm, level.seed);
        Played worst = play(level, BotPolicy::worst, level.seed);
        if (level.caller.persona == "not_ready") {
            CHECK(calm.outcome == Outcome::hung_up);
            CHECK(calm.score >= 70);
        } else {
            CHECK((calm.outcome == Outcome::resolved || calm.outcome == Outcome::follow_up ||
                   calm.outcome == Outcome::escalated));
            CHECK(calm.score >= 80);
        }
        CHECK(calm.score > worst.score + 20);
    }
}

TEST_CASE("campaign levels: every call survives random replies on several seeds") {
    for (const PlaylistEntry& c : first_week().calls) {
        Level level = level_at(c.level);
        for (uint64_t seed = 1; seed <= 4; ++seed) {
            CAPTURE(c.level);
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
