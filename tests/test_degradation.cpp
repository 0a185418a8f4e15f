// When the machine is not what we hoped (nowhere to save, a full disk, no display, no usable
// font, no sound, no gamepad), the game says so plainly and loses nothing; it never crashes.
// Each case runs the real binary, except the gamepad coming and going, which only this process
// can fake (SDL's virtual joystick).
#include "child_process.hpp"
#include "fixtures.hpp"
#include "png_stats.hpp"

#include <SDL.h>

#include <cstdint>
#include <fstream>

#include "app/input.hpp"

namespace fs = std::filesystem;
using cwtest::ChildOptions;
using cwtest::Finished;
using cwtest::run_binary;

namespace {

const std::string kLevel = cwtest::source_path("levels/flatpack_shelf.toml");

// The game in a window, with no display: SDL's offscreen video driver, drawn by SDL's software
// renderer into the window's own framebuffer. (Left to itself SDL would load Mesa's EGL for both,
// which is slower and keeps allocations that the leak checker of the sanitizer build reports.)
// A data folder of its own, and whatever `more` adds.
ChildOptions windowed_game(const fs::path& home, std::vector<std::string> more) {
    ChildOptions o{{"SDL_VIDEODRIVER=offscreen", "SDL_RENDER_DRIVER=software", "SDL_FRAMEBUFFER_ACCELERATION=0",
                    "CALMWATERS_HOME=" + home.string()}};
    o.env.insert(o.env.end(), more.begin(), more.end());
    return o;
}

// A whole call, played by the calm bot at 50 times speed; the game quits when it ends.
const std::vector<std::string> kPlayWholeCall = {"play", kLevel, "--autopilot", "calm", "--speed", "50", "--exit-at-end"};

struct Shot {
    Finished run;
    cwtest::PngStats pic;
};

// The menu (all text) pictured offscreen, with `env` changed. CALMWATERS_FONT is unset unless
// `env` sets it, so the developer's own setting cannot change the result. (A screenshot starts no
// video driver at all; the offscreen one is named in case that ever changes.)
Shot menu_shot(const std::string& name, std::vector<std::string> env) {
    fs::path dir = cwtest::fresh_dir("shot_" + name);
    fs::path png = dir / "menu.png";
    env.insert(env.begin(), {"CALMWATERS_FONT", "SDL_VIDEODRIVER=offscreen", "CALMWATERS_HOME=" + (dir / "home").string()});
    Shot s;
    s.run = run_binary({"screenshot", "menu", "--out", png.string()}, {env});
    INFO(s.run.err);
    REQUIRE(s.run.code == 0);
    s.pic = cwtest::png_stats(png);
    return s;
}

// A screenshot that fell back to ImGui's built-in font: a whole, non-blank picture, and a message
// that names the file and says what was wrong with it.
void check_font_fallback(const std::string& name, const fs::path& font, const std::string& problem) {
    Shot s = menu_shot(name, {"CALMWATERS_FONT=" + font.string()});
    MESSAGE("stderr: " << s.run.err << "picture: " << s.pic.colours << " colours, brightness spread " << s.pic.spread);
    CHECK(s.pic.w == 1280);
    CHECK(s.pic.h == 720);
    CHECK(s.pic.colours > 40);   // a blank or flat frame has a handful
    CHECK(s.pic.spread > 12.0);  // and is all one brightness
    CHECK(s.run.err.find("CALMWATERS_FONT names " + font.string() + ", which " + problem) != std::string::npos);
    CHECK(s.run.err.find("using ImGui's built-in font") != std::string::npos);
}

// 108 bytes that start like a TrueType font, with a table directory whose tables lie far past
// the end of the file: what a download cut short looks like. A check of the first four bytes
// alone would hand this to stb_truetype, which reads wherever the directory points.
std::string font_cut_short() {
    auto be16 = [](std::string& s, unsigned v) { s += char(v >> 8), s += char(v & 0xff); };
    auto be32 = [&](std::string& s, unsigned v) { be16(s, v >> 16), be16(s, v & 0xffff); };
    std::string d;
    be32(d, 0x00010000);
    be16(d, 6), be16(d, 64), be16(d, 2), be16(d, 32);  // six tables, and the binary search hints
    for (const char* tag : {"cmap", "glyf", "head", "hhea", "hmtx", "loca"}) {
        d += tag;
        be32(d, 0);
        be32(d, 0x100000);  // 1 MB in
        be32(d, 4096);
    }
    return d;
}

// SDL's virtual joysticks stand in for real pads being plugged in and pulled out, and they are
// the only pads SDL may see here: with a real pad plugged into the machine, "no pad" would be
// false and the pad taking over might be the real one, so the tests would test the desk, not
// the game. Every joystick driver but the virtual one asks SDL whether to ignore a device by its
// USB vendor and product; told to ignore all but one pair no real device carries (pid.codes'
// test product 1209:0001), SDL hides them all. HIDAPI, which finds pads its own way, is off, and
// Steam's virtual gamepad is not let through either. Override priority: the environment cannot
// undo any of it. Should a joystick still get through, the test fails and names it: it never
// passes without having tested the game.
const char* const kHiddenPadHints[][2] = {
    {SDL_HINT_JOYSTICK_HIDAPI, "0"},
    {SDL_HINT_GAMECONTROLLER_IGNORE_DEVICES_EXCEPT, "0x1209/0x0001"},
    {SDL_HINT_GAMECONTROLLER_IGNORE_DEVICES, ""},
    {"SDL_GAMECONTROLLER_ALLOW_STEAM_VIRTUAL_GAMEPAD", "0"},
};

// The same for the game run as a child, through its environment.
std::vector<std::string> hidden_pad_env() {
    std::vector<std::string> env;
    for (const auto& hint : kHiddenPadHints) env.push_back(std::string(hint[0]) + "=" + hint[1]);
    return env;
}

}  // namespace

