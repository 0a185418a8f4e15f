// The dock reads the keyboard and the gamepad through InputDevices, like every other screen:
// the gamepad's A holds (breathing, squeezing) and its d-pad, shoulders or stick take footsteps,
// one per press. SDL's virtual joystick stands in for the pad. And the dock's words come from
// assets/dock.toml, checked with located problems like every content file.
#include "fixtures.hpp"

#include <SDL.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "app/app_shell.hpp"
#include "app/input.hpp"
#include "app/screens.hpp"
#include "content/dock_text.hpp"
#include "content/playlist_loader.hpp"
#include "core/dock.hpp"

namespace {

// False (having said why) when a real joystick is connected: then the pad these tests plug in
// would not be the only one.
bool start_virtual_pads() {
    SDL_SetHint(SDL_HINT_JOYSTICK_HIDAPI, "0");
    REQUIRE_MESSAGE(SDL_Init(SDL_INIT_GAMECONTROLLER) == 0, SDL_GetError());
    if (SDL_NumJoysticks() == 0) return true;
    MESSAGE("skipped: a real joystick is connected");
    SDL_Quit();
    return false;
}

SDL_Joystick* attach_virtual_pad() {
    int index = SDL_JoystickAttachVirtual(SDL_JOYSTICK_TYPE_GAMECONTROLLER, SDL_CONTROLLER_AXIS_MAX,
                                          SDL_CONTROLLER_BUTTON_MAX, 0);
    REQUIRE_MESSAGE(index >= 0, SDL_GetError());
    SDL_Joystick* stick = SDL_JoystickOpen(index);  // ours, to move; the game opens its own controller
    REQUIRE_MESSAGE(stick, SDL_GetError());
    return stick;
}

void pump(cw::InputDevices& input) {
    SDL_Event e;
    while (SDL_PollEvent(&e)) input.handle_event(e);
}

// One frame: pump the events, read the dock's input, forget the frame's presses (as the shell does).
cw::DockInput frame(cw::InputDevices& input, bool keys_free = true) {
    pump(input);
    cw::DockInput in = input.read_dock(keys_free);
    input.end_frame();
    return in;
}

void button(SDL_Joystick* stick, SDL_GameControllerButton b, bool down) {
    SDL_JoystickSetVirtualButton(stick, b, down ? SDL_PRESSED : SDL_RELEASED);
}

void stick_x(SDL_Joystick* stick, double x) {
    SDL_JoystickSetVirtualAxis(stick, SDL_CONTROLLER_AXIS_LEFTX, static_cast<Sint16>(x * 32767));
}

SDL_Event key(SDL_Scancode k, bool repeat = false) {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.keysym.scancode = k;
    e.key.repeat = repeat ? 1 : 0;
    return e;
}

}  // namespace

TEST_CASE("dock input: the gamepad's A holds, and the d-pad and shoulders step once per press") {
    if (!start_virtual_pads()) return;
    {
        SDL_Joystick* stick = attach_virtual_pad();
        cw::InputDevices input;
        pump(input);
        REQUIRE(input.has_gamepad());
        CHECK(frame(input).step == 0);
        CHECK_FALSE(frame(input).hold);

        button(stick, SDL_CONTROLLER_BUTTON_A, true);
        CHECK(frame(input).hold);
        CHECK(frame(input).hold);  // held, not pressed: it stays on
        button(stick, SDL_CONTROLLER_BUTTON_A, false);
        CHECK_FALSE(frame(input).hold);

        button(stick, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, true);
        CHECK(frame(input).step == 1);
        CHECK(frame(input).step == 0);  // still held: one press, one step
        button(stick, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, false);
        CHECK(frame(input).step == 0);
        button(stick, SDL_CONTROLLER_BUTTON_DPAD_LEFT, true);
        CHECK(frame(input).step == -1);
        button(stick, SDL_CONTROLLER_BUTTON_DPAD_LEFT, false);
        button(stick, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, true);
        CHECK(frame(input).step == 1);
        button(stick, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER, false);
        button(stick, SDL_CONTROLLER_BUTTON_LEFTSHOULDER, true);
        CHECK(frame(input).step == -1);
        button(stick, SDL_CONTROLLER_BUTTON_LEFTSHOULDER, false);
        CHECK(frame(input).step == 0);
        // A text field having the keyboard does not stop the pad.
        button(stick, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, true);
        CHECK(frame(input, false).step == 1);
        SDL_JoystickClose(stick);
    }
    SDL_Quit();
}

TEST_CASE("dock input: the left stick steps when pushed over, and again only after coming back") {
    if (!start_virtual_pads()) return;
    {
        SDL_Joystick* stick = attach_virtual_pad();
        cw::InputDevices input;
        pump(input);
        REQUIRE(input.has_gamepad());
        stick_x(stick, 0.8);
        CHECK(frame(input).step == 1);
        CHECK(frame(input).step == 0);  // held over: no more steps
        stick_x(stick, 0.4);            // easing off, but not back: still the same push
        CHECK(frame(input).step == 0);
        stick_x(stick, 0.8);
        CHECK(frame(input).step == 0);
        stick_x(stick, 0.1);            // back to the middle
        CHECK(frame(input).step == 0);
        stick_x(stick, 0.8);
        CHECK(frame(input).step == 1);
        stick_x(stick, -0.8);           // flicked straight across
        CHECK(frame(input).step == -1);
        stick_x(stick, 0.0);
        CHECK(frame(input).step == 0);
        SDL_JoystickClose(stick);
    }
    SDL_Quit();
}

