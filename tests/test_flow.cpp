#include <cmath>

#include "core/flow.hpp"
#include "fixtures.hpp"

using namespace cw;

TEST_CASE("flow: the current is fastest mid-channel and slow at the banks") {
    Level level = cwtest::level_from(cwtest::straight_river("bank_flow = 0.3\n", 2.0));
    RiverGeometry river(level.river);
    FlowField flow(river, level.river, 1);
    int hint = -1;
    Vec2 mid = flow.current(river.point_at(100, 0), hint);
    Vec2 near_bank = flow.current(river.point_at(100, 9.8), hint);
    Vec2 halfway = flow.current(river.point_at(100, 5), hint);
    CHECK(mid.y == doctest::Approx(2.0).epsilon(0.01));
    CHECK(std::fabs(mid.x) < 1e-9);
    CHECK(near_bank.y < 0.7);
    CHECK(near_bank.y > 0.5);
    CHECK(halfway.y > near_bank.y);
    CHECK(halfway.y < mid.y);
    CHECK(length(flow.current(river.point_at(100, 10.5), hint)) == 0.0);  // on land
}

TEST_CASE("flow: the current fades into a still pool at the end") {
    Level level = cwtest::level_from(cwtest::straight_river());
    RiverGeometry river(level.river);
    FlowField flow(river, level.river, 1);
    int hint = -1;
    double before = length(flow.current(river.point_at(river.pool_start() - 40, 0), hint));
    double deep_in = length(flow.current(river.point_at(river.pool_start() + 20, 0), hint));
    CHECK(before > 1.9);
    CHECK(deep_in < 0.05);
}

TEST_CASE("flow: turbulence has zero divergence") {
    Level level = cwtest::level_from(cwtest::straight_river());
    RiverGeometry river(level.river);
    FlowField flow(river, level.river, 7);
    CalmSpot none;
    int hint = -1;
    const double h = 0.1, t = 3.7, r = 0.8;
    double worst_ratio = 0;
    for (int i = 0; i < 40; ++i) {
        Vec2 p = river.point_at(30 + i * 4.0, -7.0 + (i % 8) * 2.0);
        Vec2 ux1 = flow.turbulence(p + Vec2{h, 0}, t, r, none, hint), ux0 = flow.turbulence(p - Vec2{h, 0}, t, r, none, hint);
        Vec2 uy1 = flow.turbulence(p + Vec2{0, h}, t, r, none, hint), uy0 = flow.turbulence(p - Vec2{0, h}, t, r, none, hint);
        double dudx = (ux1.x - ux0.x) / (2 * h), dvdy = (uy1.y - uy0.y) / (2 * h);
        double scale = std::fabs(dudx) + std::fabs(dvdy) + 1e-9;
        // Each term is sizeable, yet they cancel: the water neither appears nor vanishes.
        worst_ratio = std::max(worst_ratio, std::fabs(dudx + dvdy) / scale);
    }
    CHECK(worst_ratio < 0.02);
}

TEST_CASE("flow: turbulence vanishes at the banks and grows with roughness") {
    Level level = cwtest::level_from(cwtest::straight_river());
    RiverGeometry river(level.river);
    FlowField flow(river, level.river, 7);
    CalmSpot none;
    int hint = -1;
    double at_bank = 0, inside_low = 0, inside_high = 0;
    for (int i = 0; i < 50; ++i) {
        double s = 30 + i * 3.0, t = i * 0.37;
        at_bank += length(flow.turbulence(river.point_at(s, 9.99), t, 0.9, none, hint));
        at_bank += length(flow.turbulence(river.point_at(s, -9.99), t, 0.9, none, hint));
        inside_low += length(flow.turbulence(river.point_at(s, 1.0), t, 0.2, none, hint));
        inside_high += length(flow.turbulence(river.point_at(s, 1.0), t, 0.9, none, hint));
    }
    CHECK(at_bank / 100 < 0.01);
    CHECK(inside_high / 50 > 0.3);
    CHECK(inside_high > 3 * inside_low);
    CHECK(length(flow.turbulence(river.point_at(100, 0), 1.0, 0.0, none, hint)) == 0.0);
}

TEST_CASE("flow: breathing calm smooths the water near the raft") {
    Level level = cwtest::level_from(cwtest::straight_river());
    RiverGeometry river(level.river);
    FlowField flow(river, level.river, 7);
    int hint = -1;
    Vec2 centre = river.point_at(100, 0);
    CalmSpot calm{centre, 1.0, 9.0}, none;
    double rough = 0, calmed = 0;
    for (int i = 0; i < 30; ++i) {
        Vec2 p = centre + Vec2{std::cos(i * 1.3) * 2.0, std::sin(i * 1.3) * 2.0};
        rough += length(flow.turbulence(p, i * 0.5, 0.8, none, hint));
        calmed += length(flow.turbulence(p, i * 0.5, 0.8, calm, hint));
    }
    CHECK(calmed < 0.3 * rough);
}
