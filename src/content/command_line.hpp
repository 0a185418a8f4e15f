// What every entry point of the command line shares, the headless commands (src/cli) and the
// game's own (src/app): loading the shipped catalogue with its problems on stderr, and reading
// flags.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "content/catalogue_loader.hpp"
#include "content/level_loader.hpp"

namespace cw {

// The shipped catalogue, or nothing (after printing its problems).
std::optional<Catalogue> load_shipped_catalogue();

// `--name value` from args; `present` tells whether the flag was there at all.
std::optional<std::string> flag_value(const std::vector<std::string>& args, const std::string& name);
bool has_flag(const std::vector<std::string>& args, const std::string& name);

// `--pace X`, the reading pace (see core/reading_pace.hpp): `pace` is left at 1 when the flag is
// absent. False, after a message on stderr naming `command`, when it is not a number from 0.5 to 2.
bool pace_flag(const std::vector<std::string>& args, const char* command, double& pace);

// True, after telling the trainer what to run instead, when `path` is a playlist (a week of
// calls) given to a command that takes one level (`run`, `solve`, `layout`).
bool refuse_playlist(const std::string& path, const char* command);

}  // namespace cw