TEST_CASE("dock input: a whole walk along the dock with the gamepad alone") {
    if (!start_virtual_pads()) return;
    {
        SDL_Joystick* stick = attach_virtual_pad();
        cw::InputDevices input;
        pump(input);
        REQUIRE(input.has_gamepad());
        cw::DockActivityState walk(cw::DockActivity::walk_it_off), hold_one(cw::DockActivity::walk_it_off);
        const double dt = 1.0 / 60.0;
        for (int k = 0; k < cw::DockActivityState::kSteps; ++k) {
            SDL_GameControllerButton b = k % 2 ? SDL_CONTROLLER_BUTTON_DPAD_LEFT : SDL_CONTROLLER_BUTTON_DPAD_RIGHT;
            button(stick, b, true);
            walk.step(frame(input), dt);
            walk.step(frame(input), dt);  // held a moment
            button(stick, b, false);
            walk.step(frame(input), dt);
        }
        CHECK(walk.steps() == cw::DockActivityState::kSteps);
        CHECK(walk.done());
        // Holding one direction down is a single step, however long.
        button(stick, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, true);
        for (int i = 0; i < 120; ++i) hold_one.step(frame(input), dt);
        CHECK(hold_one.steps() == 1);
        SDL_JoystickClose(stick);
    }
    SDL_Quit();
}

TEST_CASE("dock input: A/D and the arrow keys step once per press, and not while typing") {
    REQUIRE(SDL_Init(SDL_INIT_EVENTS) == 0);
    {
        cw::InputDevices input;
        input.handle_event(key(SDL_SCANCODE_D));
        CHECK(input.read_dock(true).step == 1);
        CHECK(input.read_dock(true).step == 1);  // until the frame is over
        input.end_frame();
        CHECK(input.read_dock(true).step == 0);
        input.handle_event(key(SDL_SCANCODE_D, true));  // the key repeating as it is held
        CHECK(input.read_dock(true).step == 0);
        input.handle_event(key(SDL_SCANCODE_LEFT));
        CHECK(input.read_dock(true).step == -1);
        input.end_frame();
        input.handle_event(key(SDL_SCANCODE_A));
        CHECK(input.read_dock(false).step == 0);  // typing an "a" in the notepad is not a step
        input.end_frame();
        input.handle_event(key(SDL_SCANCODE_RIGHT));
        CHECK(input.read_dock(true).step == 1);
        input.end_frame();
        input.handle_event(key(SDL_SCANCODE_SPACE));
        CHECK(input.read_dock(true).step == 0);
    }
    SDL_Quit();
}

namespace {

// The dock's walk, run headless by the game's own shell for 40 frames with the gamepad's d-pad
// pressed left and right in turn (or left alone); the picture at the end.
std::vector<unsigned char> dock_walk_picture(bool walk) {
    std::vector<unsigned char> pixels;
    if (!start_virtual_pads()) return pixels;
    SDL_Joystick* stick = attach_virtual_pad();
    {
        cw::AppShell shell;
        std::string error;
        REQUIRE_MESSAGE(shell.init(true, error), error);
        cw::PlaylistLoad week =
            cw::load_playlist_file(cwtest::source_path("levels/campaign/first_week.playlist.toml"), cwtest::catalogue());
        REQUIRE(week.ok());
        auto dock = cw::make_dock_screen(shell.ctx, std::make_shared<const cw::Playlist>(*week.playlist), 1, 58.0, error,
                                         cw::DockActivity::walk_it_off);
        REQUIRE_MESSAGE(dock, error);
        shell.show(std::move(dock));
        for (int i = 0; i < 40; ++i) {
            if (walk) {
                button(stick, SDL_CONTROLLER_BUTTON_DPAD_RIGHT, i % 4 == 0);
                button(stick, SDL_CONTROLLER_BUTTON_DPAD_LEFT, i % 4 == 2);
            }
            shell.poll_events();
            shell.frame(1.0 / 60.0, false);
        }
        int w = 0, h = 0;
        SDL_GetRendererOutputSize(shell.ctx.renderer, &w, &h);
        pixels.resize(static_cast<size_t>(w) * h * 4);
        REQUIRE(SDL_RenderReadPixels(shell.ctx.renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), w * 4) == 0);
        SDL_JoystickClose(stick);
    }  // the shell quits SDL
    return pixels;
}

}  // namespace

TEST_CASE("dock input: the dock screen walks when the gamepad's d-pad is pressed") {
    std::vector<unsigned char> walked = dock_walk_picture(true);
    if (walked.empty()) return;  // a real joystick is connected
    std::vector<unsigned char> stood = dock_walk_picture(false);
    REQUIRE(walked.size() == stood.size());
    CHECK(walked != stood);  // the walker moved along the dock, and the count went up
}

