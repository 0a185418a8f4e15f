// The levels and the week the game ships, as the menus list them: read from levels/ and checked.
#pragma once
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "playlist_loader.hpp"

namespace cw {

// The levels shipped in levels/ (path and title), for the menu; playlists are not levels.
struct LevelEntry {
    std::string path, title, summary;
};
std::vector<LevelEntry> shipped_levels(const Catalogue& catalogue);

// What the menu shows, read once while the window opens: the shipped levels and the weeks'
// playlists (the first week, then the second), checked. Later menus read the files afresh, so a
// level a trainer has just saved is listed.
struct ShippedContent {
    std::vector<LevelEntry> levels;
    std::vector<PlaylistLoad> weeks;
};
ShippedContent load_shipped_content(const Catalogue& catalogue);

}  // namespace cw
