// Replay files (JSON): written by `run --record` and the game, read back by `replay`, and
// treated as untrusted input, since trainers pass them around: every field is type- and
// range-checked and problems are located like a level's.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/replay.hpp"
#include "problems.hpp"

namespace cw {

struct ReplayLoad {
    std::optional<Replay> replay;
    std::vector<Problem> problems;
    bool ok() const { return replay.has_value(); }
};

std::string replay_to_json(const Replay& replay);
ReplayLoad replay_from_json(const std::string& text, const std::string& file);
ReplayLoad load_replay_file(const std::string& path);
// Written to a temporary file and renamed, so a crash never leaves half a replay.
bool save_replay_file(const Replay& replay, const std::string& path, std::string& error);

std::string hash_hex(uint64_t h);

}  // namespace cw
