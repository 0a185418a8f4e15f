#include <algorithm>
#include <cmath>

#include "core/flow.hpp"
#include "core/wave_trig.hpp"
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

TEST_CASE("flow: the waves' sine and cosine agree with the maths library") {
    double worst = 0;
    for (int i = -200000; i <= 200000; ++i) {
        double a = i * 0.0173 + 1e-3 * (i % 7);  // angles from -3460 to 3460 rad, every quadrant
        double s, c;
        wave_sincos(a, s, c);
        worst = std::max(worst, std::max(std::fabs(s - std::sin(a)), std::fabs(c - std::cos(a))));
    }
    CHECK(worst < 1e-10);
    double s, c;
    wave_sincos(0.0, s, c);
    CHECK(s == 0.0);
    CHECK(c == 1.0);
}

TEST_CASE("flow: turbulence is the curl of the stream function, calm spot and pool included") {
    Level level = cwtest::level_from(cwtest::straight_river());
    RiverGeometry river(level.river);
    FlowField flow(river, level.river, 11);
    int hint = -1;
    const double h = 1e-4, r = 0.7;
    int compared = 0;
    // Points mid-river, near a wall and in the pool's fade, each with and without a calm spot.
    const double places[][2] = {{60, 0.5}, {90, 8.9}, {120, -8.2}, {river.pool_start() - 10, 2}, {river.pool_start() + 5, -3}};
    for (const auto& place : places) {
        Vec2 p = river.point_at(place[0], place[1]);
        for (double strength : {0.0, 0.8}) {
            CalmSpot calm{p + Vec2{1.5, -2.0}, strength, 6.0};
            double t = 2.3 + place[0] * 0.01;
            auto psi = [&](Vec2 q) { return flow.stream(q, t, r, calm, hint); };
            Vec2 curl{(psi(p + Vec2{0, h}) - psi(p - Vec2{0, h})) / (2 * h),
                      -(psi(p + Vec2{h, 0}) - psi(p - Vec2{h, 0})) / (2 * h)};
            Vec2 u = flow.turbulence(p, t, r, calm, hint);
            CHECK(length(curl) > 1e-3);  // the water moves here, so the comparison means something
            CHECK(u.x == doctest::Approx(curl.x).epsilon(1e-4).scale(1e-3));
            CHECK(u.y == doctest::Approx(curl.y).epsilon(1e-4).scale(1e-3));
            ++compared;
        }
    }
    CHECK(compared == 10);
}
