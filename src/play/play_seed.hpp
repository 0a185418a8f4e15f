// Which draw a go at a call gets. A seed decides the caller's persona, the wording of each line
// and where each reply lies, so the seed of every go is chosen here, in one place.
#pragma once
#include <cstdint>

#include "core/rng.hpp"

namespace cw {

// A player's go number `go` (0 = the first) at a level whose own seed is `level_seed`. The first
// go is the level's own seed, the draw its author tested; every later go draws afresh, so a
// retry cannot be won by remembering where the best reply lay. Counted, never clocked, so any
// go can be reproduced (and its replay records the seed anyway).
inline uint64_t seed_for_go(uint64_t level_seed, int go) {
    if (go <= 0) return level_seed;
    Rng rng(level_seed ^ (0xC0FFEE5EEDull * static_cast<uint64_t>(go)));
    return rng.next();
}

// The seed of call `call_index` of a class whose session seed is `class_seed`: every trainee
// gets it in the call's announcement, so the whole class shares one draw, and a new class (a new
// session seed) draws the week afresh.
inline uint64_t seed_for_class_call(uint64_t class_seed, int call_index) {
    Rng rng(class_seed ^ (0xC1A55ull + static_cast<uint64_t>(call_index)));
    return rng.next();
}

}  // namespace cw
