#include "app.hpp"
#include "startup_trace.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "content/command_line.hpp"
#include "content/data_paths.hpp"
#include "content/playlist_loader.hpp"
#include "content/replay_file.hpp"
#include "core/build_id.hpp"
#include "play/kept_level.hpp"
#include "screens.hpp"
#include "app_shell.hpp"
#include "screenshot.hpp"
#include "theme.hpp"

namespace cw {

int run_game(const std::vector<std::string>& args, bool replay) {
    PlayOptions options;
    std::string level_arg = !args.empty() && args[0].rfind("--", 0) != 0 ? args[0] : "";
    if (replay) {
        if (level_arg.empty()) {
            std::cerr << "usage: calmwaters replay FILE [--verify] [--level LEVEL]\n";
            return 2;
        }
        ReplayLoad r = load_replay_file(level_arg);
        if (!r.ok()) {
            std::cerr << format_problems(r.problems);
            return 1;
        }
        options.replay_note = playback_drift_note(*r.replay, build_id());
        if (!options.replay_note.empty())
            std::cerr << "calmwaters: note: this replay was recorded by build " << r.replay->build << ". "
                      << options.replay_note << '\n';
        options.replay = std::make_shared<Replay>(*r.replay);
        level_arg = flag_value(args, "--level").value_or(r.replay->level);
    }
    if (auto bot = flag_value(args, "--autopilot")) {
        options.autopilot = bot_policy_from_id(*bot);
        if (!options.autopilot) {
            std::cerr << "calmwaters: unknown --autopilot \"" << *bot << "\"; use calm, random or worst\n";
            return 2;
        }
    }
    if (auto speed = flag_value(args, "--speed")) {
        options.speed = std::atoi(speed->c_str());
        if (options.speed < 1 || options.speed > 50) {
            std::cerr << "calmwaters: --speed wants a whole number from 1 to 50\n";
            return 2;
        }
    }
    options.exit_at_end = has_flag(args, "--exit-at-end");
    // For the startup benchmark: the launcher's monotonic clock at spawn, and quit after the
    // first frame is on screen.
    const char* t0_env = std::getenv("CALMWATERS_T0_NS");
    bool exit_after_first = std::getenv("CALMWATERS_EXIT_AFTER_FIRST_FRAME") != nullptr;

    AppShell shell;
    std::string error;
    if (!shell.init(false, error)) {
        std::cerr << "calmwaters: " << error << '\n';
        return 1;
    }
    if (replay) {
        // On the level as it was recorded: the file while unchanged, else the profile's kept copy.
        PlaybackLevel found = find_playback_level(*options.replay, level_arg, [&] { return shell.ctx.profiles; },
                                                *shell.ctx.catalogue);
        if (!found.level) {
            std::cerr << "calmwaters replay: " << found.problem << '\n';
            return 1;
        }
        if (found.source != PlaybackSource::file) {
            std::cerr << "calmwaters replay: note: " << found.note << '\n';
            options.replay_note =
                playback_source_note(found.source) + (options.replay_note.empty() ? "" : " " + options.replay_note);
        }
        shell.show(make_play_screen(shell.ctx, std::move(*found.level), options));
    } else if (!level_arg.empty()) {
        auto play = open_play_screen(shell.ctx, level_arg, error, options);
        if (!play) {
            std::cerr << error;
            return 1;
        }
        shell.show(std::move(play));
    } else {
        shell.demo = options;  // a demo: calls started from the menu play themselves
        shell.show(make_menu_screen(shell.ctx));
    }
    startup_mark("first screen made");
    Uint64 last = SDL_GetPerformanceCounter();
    const double freq = static_cast<double>(SDL_GetPerformanceFrequency());
    bool first = true;
    Uint64 last_input = last;
    while (!shell.ctx.quit) {
        if (shell.poll_events() || shell.ctx.input->pad_held()) last_input = SDL_GetPerformanceCounter();
        Uint64 now = SDL_GetPerformanceCounter();
        double dt = std::min(static_cast<double>(now - last) / freq, 0.25);  // a stall is not a leap
        last = now;
        shell.settled = static_cast<double>(now - last_input) / freq >= pacing::kSettleSeconds;
        shell.frame(dt);
        // No faster than the display, and no more often than the screen moves (frame_pacing.hpp).
        const Uint64 drawn = SDL_GetPerformanceCounter();
        const double wait = seconds_before_next_frame(shell.motion(), static_cast<double>(drawn - last_input) / freq,
                                                      static_cast<double>(drawn - now) / freq, shell.refresh_hz());
        if (shell.wait_for_input(wait)) last_input = SDL_GetPerformanceCounter();
        if (first) startup_mark("first frame presented");
        if (first && t0_env) {
            timespec ts{};
            clock_gettime(CLOCK_MONOTONIC, &ts);
            double now_ns = ts.tv_sec * 1e9 + ts.tv_nsec;
            std::cout << "startup_ms " << (now_ns - std::atof(t0_env)) / 1e6 << std::endl;
        }
        first = false;
        if (exit_after_first) break;
    }
    return 0;
}

int screenshot_command(const std::vector<std::string>& args) {
    // `class` and `progress` show whatever those screens are in this build.
    static const char* kScreens[] = {"menu", "river", "policy", "end", "debrief", "dock", "editor", "class", "progress", "settings", "diagram"};
    static const char* kUsage =
        "usage: calmwaters screenshot SCREEN --out FILE.png [--level L] [--size WxH] [--dpi 2]\n"
        "       [--after N] [--activity ID]   (dock: the break after call N, with an activity open)\n"
        "       [--note TEXT]                 (river: the player's note from the dock, read back)\n"
        "       [--week N]                    (menu: the Nth week's tab open, 1 the first)\n"
        "  SCREEN: menu, river, policy (the river with its policy card open), debrief (or end), dock, editor,\n"
        "          class, progress, settings, diagram (a labelled river, for the level format's guide)\n";
    if (args.empty()) {
        std::cerr << kUsage;
        return 2;
    }
    const std::string screen = args[0];
    if (std::find(std::begin(kScreens), std::end(kScreens), screen) == std::end(kScreens)) {
        std::cerr << "calmwaters screenshot: no screen called \"" << screen << "\"\n" << kUsage;
        return 2;
    }
    auto out = flag_value(args, "--out");
    if (!out) {
        std::cerr << "calmwaters screenshot: say where to write the picture with --out FILE.png\n";
        return 2;
    }
    int w = 1280, h = 720;
    if (auto size = flag_value(args, "--size")) {
        if (std::sscanf(size->c_str(), "%dx%d", &w, &h) != 2 || w < 800 || h < 500 || w > 7680 || h > 4320) {
            std::cerr << "calmwaters screenshot: --size wants WIDTHxHEIGHT between 800x500 and 7680x4320\n";
            return 2;
        }
    }
    // --dpi 2 pictures a HiDPI screen: the same layout, drawn with twice the pixels.
    float dpi = 1.0f;
    if (auto d = flag_value(args, "--dpi")) {
        char* end = nullptr;
        dpi = std::strtof(d->c_str(), &end);
        if (!end || *end || !(dpi >= 1.0f && dpi <= 3.0f) || w * dpi > 7680 || h * dpi > 4320) {
            std::cerr << "calmwaters screenshot: --dpi wants a number from 1 to 3 (and at most 7680x4320 pixels)\n";
            return 2;
        }
    }
    AppShell shell;
    std::string error;
    if (!shell.init(true, error, w, h, dpi)) {
        std::cerr << "calmwaters: " << error << '\n';
        return 1;
    }
    if (screen == "menu") {
        int week = 1;
        if (auto n = flag_value(args, "--week")) week = std::atoi(n->c_str());
        if (week < 1) {
            std::cerr << "calmwaters screenshot menu: --week wants a week's number, 1 for the first\n";
            return 2;
        }
        shell.show(make_menu_screen(shell.ctx, "", week - 1));
    } else if (screen == "dock") {
        PlaylistLoad week = load_playlist_file(flag_value(args, "--level").value_or(first_week_playlist()),
                                               *shell.ctx.catalogue);
        if (!week.ok()) {
            std::cerr << format_problems(week.problems);
            return 1;
        }
        // --after N: the break after the week's Nth call; --activity ID: the activity under way.
        int after = 1;
        if (auto n = flag_value(args, "--after")) after = std::atoi(n->c_str());
        std::optional<DockActivity> open = DockActivity::stress_ball;
        if (auto id = flag_value(args, "--activity")) open = dock_activity_from_id(*id);
        if (after < 1 || after >= static_cast<int>(week.playlist->calls.size()) || !open) {
            std::cerr << "calmwaters screenshot dock: --after wants a call of the week that has another after it, "
                         "and --activity an activity's id (like stress_ball)\n";
            return 2;
        }
        auto dock = make_dock_screen(shell.ctx, std::make_shared<const Playlist>(std::move(*week.playlist)), after,
                                     58.0, error, open);
        if (!dock) {
            std::cerr << error;
            return 1;
        }
        shell.show(std::move(dock));
    } else if (screen == "settings") {
        shell.show(make_settings_screen(shell.ctx));
    } else if (screen == "diagram") {
        shell.show(make_diagram_screen(shell.ctx));
    } else if (screen == "progress") {
        shell.show(make_progress_screen(shell.ctx));
    } else if (screen == "class") {
        // The trainer's live view of a class of forty, 45 seconds into the call (or --seconds S).
        double seconds = 45;
        if (auto at = flag_value(args, "--seconds")) {
            char* end = nullptr;
            seconds = std::strtod(at->c_str(), &end);
            if (end == at->c_str() || *end || !(seconds >= 0 && seconds <= 1800)) {
                std::cerr << "calmwaters screenshot: --seconds takes a number of seconds from 0 to 1800\n";
                return 2;
            }
        }
        shell.show(make_class_preview_screen(
            shell.ctx, flag_value(args, "--level").value_or(levels_dir() + "/flatpack_shelf.toml"), 40, seconds));
    } else if (screen == "editor") {
        shell.show(make_editor_screen(shell.ctx, flag_value(args, "--level").value_or(levels_dir() + "/flatpack_shelf.toml")));
    } else {
        std::string level = flag_value(args, "--level").value_or(levels_dir() + "/flatpack_shelf.toml");
        PlayOptions autopilot;
        autopilot.autopilot = BotPolicy::calm;
        autopilot.show_policy = screen == "policy";
        if (auto note = flag_value(args, "--note")) autopilot.dock_note = *note;  // as if kept on the dock
        auto play = open_play_screen(shell.ctx, level, error, autopilot);
        if (!play) {
            std::cerr << error;
            return 1;
        }
        fast_forward(*play, screen == "river" || screen == "policy" ? PlayMoment::approaching_fork : PlayMoment::finished);
        shell.show(std::move(play));
    }
    // A second of frames lets the water particles spread and the UI settle.
    for (int i = 0; i < 60; ++i) shell.frame(1.0 / 60.0, false);
    shell.frame(1.0 / 60.0, false);
    if (!save_renderer_png(shell.ctx.renderer, *out, error)) {
        std::cerr << "calmwaters screenshot: " << error << '\n';
        return 1;
    }
    std::cout << *out << '\n';
    return 0;
}

}  // namespace cw
