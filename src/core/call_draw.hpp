// What a run's seed draws before the call begins: the caller's persona (when the level lists
// several), each line's wording (when `say` lists variants), and the order a question's replies
// lie on its channels (when the level shuffles). The same seed always draws the same call, so a
// replay, the class host's check and every trainee of a class see exactly the same one.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "level.hpp"

namespace cw {

struct CallDraw {
    std::string persona;                        // the caller's, for this run
    std::vector<int> variant;                   // per node: which of its `say` variants
    std::vector<std::vector<int>> arrangement;  // per node: channel -> the reply's place in the file
};

CallDraw draw_call(const Level& level, uint64_t seed);
// The level as this run plays it: one persona, one line per node, replies in channel order
// (each remembering its place in the file).
Level apply_draw(const Level& level, const CallDraw& draw);

}  // namespace cw