TEST_CASE("degradation: a data folder that cannot be written gives a message, not a crash") {
    // Below a file, no folder can ever be made, even for root.
    ChildOptions env{{"CALMWATERS_HOME=/dev/null/calmwaters"}};
    Finished r = run_binary({"run", kLevel, "--bot", "calm", "--profile", "ana"}, env);
    CHECK(r.code == 1);
    CHECK(r.err.find("could not be saved") != std::string::npos);
    Finished p = run_binary({"progress", "--profile", "ana", "--json"}, env);
    CHECK(p.code != 0);
    CHECK(p.code < 128);  // refused, not killed by a signal
    CHECK_FALSE(p.err.empty());
}

TEST_CASE("degradation: a full disk while saving a replay keeps the old file whole and says so") {
    fs::path dir = cwtest::fresh_dir("replays");  // the replay alone: its folder is counted below
    fs::path replay = dir / "run.json";
    std::ofstream(replay) << "the replay saved before";
    ChildOptions full;
    full.file_limit = 1024;
    Finished r = run_binary({"run", kLevel, "--bot", "calm", "--record", replay.string()}, full);
    CHECK(r.code == 1);
    CHECK(r.err.find("could not save " + replay.string()) != std::string::npos);
    std::ifstream in(replay);
    std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(kept == "the replay saved before");
    int files = 0;
    for (auto& e : fs::directory_iterator(dir)) files += e.is_regular_file() ? 1 : 0;
    CHECK(files == 1);  // no half-written temporary left behind
}

TEST_CASE("degradation: with no display the game says what still works, and headless commands work") {
    Finished r = run_binary({"play", kLevel}, {{"SDL_VIDEODRIVER=no-such-driver"}});
    CHECK(r.code == 1);
    CHECK(r.err.find("headless commands still work") != std::string::npos);
    CHECK(run_binary({"check", kLevel}, {{"SDL_VIDEODRIVER=no-such-driver"}}).code == 0);
    CHECK(run_binary({"run", kLevel, "--bot", "calm"}, {{"SDL_VIDEODRIVER=no-such-driver", "DISPLAY="}}).code == 0);
}

TEST_CASE("degradation: CALMWATERS_FONT naming a missing file falls back to the built-in font and says so") {
    fs::path dir = cwtest::case_dir();
    check_font_fallback("font_missing", dir / "no-such-font.ttf", "does not exist");
}

TEST_CASE("degradation: CALMWATERS_FONT naming a folder falls back to the built-in font and says so") {
    fs::path dir = cwtest::case_dir();
    fs::create_directories(dir / "fonts.ttf");
    check_font_fallback("font_folder", dir / "fonts.ttf", "is a folder, not a font file");
}

