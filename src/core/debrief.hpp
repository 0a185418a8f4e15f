// The debrief after a call, as data: every reply with what the caller had just said, the
// techniques it showed (and their coaching lines), what the caller felt, and the better reply
// where one was available. Screens draw it; tests and reports read it.
#pragma once
#include <string>
#include <vector>

#include "sim.hpp"

namespace cw {

struct DebriefTechnique {
    const Technique* technique = nullptr;
    bool from_breath = false;  // added by a steady breath before the reply
};

struct DebriefEntry {
    const Node* question = nullptr;  // what the caller said
    int reply = -1;                  // the channel taken
    const Reply* said = nullptr;
    std::vector<DebriefTechnique> techniques;
    Grade grade = Grade::good;       // the author's judgement of the reply given
    int quality = 0;                 // grade_tone, plus one for a steady breath (at most +2)
    int better = -1;                 // a better-graded reply at this fork, or -1 when this was the best
    // Good techniques shown in a reply graded a slip or a trap: the debrief gives each one's
    // "not when" caveat (a right technique at the wrong moment).
    std::vector<const Technique*> caveats;
    bool over_promised = false;      // the reply promised more than the policy card allows
    double seconds = 0;              // when it was said
    double intensity_before = 0, intensity_change = 0;
    const LaterApplied* later = nullptr;  // a consequence that caught up with this reply
};

struct Debrief {
    std::vector<DebriefEntry> entries;
    std::vector<const Source*> sources;  // every article behind the techniques used or suggested
    std::vector<std::string> bases;      // and the practice behind any that no article covers
    bool calm_but_lost = false;          // conduct was good and the caller still hung up
};

Debrief build_debrief(const Simulation& sim);

}  // namespace cw
