// Where the game finds its shipped files (assets/, levels/): next to the executable when
// installed or built, else the source tree it was built from. CALMWATERS_DATA overrides both.
#pragma once
#include <string>

namespace cw {

std::string data_root();                  // the folder holding assets/ and levels/
std::string asset_path(const std::string& name);   // data_root()/assets/name
std::string levels_dir();                 // data_root()/levels
std::string first_week_playlist();        // the shipped campaign's playlist, in levels_dir()
std::string second_week_playlist();       // the week a new hire meets next

}  // namespace cw
