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
    // A replay names its level, and a replay may come from anyone: only a .toml file is read, and
    // nothing of a file that does not load is repeated (it might not be a level at all).
    const std::string shown = printable(level_path);
    const bool is_level_file = std::filesystem::path(level_path).extension() == ".toml";
    LevelLoad file;
    if (is_level_file) file = load_level_file(level_path, catalogue);
    if (file.ok() && file.level->source_hash == replay.level_hash) {
        out.level = std::move(file.level);
        return out;
    }
    std::error_code ec;
    const bool exists = std::filesystem::exists(level_path, ec);
    const std::string why =
        !is_level_file ? "The replay names " + shown + " as its level, which is not a level file (.toml)"
        : !exists      ? "The level file " + shown + " cannot be loaded here (no such file)"
        : file.ok()    ? "The level file " + shown + " has changed since this replay was recorded"
                       : "The level file " + shown + " cannot be loaded here (`calmwaters check " + shown +
                          "` says why)";
    const std::string earlier = asset_path("level_history/" + hash_hex(replay.level_hash) + ".toml");
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
    LevelLoad from_copy = load_level_text(*copy.text, printable(replay.level) + " (kept copy)", catalogue);
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
