// Playlists: an ordered list of calls, such as the first-week campaign
// (levels/campaign/first_week.playlist.toml). Level paths are relative to the playlist file.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "core/week.hpp"
#include "core/dock.hpp"
#include "problems.hpp"

namespace cw {

struct PlaylistEntry {
    std::string day;    // e.g. "Monday"
    std::string level;  // path to the level file, resolved against the playlist's folder
    std::string title;  // the level's title (filled when the playlist is checked)
    std::optional<int> wrap_seconds;      // the break after this call, when not the playlist's
    std::vector<DockActivity> dock_offer;  // what the level adds to the dock after it (its [dock] offer)
    SourceLoc loc;
};

struct Playlist {
    std::string id;     // the file name without .playlist.toml, e.g. "first_week"
    std::string title, summary;
    int wrap_seconds = kDefaultWrapSeconds;  // every break's, unless its call says otherwise
    WeekValues week;  // `[week.vars]`: what the week remembers, as it starts
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

// The break on the dock before call `next`. It follows call `next - 1`, which says how long it
// is (its `wrap_seconds`, else the playlist's) and what it adds (its level's [dock] offer). The
// rest of the plan (each activity's seconds, the seed, the breathing) is the dock's to fill.
DockPlan dock_plan_before(const Playlist& week, int next);

}  // namespace cw
