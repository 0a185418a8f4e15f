// Level files: TOML text in, a checked Level out, or located problems. Parsing and checking
// are pure: nothing here touches Box2D, so a broken file can never abort the process.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "core/level.hpp"
#include "problems.hpp"

namespace cw {

constexpr size_t kMaxLevelBytes = 2 * 1024 * 1024;

struct LevelLoad {
    std::optional<Level> level;   // set only when there are no problems
    std::vector<Problem> problems;
    // Warnings and notes: worth the author's attention, never a reason to refuse the level.
    std::vector<Problem> notes;
    bool ok() const { return level.has_value(); }
};

// From text (the class host sends levels over the network, the editor keeps them in memory).
LevelLoad load_level_text(const std::string& text, const std::string& file, const Catalogue& catalogue);
// For the editor: the level is kept even when it breaks a rule (its shape must still be right),
// so a half-finished level opens with its problems listed.
LevelLoad load_level_text_for_editing(const std::string& text, const std::string& file, const Catalogue& catalogue);
// From a file on disk.
LevelLoad load_level_file(const std::string& path, const Catalogue& catalogue);

}  // namespace cw
