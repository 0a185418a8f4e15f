#include <iostream>

#include <nlohmann/json.hpp>

#include "content/command_line.hpp"
#include "commands.hpp"
#include "content/replay_file.hpp"
#include "play/call_run.hpp"

namespace cw {


int replay_verify_command(const Args& args) {
    if (args.empty() || args[0].rfind("--", 0) == 0) {
        std::cerr << "usage: calmwaters replay FILE --verify [--level LEVEL]\n";
        return 2;
    }
    ReplayLoad replay = load_replay_file(args[0]);
    if (!replay.ok()) {
        std::cerr << format_problems(replay.problems);
        return 1;
    }
    auto catalogue = load_shipped_catalogue();
    if (!catalogue) return 1;
    // The level as recorded, unless told where it is now.
    std::string level_path = flag_value(args, "--level").value_or(replay.replay->level);
    LevelLoad level = load_level_file(level_path, *catalogue);
    if (!level.ok()) {
        std::cerr << format_problems(level.problems);
        std::cerr << "calmwaters replay: the replay's level " << level_path
                  << " could not be loaded; say where it is with --level\n";
        return 1;
    }
    ReplayCheck check = verify_replay(*replay.replay, *level.level, *catalogue, build_id());
    nlohmann::ordered_json out;
    out["replay"] = args[0];
    out["ok"] = check.ok;
    out["final_tick"] = check.final_tick;
    out["state_hash"] = hash_hex(check.final_hash);
    out["reading_pace"] = replay.replay->reading_pace;
    if (!check.ok) {
        out["first_bad_tick"] = check.first_bad_tick;
        out["message"] = check.message;
        std::cerr << "calmwaters replay: " << check.message << '\n';
    }
    std::cout << out.dump(2) << '\n';
    return check.ok ? 0 : 1;
}

}  // namespace cw
