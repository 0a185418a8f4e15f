// Playlists: an ordered list of calls, such as the first-week campaign
// (levels/campaign/first_week.playlist.toml). Level paths are relative to the playlist file.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "problems.hpp"

namespace cw {

struct PlaylistEntry {
    std::string day;    // e.g. "Monday"
    std::string level;  // path to the level file, resolved against the playlist's folder
    std::string title;  // the level's title (filled when the playlist is checked)
    SourceLoc loc;
};

struct Playlist {
    std::string id;     // the file name without .playlist.toml, e.g. "first_week"
    std::string title, summary;
    std::vector<PlaylistEntry> calls;
    std::string path;
};

struct PlaylistLoad {
    std::optional<Playlist> playlist;
    std::vector<Problem> problems;
    bool ok() const { return playlist.has_value(); }
};

bool is_playlist_path(const std::string& path);  // ends in .playlist.toml
// Loads the playlist and checks every level it names (each must load cleanly).
PlaylistLoad load_playlist_file(const std::string& path, const Catalogue& catalogue);

}  // namespace cw
