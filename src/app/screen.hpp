// The base every screen stands on: what a screen is given each frame (AppContext: the window,
// renderer, fonts, settings, devices, stores), what it may ask the shell for next
// (ScreenRequest), and the Screen interface itself. Only the app shell owns SDL state.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SDL.h>
#include <imgui.h>

#include "content/shipped_content.hpp"
#include "frame_pacing.hpp"
#include "core/catalogue.hpp"
#include "input.hpp"
#include "store/profile_db.hpp"
#include "store/progress.hpp"
#include "xapi/lrs_config.hpp"
#include "store/settings_file.hpp"  // struct Settings: the one place, shared with the file that keeps it

namespace cw {

namespace xapi { class RecordSender; }


class AudioDevice;

struct Fonts {
    ImFont* body = nullptr;
    ImFont* large = nullptr;   // the caller's words, headings
    ImFont* title = nullptr;   // the menu title, outcome banners
    bool dejavu = false;       // false: ImGui's built-in font (DejaVu was not found)
    std::string fallback_why;  // with the built-in font: why, in the player's words
};

struct AppContext {
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr;
    int width = 1280, height = 720;   // drawing size: pixels, or points on a HiDPI screen
    float dpi = 1.0f;                 // pixels per point (2 on most HiDPI screens); SDL scales for us
    Fonts fonts;
    Settings settings;
    Settings machine_settings;        // IT's defaults for this machine (/etc/calmwaters/settings.toml)
    std::string settings_warning;     // the saved settings could not all be read (or saved): why
    AudioDevice* audio = nullptr;     // the sound; null when headless
    const Catalogue* catalogue = nullptr;
    InputDevices* input = nullptr;
    ProgressStore* progress = nullptr;  // null when headless (screenshots keep nothing)
    ProfileDb* profiles = nullptr;      // every call played is kept here (null when headless)
    xapi::LrsConfig lrs;                // where learning records go (no endpoint: nowhere)
    xapi::RecordSender* records = nullptr;  // sends them on its own thread (null: no store, or headless)
    bool lrs_changed = false;           // Settings changed `lrs`: the shell starts a new sender
    std::string profile = "player";
    // The shipped levels as read at start-up, for the first menu to take (then empty).
    std::unique_ptr<ShippedContent> preloaded;
    bool headless = false;            // offscreen, for screenshots
    bool quit = false;
};

// What a screen asks the shell to do next.
struct ScreenRequest {
    enum Kind { none, menu, play, dock, editor, host, join, progress, settings, quit } kind = none;
    std::string level_path;   // play, editor (empty: a new level), host (a level or a playlist)
    std::shared_ptr<const Playlist> week;  // playing a campaign: its playlist, read once,
    int campaign_index = -1;  // and which of its calls
    double composure = -1;    // composure carried between campaign calls (-1: the level's own)
    std::string note;         // play, from the dock: the note the player kept there, to read back
};

class Screen {
public:
    virtual ~Screen() = default;
    virtual void event(AppContext&, const SDL_Event&) {}
    // One frame: update with the real elapsed time, draw the world, build the UI.
    virtual ScreenRequest frame(AppContext& ctx, double dt) = 0;
    // The window's close button: a screen with unsaved work says false and asks the player first.
    virtual bool allow_close(AppContext&) { return true; }
    // What the picture does when nobody touches it, so the shell draws no more often than that
    // (see frame_pacing.hpp). A screen that polls the network or counts down stays animating.
    virtual Motion motion(const AppContext&) const { return Motion::animating; }
    // For an ambient screen: the panel (in points) that stays exactly as it is while only the
    // backdrop moves, as last drawn; the shell then repaints only around it (frame_reuse.hpp).
    virtual std::optional<SDL_FRect> still_panel() const { return std::nullopt; }
};

}  // namespace cw
