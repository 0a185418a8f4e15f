// Every screen the screenshot command knows renders offscreen, at 1280x720 or more, the picture
// is not blank (many colours, light and dark parts), and it is the screen that was asked for:
// each screen has marks only it paints (the play screen's meters, the class roster's columns,
// the editor's canvas and panels...), and a picture must show its own screen's marks and none
// of the other screens' complete set. A screenshot command that drew the menu for every name
// fails every case but the menu's.
#include <functional>
#include <string>
#include <vector>

#include "app/theme.hpp"
#include "child_process.hpp"
#include "fixtures.hpp"
#include "png_stats.hpp"

namespace {

namespace fs = std::filesystem;
using cwtest::Area;
using cwtest::Near;
using cwtest::PngStats;
using cwtest::Rgb;

struct Shot {
    cwtest::Finished run;
    PngStats pic;
};

Shot shoot(const std::string& screen, const std::vector<std::string>& extra = {}) {
    static int shots = 0;
    std::string tag = screen + "_" + std::to_string(++shots);
    fs::path png = cwtest::case_dir() / (tag + ".png");
    // A data folder of its own: a screenshot must neither read nor write the player's files.
    fs::path home = cwtest::fresh_dir("home_" + tag);
    std::vector<std::string> args{"screenshot", screen, "--out", png.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    Shot s;
    s.run = cwtest::run_cli(args, {"CALMWATERS_HOME=" + home.string(), "SDL_AUDIODRIVER=dummy"});
    CHECK_MESSAGE(fs::is_empty(home), "the screenshot wrote into the data folder");
    if (s.run.code == 0) s.pic = cwtest::png_stats(png);
    return s;
}

// ---- what only one screen paints ------------------------------------------------------------

Rgb rgb(cw::theme::Rgba c) { return {c.r, c.g, c.b}; }
bool water(Rgb c) { return c.b > c.r + 40 && c.b > 110; }

// A share of an area (in points of a 1280x720 screen) that has a colour: at least `least` of it,
// and at most `most`.
struct Mark {
    const char* what;
    Area area;
    std::function<bool(Rgb)> is;
    double least = 0, most = 1;
};

struct Signature {
    std::string screen;
    std::vector<Mark> marks;
};

// Chosen from the real pictures at 1280x720 (written to a folder and looked at): each mark is a
// large area, so a small change of layout or text moves none of them, and each screen's set
// holds on its own picture only (checked on all eight, both ways, by the cases below).
const std::vector<Signature>& signatures() {
    using namespace cw::theme;
    static const Near land{rgb(kLand), 12};
    static const std::vector<Signature> all = {
        {"menu",
         {{"land beyond the left bank", {0, 0, 200, 720}, land, 0.9},
          {"land beyond the right bank", {1080, 0, 1280, 720}, land, 0.9},
          {"water between the menu's panel and the left bank", {236, 100, 254, 600}, water, 0.8}}},
        {"settings",
         {{"land beyond the left bank", {0, 0, 200, 720}, land, 0.9},
          {"land beyond the right bank", {1080, 0, 1280, 720}, land, 0.9},
          {"the settings panel, wider than the menu's, over that water", {236, 100, 254, 600}, cwtest::dark, 0.8}}},
        {"river",
         {{"the side panel's caller-intensity meter", {1035, 264, 1080, 284}, Near{rgb(kIntensityBar), 30}, 0.8},
          {"the side panel's composure meter under it", {1035, 302, 1080, 322}, Near{rgb(kComposureBar), 30}, 0.8},
          {"the side panel, down to the replies", {900, 440, 1270, 600}, cwtest::dark, 0.7}}},
        {"class",
         {{"the roster's column of composure bars", {1035, 200, 1090, 700}, Near{rgb(kComposureBar), 30}, 0.5},
          {"the roster's column of caller bars", {1132, 200, 1165, 700}, Near{rgb(kIntensityBar), 30}, 0.5},
          {"land left of the river", {0, 0, 200, 720}, land, 0.9}}},
        {"editor",
         {{"land around the river on the canvas", {20, 100, 300, 580}, land, 0.95},
          // Mostly dark, with lines of text: the pacing of each question when there are no problems.
          {"the problems panel under the canvas", {10, 640, 780, 715}, cwtest::dark, 0.8},
          {"the inspector on the right", {805, 50, 1260, 700}, cwtest::dark, 0.85}}},
        {"diagram",
         {{"the line between the whole river and the close-up", {357, 100, 359, 700}, cwtest::dark, 0.9},
          {"land beside the whole river", {10, 300, 120, 420}, land, 0.95},
          {"land right of the close-up's labels", {1010, 560, 1270, 640}, land, 0.95}}},
        {"dock",
         {{"the dock's planks", {600, 625, 1270, 670}, Near{rgb(kWood), 25}, 0.8},
          {"the panel of activities", {20, 430, 430, 600}, cwtest::dark, 0.9}}},
        {"debrief",
         {{"a dark margin on the left", {0, 0, 140, 720}, cwtest::dark, 0.97},
          {"a dark margin on the right", {1140, 0, 1280, 720}, cwtest::dark, 0.97},
          {"the caller's intensity drawn in the chart", {155, 100, 1125, 218}, Near{rgb(kIntensityBar), 40}, 0.005}}},
        {"progress",
         // ImGui's own colours for a chosen tab and a table's header (the theme keeps them).
         {{"the chosen tab of the charts", {458, 190, 555, 208}, Near{{51, 105, 173}, 20}, 0.5},
          {"the header of the best-scores table", {20, 214, 440, 229}, Near{{48, 48, 51}, 10}, 0.5},
          {"no river anywhere", {0, 0, 1280, 720}, land, 0, 0.01}}},
    };
    return all;
}

const Signature& signature_of(const std::string& screen) {
    for (const Signature& s : signatures())
        if (s.screen == screen) return s;
    FAIL("no signature for the screen " << screen);
    return signatures().front();
}

// Which marks of `sig` the picture lacks ("" when it shows them all), with the share found.
// The picture may have twice the pixels (--dpi 2): the areas scale with it.
std::string missing_marks(const Signature& sig, const PngStats& pic) {
    std::string missing;
    for (const Mark& m : sig.marks) {
        double found = cwtest::share(pic, m.area.scaled(pic.w / 1280.0, pic.h / 720.0), m.is);
        if (found < m.least || found > m.most)
            missing += std::string("\n  ") + m.what + ": " + std::to_string(found) + " of its area, wanted " +
                       std::to_string(m.least) + " to " + std::to_string(m.most);
    }
    return missing;
}

// The picture shows `screen`'s marks, and not every mark of any other screen.
void check_is_screen(const std::string& screen, const PngStats& pic) {
    std::string missing = missing_marks(signature_of(screen), pic);
    CHECK_MESSAGE(missing.empty(), "the picture of `" << screen << "` lacks what only that screen paints:" << missing);
    for (const Signature& other : signatures())
        if (other.screen != screen)
            CHECK_MESSAGE(!missing_marks(other, pic).empty(),
                          "the picture of `" << screen << "` has every mark of `" << other.screen << "`");
}

// ---- the cases ------------------------------------------------------------------------------

// Not blank, at least the size asked for; and, when the layout is the 1280x720 one (at any
// pixel density), the screen that was asked for.
void check_screen(const std::string& screen, const std::vector<std::string>& extra = {}, int min_w = 1280,
                  int min_h = 720, bool same_layout = true) {
    Shot s = shoot(screen, extra);
    REQUIRE_MESSAGE(s.run.code == 0, s.run.all());
    MESSAGE(screen << ": " << s.pic.w << "x" << s.pic.h << ", " << s.pic.colours << " colours, brightness spread "
                   << s.pic.spread);
    CHECK(s.pic.w >= min_w);
    CHECK(s.pic.h >= min_h);
    CHECK(s.pic.colours > 60);   // a blank or flat frame has a handful
    CHECK(s.pic.spread > 12.0);  // and is all one brightness
    if (same_layout) check_is_screen(screen, s.pic);
}

}  // namespace

TEST_CASE("screens: the menu renders offscreen, not blank, and is the menu") { check_screen("menu"); }
TEST_CASE("screens: the river renders offscreen, not blank, and is the play screen") { check_screen("river"); }
TEST_CASE("screens: the dock renders offscreen, not blank, and is the dock") { check_screen("dock"); }
TEST_CASE("screens: the debrief renders offscreen, not blank, and is the debrief") { check_screen("debrief"); }
TEST_CASE("screens: the editor renders offscreen, not blank, and is the editor") { check_screen("editor"); }
TEST_CASE("screens: the class screen renders offscreen, not blank, and is the class view") { check_screen("class"); }
TEST_CASE("screens: the progress screen renders offscreen, not blank, and is the progress view") {
    check_screen("progress");
}
TEST_CASE("screens: the settings screen renders offscreen, not blank, and is the settings") { check_screen("settings"); }
TEST_CASE("screens: the river diagram renders offscreen, not blank, and is the diagram") { check_screen("diagram"); }

TEST_CASE("screens: the class preview is the same class every time, so its picture can be compared") {
    Shot first = shoot("class"), second = shoot("class");
    REQUIRE_MESSAGE(first.run.code == 0, first.run.all());
    REQUIRE_MESSAGE(second.run.code == 0, second.run.all());
    CHECK(first.pic.digest == second.pic.digest);
}

TEST_CASE("screens: a HiDPI screen gets twice the pixels, the same layout") {
    check_screen("settings", {"--dpi", "2"}, 2560, 1440);
    check_screen("river", {"--dpi", "2"}, 2560, 1440);
}

TEST_CASE("screens: bigger windows and a small one render too") {
    // Another size is another layout (panels keep their widths): the marks are for 1280x720.
    check_screen("menu", {"--size", "1920x1080"}, 1920, 1080, false);
    check_screen("river", {"--size", "800x500"}, 800, 500, false);
}

TEST_CASE("screens: an unknown screen or a bad size is refused with a reason") {
    Shot a = shoot("nowhere");
    CHECK(a.run.code == 2);
    CHECK(a.run.err.find("no screen called \"nowhere\"") != std::string::npos);
    Shot b = shoot("menu", {"--dpi", "9"});
    CHECK(b.run.code == 2);
    CHECK(b.run.err.find("--dpi") != std::string::npos);
}
