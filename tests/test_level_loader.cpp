#include <filesystem>
#include <fstream>

#include "fixtures.hpp"

using namespace cw;

namespace {

// A small valid level; each broken case below changes one thing in it.
const std::string kGood = R"(format = 1
title = "Good"
[caller]
name = "Sam"
issue = "a late parcel"
intensity = 40
[river]
current = 2.0
points = [[0, 0, 20], [0, 60, 20], [0, 90, 30], [0, 150, 30], [0, 180, 20], [0, 260, 20]]
[[river.rock]]
at = [3, 40]
radius = 1.0
[[river.fork]]
id = "f"
at = 95
length = 45
channels = 2
[call]
start = "q"
[[call.node]]
id = "q"
say = "Well?"
fork = "f"
[[call.node.reply]]
text = "Tell me more."
techniques = ["listen"]
next = "done"
[[call.node.reply]]
text = "Not my problem."
techniques = ["argue"]
next = "done"
[[call.node]]
id = "done"
say = "Fine."
end = "resolved"
)";

std::string replace(std::string text, const std::string& from, const std::string& to) {
    auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "test setup: cannot find " << from);
    return text.replace(at, from.size(), to);
}

struct BrokenCase {
    const char* what;
    std::string text;
    const char* expect;  // "line:col: start of the message"
};

}  // namespace

TEST_CASE("level loader: the shipped level and the good example load") {
    CHECK(cwtest::shipped_level().nodes.size() > 10);
    Level good = cwtest::level_from(kGood);
    CHECK(good.title == "Good");
    CHECK(good.river.forks.size() == 1);
    CHECK(good.nodes[0].replies.size() == 2);
    CHECK(good.river.rocks[0].radius == 1.0);
}

TEST_CASE("level loader: broken files give located messages and never crash") {
    const std::vector<BrokenCase> cases = {
        {"syntax error", replace(kGood, "intensity = 40", "intensity = = 40"), "6:"},
        {"unknown node in next", replace(kGood, "next = \"done\"\n[[call.node.reply]]", "next = \"doen\"\n[[call.node.reply]]"),
         "27:8: unknown node \"doen\" in the reply's next; did you mean \"done\"?"},
        {"value out of range", replace(kGood, "intensity = 40", "intensity = 140"),
         "6:13: `intensity` is 140, out of range: use a value from 0 to 100"},
        {"rock outside the river", replace(kGood, "at = [3, 40]", "at = [30, 40]"),
         "11:6: this rock is 30 m from the river's centre line, outside the water"},
        {"rock touching a bank", replace(kGood, "at = [3, 40]", "at = [9.5, 40]"),
         "11:6: this rock is outside the river or touching a bank"},
        {"missing required key", replace(kGood, "title = \"Good\"\n", ""), "1:1: missing `title`"},
        {"wrong type", replace(kGood, "current = 2.0", "current = \"fast\""),
         "8:11: `current` should be a number, not text"},
        {"nan", replace(kGood, "current = 2.0", "current = nan"), "8:11: `current` must be a finite number"},
        {"unknown technique", replace(kGood, "[\"argue\"]", "[\"arguee\"]"),
         "30:15: unknown technique \"arguee\"; did you mean \"argue\"?"},
        {"reply count", replace(kGood, "channels = 2", "channels = 3"),
         "23:8: question `q` has 2 replies but fork \"f\" has 3 channels"},
        {"unknown key", replace(kGood, "radius = 1.0", "raduis = 1.0"), "12:10: unknown key `raduis` in [[river.rock]]; did you mean `radius`?"},
        {"unknown key hint", replace(kGood, "title = \"Good\"", "title = \"Good\"\ntitel = \"x\""),
         "3:9: unknown key `titel` in the level; did you mean `title`?"},
        {"points too close", replace(kGood, "[0, 60, 20], [0, 90, 30]", "[0, 60, 20], [0, 61, 30]"),
         "9:36: this river point is only 1 m from the one before"},
        {"concave rock", replace(kGood, "radius = 1.0", "points = [[0, 0], [2, 0], [1, 0.2], [1, 2]]"),
         "11:6: this rock's points must form a convex shape"},
        {"bend too tight", replace(kGood, "[0, 150, 30], [0, 180, 20]", "[0, 150, 30], [20, 160, 20]"),
         "9:"},
        {"fork past the pool", replace(kGood, "at = 95", "at = 215"), "15:6: fork \"f\" runs from 215 m to 260 m"},
        {"ending unknown", replace(kGood, "end = \"resolved\"", "end = \"happy\""),
         "35:7: unknown ending \"happy\": use resolved, follow_up, escalated, hung_up or agent_ended"},
        {"unreachable node",
         kGood + "[[call.node]]\nid = \"orphan\"\nsay = \"Nobody hears me.\"\nend = \"hung_up\"\n",
         "37:6: node `orphan` can never be reached from the start"},
        {"line loop", replace(kGood, "end = \"resolved\"", "next = \"done\""),
         "33:6: the call loops back to node `done` without passing a fork"},
        {"two kinds", replace(kGood, "end = \"resolved\"", "end = \"resolved\"\nnext = \"q\""),
         "33:6: node `done` needs exactly one of `next`"},
        {"format from a newer game", replace(kGood, "format = 1", "format = 9"), "1:10: this is a format 9 level"},
        {"format 2 without grades", replace(kGood, "format = 1", "format = 2"), "25:8: this reply needs a `grade`"},
        {"empty file", "", "1:1: missing `format`"},
    };
    for (const BrokenCase& c : cases) {
        CAPTURE(c.what);
        LevelLoad load = load_level_text(c.text, "broken.toml", cwtest::catalogue());
        REQUIRE_FALSE(load.ok());
        REQUIRE_FALSE(load.problems.empty());
        std::string first = format_problem(load.problems.front());
        CAPTURE(first);
        CHECK(first.rfind(std::string("broken.toml:") + c.expect, 0) == 0);
        // The offending line is quoted, with a caret under it.
        if (load.problems.front().line > 0 && !c.text.empty()) CHECK(first.find("^") != std::string::npos);
    }
}

