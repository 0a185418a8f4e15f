// The level a call was played on, kept and found again. A level file read for play keeps its
// exact text (CallSetup::level_text), which the profile database stores by hash beside the
// attempt; a replay whose level file has since been changed or removed plays back on that copy.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "content/level_loader.hpp"
#include "core/replay.hpp"
#include "store/profile_db.hpp"

namespace cw {

struct LevelFileText {
    LevelLoad load;
    std::string text;  // the bytes the level was built from ("" when the file could not be read)
};

// Reads `path` once and builds the level from that text, so the text kept is the one played.
LevelFileText load_level_file_with_text(const std::string& path, const Catalogue& catalogue);

// Where a replay's level came from: its file; the copy the profile kept; or an earlier version
// of a shipped level, which the game carries in assets/level_history/HASH.toml so replays made
// before a shipped call was rewritten still play, with or without the profile that made them.
enum class PlaybackSource { file, kept_copy, shipped_earlier };

struct PlaybackLevel {
    std::optional<Level> level;
    PlaybackSource source = PlaybackSource::file;
    std::string note;     // on the kept copy: why, and where the copy came from
    std::string problem;  // no level to play it on: why, plainly
};

// The shorter line a screen shows under a replay playing on the kept copy.
inline const char* const kPlaysOnKeptCopy =
    "Its level file has changed or gone since, so it plays on the copy kept with the call.";
inline const char* const kPlaysOnShippedEarlier =
    "This call has been rewritten since, so it plays on the earlier version the game keeps.";
// The line a screen shows for `source` ("" for the file itself).
inline std::string playback_source_note(PlaybackSource source) {
    return source == PlaybackSource::kept_copy         ? kPlaysOnKeptCopy
           : source == PlaybackSource::shipped_earlier ? kPlaysOnShippedEarlier
                                                       : "";
}

// Opens the profile database to look in, only once the file will not do (null: there is none).
using KeptLevels = std::function<const ProfileDb*()>;

// The level `replay` plays back on: the file at `level_path` while it is still the one recorded
// (the same hash), else an earlier shipped version with that hash, else the copy kept under that
// hash in the profile database.
PlaybackLevel find_playback_level(const Replay& replay, const std::string& level_path, const KeptLevels& kept,
                                  const Catalogue& catalogue);

}  // namespace cw
