#include "core/bot.hpp"
#include "fixtures.hpp"

using namespace cw;

namespace {
struct Result {
    Outcome outcome;
    int score;
    double composure_min;
    size_t replies;
};
Result play(BotPolicy policy, uint64_t seed) {
    Level level = cwtest::shipped_level();
    Simulation sim(level, cwtest::catalogue(), seed);
    SteeringBot bot(policy, seed);
    while (!sim.state().finished) sim.step(bot.decide(sim));
    return {sim.state().outcome, sim.score().total, sim.state().composure_min, sim.call().choices().size()};
}
}  // namespace

TEST_CASE("end to end: the shipped level is won with calm replies") {
    Result calm = play(BotPolicy::calm, 11);
    CHECK(calm.outcome == Outcome::resolved);
    CHECK(calm.replies == 3);
    CHECK(calm.score >= 80);
    CHECK(calm.composure_min > 50);
}

TEST_CASE("end to end: the shipped level is lost with reactive replies") {
    Result worst = play(BotPolicy::worst, 11);
    CHECK(worst.outcome == Outcome::hung_up);
    CHECK(worst.score < play(BotPolicy::calm, 11).score - 30);
}

TEST_CASE("end to end: random replies always reach an ending") {
    for (uint64_t seed : {1u, 2u, 3u, 4u, 5u, 6u}) {
        CAPTURE(seed);
        Result r = play(BotPolicy::random, seed);
        CHECK(r.outcome != Outcome::none);
        CHECK(r.outcome != Outcome::timed_out);
        CHECK(r.outcome != Outcome::capsized);
        CHECK(r.replies >= 2);
    }
}