TEST_CASE("degradation: CALMWATERS_FONT naming a file of garbage falls back to the built-in font and says so") {
    // Unpatched, ImGui asserts on this file (and aborts the game).
    fs::path dir = cwtest::case_dir();
    std::string junk;
    std::uint32_t x = 12345;
    for (int i = 0; i < 20000; ++i) junk += static_cast<char>((x = x * 1664525u + 1013904223u) >> 24);
    std::ofstream(dir / "garbage.ttf", std::ios::binary) << junk;
    check_font_fallback("font_garbage", dir / "garbage.ttf", "is not a TrueType or OpenType font");
}

TEST_CASE("degradation: CALMWATERS_FONT naming a font cut short falls back to the built-in font and says so") {
    // It starts like a font, so only the table directory shows what is wrong; unpatched,
    // stb_truetype reads past the end of it.
    fs::path dir = cwtest::case_dir();
    std::ofstream(dir / "cut.ttf", std::ios::binary) << font_cut_short();
    check_font_fallback("font_cut", dir / "cut.ttf", "is a damaged font");
}

TEST_CASE("degradation: CALMWATERS_FONT naming a good font is the font used, with no complaint") {
    // Another face than the default DejaVu Sans, so the picture shows which one was used.
    std::string other;
    for (const char* p : {"/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
                          "/usr/share/fonts/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/dejavu/DejaVuSansMono.ttf"})
        if (fs::is_regular_file(p)) {
            other = p;
            break;
        }
    if (other.empty()) {
        MESSAGE("skipped: no DejaVu Serif or Sans Mono here (fonts-dejavu-core)");
        return;
    }
    Shot usual = menu_shot("font_usual", {});
    Shot chosen = menu_shot("font_chosen", {"CALMWATERS_FONT=" + other});
    Shot builtin = menu_shot("font_builtin", {"CALMWATERS_FONT=/dev/null/none.ttf"});
    CHECK(chosen.run.err.find("font") == std::string::npos);
    CHECK(chosen.pic.colours > 40);
    CHECK(chosen.pic.digest != usual.pic.digest);    // the override was not ignored
    CHECK(chosen.pic.digest != builtin.pic.digest);  // nor refused
}

TEST_CASE("degradation: with no sound device the game plays a whole call silently and says why") {
    fs::path home = cwtest::case_dir() / "home";
    // No audio system at all.
    Finished none = run_binary(kPlayWholeCall, windowed_game(home, {"SDL_AUDIODRIVER=no-such-audio"}));
    INFO(none.err);
    CHECK(none.code == 0);
    CHECK(none.err.find("No sound: the audio system did not start") != std::string::npos);
    // An audio system whose device cannot be opened: SDL's file-writing driver, told to write
    // below a file.
    Finished closed =
        run_binary(kPlayWholeCall, windowed_game(home, {"SDL_AUDIODRIVER=disk", "SDL_DISKAUDIOFILE=/dev/null/sound.raw"}));
    INFO(closed.err);
    CHECK(closed.code == 0);
    if (closed.err.find("'disk' not available") != std::string::npos) MESSAGE("this SDL has no disk audio driver");
    else CHECK(closed.err.find("No sound: no audio device could be opened") != std::string::npos);
}

TEST_CASE("degradation: with no gamepad and a garbage controller mapping the game plays a whole call") {
    fs::path dir = cwtest::case_dir();
    fs::path junk = dir / "not-a-device";
    std::ofstream(junk) << "\x01\x02 this is neither a mapping nor a joystick \xff\n,,,:b0:\n";
    // No joystick devices but the ones SDL_JOYSTICK_DEVICE names, a plain file and nothing at
    // all (any real pad of the machine hidden), and mappings that are not mappings, both inline
    // and from a file.
    std::vector<std::string> more = hidden_pad_env();
    more.insert(more.end(), {"SDL_AUDIODRIVER=dummy",
                             "SDL_GAMECONTROLLERCONFIG=garbage,,not a mapping:at all,a:b99999999,\n\x01,",
                             "SDL_GAMECONTROLLERCONFIG_FILE=" + junk.string(),
                             "SDL_JOYSTICK_DEVICE=" + junk.string() + ":" + (dir / "missing").string()});
    Finished r = run_binary(kPlayWholeCall, windowed_game(dir / "home", more));
    INFO(r.err);
    CHECK(r.code == 0);
}

