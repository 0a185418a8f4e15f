#include "kept_level.hpp"

#include <filesystem>

#include "content/data_paths.hpp"
#include "content/replay_file.hpp"
#include "content/toml_reader.hpp"

namespace cw {

LevelFileText load_level_file_with_text(const std::string& path, const Catalogue& catalogue) {
    LevelFileText out;
    auto text = read_text_file(path, kMaxLevelBytes, out.load.problems);
    if (!text) return out;
    out.text = std::move(*text);
    out.load = load_level_text(out.text, path, catalogue);
    return out;
}

PlaybackLevel find_playback_level(const Replay& replay, const std::string& level_path, const KeptLevels& kept_levels,
                                  const Catalogue& catalogue) {
    PlaybackLevel out;
    LevelLoad file = load_level_file(level_path, catalogue);
    if (file.ok() && file.level->source_hash == replay.level_hash) {
        out.level = std::move(file.level);
        return out;
    }
    const std::string why =
        file.ok() ? "The level file " + level_path + " has changed since this replay was recorded"
                  : "The level file " + level_path + " cannot be loaded here (" +
                        (file.problems.empty() ? std::string("unknown problem") : file.problems.front().message) + ")";
    const std::string earlier = asset_path("level_history/" + hash_hex(replay.level_hash) + ".toml");
    std::error_code ec;
    if (std::filesystem::is_regular_file(earlier, ec)) {
        LevelLoad shipped = load_level_file(earlier, catalogue);
        if (shipped.ok() && shipped.level->source_hash == replay.level_hash) {
            out.level = std::move(shipped.level);
            out.source = PlaybackSource::shipped_earlier;
            out.note = why + ", so it plays on the earlier version of the call that the game keeps in " + earlier + ".";
            return out;
        }
    }
    const ProfileDb* kept = kept_levels ? kept_levels() : nullptr;
    if (!kept || !kept->ok()) {
        out.problem = why + ", and there is no profile database to look in for the copy kept when it was played" +
                      (kept && !kept->error().empty() ? " (" + kept->error() + ")." : ".");
        return out;
    }
    KeptLevelText copy = kept->kept_level_text(hash_hex(replay.level_hash));
    if (!copy.text) {
        out.problem = why + ", and " + copy.problem + ".";
        return out;
    }
    LevelLoad from_copy = load_level_text(*copy.text, replay.level + " (kept copy)", catalogue);
    if (!from_copy.ok()) {
        out.problem = why + ", and the copy kept in " + kept->path() + " does not load in this game:\n" +
                      format_problems(from_copy.problems);
        return out;
    }
    out.level = std::move(from_copy.level);
    out.source = PlaybackSource::kept_copy;
    out.note = why + ", so it plays on the copy of the level that " + kept->path() + " kept when the call was played.";
    return out;
}

}  // namespace cw
