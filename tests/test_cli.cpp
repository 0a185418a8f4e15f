// The command line as trainers, CI and later tools use it: run the real binary.
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "fixtures.hpp"
#include "png_stats.hpp"

namespace {

using cwtest::Finished;
using cwtest::run_cli;

const std::string kLevel = cwtest::source_path("levels/flatpack_shelf.toml");

}  // namespace

TEST_CASE("cli: run prints the JSON result, the same bytes every time") {
    Finished a = run_cli({"run", kLevel, "--bot", "calm", "--seed", "4"});
    Finished b = run_cli({"run", kLevel, "--bot", "calm", "--seed", "4"});
    REQUIRE(a.code == 0);
    CHECK(a.out == b.out);
    auto j = nlohmann::json::parse(a.out);
    for (const char* key : {"level", "outcome", "score", "composure_min", "jolts", "choices", "ticks", "state_hash"})
        CHECK_MESSAGE(j.contains(key), key);
    REQUIRE(j["choices"].size() == 3);
    for (const auto& c : j["choices"]) {
        CHECK(c.contains("node"));
        CHECK(c.contains("reply"));
        CHECK(c["techniques"].is_array());
    }
    CHECK(j["outcome"] == "resolved");
    Finished other = run_cli({"run", kLevel, "--bot", "calm", "--seed", "5"});
    CHECK(nlohmann::json::parse(other.out)["state_hash"] != j["state_hash"]);
}

TEST_CASE("cli: run refuses a bad bot or seed with a message") {
    Finished bot = run_cli({"run", kLevel, "--bot", "sneaky"});
    CHECK(bot.code == 2);
    CHECK_FALSE(bot.err.empty());
    Finished seed = run_cli({"run", kLevel, "--bot", "calm", "--seed", "abc"});
    CHECK(seed.code == 2);
    CHECK_FALSE(seed.err.empty());
}

TEST_CASE("cli: check passes good levels and locates problems in bad ones") {
    Finished good = run_cli({"check", cwtest::source_path("levels")});
    CHECK(good.code == 0);
    namespace fs = std::filesystem;
    fs::path bad = cwtest::case_dir() / "bad.toml";
    std::ifstream in(kLevel);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text.replace(text.find("next = \"open_2\""), 15, "next = \"open_9\"");
    std::ofstream(bad) << text;
    Finished o = run_cli({"check", bad.string()});
    CHECK(o.code == 1);
    CHECK(o.all().find(bad.string() + ":") != std::string::npos);
    CHECK(o.all().find("unknown node \"open_9\" in next; did you mean") != std::string::npos);
}

TEST_CASE("cli: techniques --json lists the catalogue") {
    Finished o = run_cli({"techniques", "--json"});
    REQUIRE(o.code == 0);
    auto j = nlohmann::json::parse(o.out);
    REQUIRE(j.size() == 35);
    for (const auto& t : j) {
        CHECK(t.contains("id"));
        CHECK(t.contains("kind"));
        CHECK(t.contains("name"));
        CHECK((!t["sources"].empty() || t.contains("basis")));  // an article, or the practice it comes from
    }
}

TEST_CASE("cli: the river renders offscreen and the picture is not blank") {
    namespace fs = std::filesystem;
    fs::path png = cwtest::case_dir() / "river.png";
    Finished o = run_cli({"screenshot", "river", "--out", png.string()});
    REQUIRE_MESSAGE(o.code == 0, o.all());
    cwtest::PngStats pic = cwtest::png_stats(png);
    CHECK(pic.w >= 1280);
    CHECK(pic.h >= 720);
    // A blank or single-colour frame has a handful of colours.
    CHECK(pic.colours > 200);
}