namespace {

// SDL's game controllers, with only virtual pads to be seen (see kHiddenPadHints).
struct VirtualPadsOnly {
    bool started = false;
    std::string error, real;  // why SDL did not start; the joysticks it still sees ("" when none)
    VirtualPadsOnly() {
        for (const auto& hint : kHiddenPadHints) SDL_SetHintWithPriority(hint[0], hint[1], SDL_HINT_OVERRIDE);
        started = SDL_Init(SDL_INIT_GAMECONTROLLER) == 0;
        if (!started) error = SDL_GetError();
        for (int i = 0; started && i < SDL_NumJoysticks(); ++i) {
            const char* name = SDL_JoystickNameForIndex(i);
            real += std::string(real.empty() ? "" : ", ") + (name ? name : "a joystick with no name");
        }
    }
    ~VirtualPadsOnly() {
        if (started) SDL_Quit();
        for (const auto& hint : kHiddenPadHints) SDL_ResetHint(hint[0]);
    }
};

// Stops the test (failing it) unless SDL started and sees no joystick but ours.
void require_only_virtual_pads(const VirtualPadsOnly& only) {
    REQUIRE_MESSAGE(only.started, only.error);
    REQUIRE_MESSAGE(only.real.empty(), "SDL still sees a real joystick (" << only.real
                                           << ") although every real one should be hidden");
}

int attach_virtual_pad() {
    return SDL_JoystickAttachVirtual(SDL_JOYSTICK_TYPE_GAMECONTROLLER, SDL_CONTROLLER_AXIS_MAX,
                                     SDL_CONTROLLER_BUTTON_MAX, 0);
}

void pump(cw::InputDevices& input) {
    SDL_Event e;
    while (SDL_PollEvent(&e)) input.handle_event(e);
}

}  // namespace

TEST_CASE("degradation: a gamepad coming and going, or an event for one that is not there, leaves no dangling pad") {
    VirtualPadsOnly only;
    require_only_virtual_pads(only);
    {
        cw::InputDevices input;
        CHECK_FALSE(input.has_gamepad());
        CHECK(input.read(false).paddle == 0);

        // Events for pads that do not exist: one "added" that cannot be opened, one "removed".
        SDL_Event ghost{};
        ghost.type = SDL_CONTROLLERDEVICEADDED;
        ghost.cdevice.which = 7;
        input.handle_event(ghost);
        ghost.type = SDL_CONTROLLERDEVICEREMOVED;
        ghost.cdevice.which = 42;
        input.handle_event(ghost);
        CHECK_FALSE(input.has_gamepad());

        int index = attach_virtual_pad();
        REQUIRE_MESSAGE(index >= 0, SDL_GetError());
        pump(input);
        REQUIRE(input.has_gamepad());
        SDL_Joystick* stick = SDL_JoystickFromInstanceID(SDL_JoystickGetDeviceInstanceID(index));
        REQUIRE(stick);
        SDL_JoystickSetVirtualButton(stick, SDL_CONTROLLER_BUTTON_A, SDL_PRESSED);
        SDL_JoystickSetVirtualButton(stick, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, SDL_PRESSED);
        pump(input);
        cw::Input held = input.read(false);
        CHECK(held.breath);
        CHECK(held.paddle == 1);

        // Pulled out mid-call: the pad is let go of, and reading goes on from the keyboard.
        REQUIRE(SDL_JoystickDetachVirtual(index) == 0);
        pump(input);
        CHECK_FALSE(input.has_gamepad());
        cw::Input after = input.read(false);
        CHECK_FALSE(after.breath);
        CHECK(after.paddle == 0);
    }
    SDL_Quit();
}

TEST_CASE("degradation: when the pad in use is pulled out, another one still plugged in takes over") {
    VirtualPadsOnly only;
    require_only_virtual_pads(only);
    {
        cw::InputDevices input;
        int first = attach_virtual_pad();
        REQUIRE_MESSAGE(first >= 0, SDL_GetError());
        pump(input);
        int second = attach_virtual_pad();
        REQUIRE_MESSAGE(second >= 0, SDL_GetError());
        SDL_JoystickID second_id = SDL_JoystickGetDeviceInstanceID(second);
        pump(input);
        REQUIRE(input.has_gamepad());

        REQUIRE(SDL_JoystickDetachVirtual(first) == 0);
        pump(input);
        REQUIRE(input.has_gamepad());  // the second pad, not nothing
        SDL_Joystick* stick = SDL_JoystickFromInstanceID(second_id);
        REQUIRE(stick);  // opened by the game when it took over
        SDL_JoystickSetVirtualButton(stick, SDL_CONTROLLER_BUTTON_A, SDL_PRESSED);
        pump(input);
        CHECK(input.read(false).breath);
    }
    SDL_Quit();
}
