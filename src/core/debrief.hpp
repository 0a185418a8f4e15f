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
    int quality = 0;                 // reply_quality, plus one for a steady breath
    int better = -1;                 // a calmer reply at this fork, or -1 when this was among the best
    double seconds = 0;              // when it was said
    double intensity_before = 0, intensity_change = 0;
    const LaterApplied* later = nullptr;  // a consequence that caught up with this reply
};

struct Debrief {
    std::vector<DebriefEntry> entries;
    std::vector<const Source*> sources;  // every article behind the techniques used or suggested
    bool calm_but_lost = false;          // conduct was good and the caller still hung up
};

Debrief build_debrief(const Simulation& sim);

}  // namespace cw
