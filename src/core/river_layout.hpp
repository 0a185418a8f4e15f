// A river laid out from the call, for a level whose [river] has no `points`: the trainer writes
// the call and the water follows it (docs/level-format.md, "A river from the call").
//
// How, from the numbers in call_timeline.hpp, taking the forks in the order the call meets them:
//  - each fork starts where its question, on the slowest route to it, has been on screen long
//    enough to read (question_read_seconds: at least kMinReadSeconds), and where the raft
//    leaving any channel of the fork before can cross to any channel of this one at the
//    roughest water any route can bring by then; and far enough past where the raft is when
//    the lines before it end that the question never cuts them short (kQuestionLeadMetres);
//  - it is as wide as its channels need (kLayoutChannelWidth each, plus its islands), and the
//    river between forks kLayoutRiverWidth;
//  - the river runs on until the slowest route has said its last line, then the pool;
//  - bends (and rocks, when `rocks` asks for them) come from the level's seed.
// Same file, same river: nothing here reads a clock or a global.
#pragma once
#include <string>
#include <vector>

#include "call_timeline.hpp"
#include "catalogue.hpp"
#include "level.hpp"

namespace cw {

constexpr double kLayoutChannelWidth = 6.5;
constexpr double kLayoutRiverWidth = 18.0;
constexpr double kLayoutPointSpacing = 10.0;
constexpr double kFirstForkFrom = 20.0;  // the checks' limits: the first fork from 20 m,
constexpr double kForkGapMin = 10.0;     // 10 m of open water between forks,
constexpr double kForkBeforePool = 10.0; // the last one ending 10 m before the pool,
constexpr double kRockFrom = 15.0;       // and rocks from 15 m down the river.

struct RiverLayout {
    std::vector<RiverPoint> points;
    std::vector<double> fork_at;  // per fork, in the file's order
    std::string problem;          // "" when laid out; else why it could not be
};

// The fork's full width when the layout sets it: its channels and islands, never narrower than
// the river.
double layout_fork_width(const Fork& fork);

// `level` has its call and forks read (ids, channels, lengths); its points and fork `at` are
// ignored. Every river it lays out passes the level checks.
RiverLayout lay_out_river(const Level& level, const Catalogue& catalogue);
// The same course: every point (place and width) and every fork's `at` equal.
bool same_course(const RiverDef& a, const RiverDef& b);

// Puts a layout into the level's river (points, and each fork's `at`).
void apply_layout(const RiverLayout& layout, RiverDef& river, SourceLoc loc);

// What the loader and the editor do after reading or changing a level: lay a river without
// points out from the call (false with `problem` set when it cannot be) and place the rocks
// `rocks` asks for, replacing any placed before.
bool lay_out_in_place(Level& level, const Catalogue& catalogue, std::string& problem);

// Rocks for `rocks = "few"` or `"many"`, on the river as laid out (points and forks in place),
// clear of the start, the forks and the pool. Marked `scattered`: they are not written back.
std::vector<Rock> scatter_rocks(const RiverDef& river, RockAmount amount, uint64_t seed, SourceLoc loc);

}  // namespace cw
