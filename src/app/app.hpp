// The game's entry points, for main.cpp: the game itself and the screenshot command. Screens
// stand on screen.hpp; this file is the top of src/app and nothing in it includes it back.
#pragma once
#include <string>
#include <vector>

namespace cw {

// calmwaters [play LEVEL], or with `replay`: calmwaters replay FILE (watch it)
int run_game(const std::vector<std::string>& args, bool replay = false);
// calmwaters screenshot SCREEN --out FILE.png [--level L]
int screenshot_command(const std::vector<std::string>& args);

}  // namespace cw