TEST_CASE("level loader: forks must be asked in river order") {
    std::string two_forks = replace(kGood, "[[call.node]]\nid = \"done\"", R"([[river.fork]]
id = "g"
at = 30
length = 20
channels = 2
[[call.node]]
id = "done")");
    // Question q on fork f (95 m) leads to a question on fork g (30 m): already passed.
    two_forks = replace(two_forks, "id = \"done\"\nsay = \"Fine.\"\nend = \"resolved\"",
                        "id = \"done\"\nsay = \"Fine.\"\nfork = \"g\"\n[[call.node.reply]]\ntext = \"a\"\n"
                        "techniques = [\"listen\"]\nnext = \"bye\"\n[[call.node.reply]]\ntext = \"b\"\n"
                        "techniques = [\"listen\"]\nnext = \"bye\"\n[[call.node]]\nid = \"bye\"\nsay = \"Bye\"\n"
                        "end = \"resolved\"");
    LevelLoad load = load_level_text(two_forks, "order.toml", cwtest::catalogue());
    REQUIRE_FALSE(load.ok());
    CHECK(format_problems(load.problems).find("further down the river; the raft would already have passed it") !=
          std::string::npos);
}

TEST_CASE("level loader: files that are not level files") {
    namespace fs = std::filesystem;
    fs::path dir = cwtest::case_dir();
    LevelLoad folder = load_level_file(dir.string(), cwtest::catalogue());
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.problems[0].message.find("folder") != std::string::npos);
    LevelLoad missing = load_level_file((dir / "nope.toml").string(), cwtest::catalogue());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.problems[0].message == "no such file");
    LevelLoad device = load_level_file("/dev/null", cwtest::catalogue());
    REQUIRE_FALSE(device.ok());
    std::ofstream(dir / "binary.toml") << std::string("\x00\xff\xfe garbage", 12);
    LevelLoad binary = load_level_file((dir / "binary.toml").string(), cwtest::catalogue());
    REQUIRE_FALSE(binary.ok());
}

TEST_CASE("level loader: the example in docs/level-format.md is a valid level") {
    std::ifstream in(cwtest::source_path("docs/level-format.md"));
    std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto start = doc.find("```toml\n", doc.find("## A complete example level"));
    REQUIRE(start != std::string::npos);
    start += 8;
    auto end = doc.find("```", start);
    REQUIRE(end != std::string::npos);
    Level example = cwtest::level_from(doc.substr(start, end - start), "docs/level-format.md example");
    CHECK(example.title == "The Late Parcel");
}
