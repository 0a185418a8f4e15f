// The screens the shell can show.
#pragma once
#include <memory>
#include <string>

#include "screen.hpp"
#include "core/bot.hpp"
#include "core/dock.hpp"
#include "core/replay.hpp"
#include "play/call_run.hpp"
#include "sim_options.hpp"  // every screen that starts a call builds its options from the settings here

namespace cw {

// open_week: the week's tab to show first (0 the first week); -1 opens the latest week started.
std::unique_ptr<Screen> make_menu_screen(AppContext& ctx, std::string message = "", int open_week = -1);

// Settings: sound, comfort, text and controls; saved as they change.
std::unique_ptr<Screen> make_settings_screen(AppContext& ctx);
// A labelled picture of a river, for docs/level-format.md (screenshot diagram).
std::unique_ptr<Screen> make_diagram_screen(AppContext& ctx);


// A call played as part of something bigger (a class session): the link owns the run (the
// trainee's one run of the call) and steps it, quantizing the player's input so the host
// re-simulates the same numbers and holding the river while the trainer pauses the class.
class PlayLink {
public:
    virtual ~PlayLink() = default;
    virtual void service() = 0;                  // once a frame: the network
    virtual const CallRun* run() const = 0;      // the run to draw (null: the call did not load)
    virtual void play(double real_seconds, InputSource& player) = 0;
    virtual void hold() = 0;                     // the player paused: no time piles up
    virtual std::string banner() const = 0;      // one line over the river ("" for none)
    virtual bool ended_for_us() const = 0;       // the trainer ended this call for the player
};

struct PlayOptions {
    std::optional<BotPolicy> autopilot;  // a bot plays (demos, screenshots, benchmarks)
    int speed = 1;                       // simulation ticks per displayed tick
    bool exit_at_end = false;            // quit when the call ends instead of showing the end screen
    std::shared_ptr<const Playlist> campaign;  // part of a campaign: its playlist (read once),
    int campaign_index = -1;             // and which of its calls this is
    double composure = -1;               // composure carried over from the dock (-1: the level's own)
    std::string dock_note;               // the player's note from the dock before this call ("" for none)
    std::shared_ptr<const Replay> replay;  // watch a recorded run instead of playing
    bool keep_attempt = true;            // false for play-tests: they are not the player's attempts
    std::shared_ptr<PlayLink> link;      // a class session's call
    bool show_policy = false;            // open with the call's policy card showing
    std::optional<uint64_t> seed;        // a fixed draw (screenshots, tests); none: the player's next go
    // The level file an attempt is kept under, when the level did not come from one (a class's
    // call, kept as a copy so My progress can read it later). Empty: the level's own path.
    std::string attempt_level;
    // The exact text the level was loaded from, kept with the attempt (open_play_screen sets it;
    // empty when not known, as for an editor's draft).
    std::string level_text;
    // A replay's note under its heading: that it plays on a kept copy of its level, or was
    // recorded by another build and may drift.
    std::string replay_note;
};

// The dock between campaign calls, before call `next_index` of the playlist.
// `open`: an activity already under way (for screenshots).
std::unique_ptr<Screen> make_dock_screen(AppContext& ctx, std::shared_ptr<const Playlist> week, int next_index, double composure,
                                         std::string& error, std::optional<DockActivity> open = std::nullopt);

// A call on `level`, already loaded and checked (a file, the editor's draft, the class's call).
std::unique_ptr<Screen> make_play_screen(AppContext& ctx, Level level, const PlayOptions& options = {});
// The same from a level file: null (and `error` set to the located problems) when it does not load.
std::unique_ptr<Screen> open_play_screen(AppContext& ctx, const std::string& level_path, std::string& error,
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
// The call a play screen is showing (null for any other screen), for tests and screenshots.
const CallRun* running_call(const Screen& play_screen);

}  // namespace cw
