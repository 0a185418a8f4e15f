// Hostile level files: each gets a clear, located message (or loads, if it is in fact valid),
// within bounded time and memory, and never a crash.
#include <filesystem>
#include <fstream>

#include "fixtures.hpp"

using namespace cw;

namespace {
std::string first_problem(const std::string& text) {
    LevelLoad load = load_level_text(text, "hostile.toml", cwtest::catalogue());
    REQUIRE_FALSE(load.ok());
    REQUIRE_FALSE(load.problems.empty());
    std::string msg = format_problem(load.problems.front());
    CHECK(msg.size() < 2000);  // even for a monstrous line, the message stays readable
    return msg;
}
}  // namespace

TEST_CASE("hostile levels: very deep nesting is refused before the parser recurses") {
    CHECK(first_problem("a = " + std::string(100000, '[') + std::string(100000, ']')).find("nested more than 32 deep") !=
          std::string::npos);
    std::string tables = "a = ";
    for (int i = 0; i < 20000; ++i) tables += "{b = ";
    CHECK(first_problem(tables).find("nested more than 32 deep") != std::string::npos);
    // Brackets inside strings and comments do not count.
    std::string ok = cwtest::straight_river();
    ok.replace(ok.find("say = \"Hello.\""), 14, "say = \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\" # {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{");
    CHECK(load_level_text(ok, "ok.toml", cwtest::catalogue()).ok());
}

TEST_CASE("hostile levels: thousands of nodes or points are capped with a message") {
    std::string nodes = cwtest::straight_river();
    for (int i = 0; i < 2500; ++i)
        nodes += "[[call.node]]\nid = \"n" + std::to_string(i) + "\"\nsay = \"x\"\nend = \"resolved\"\n";
    CHECK(first_problem(nodes).find("at most 2000 are allowed") != std::string::npos);

    std::string points = "format = 1\ntitle = \"P\"\n[caller]\nname = \"a\"\nissue = \"b\"\nintensity = 1\n"
                         "[river]\ncurrent = 2\npoints = [";
    for (int i = 0; i < 500; ++i) points += "[0, " + std::to_string(i * 3) + ", 20],\n";
    points += "]\n[call]\nstart = \"a\"\n[[call.node]]\nid = \"a\"\nsay = \"x\"\nend = \"resolved\"\n";
    CHECK(first_problem(points).find("at most 400 are allowed") != std::string::npos);
}

TEST_CASE("hostile levels: huge, negative and non-numbers are out of range, located") {
    std::string text = cwtest::straight_river();
    CHECK(first_problem(std::string(text).replace(text.find("current = 2.000000"), 18, "current = 1e308"))
              .find("`current` is 1e+308, out of range") != std::string::npos);
    CHECK(first_problem(std::string(text).replace(text.find("intensity = 40"), 14, "intensity = -99999999999"))
              .find("out of range") != std::string::npos);
    CHECK(first_problem(std::string(text).replace(text.find("current = 2.000000"), 18, "current = -inf"))
              .find("finite") != std::string::npos);
    CHECK(first_problem(std::string(text).replace(text.find("[0, 80, 20]"), 11, "[0, 80, nan]"))
              .find("finite") != std::string::npos);
}

TEST_CASE("hostile levels: invalid UTF-8, a huge line, an oversized file") {
    std::string text = cwtest::straight_river();
    text.replace(text.find("Hello."), 6, std::string("Hel\xff\xfe\xc3", 6));
    CHECK(first_problem(text).find("hostile.toml:15:11: this file is not valid UTF-8 (byte 0xFF)") == 0);
    // The three bytes the fuzzer found, which made toml11 read past its buffer.
    CHECK(first_problem(std::string("'\xff'", 3)).find("hostile.toml:1:2: this file is not valid UTF-8") == 0);
    // Overlong forms and surrogates are not UTF-8 either; real accents and dashes are.
    CHECK(first_problem(std::string("a = \"\xc0\xaf\"")).find("not valid UTF-8") != std::string::npos);
    CHECK(first_problem(std::string("a = \"\xed\xa0\x80\"")).find("not valid UTF-8") != std::string::npos);
    std::string accents = cwtest::straight_river();
    accents.replace(accents.find("Hello."), 6, "Ça va \xe2\x80\x94 déjà vu.");
    CHECK(load_level_text(accents, "ok.toml", cwtest::catalogue()).ok());

    std::string long_line = cwtest::straight_river();
    long_line.replace(long_line.find("say = \"Hello.\""), 14, "say = \"" + std::string(300000, 'x') + "\"");
    CHECK(first_problem(long_line).find("line 15 is longer than 20000 characters") != std::string::npos);
    std::string long_text = cwtest::straight_river();
    long_text.replace(long_text.find("say = \"Hello.\""), 14, "say = \"" + std::string(5000, 'x') + "\"");
    CHECK(first_problem(long_text).find("`say` is too long") != std::string::npos);

    namespace fs = std::filesystem;
    fs::path big = cwtest::case_dir() / "big_level.toml";
    std::ofstream(big) << std::string(3 * 1024 * 1024, '#');
    LevelLoad load = load_level_file(big.string(), cwtest::catalogue());
    REQUIRE_FALSE(load.ok());
    CHECK(load.problems[0].message.find("too large") != std::string::npos);

    LevelLoad empty = load_level_text("", "empty.toml", cwtest::catalogue());
    REQUIRE_FALSE(empty.ok());
    CHECK(format_problem(empty.problems[0]).rfind("empty.toml:1:1: missing `format`", 0) == 0);
}
