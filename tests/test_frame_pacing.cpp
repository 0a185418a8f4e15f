// The shell's pacing: never faster than the display, full rate just after input, and then no more
// often than the screen's picture moves.
#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>

#include "app/app_shell.hpp"
#include "app/frame_reuse.hpp"
#include "app/frame_pacing.hpp"
#include "fixtures.hpp"
#include "scoped_env.hpp"

using namespace cw;

TEST_CASE("pacing: a moving screen is held to the display's rate, and never waits once the frame took that long") {
    CHECK(seconds_before_next_frame(Motion::animating, 5.0, 0.004, 60) == doctest::Approx(1.0 / 60 - 0.004));
    CHECK(seconds_before_next_frame(Motion::animating, 5.0, 0.004, 144) == doctest::Approx(1.0 / 144 - 0.004));
    CHECK(seconds_before_next_frame(Motion::animating, 5.0, 0.020, 60) == 0);  // vsync, or a slow frame
    // A display that does not say its rate is taken as 60 Hz.
    CHECK(seconds_before_next_frame(Motion::animating, 5.0, 0.0, 0) == doctest::Approx(1.0 / 60));
}

TEST_CASE("pacing: just after input every screen draws at the display's rate") {
    for (Motion m : {Motion::animating, Motion::ambient, Motion::still}) {
        CAPTURE(static_cast<int>(m));
        CHECK(seconds_before_next_frame(m, 0.0, 0.002, 60) == doctest::Approx(1.0 / 60 - 0.002));
        CHECK(seconds_before_next_frame(m, pacing::kSettleSeconds * 0.9, 0.002, 60) ==
              doctest::Approx(1.0 / 60 - 0.002));
    }
}

TEST_CASE("pacing: left alone, a backdrop drifts at the ambient rate and a still screen waits to be woken") {
    const double later = pacing::kSettleSeconds + 0.1;
    CHECK(seconds_before_next_frame(Motion::ambient, later, 0.005, 60) == doctest::Approx(1.0 / pacing::kAmbientHz - 0.005));
    CHECK(seconds_before_next_frame(Motion::still, later, 0.005, 60) == doctest::Approx(pacing::kStillWakeSeconds - 0.005));
    CHECK(seconds_before_next_frame(Motion::animating, later, 0.005, 60) == doctest::Approx(1.0 / 60 - 0.005));
    // The ambient rate never makes a slow display draw faster than it refreshes.
    CHECK(seconds_before_next_frame(Motion::ambient, later, 0.0, 10) == doctest::Approx(0.1));
}

TEST_CASE("pacing: each screen says how its picture moves: the menu drifts, a call runs, its debrief is still") {
    AppShell shell;
    std::string error;
    REQUIRE_MESSAGE(shell.init(true, error), error);
    shell.show(make_menu_screen(shell.ctx));
    CHECK(shell.motion() == Motion::ambient);
    shell.ctx.settings.reduced_motion = true;  // no drifting backdrop: nothing moves at all
    CHECK(shell.motion() == Motion::still);
    shell.ctx.settings.reduced_motion = false;

    PlayOptions options;
    options.autopilot = BotPolicy::calm;
    auto play = open_play_screen(shell.ctx, cwtest::source_path("levels/flatpack_shelf.toml"), error, options);
    REQUIRE_MESSAGE(play, error);
    CHECK(play->motion(shell.ctx) == Motion::animating);
    fast_forward(*play, PlayMoment::finished);
    CHECK(play->motion(shell.ctx) == Motion::still);

    shell.show(make_settings_screen(shell.ctx));
    CHECK(shell.motion() == Motion::ambient);
}

