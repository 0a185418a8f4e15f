// The levels and the week the game ships, as the menus list them: read from levels/ and checked.
#pragma once
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "playlist_loader.hpp"

namespace cw {

// A level the menu lists (path and title); playlists are not levels.
struct LevelEntry {
    std::string path, title, summary;
    bool yours = false;  // from the player's own levels folder, not shipped with the game
};
std::vector<LevelEntry> shipped_levels(const Catalogue& catalogue);  // levels_dir()
std::vector<LevelEntry> user_levels(const Catalogue& catalogue);     // user_levels_dir()
std::vector<LevelEntry> listed_levels(const Catalogue& catalogue);   // both: the shipped ones first

// What the menu shows, read once while the window opens: the shipped levels, then the player's
// own, and the weeks' playlists (the first week, then the second), checked. Later menus read the files afresh, so a
// level a trainer has just saved is listed.
struct ShippedContent {
    std::vector<LevelEntry> levels;
    std::vector<PlaylistLoad> weeks;
};
ShippedContent load_shipped_content(const Catalogue& catalogue);

}  // namespace cw
