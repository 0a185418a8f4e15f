#include <filesystem>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "content/command_line.hpp"
#include "commands.hpp"
#include "content/replay_file.hpp"
#include "play/call_run.hpp"
#include "play/kept_level.hpp"
#include "store/progress.hpp"
#include "content/data_paths.hpp"

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
    // The level as recorded, unless told where it is now; when that file has changed or gone,
    // the copy the profile database kept when the call was played (looked for only then, and
    // only in a database that is already there: verifying never creates one).
    std::string level_path = flag_value(args, "--level").value_or(replay.replay->level);
    const std::string db_path = default_data_dir() + "/profiles.sqlite";
    std::unique_ptr<ProfileDb> db;
    auto open_db = [&]() -> const ProfileDb* {
        std::error_code ec;
        if (!std::filesystem::exists(db_path, ec)) return nullptr;
        db = std::make_unique<ProfileDb>(db_path);
        if (!db->warning().empty()) std::cerr << "calmwaters: " << db->warning() << '\n';
        return db.get();
    };
    PlaybackLevel level = find_playback_level(*replay.replay, level_path, open_db, *catalogue);
    if (!level.level) {
        std::cerr << "calmwaters replay: " << level.problem
                  << "\nIf you have the level file it was recorded on, say where it is with --level LEVEL.\n";
        return 1;
    }
    const bool kept = level.source == PlaybackSource::kept_copy;
    if (level.source != PlaybackSource::file) std::cerr << "calmwaters replay: note: " << level.note << '\n';
    ReplayCheck check = verify_replay(*replay.replay, *level.level, *catalogue, build_id());
    nlohmann::ordered_json out;
    out["replay"] = args[0];
    out["ok"] = check.ok;
    out["level"] = level_path;
    // That file, the copy kept with the attempt, or an earlier version of a shipped call.
    out["level_source"] = kept ? "kept" : level.source == PlaybackSource::shipped_earlier ? "shipped" : "file";
    if (kept) out["kept_in"] = db_path;
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
