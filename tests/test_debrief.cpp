#include "core/bot.hpp"
#include "core/debrief.hpp"
#include "fixtures.hpp"

using namespace cw;

namespace {
Debrief debrief_of(BotPolicy policy, std::unique_ptr<Simulation>& keep) {
    keep = std::make_unique<Simulation>(cwtest::shipped_level(), cwtest::catalogue(), 11);
    SteeringBot bot(policy, 11);
    while (!keep->state().finished) keep->step(bot.decide(*keep));
    return build_debrief(*keep);
}
}  // namespace

TEST_CASE("debrief: every reactive reply gets a calmer one to try instead") {
    std::unique_ptr<Simulation> sim;
    Debrief d = debrief_of(BotPolicy::worst, sim);
    REQUIRE(d.entries.size() == sim->call().choices().size());
    REQUIRE_FALSE(d.entries.empty());
    for (const DebriefEntry& e : d.entries) {
        // The worst bot takes what the author graded a trap (or the lowest there was): the
        // debrief offers a reply the author graded higher, whatever either's tags say.
        CHECK((e.grade == Grade::trap || e.grade == Grade::slip));
        REQUIRE(e.better >= 0);
        CHECK(grade_tone(e.question->replies[e.better].grade) > grade_tone(e.grade));
    }
    CHECK_FALSE(d.sources.empty());
}

TEST_CASE("debrief: calm replies need no correction, and say where they come from") {
    std::unique_ptr<Simulation> sim;
    Debrief d = debrief_of(BotPolicy::calm, sim);
    REQUIRE(d.entries.size() == 3);
    for (const DebriefEntry& e : d.entries) {
        CHECK(e.better == -1);
        CHECK(e.intensity_change < 0);
        for (const DebriefTechnique& t : e.techniques) CHECK(!t.technique->helps.empty());
    }
    for (const Source* s : d.sources) CHECK(!s->cite.empty());
    CHECK_FALSE(d.calm_but_lost);
}
