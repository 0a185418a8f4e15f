#include "core/breathing.hpp"
#include "core/sim.hpp"
#include "core/tuning.hpp"
#include "fixtures.hpp"

using namespace cw;

TEST_CASE("breathing: holding in rhythm completes cycles and builds calm") {
    Breathing b;
    const double dt = tuning::kDt;
    for (int i = 0; i < 3 * 16 * 60; ++i) b.step(b.active() ? b.expects_key_down() : true, dt);
    CHECK(b.active());
    CHECK(b.cycles() >= 2);
    CHECK(b.calm() > 0.95);
}

TEST_CASE("breathing: holding the key the whole time is out of rhythm and stops") {
    Breathing b;
    for (int i = 0; i < 16 * 60; ++i) b.step(true, tuning::kDt);
    CHECK_FALSE(b.active());
    CHECK(b.cycles() == 0);
}

TEST_CASE("breathing: in rhythm restores composure and weakens the paddle") {
    Level level = cwtest::level_from(cwtest::straight_river("", 1.0, 0));
    level.composure = 40;
    level.river.roughness.base = 0;
    Simulation breathing(level, cwtest::catalogue(), 1), not_breathing(level, cwtest::catalogue(), 1);
    for (int i = 0; i < 20 * 60; ++i) {
        const Breathing& b = breathing.breathing();
        breathing.step({0, b.active() ? b.expects_key_down() : true});
        not_breathing.step({});
    }
    CHECK(breathing.state().composure > not_breathing.state().composure + 20);
    CHECK(breathing.breathing().calm() > 0.9);
}

TEST_CASE("breathing: the patterns a player can choose, with or without holds") {
    BreathPattern box = breath_pattern("box"), four78 = breath_pattern("478"), slow = breath_pattern("slow");
    CHECK(box.total() == 16);
    CHECK(four78.total() == 19);
    CHECK(slow.total() == 10);  // six breaths a minute
    BreathPattern no_holds = breath_pattern("box", false);
    CHECK(no_holds.hold_in == 0);
    CHECK(no_holds.hold_out == 0);
    // Without holds the phases go straight from in to out, and rhythm still completes cycles.
    Breathing b(no_holds);
    for (int i = 0; i < 3 * 8 * 60; ++i) b.step(b.active() ? b.expects_key_down() : true, tuning::kDt);
    CHECK(b.cycles() >= 2);
    CHECK(breath_pattern("nonsense").total() == 16);
}

TEST_CASE("breathing: one slow breath in rhythm counts as the out-breath ends, not a whole cycle") {
    Breathing b(box_breathing());  // in 4, hold 4, out 4, hold 4
    const double dt = tuning::kDt;
    int ticks = 0;
    auto breathe_for = [&](double seconds) {
        for (int i = 0; i < static_cast<int>(seconds / dt); ++i, ++ticks) b.step(b.active() ? b.expects_key_down() : true, dt);
    };
    breathe_for(11.5);
    CHECK(b.breaths() == 0);  // still breathing out
    breathe_for(0.6);
    CHECK(b.breaths() == 1);  // in, hold, out: one breath, 4 seconds before the cycle's end
    CHECK(b.cycles() == 0);
    breathe_for(16.0);
    CHECK(b.breaths() == 2);
    CHECK(b.cycles() == 1);

    Breathing held(box_breathing());  // holding the key throughout is not a breath
    for (int i = 0; i < static_cast<int>(13.0 / dt); ++i) held.step(true, dt);
    CHECK(held.breaths() == 0);
}
