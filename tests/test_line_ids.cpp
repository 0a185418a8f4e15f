// Stable line ids (issue 24): every spoken line has an id that recordings are named by. It is
// the node's `line`, or else the node's id (numbered per way of saying it); the editor keeps it
// when a node is renamed; `check` refuses two lines with one id; `check --voice` lists them.
#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "content/voice_files.hpp"
#include "editor/draft_io.hpp"
#include "editor/edits.hpp"
#include "editor/level_writer.hpp"
#include "fixtures.hpp"

using namespace cw;

namespace {

namespace fs = std::filesystem;

// Two lines: "a" says one thing, "b" has two ways of saying goodbye.
std::string two_lines(const std::string& a_keys = "", const std::string& b_keys = "") {
    return "format = 1\ntitle = \"Lines\"\nseed = 3\n"
           "[caller]\nname = \"Test\"\nissue = \"testing\"\nintensity = 40\n"
           "[river]\ncurrent = 2.0\npoints = [[0, 0, 20], [0, 80, 20], [0, 160, 20], [0, 240, 20]]\n"
           "[call]\nstart = \"a\"\n"
           "[[call.node]]\nid = \"a\"\nsay = \"Hello.\"\n" + a_keys + "next = \"b\"\n"
           "[[call.node]]\nid = \"b\"\nsay = [\"Bye.\", \"Goodbye then.\"]\n" + b_keys + "end = \"resolved\"\n";
}

std::vector<std::string> ids_of(const Level& level) {
    std::vector<std::string> out;
    for (const SpokenLine& l : spoken_lines(level)) out.push_back(l.id);
    return out;
}

std::string problems_of(const std::string& text) {
    LevelLoad load = load_level_text(text, "lines.toml", cwtest::catalogue());
    return format_problems(load.problems);
}

}  // namespace

TEST_CASE("line ids: a level without any takes them from its node ids and still checks") {
    Level level = cwtest::level_from(two_lines());
    CHECK(ids_of(level) == std::vector<std::string>{"a", "b.1", "b.2"});
    // Every shipped call checks as it is, with no `line` written anywhere.
    Level shipped = cwtest::shipped_level();
    std::vector<std::string> ids = ids_of(shipped);
    CHECK(ids.size() >= shipped.nodes.size());
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
}

TEST_CASE("line ids: `line` names them, one per way of saying it, and narration is never spoken") {
    Level level = cwtest::level_from(two_lines("line = \"hello-01\"\n", "line = [\"bye_short\", \"bye_long\"]\n"));
    CHECK(ids_of(level) == std::vector<std::string>{"hello-01", "bye_short", "bye_long"});
    Level narrated = cwtest::level_from(two_lines("narration = true\n"));
    CHECK(ids_of(narrated) == std::vector<std::string>{"b.1", "b.2"});
}

TEST_CASE("line ids: a bad `line` is refused where it is written, in words a trainer reads") {
    std::string wrong_count = problems_of(two_lines("", "line = [\"only-one\"]\n"));
    CHECK(wrong_count.find("lines.toml:20:8:") != std::string::npos);
    CHECK(wrong_count.find("1 ids for 2 ways") != std::string::npos);
    std::string not_a_list = problems_of(two_lines("", "line = \"bye\"\n"));
    CHECK(not_a_list.find("lists as many ids") != std::string::npos);
    std::string a_list = problems_of(two_lines("line = [\"x\"]\n"));
    CHECK(a_list.find("not a list") != std::string::npos);
    std::string bad_name = problems_of(two_lines("line = \"../escape\"\n"));
    CHECK(bad_name.find("lines.toml:16:8:") != std::string::npos);
    CHECK(bad_name.find("names the recording's file") != std::string::npos);
    std::string narration = problems_of(two_lines("narration = \"yes\"\n"));
    CHECK(narration.find("`narration` is true") != std::string::npos);
}

TEST_CASE("line ids: two lines with one id are reported at the second") {
    std::string same = problems_of(two_lines("line = \"bye_long\"\n", "line = [\"bye_short\", \"bye_long\"]\n"));
    CHECK(same.find("lines.toml:21:8: line id `bye_long` is already the id of node `a`'s line (line 16)") !=
          std::string::npos);
    std::string within = problems_of(two_lines("", "line = [\"twice\", \"twice\"]\n"));
    CHECK(within.find("another way of saying this line") != std::string::npos);
}

