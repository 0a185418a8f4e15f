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

// Where an authored grade and the reply's tags disagree (a `best` reply showing a mistake, a
// `trap` built only from good techniques with no `feedback` saying why): warnings for the
// author, never a reason to refuse the level.
void check_judgement(const Level& level, const Catalogue& catalogue, const SourceText& src,
                     std::vector<Problem>& notes);

// Channel width a fork leaves at the narrowest point of its river stretch.
constexpr double kMinChannelWidth = 3.0;

}  // namespace cw
