// The checklist's "no line of caller speech is reused across calls", as check --stats measures it.
#include "fixtures.hpp"
#include "play/level_stats.hpp"

using namespace cw;

namespace {
LevelStats said(const std::string& path, std::vector<CallerLine> lines) {
    LevelStats st;
    st.path = path;
    st.speech = std::move(lines);
    return st;
}
}  // namespace

TEST_CASE("shared speech: seven words running in two calls are found, whatever the case and the apostrophe") {
    std::vector<LevelStats> calls = {
        said("a.toml", {{"open", "I've rung three times now and nobody has ever rung me back."}}),
        said("b.toml", {{"hello", "Honestly, I\xe2\x80\x99ve RUNG three times now and nobody has, have they?"},
                        {"bye", "Right then. Goodbye."}}),
    };
    std::vector<SharedSpeech> shared = shared_caller_speech(calls, 7);
    REQUIRE(shared.size() == 1);
    CHECK(shared[0].path_a == "a.toml");
    CHECK(shared[0].node_a == "open");
    CHECK(shared[0].path_b == "b.toml");
    CHECK(shared[0].node_b == "hello");
    CHECK(shared[0].words == "i've rung three times now and nobody");

    // They share eight words, not nine; and one call repeating itself is the same caller.
    CHECK(shared_caller_speech(calls, 8).size() == 1);
    CHECK(shared_caller_speech(calls, 9).empty());
    calls[1].speech = {{"x", "I've rung three times now and nobody"}, {"y", "I've rung three times now and nobody"}};
    calls.erase(calls.begin());
    CHECK(shared_caller_speech(calls, 7).empty());
}
