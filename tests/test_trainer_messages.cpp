// Messages a trainer gets for the mistakes trainers make: each says what is wrong in words,
// once, on the mistake's own line and column.
#include "child_process.hpp"
#include "fixtures.hpp"

#include <algorithm>
#include <fstream>

using namespace cw;

namespace {

std::string problems_of(const std::string& text) {
    LevelLoad l = load_level_text(text, "call.toml", cwtest::catalogue());
    REQUIRE_FALSE(l.ok());
    return format_problems(l.problems);
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("messages: a string with no closing quote says so, with the caret on the opening quote") {
    std::string text = cwtest::straight_river();
    text.replace(text.find("title = \"Straight\""), 18, "title = \"Straight");
    const std::string said = problems_of(text);
    CHECK(said.find("call.toml:2:9: this text has no closing quote") != std::string::npos);
    CHECK(said.find("\n   |         ^") != std::string::npos);  // under the quote, not column 1
    CHECK(count(said, "call.toml:") == 1);
    // A quote inside the other kind, and an escaped quote, are not mistakes.
    std::string fine = cwtest::straight_river();
    fine.replace(fine.find("say = \"Hello.\""), 14, "say = \"It's \\\"fine\\\".\"");
    CHECK(load_level_text(fine, "call.toml", cwtest::catalogue()).ok());
}

TEST_CASE("messages: a rock far outside the river says how far from the centre line it is") {
    const std::string said = problems_of(cwtest::straight_river("[[river.rock]]\nat = [300, 60]\nradius = 1\n"));
    CHECK(said.find("call.toml:12:6: this rock is 300 m from the river's centre line") != std::string::npos);
    CHECK(said.find("at 0 m") == std::string::npos);
    // Beyond the river's start it is measured from the start, not put "at 0 m".
    const std::string before = problems_of(cwtest::straight_river("[[river.rock]]\nat = [0, -80]\nradius = 1\n"));
    CHECK(before.find("this rock is 80 m from the river's centre line") != std::string::npos);
}

TEST_CASE("messages: a misspelt key gives one message, on the misspelt key") {
    std::string text = cwtest::forked_river(2);
    const size_t at = text.find("techniques = [");
    REQUIRE(at != std::string::npos);
    text.replace(at, 10, "technique");
    const std::string said = problems_of(text);
    const int typo_line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    CHECK(said.find("call.toml:" + std::to_string(typo_line) + ":13: unknown key `technique` in [[call.node.reply]]; did you "
                    "mean `techniques`?") != std::string::npos);
    CHECK(said.find("missing `techniques`") == std::string::npos);
    CHECK(count(said, "call.toml:") == 1);
    // A key simply left out is still reported where its table starts.
    std::string missing = cwtest::forked_river(2);
    const size_t line = missing.find("techniques = [");
    missing.erase(line, missing.find('\n', line) - line + 1);
    CHECK(problems_of(missing).find("missing `techniques`") != std::string::npos);
}

TEST_CASE("messages: run, solve and layout on a playlist say it is a playlist and what to run instead") {
    const std::string week = cwtest::source_path("levels/campaign/first_week.playlist.toml");
    for (const char* command : {"run", "solve", "layout"}) {
        CAPTURE(command);
        auto r = cwtest::run_cli({command, week});
        CHECK(r.code == 2);
        CHECK(r.err.find("is a playlist (a week of calls), not a level") != std::string::npos);
        CHECK(r.err.find("01_mon_missing_parcel.toml") != std::string::npos);
        CHECK(r.err.find("unknown key") == std::string::npos);
    }
}
