#include <cmath>

#include "core/sim.hpp"
#include "core/tuning.hpp"
#include "fixtures.hpp"

using namespace cw;

TEST_CASE("raft: drifts downstream with the current") {
    Level level = cwtest::level_from(cwtest::straight_river("", 2.0, 0));
    level.river.roughness.base = 0;  // still water apart from the current
    Simulation sim(level, cwtest::catalogue(), 1);
    double start = sim.state().progress;
    for (int i = 0; i < 10 * 60; ++i) sim.step({});
    double travelled = sim.state().progress - start;
    CHECK(travelled > 14.0);   // the current is 2 m/s mid-channel; the raft starts from rest
    CHECK(travelled < 21.0);
    CHECK(sim.state().raft_vel.y == doctest::Approx(2.0).epsilon(0.08));
    CHECK(std::fabs(sim.state().lateral) < 0.5);
}

TEST_CASE("raft: a bank stops it, and a hard hit is a jolt") {
    Level level = cwtest::level_from(cwtest::straight_river("", 2.0, 40));
    RiverGeometry river(level.river);
    PhysicsWorld world(river, level.river, river.point_at(60, 6.0), 0.0);
    world.push_raft(Vec2{4.0, 0.0} * world.raft_mass());  // 4 m/s straight at the right bank
    double hardest = 0;
    for (int i = 0; i < 120; ++i) {
        world.step(tuning::kDt);
        hardest = std::max(hardest, world.hardest_impact());
    }
    RiverFrame f = river.project(world.raft_position());
    CHECK(f.lateral < 10.0);                        // still in the water
    CHECK(world.raft_velocity().x < 1.5);           // the bank took its speed
    CHECK(hardest > tuning::kJoltSpeed);

    // In a whole simulation, drifting onto a rock mid-river jolts and costs composure.
    Level rocky = cwtest::level_from(cwtest::straight_river("[[river.rock]]\nat = [0, 40]\nradius = 1.5\n", 2.5, 40));
    Simulation sim(rocky, cwtest::catalogue(), 1);
    for (int i = 0; i < 30 * 60 && sim.state().jolts == 0; ++i) sim.step({});
    CHECK(sim.state().jolts == 1);
    CHECK(sim.state().composure < rocky.composure - tuning::kJoltComposure + 0.5);
    CHECK(sim.state().intensity > rocky.caller.intensity);  // the caller heard the thud
}

TEST_CASE("raft: paddle strokes steer it, more weakly when composure is low") {
    auto drift_with = [](double composure) {
        Level level = cwtest::level_from(cwtest::straight_river("", 2.0, 0));
        level.river.roughness.base = 0;
        level.composure = composure;
        Simulation sim(level, cwtest::catalogue(), 1);
        for (int i = 0; i < 3 * 60; ++i) sim.step({-1.0, false});
        return sim.state().lateral;
    };
    double calm = drift_with(100), shaken = drift_with(5);
    CHECK(calm < -1.0);        // paddling left moves the raft left
    CHECK(shaken < 0.0);
    CHECK(calm < shaken - 0.3);
}
