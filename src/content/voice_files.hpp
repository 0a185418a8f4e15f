// Where a call's recorded voice-over is found. A trainer records a line into a file named by its
// line id (core/level.hpp line_id), in a folder named after the call:
//   voice/<stem>/<line id>.ogg (or .wav)
// where <stem> is the call's path under its `levels` folder without ".toml" (levels/week2/intro.toml
// gives week2/intro, so two weeks can both have an "intro"). The `voice` folder sits beside that
// `levels` folder, or in the player's own data folder; a call file that is in no `levels` folder
// uses its file name as the stem and the `voice` folder beside it.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace cw {

std::string voice_stem(const std::string& level_path);
// The folders looked in, in order (they need not exist).
std::vector<std::string> voice_folders(const std::string& level_path, const std::string& user_data_dir);
// The recording of `line_id` for this call, if there is one.
std::optional<std::string> find_recording(const std::string& level_path, const std::string& line_id,
                                          const std::string& user_data_dir);

}  // namespace cw
