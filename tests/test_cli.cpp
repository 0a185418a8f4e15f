// The command line as trainers, CI and later tools use it: run the real binary.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/wait.h>
#include <string>

#include <nlohmann/json.hpp>
#include <stb/stb_image.h>

#include "fixtures.hpp"

namespace {

struct Output {
    int code;
    std::string out;
};

Output run(const std::string& args) {
    std::string cmd = std::string(CW_BINARY) + " " + args + " 2>&1";
    Output o{-1, ""};
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) o.out.append(buf, n);
    int status = pclose(p);
    o.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return o;
}

const std::string kLevel = cwtest::source_path("levels/flatpack_shelf.toml");

}  // namespace

TEST_CASE("cli: run prints the JSON result, the same bytes every time") {
    Output a = run("run " + kLevel + " --bot calm --seed 4");
    Output b = run("run " + kLevel + " --bot calm --seed 4");
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
    Output other = run("run " + kLevel + " --bot calm --seed 5");
    CHECK(nlohmann::json::parse(other.out)["state_hash"] != j["state_hash"]);
}

TEST_CASE("cli: run refuses a bad bot or seed with a message") {
    CHECK(run("run " + kLevel + " --bot sneaky").code == 2);
    CHECK(run("run " + kLevel + " --bot calm --seed abc").code == 2);
}

TEST_CASE("cli: check passes good levels and locates problems in bad ones") {
    Output good = run("check " + cwtest::source_path("levels"));
    CHECK(good.code == 0);
    namespace fs = std::filesystem;
    fs::path bad = cwtest::case_dir() / "bad.toml";
    std::ifstream in(kLevel);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text.replace(text.find("next = \"open_2\""), 15, "next = \"open_9\"");
    std::ofstream(bad) << text;
    Output o = run("check " + bad.string());
    CHECK(o.code == 1);
    CHECK(o.out.find(bad.string() + ":") != std::string::npos);
    CHECK(o.out.find("unknown node \"open_9\" in next; did you mean") != std::string::npos);
}

TEST_CASE("cli: techniques --json lists the catalogue") {
    Output o = run("techniques --json");
    REQUIRE(o.code == 0);
    auto j = nlohmann::json::parse(o.out);
    REQUIRE(j.size() == 33);
    for (const auto& t : j) {
        CHECK(t.contains("id"));
        CHECK(t.contains("kind"));
        CHECK(t.contains("name"));
        CHECK(!t["sources"].empty());
    }
}

TEST_CASE("cli: the river renders offscreen and the picture is not blank") {
    namespace fs = std::filesystem;
    fs::path png = cwtest::case_dir() / "river.png";
    Output o = run("screenshot river --out " + png.string());
    REQUIRE_MESSAGE(o.code == 0, o.out);
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(png.string().c_str(), &w, &h, &n, 3);
    REQUIRE(px);
    CHECK(w >= 1280);
    CHECK(h >= 720);
    // Count distinct colours in a coarse sample: a blank or single-colour frame has a handful.
    std::set<int> colours;
    for (int y = 0; y < h; y += 7)
        for (int x = 0; x < w; x += 7) {
            const unsigned char* p = px + (y * w + x) * 3;
            colours.insert((p[0] >> 3) << 10 | (p[1] >> 3) << 5 | (p[2] >> 3));
        }
    stbi_image_free(px);
    CHECK(colours.size() > 200);
}
