// How techniques land in play: personas shape them, and a steady breath before a reply counts.
#include "core/bot.hpp"
#include "core/tuning.hpp"
#include "fixtures.hpp"

using namespace cw;

namespace {
// Steer into channel 0 of the fixture's fork; breathe in rhythm from `breathe_from` seconds on
// until the reply (never, if negative).
ChoiceRecord answer_fork(double breathe_from) {
    Level level = cwtest::level_from(cwtest::forked_river(2));
    Simulation sim(level, cwtest::catalogue(), 9);
    while (!sim.state().finished && sim.call().choices().empty()) {
        Input in{paddle_toward(sim, steering_target(sim, 0)), false};
        if (breathe_from >= 0 && sim.time() >= breathe_from) {
            const Breathing& b = sim.breathing();
            in.breath = b.active() ? b.expects_key_down() : true;
        }
        sim.step(in);
    }
    REQUIRE(sim.call().choices().size() == 1);
    return sim.call().choices()[0];
}
}  // namespace

TEST_CASE("techniques: a steady breath just before a reply counts as the breathe technique") {
    ChoiceRecord plain = answer_fork(-1);
    ChoiceRecord breathed = answer_fork(22.0);
    CHECK_FALSE(plain.breathed);
    CHECK(breathed.breathed);
    const Technique* breathe = cwtest::catalogue().find("breathe");
    REQUIRE(breathe);
    CHECK(breathed.effects.intensity == doctest::Approx(plain.effects.intensity + breathe->effects.intensity));
    CHECK(breathed.effects.composure == doctest::Approx(plain.effects.composure + breathe->effects.composure));
}

TEST_CASE("techniques: a breath long before the reply does not count") {
    // One cycle is 16 s; a breath started at 2 s ends well over 25 s before the fork.
    Level level = cwtest::level_from(cwtest::forked_river(2));
    Simulation sim(level, cwtest::catalogue(), 9);
    while (!sim.state().finished && sim.call().choices().empty()) {
        Input in{paddle_toward(sim, steering_target(sim, 1)), false};
        if (sim.time() < 17.5) in.breath = sim.breathing().active() ? sim.breathing().expects_key_down() : true;
        sim.step(in);
    }
    REQUIRE(sim.call().choices().size() == 1);
    CHECK(sim.time() > 17.5 + tuning::kBreathBeforeReplySeconds);
    CHECK_FALSE(sim.call().choices()[0].breathed);
}

TEST_CASE("techniques: the caller's persona shapes how a reply lands") {
    const Catalogue& cat = cwtest::catalogue();
    Reply listen;
    listen.techniques = {"listen"};
    Reply escalate;
    escalate.techniques = {"escalate"};
    double everyday = reply_effects(listen, cat, "everyday").intensity;
    CHECK(everyday == doctest::Approx(cat.find("listen")->effects.intensity));
    // Someone who needs to be heard calms more when listened to; someone in a hurry, less.
    CHECK(reply_effects(listen, cat, "needs_to_be_heard").intensity < everyday);
    CHECK(reply_effects(listen, cat, "in_a_hurry").intensity > everyday);
    // A caller who wants a manager is calmed far more by being put through.
    CHECK(reply_effects(escalate, cat, "wants_a_manager").intensity <
          2 * reply_effects(escalate, cat, "everyday").intensity);
    // Composure is the agent's own: no persona changes it.
    CHECK(reply_effects(listen, cat, "abusive").composure == reply_effects(listen, cat, "everyday").composure);
    // An override still wins over any persona.
    listen.intensity = -1;
    CHECK(reply_effects(listen, cat, "needs_to_be_heard").intensity == -1);
}

TEST_CASE("techniques: every persona is known, and a level naming an unknown one is located") {
    for (const char* id : {"everyday", "needs_to_be_heard", "in_a_hurry", "wants_a_manager", "abusive", "not_ready"})
        CHECK_MESSAGE(cwtest::catalogue().persona(id), id);
    std::string text = cwtest::straight_river();
    text.replace(text.find("issue = \"testing\""), 17, "issue = \"testing\"\npersona = \"in_a_hury\"");
    LevelLoad load = load_level_text(text, "p.toml", cwtest::catalogue());
    REQUIRE_FALSE(load.ok());
    CHECK(format_problem(load.problems[0]).rfind("p.toml:7:11: unknown persona \"in_a_hury\"; did you mean \"in_a_hurry\"?", 0) ==
          0);
}
