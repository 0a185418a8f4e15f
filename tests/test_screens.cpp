// Every screen the screenshot command knows renders offscreen, at 1280x720 or more, and the
// picture is not blank: many colours, and light and dark parts (text on panels, water on land).
#include <filesystem>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "fixtures.hpp"
#include "png_stats.hpp"

namespace {

namespace fs = std::filesystem;

struct Picture {
    cwtest::Finished run;
    cwtest::PngStats pic;
};

Picture shoot(const std::string& screen, const std::vector<std::string>& extra = {}) {
    Picture pic;
    fs::path png = cwtest::case_dir() / (screen + ".png");
    fs::remove(png);
    // A data folder of its own: a screenshot must neither read nor write the player's files.
    fs::path home = cwtest::fresh_dir("home_" + screen);
    std::vector<std::string> args{"screenshot", screen, "--out", png.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    pic.run = cwtest::run_cli(args, {"CALMWATERS_HOME=" + home.string(), "SDL_AUDIODRIVER=dummy"});
    CHECK_MESSAGE(fs::is_empty(home), "the screenshot wrote into the data folder");
    if (pic.run.code == 0) pic.pic = cwtest::png_stats(png);
    return pic;
}

void check_screen(const std::string& screen, const std::vector<std::string>& extra = {}, int min_w = 1280, int min_h = 720) {
    Picture pic = shoot(screen, extra);
    REQUIRE_MESSAGE(pic.run.code == 0, pic.run.all());
    MESSAGE(screen << ": " << pic.pic.w << "x" << pic.pic.h << ", " << pic.pic.colours << " colours, brightness spread "
                   << pic.pic.spread);
    CHECK(pic.pic.w >= min_w);
    CHECK(pic.pic.h >= min_h);
    CHECK(pic.pic.colours > 60);   // a blank or flat frame has a handful
    CHECK(pic.pic.spread > 12.0);  // and is all one brightness
}

}  // namespace

TEST_CASE("screens: the menu renders offscreen and is not blank") { check_screen("menu"); }
TEST_CASE("screens: the river renders offscreen and is not blank") { check_screen("river"); }
TEST_CASE("screens: the dock renders offscreen and is not blank") { check_screen("dock"); }
TEST_CASE("screens: the debrief renders offscreen and is not blank") { check_screen("debrief"); }
TEST_CASE("screens: the editor renders offscreen and is not blank") { check_screen("editor"); }
TEST_CASE("screens: the class screen renders offscreen and is not blank") { check_screen("class"); }
TEST_CASE("screens: the progress screen renders offscreen and is not blank") { check_screen("progress"); }
TEST_CASE("screens: the settings screen renders offscreen and is not blank") { check_screen("settings"); }

TEST_CASE("screens: the class preview is the same class every time, so its picture can be compared") {
    Picture first = shoot("class"), second = shoot("class");
    REQUIRE_MESSAGE(first.run.code == 0, first.run.all());
    REQUIRE_MESSAGE(second.run.code == 0, second.run.all());
    CHECK(first.pic.digest == second.pic.digest);
}

TEST_CASE("screens: a HiDPI screen gets twice the pixels, the same layout") {
    check_screen("settings", {"--dpi", "2"}, 2560, 1440);
    check_screen("river", {"--dpi", "2"}, 2560, 1440);
}

TEST_CASE("screens: bigger windows and a small one render too") {
    check_screen("menu", {"--size", "1920x1080"}, 1920, 1080);
    check_screen("river", {"--size", "800x500"}, 800, 500);
}

TEST_CASE("screens: an unknown screen or a bad size is refused with a reason") {
    Picture a = shoot("nowhere");
    CHECK(a.run.code == 2);
    CHECK(a.run.err.find("no screen called \"nowhere\"") != std::string::npos);
    Picture b = shoot("menu", {"--dpi", "9"});
    CHECK(b.run.code == 2);
    CHECK(b.run.err.find("--dpi") != std::string::npos);
}