// --- the dock's words ------------------------------------------------------------------------

TEST_CASE("dock text: the shipped file has words for every activity and at least one quote") {
    cw::DockTextLoad load = cw::load_dock_text_file(cwtest::source_path("assets/dock.toml"));
    REQUIRE_MESSAGE(load.ok(), cw::format_problems(load.problems));
    const cw::DockText& d = *load.text;
    CHECK(d.intro.size() > 20);
    for (cw::DockActivity a : cw::all_dock_activities()) CHECK(d.instructions_for(a).size() > 20);
    for (const std::string* s : {&d.team_story, &d.team_move_on, &d.team_move_on_then, &d.team_dwell,
                                 &d.team_dwell_then, &d.best_yes, &d.best_mostly, &d.best_then})
        CHECK(!s->empty());
    REQUIRE(!d.touchstone_quotes.empty());
    // The player's pick in Settings counts round the quotes.
    CHECK(d.touchstone_quote(0) == d.touchstone_quotes[0]);
    CHECK(&d.touchstone_quote(static_cast<int>(d.touchstone_quotes.size())) == &d.touchstone_quotes[0]);
}

namespace {

std::string replace(std::string s, const std::string& from, const std::string& to) {
    size_t at = s.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return s.replace(at, from.size(), to);
}

std::string shipped_dock_text() {
    std::ifstream in(cwtest::source_path("assets/dock.toml"), std::ios::binary);
    REQUIRE(in);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The line (1-based) of the shipped file where `needle` first appears.
int line_of(const std::string& text, const std::string& needle) {
    size_t at = text.find(needle);
    REQUIRE_MESSAGE(at != std::string::npos, needle);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

}  // namespace

TEST_CASE("dock text: a broken file says which file, line and column, and what is wrong") {
    const std::string good = shipped_dock_text();
    struct Broken {
        const char* what;
        std::string text;
        int line;
        const char* message;
    };
    const int stress = line_of(good, "[stress_ball]");
    const int quotes = line_of(good, "\"Calm is catching.");
    const int best = line_of(good, "mostly = ");
    const std::vector<Broken> cases = {
        {"a misspelt key", replace(good, "[stress_ball]\ninstructions", "[stress_ball]\ninstruction"), stress + 1,
         "unknown key `instruction` in [stress_ball]; did you mean `instructions`?"},
        {"a quote that is not text", replace(good, "\"Calm is catching. Bring some to the next call.\"", "42"), quotes,
         "each quote is text in quotes"},
        {"an empty answer", replace(good, "mostly = \"Mostly. Next time I'd listen a little longer first.\"", "mostly = \" \""),
         best, "`mostly` in [did_my_best] is empty: write what the dock should say"},
        {"a number for a line", replace(good, "mostly = \"Mostly. Next time I'd listen a little longer first.\"", "mostly = 3"),
         best, "`mostly` should be text in quotes, not a whole number"},
        {"a syntax error", replace(good, "[stress_ball]", "[stress_ball"), stress, ""},
    };
    for (const Broken& c : cases) {
        CAPTURE(c.what);
        cw::DockTextLoad load = cw::load_dock_text(c.text, "assets/dock.toml");
        REQUIRE_FALSE(load.ok());
        REQUIRE(!load.problems.empty());
        const cw::Problem& p = load.problems.front();
        std::string shown = cw::format_problems(load.problems);
        CAPTURE(shown);
        CHECK(p.file == "assets/dock.toml");
        CHECK(p.line == c.line);
        CHECK(p.column >= 1);
        CHECK(p.message.rfind(c.message, 0) == 0);
        CHECK(shown.rfind("assets/dock.toml:" + std::to_string(c.line) + ":" + std::to_string(p.column) + ": ", 0) == 0);
    }
    // A misspelt activity is named once, on the misspelt line (not also as missing).
    std::string no_brain_break = replace(good, "[brain_break]\n", "[brain_breaks]\n");
    cw::DockTextLoad load = cw::load_dock_text(no_brain_break, "dock.toml");
    REQUIRE_FALSE(load.ok());
    std::string shown = cw::format_problems(load.problems);
    CAPTURE(shown);
    CHECK(shown.find("unknown key `brain_breaks` in the dock's text; did you mean `brain_break`?") != std::string::npos);
    CHECK(shown.find("missing `brain_break`") == std::string::npos);
    // One simply left out is named at the top of the file.
    std::string without = good;
    without.replace(without.find("[brain_break]\n"), 14, "[elsewhere]\n");
    cw::DockTextLoad gone = cw::load_dock_text(without, "dock.toml");
    REQUIRE_FALSE(gone.ok());
    CHECK(cw::format_problems(gone.problems).find("missing `brain_break`") != std::string::npos);
    // And a file that is not there says so.
    cw::DockTextLoad missing = cw::load_dock_text_file("/nonexistent/dock.toml");
    REQUIRE_FALSE(missing.ok());
    CHECK(cw::format_problems(missing.problems).find("/nonexistent/dock.toml") != std::string::npos);
}
