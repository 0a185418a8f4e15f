// The screens the shell can show.
#pragma once
#include <memory>
#include <string>

#include "app.hpp"
#include "core/bot.hpp"
#include "core/dock.hpp"
#include "core/replay.hpp"
#include "sim_options.hpp"  // every screen that starts a call builds its options from the settings here

namespace cw {

std::unique_ptr<Screen> make_menu_screen(AppContext& ctx, std::string message = "");

// A call played as part of something bigger (a class session): the link sees every tick's
// input, may shape it (the class quantizes inputs so the host re-simulates the same numbers),
// and may hold the river (the trainer paused the class).
class PlayLink {
public:
    virtual ~PlayLink() = default;
    virtual void service() = 0;                  // once a frame: the network
    virtual bool hold() const = 0;               // the river waits while true
    virtual Input shape(const Input& in) const = 0;
    virtual void stepped(const Input& in) = 0;   // after each tick, with the input it used
    virtual std::string banner() const = 0;      // one line over the river ("" for none)
};

struct PlayOptions {
    std::optional<BotPolicy> autopilot;  // a bot plays (demos, screenshots, benchmarks)
    int speed = 1;                       // simulation ticks per displayed tick
    bool exit_at_end = false;            // quit when the call ends instead of showing the end screen
    std::string playlist;                // part of a campaign: its playlist file,
    int campaign_index = -1;             // and which of its calls this is
    double composure = -1;               // composure carried over from the dock (-1: the level's own)
    std::shared_ptr<const Replay> replay;  // watch a recorded run instead of playing
    bool keep_attempt = true;            // false for play-tests: they are not the player's attempts
    std::shared_ptr<PlayLink> link;      // a class session's call
    std::vector<Input> prefix;           // ticks already played (a rejoin): run before the player takes over
};

// The dock between campaign calls, before call `next_index` of the playlist.
// `open`: an activity already under way (for screenshots).
std::unique_ptr<Screen> make_dock_screen(AppContext& ctx, const std::string& playlist, int next_index, double composure,
                                         std::string& error, std::optional<DockActivity> open = std::nullopt);

// Null (and `error` set to the located problems) when the level does not load.
std::unique_ptr<Screen> make_play_screen(AppContext& ctx, const std::string& level_path, std::string& error,
                                         const PlayOptions& options = {});

// The level editor on `level_path` (empty: a new level). Never null: a file that does not load
// opens as text with its problems listed.
std::unique_ptr<Screen> make_editor_screen(AppContext& ctx, const std::string& level_path);

// A player's progress: technique mastery, best scores, streaks, calls to try again, replays.
std::unique_ptr<Screen> make_progress_screen(AppContext& ctx);

// Class sessions: the trainer's host screen (on `level_path`, a level or a playlist, or
// chosen on the screen when empty) and the trainee's join screen.
std::unique_ptr<Screen> make_host_screen(AppContext& ctx, const std::string& level_path);
std::unique_ptr<Screen> make_join_screen(AppContext& ctx);
// The host's live view of a sample class of `trainees` bots, `seconds` into the call (for
// screenshots and the frame benchmark): the same class, names and all, every time.
std::unique_ptr<Screen> make_class_preview_screen(AppContext& ctx, const std::string& level_path, int trainees,
                                                  double seconds);

// For screenshots: run a play screen's simulation ahead without drawing until `until` holds.
enum class PlayMoment { approaching_fork, finished };
void fast_forward(Screen& play_screen, PlayMoment moment);

}  // namespace cw
