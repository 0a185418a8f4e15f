#include "core/bot.hpp"
#include "fixtures.hpp"

using namespace cw;

// Steer into each channel in turn; the channel's sensor must give that channel's reply.
TEST_CASE("channels: each channel's sensor gives its reply") {
    for (int channels = 2; channels <= 4; ++channels) {
        Level level = cwtest::level_from(cwtest::forked_river(channels));
        for (int want = 0; want < channels; ++want) {
            CAPTURE(channels);
            CAPTURE(want);
            Simulation sim(level, cwtest::catalogue(), 9);
            while (!sim.state().finished && sim.call().choices().empty())
                sim.step({paddle_toward(sim, steering_target(sim, want)), false});
            REQUIRE(sim.call().choices().size() == 1);
            CHECK(sim.call().choices()[0].reply == want);
            CHECK(sim.call().node().id == "end" + std::to_string(want));
        }
    }
}