TEST_CASE("frame reuse: the strips around a still panel cover the screen outside it, and nothing inside") {
    const SDL_FRect panel{100, 50, 600, 400};
    std::vector<SDL_FRect> strips = strips_around(panel, 800, 500);
    REQUIRE(strips.size() == 4);
    double area = 0;
    for (const SDL_FRect& s : strips) {
        area += static_cast<double>(s.w) * s.h;
        // No strip reaches into the panel.
        const bool apart = s.x + s.w <= panel.x || s.x >= panel.x + panel.w || s.y + s.h <= panel.y ||
                           s.y >= panel.y + panel.h;
        CHECK(apart);
    }
    CHECK(area == doctest::Approx(800.0 * 500 - 600.0 * 400));
    // A panel as tall as the screen leaves only the sides; one past the edges leaves nothing.
    CHECK(strips_around({100, 0, 600, 500}, 800, 500).size() == 2);
    CHECK(strips_around({-10, -10, 900, 600}, 800, 500).empty());
}

namespace {

// Every pixel of the frame last drawn, read back from the window.
std::vector<Uint32> read_frame(SDL_Renderer* r, int w, int h) {
    std::vector<Uint32> px(static_cast<size_t>(w) * h);
    REQUIRE(SDL_RenderReadPixels(r, nullptr, SDL_PIXELFORMAT_RGBA8888, px.data(), w * 4) == 0);
    return px;
}

}  // namespace

TEST_CASE("frame reuse: a settled menu repaints only around its panel, and the picture is the same as a whole frame") {
    cwtest::ScopedEnv env({{"SDL_VIDEODRIVER", "offscreen"},
                           {"SDL_RENDER_DRIVER", "software"},
                           {"SDL_FRAMEBUFFER_ACCELERATION", "0"},
                           {"SDL_AUDIODRIVER", "dummy"},
                           {"CALMWATERS_HOME", cwtest::fresh_dir("home").string()}});
    AppShell shell;
    std::string error;
    REQUIRE_MESSAGE(shell.init(false, error, 1280, 720), error);
    REQUIRE(shell.ctx.window);
    shell.show(make_menu_screen(shell.ctx));
    for (int i = 0; i < 5; ++i) shell.frame(1.0 / 60.0);  // laid out, drawn whole, presented
    CHECK_FALSE(shell.painted_around_panel());

    // Left alone, the water drifts on for a second, repainted around the panel only.
    shell.settled = true;
    for (int i = 0; i < 18; ++i) shell.frame(1.0 / 18.0);
    REQUIRE(shell.painted_around_panel());
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(shell.ctx.renderer, &w, &h);
    const std::vector<Uint32> around = read_frame(shell.ctx.renderer, w, h);

    // The same moment drawn whole (no time passes): not one pixel differs.
    shell.settled = false;
    shell.frame(0.0);
    CHECK_FALSE(shell.painted_around_panel());
    const std::vector<Uint32> whole = read_frame(shell.ctx.renderer, w, h);
    size_t differ = 0;
    int lo_x = w, lo_y = h, hi_x = -1, hi_y = -1;
    for (size_t i = 0; i < whole.size(); ++i) {
        if (whole[i] == around[i]) continue;
        ++differ;
        const int x = static_cast<int>(i % static_cast<size_t>(w)), y = static_cast<int>(i / static_cast<size_t>(w));
        lo_x = std::min(lo_x, x), lo_y = std::min(lo_y, y), hi_x = std::max(hi_x, x), hi_y = std::max(hi_y, y);
    }
    CAPTURE(lo_x);
    CAPTURE(lo_y);
    CAPTURE(hi_x);
    CAPTURE(hi_y);
    CHECK(differ == 0);

    // And the water did move: the first frame and this one differ beside the panel.
    shell.settled = true;
    shell.frame(0.5);
    const std::vector<Uint32> later = read_frame(shell.ctx.renderer, w, h);
    size_t moved = 0;
    for (size_t i = 0; i < later.size(); ++i) moved += later[i] != whole[i];
    CHECK(moved > 0);

    // A driver that hands back a buffer without the panel in it gets a whole frame.
    SDL_SetRenderDrawColor(shell.ctx.renderer, 255, 0, 255, 255);
    SDL_RenderClear(shell.ctx.renderer);
    shell.frame(1.0 / 18.0);
    CHECK_FALSE(shell.painted_around_panel());
    const std::vector<Uint32> redrawn = read_frame(shell.ctx.renderer, w, h);
    CHECK(std::count(redrawn.begin(), redrawn.end(), 0xFF00FFFFu) == 0);
}
