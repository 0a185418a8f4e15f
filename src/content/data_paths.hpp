// Where the game finds its files. Two kinds, kept apart:
//   the shipped data (assets/, levels/): read-only when installed, found by data_root();
//   the player's own folder (progress, settings, reports, a trainer's levels): user_data_dir().
#pragma once
#include <string>

namespace cw {

// How the shipped data was found, in the order it is looked for. A binary in its build tree
// finds the sources through the marker the build writes beside it (never a path compiled in),
// so it never reads a stale installed copy; an installed binary has no marker, so it never reads
// sources.
enum class DataSource { environment, build_tree, installed, not_found };

struct DataRoot {
    std::string path;  // holds assets/ and levels/
    DataSource source = DataSource::not_found;
};

// The file the build writes next to its binaries, holding the source folder's path.
inline constexpr const char* kBuildTreeMarker = "calmwaters-source-tree";

// What the search looks at, so a test can stage an install or a build tree in a temporary folder.
struct DataSearch {
    std::string environment;                      // CALMWATERS_DATA, empty when unset
    std::string executable;                       // the running binary's path
    std::string system_dir = "/usr/share/calmwaters";
};
DataRoot find_data_root(const DataSearch& search);
DataRoot data_root_found();                      // for this process
std::string data_root();                         // data_root_found().path, or "." when not found
std::string asset_path(const std::string& name); // data_root()/assets/name
std::string levels_dir();                        // data_root()/levels
std::string first_week_playlist();               // the shipped campaign's playlist, in levels_dir()
std::string second_week_playlist();              // the week a new hire meets next

// The player's own folder: $CALMWATERS_HOME, else $XDG_DATA_HOME/calmwaters, else
// ~/.local/share/calmwaters.
std::string default_data_dir();
std::string user_levels_dir();                   // default_data_dir()/levels: a trainer's own calls

// Where the editor writes a level opened from `path`: the file itself, unless it is a shipped
// level that cannot be written (an installed copy belongs to the package, even for root); then
// the same name under the user's levels folder.
bool shipped_levels_writable(const DataRoot& shipped);
std::string level_save_path(const std::string& path, const DataRoot& shipped, const std::string& user_levels);
std::string level_save_path(const std::string& path);  // for this process
std::string new_level_path(const std::string& name);   // a new call, in whichever folder is writable

}  // namespace cw
