// The rules a level must follow beyond its shape: the call graph, the techniques, and geometry
// that Box2D would reject or a raft could not pass. One list of rules, used by the loader,
// `calmwaters check` and (later) the editor's live problems list.
#pragma once
#include <vector>

#include "core/catalogue.hpp"
#include "core/level.hpp"
#include "problems.hpp"

namespace cw {

void check_level(const Level& level, const Catalogue& catalogue, const SourceText& src, std::vector<Problem>& out);

// Channel width a fork leaves at the narrowest point of its river stretch.
constexpr double kMinChannelWidth = 3.0;

}  // namespace cw
