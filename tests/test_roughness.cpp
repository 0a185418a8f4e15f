#include "core/roughness.hpp"
#include "core/sim.hpp"
#include "fixtures.hpp"

using namespace cw;

TEST_CASE("roughness: rises with intensity and falls with composure") {
    RoughnessCurve c;  // the default curve
    CHECK(roughness(c, 80, 50) > roughness(c, 40, 50));
    CHECK(roughness(c, 80, 90) < roughness(c, 80, 20));
    CHECK(roughness(c, 0, 100) == doctest::Approx(c.base));
    CHECK(roughness(c, 100, 0) <= 1.0);
    RoughnessCurve steep{0.0, 2.0, 0.0};
    CHECK(roughness(steep, 100, 100) == 1.0);  // clamped
}

TEST_CASE("roughness: the simulation's water follows the caller, never a script") {
    auto rough_at = [](double intensity) {
        Level level = cwtest::level_from(cwtest::straight_river("", 2.0, intensity));
        Simulation sim(level, cwtest::catalogue(), 1);
        sim.step({});
        return sim.state().roughness;
    };
    CHECK(rough_at(90) > rough_at(50));
    CHECK(rough_at(50) > rough_at(10));
}
