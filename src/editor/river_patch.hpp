// Writing a laid-out river into a level file's own text, the way a trainer would by hand:
// `points` replaced (or added at the end of [river]) and each fork's `at` replaced (or added
// after its `id`). Nothing else moves: every comment, blank line and key stays where it was.
#pragma once
#include <string>

#include "core/level.hpp"
#include "core/river_layout.hpp"

namespace cw {

// The river's points as the file writes them ("points = [\n  [x, y, w],\n ...]\n").
std::string points_text(const std::vector<RiverPoint>& points);

// `text` with `layout` written in; "" with `error` set when the file's shape is not one this
// can patch (no [river] table, a fork table without `id`).
std::string patch_river_text(const std::string& text, const Level& level, const RiverLayout& layout, std::string& error);

}  // namespace cw
