#include "core/dock.hpp"
#include "core/tuning.hpp"
#include "content/dock_text.hpp"
#include "fixtures.hpp"

using namespace cw;

namespace {
constexpr double dt = tuning::kDt;
double full(DockActivity a) { return cwtest::catalogue().find(dock_technique_id(a))->effects.composure; }
}  // namespace

TEST_CASE("dock: every activity is a recovery technique in the catalogue, with instructions") {
    DockTextLoad load = load_shipped_dock_text();
    REQUIRE_MESSAGE(load.ok(), format_problems(load.problems));
    const DockText& dock_text = *load.text;
    for (DockActivity a : all_dock_activities()) {
        const Technique* t = cwtest::catalogue().find(dock_technique_id(a));
        REQUIRE(t);
        CHECK(t->kind == TechniqueKind::recovery);
        CHECK(t->effects.composure > 0);
        CHECK(dock_text.instructions_for(a).size() > 20);  // assets/dock.toml says what to do
    }
}

TEST_CASE("dock: breathing with the water glass restores composure only in rhythm") {
    DockActivityState good(DockActivity::water_and_breaths), bad(DockActivity::water_and_breaths);
    for (int i = 0; i < 40 * 60; ++i) {
        const Breathing& b = good.breathing();
        good.step({b.active() ? b.expects_key_down() : true}, dt);
        bad.step({true}, dt);  // holding the key throughout is not breathing
    }
    CHECK(good.done());
    CHECK(good.composure_gain(cwtest::catalogue()) == doctest::Approx(full(DockActivity::water_and_breaths)));
    CHECK_FALSE(bad.done());
    CHECK(bad.composure_gain(cwtest::catalogue()) == 0.0);
}

TEST_CASE("dock: the stress ball counts squeezes made in time and released") {
    DockActivityState ball(DockActivity::stress_ball), clenched(DockActivity::stress_ball);
    for (int i = 0; i < 20 * 60; ++i) {
        ball.step({ball.squeeze_cue() > 0.5}, dt);
        clenched.step({true}, dt);  // never letting go is not squeezing and releasing
    }
    CHECK(ball.squeezes() == DockActivityState::kSqueezes);
    CHECK(ball.done());
    CHECK(clenched.squeezes() == 0);
}

TEST_CASE("dock: a walk needs alternating steps") {
    DockActivityState walk(DockActivity::walk_it_off), hop(DockActivity::walk_it_off);
    for (int i = 0; i < 40; ++i) {
        walk.step({false, i % 2 ? 1 : -1}, dt);
        hop.step({false, 1}, dt);
    }
    CHECK(walk.done());
    CHECK(hop.steps() == 1);
    CHECK(hop.progress() < 0.1);
}

TEST_CASE("dock: talking to the team then moving on restores more than dwelling") {
    DockActivityState move_on(DockActivity::talk_to_team), dwell(DockActivity::talk_to_team);
    DockInput a, b;
    a.choice = 0;
    b.choice = 1;
    move_on.step(a, dt);
    dwell.step(b, dt);
    CHECK(move_on.composure_gain(cwtest::catalogue()) == doctest::Approx(full(DockActivity::talk_to_team)));
    CHECK(dwell.composure_gain(cwtest::catalogue()) == doctest::Approx(full(DockActivity::talk_to_team) / 2));
}

TEST_CASE("dock: the notepad needs a real note, the leaves need catching, the touchstone needs time") {
    DockActivityState note(DockActivity::notepad);
    DockInput in;
    in.note_chars = 5;
    in.confirm = true;
    note.step(in, dt);
    CHECK_FALSE(note.done());  // five characters is not a note
    in.note_chars = 40;
    note.step(in, dt);
    CHECK(note.done());

    DockActivityState leaves(DockActivity::brain_break, 7);
    REQUIRE(leaves.leaves().size() == DockActivityState::kLeaves);
    for (int i = 0; i < DockActivityState::kLeaves; ++i) {
        DockInput c;
        c.clicked = i;
        leaves.step(c, dt);
        leaves.step(c, dt);  // a leaf caught twice counts once
    }
    CHECK(leaves.done());

    DockActivityState look(DockActivity::touchstone);
    for (int i = 0; i < 4 * 60; ++i) look.step({}, dt);
    CHECK(look.progress() == doctest::Approx(0.5).epsilon(0.02));
    CHECK(look.composure_gain(cwtest::catalogue()) == doctest::Approx(full(DockActivity::touchstone) * look.progress()));
}
