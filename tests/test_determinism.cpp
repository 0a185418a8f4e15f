#include "core/bot.hpp"
#include "fixtures.hpp"

using namespace cw;

namespace {
std::pair<std::string, int> play(const Level& level, BotPolicy policy, uint64_t seed) {
    Simulation sim(level, cwtest::catalogue(), seed);
    SteeringBot bot(policy, seed);
    while (!sim.state().finished) sim.step(bot.decide(sim));
    return {sim.state_hash(), sim.state().tick};
}
}  // namespace

TEST_CASE("determinism: same level, seed and inputs give the same run") {
    Level level = cwtest::shipped_level();
    auto a = play(level, BotPolicy::random, 42);
    auto b = play(level, BotPolicy::random, 42);
    CHECK(a.first == b.first);
    CHECK(a.second == b.second);
}

TEST_CASE("determinism: a different seed gives a different run") {
    Level level = cwtest::shipped_level();
    CHECK(play(level, BotPolicy::calm, 1).first != play(level, BotPolicy::calm, 2).first);
}
