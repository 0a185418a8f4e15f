// The app shell: owns SDL, the window (or an offscreen canvas), the renderer, ImGui and the
// screen on show. run_game, screenshots and the frame benchmarks all drive it the same way.
#pragma once
#include <memory>
#include <string>

#include "app.hpp"
#include "screens.hpp"

namespace cw {

class AppShell {
public:
    ~AppShell();
    // Headless: no window and no video driver at all, just a software renderer drawing into a
    // surface in memory, so screenshots work on machines with no display.
    bool init(bool headless, std::string& error, int width = 1280, int height = 720);

    void show(std::unique_ptr<Screen> s) { screen_ = std::move(s); }
    void apply(const ScreenRequest& req);
    void poll_events();
    void toggle_fullscreen();
    // One frame. `present`: false when a screenshot will read the pixels first.
    void frame(double dt, bool present = true);

    Screen* screen() { return screen_.get(); }
    AppContext ctx;
    PlayOptions demo;  // --autopilot/--speed given with no level: every call started plays itself

private:
    void rebuild_fonts();

    Catalogue catalogue_;
    std::unique_ptr<InputDevices> input_;
    std::unique_ptr<ProgressStore> progress_;
    std::unique_ptr<ProfileDb> profiles_;
    std::unique_ptr<Screen> screen_;
    SDL_Surface* surface_ = nullptr;  // the headless canvas
    bool sdl_ = false, imgui_ = false;
    float fonts_scale_ = 1.0f;
};

}  // namespace cw
