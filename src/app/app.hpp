// The app shell: the window, the renderer, ImGui, fonts and the screen that is showing. This is
// the only place that owns SDL state; screens get an AppContext and draw into it.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <SDL.h>
#include <imgui.h>

#include "content/playlist_loader.hpp"
#include "core/catalogue.hpp"
#include "input.hpp"
#include "store/profile_db.hpp"
#include "store/progress.hpp"
#include "store/settings_file.hpp"  // struct Settings: the one place, shared with the file that keeps it

namespace cw {

class AudioDevice;

struct Fonts {
    ImFont* body = nullptr;
    ImFont* large = nullptr;   // the caller's words, headings
    ImFont* title = nullptr;   // the menu title, outcome banners
    bool dejavu = false;       // false: ImGui's built-in font (DejaVu was not found)
    std::string fallback_why;  // with the built-in font: why, in the player's words
};

// The levels shipped in levels/ (path and title), for the menu; playlists are not levels.
struct LevelEntry {
    std::string path, title, summary;
};
std::vector<LevelEntry> shipped_levels(const Catalogue& catalogue);

// What the menu shows, read once while the window opens (see AppShell::init): the shipped
// levels and the week's playlist, checked. Later menus read the files afresh, so a level a
// trainer has just saved is listed.
struct ShippedContent {
    std::vector<LevelEntry> levels;
    PlaylistLoad week;
};
ShippedContent load_shipped_content(const Catalogue& catalogue);

struct AppContext {
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr;
    int width = 1280, height = 720;   // drawing size: pixels, or points on a HiDPI screen
    float dpi = 1.0f;                 // pixels per point (2 on most HiDPI screens); SDL scales for us
    Fonts fonts;
    Settings settings;
    std::string settings_warning;     // the saved settings could not all be read (or saved): why
    AudioDevice* audio = nullptr;     // the sound; null when headless
    const Catalogue* catalogue = nullptr;
    InputDevices* input = nullptr;
    ProgressStore* progress = nullptr;  // null when headless (screenshots keep nothing)
    ProfileDb* profiles = nullptr;      // every call played is kept here (null when headless)
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
    std::string playlist;     // playing a campaign: its playlist file,
    int campaign_index = -1;  // and which of its calls
    double composure = -1;    // composure carried between campaign calls (-1: the level's own)
};

class Screen {
public:
    virtual ~Screen() = default;
    virtual void event(AppContext&, const SDL_Event&) {}
    // One frame: update with the real elapsed time, draw the world, build the UI.
    virtual ScreenRequest frame(AppContext& ctx, double dt) = 0;
    // The window's close button: a screen with unsaved work says false and asks the player first.
    virtual bool allow_close(AppContext&) { return true; }
};

// Settings: sound, comfort, text and controls; saved as they change.
std::unique_ptr<Screen> make_settings_screen(AppContext& ctx);

// calmwaters [play LEVEL], or with `replay`: calmwaters replay FILE (watch it)
int run_game(const std::vector<std::string>& args, bool replay = false);
// calmwaters screenshot SCREEN --out FILE.png [--level L]
int screenshot_command(const std::vector<std::string>& args);

// Quotes for the dock's touchstone, in our own words; the player picks one or writes their own.
const std::vector<std::string>& touchstone_quotes();

}  // namespace cw