TEST_CASE("line ids: an editor save keeps them, and a renamed node keeps its line's id") {
    DraftLoad load = load_draft_text(two_lines("line = \"hello-01\"\nnarration = true\n"), "lines.toml", cwtest::catalogue());
    REQUIRE(load.draft);
    Draft d = *load.draft;
    edits::rename_node(d, 1, "farewell");  // "b" had no `line`: its ids were b.1 and b.2
    d.level.nodes[0].say = "Hello there.";  // a text edit changes nothing of the id
    std::string text = write_level(d).text;
    CHECK(text.find("line = \"hello-01\"") != std::string::npos);
    CHECK(text.find("narration = true") != std::string::npos);
    CHECK(text.find("line = [\"b.1\", \"b.2\"]") != std::string::npos);
    Level again = cwtest::level_from(text);
    CHECK(again.nodes[1].id == "farewell");
    CHECK(ids_of(again) == std::vector<std::string>{"b.1", "b.2"});  // "a" is narration
    CHECK(again.nodes[0].narration);
}

TEST_CASE("line ids: recordings are looked for by the call's path under levels/, beside it or in the player's folder") {
    fs::path root = cwtest::fresh_dir("voice_root");
    fs::create_directories(root / "levels" / "week2");
    fs::path level = root / "levels" / "week2" / "intro.toml";
    std::ofstream(level) << two_lines();
    CHECK(voice_stem(level.string()) == "week2/intro");
    fs::path home = cwtest::fresh_dir("voice_home");
    fs::create_directories(root / "voice" / "week2" / "intro");
    std::ofstream(root / "voice" / "week2" / "intro" / "a.wav") << "RIFF";
    fs::create_directories(home / "voice" / "week2" / "intro");
    std::ofstream(home / "voice" / "week2" / "intro" / "b.2.ogg") << "OggS";
    CHECK(find_recording(level.string(), "a", home.string()).has_value());
    CHECK(find_recording(level.string(), "b.2", home.string()).has_value());
    CHECK_FALSE(find_recording(level.string(), "b.1", home.string()).has_value());
    // A call in no levels/ folder: its own name, beside it.
    fs::path loose = cwtest::fresh_dir("voice_loose") / "my call.toml";
    CHECK(voice_stem(loose.string()) == "my call");
}

TEST_CASE("line ids: check --voice lists every spoken line and whether it is recorded, and succeeds either way") {
    fs::path root = cwtest::fresh_dir("voice_cli");
    fs::create_directories(root / "levels");
    fs::path level = root / "levels" / "lines.toml";
    std::ofstream(level) << two_lines();
    fs::path home = cwtest::fresh_dir("voice_cli_home");
    std::vector<std::string> env{"CALMWATERS_HOME=" + home.string()};
    cwtest::Finished none = cwtest::run_cli({"check", "--voice", level.string(), "--json"}, env);
    CHECK(none.code == 0);
    fs::create_directories(root / "voice" / "lines");
    std::ofstream(root / "voice" / "lines" / "b.1.wav") << "RIFF";
    cwtest::Finished some = cwtest::run_cli({"check", "--voice", level.string(), "--json"}, env);
    REQUIRE(some.code == 0);
    nlohmann::json j = nlohmann::json::parse(some.out);
    REQUIRE(j.is_array());
    REQUIRE(j.size() == 3);
    CHECK(j[0] == nlohmann::json({{"line", "a"}, {"node", "a"}, {"recorded", false}}));
    CHECK(j[1] == nlohmann::json({{"line", "b.1"}, {"node", "b"}, {"recorded", true}}));
    CHECK(j[2]["recorded"] == false);
    cwtest::Finished table = cwtest::run_cli({"check", "--voice", level.string()}, env);
    CHECK(table.code == 0);
    CHECK(table.out.find("1 of 3 spoken lines recorded") != std::string::npos);
}

TEST_CASE("line ids: giving a line a second way of saying it in the editor keeps its recording's id") {
    DraftLoad load = load_draft_text(two_lines(), "lines.toml", cwtest::catalogue());
    REQUIRE(load.draft);
    Draft d = *load.draft;
    edits::set_say_variants(d, 0, {"Hello.", "Hi there."});  // "a" becomes two ways: not `a.1`, still `a`
    edits::set_say_variants(d, 1, {"Bye."});                  // "b" down to one: `b.1` stays `b.1`
    Level again = cwtest::level_from(write_level(d).text);
    CHECK(ids_of(again) == std::vector<std::string>{"a", "a.2", "b.1"});
}
