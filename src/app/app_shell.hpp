// The app shell: owns SDL, the window (or an offscreen canvas), the renderer, ImGui and the
// screen on show. run_game, screenshots and the frame benchmarks all drive it the same way.
#pragma once
#include <memory>
#include <string>

#include "frame_reuse.hpp"
#include "screen.hpp"
#include "audio_device.hpp"
#include "screens.hpp"
#include "xapi/record_sender.hpp"

namespace cw {

class AppShell {
public:
    ~AppShell();
    // Headless: no window and no video driver at all, just a software renderer drawing into a
    // surface in memory, so screenshots work on machines with no display. `dpi` (headless only):
    // pixels per point, to picture a HiDPI screen (the PNG is width*dpi by height*dpi).
    // A windowed shell loads the player's settings and opens the sound; a headless one does not.
    bool init(bool headless, std::string& error, int width = 1280, int height = 720, float dpi = 1.0f);

    void show(std::unique_ptr<Screen> s) {
        screen_ = std::move(s);
        reuse_.forget();
    }
    void apply(const ScreenRequest& req);
    // Hands every waiting event to ImGui, the input devices and the screen; true if there were any.
    bool poll_events();
    // Waits up to `seconds` for an event (any event ends the wait); true if one came.
    bool wait_for_input(double seconds);
    // The display's refresh rate in Hz (0 when it does not say), and the screen's motion.
    double refresh_hz() const;
    Motion motion() const { return screen_ ? screen_->motion(ctx) : Motion::still; }
    // The last frame repainted only around an ambient screen's still panel (frame_reuse.hpp).
    bool painted_around_panel() const { return painted_around_panel_; }
    void toggle_fullscreen();
    // One frame. `present`: false when a screenshot will read the pixels first.
    void frame(double dt, bool present = true);

    Screen* screen() { return screen_.get(); }
    AppContext ctx;
    // Nobody has touched anything for a moment (the main loop's judgement, see frame_pacing.hpp):
    // an ambient screen may then repaint only around its still panel.
    bool settled = false;
    PlayOptions demo;  // --autopilot/--speed given with no level: every call started plays itself

private:
    // Everything of init() but the content: SDL, window or canvas, renderer, sound, stores, ImGui.
    bool init_display(bool headless, std::string& error, int width, int height, float dpi);
    void open_audio();
    void rebuild_fonts();
    void update_dpi();
    void keep_settings();

    Catalogue catalogue_;
    std::unique_ptr<InputDevices> input_;
    std::unique_ptr<ProgressStore> progress_;
    std::unique_ptr<ProfileDb> profiles_;
    std::unique_ptr<xapi::RecordSender> records_;  // learning records on their way (see xapi/)
    void start_record_sender();
    std::unique_ptr<Screen> screen_;
    std::unique_ptr<AudioDevice> audio_;
    Settings saved_;                   // the settings as last written to the file
    std::string settings_file_;        // "" when headless: screenshots neither read nor write it
    SDL_Surface* surface_ = nullptr;  // the headless canvas
    bool sdl_ = false, imgui_ = false;
    bool audio_pending_ = false;      // windowed: the sound opens on the second frame
    long frames_ = 0;
    float fonts_scale_ = 1.0f;
    FrameReuse reuse_;                // an ambient screen's panel, while the back buffer holds it
    bool painted_around_panel_ = false;
};

}  // namespace cw
