#include "debrief.hpp"

#include <algorithm>

namespace cw {

Debrief build_debrief(const Simulation& sim) {
    Debrief d;
    const Catalogue& cat = sim.catalogue();
    const Level& level = sim.level();
    std::vector<std::string> source_keys;
    auto note_sources = [&](const Technique* t) {
        if (!t->basis.empty() && std::find(d.bases.begin(), d.bases.end(), t->basis) == d.bases.end())
            d.bases.push_back(t->basis);
        for (const auto& key : t->sources)
            if (std::find(source_keys.begin(), source_keys.end(), key) == source_keys.end()) source_keys.push_back(key);
    };
    for (const ChoiceRecord& c : sim.call().choices()) {
        DebriefEntry e;
        e.question = &level.nodes[c.node];
        e.reply = c.reply;
        e.said = &e.question->replies[c.reply];
        e.seconds = c.tick / 60.0;
        e.intensity_before = c.intensity_before;
        e.intensity_change = c.effects.intensity;
        for (const auto& id : e.said->techniques)
            if (const Technique* t = cat.find(id)) {
                e.techniques.push_back({t, false});
                note_sources(t);
            }
        if (c.breathed)
            if (const Technique* t = cat.find("breathe")) {
                e.techniques.push_back({t, true});
                note_sources(t);
            }
        e.grade = e.said->grade;
        e.over_promised = std::find(e.said->techniques.begin(), e.said->techniques.end(), "over_promise") !=
                          e.said->techniques.end();
        e.quality = std::min(grade_tone(e.grade) + (c.breathed ? 1 : 0), 2);
        if (e.grade == Grade::slip || e.grade == Grade::trap)
            for (const DebriefTechnique& dt : e.techniques)
                if (!dt.from_breath && dt.technique->kind == TechniqueKind::in_call) e.caveats.push_back(dt.technique);
        // A better reply: the best-graded one at this fork, if it beats what was said.
        int best_tone = grade_tone(e.grade);
        for (size_t i = 0; i < e.question->replies.size(); ++i) {
            int tone = grade_tone(e.question->replies[i].grade);
            if (tone > best_tone) {
                best_tone = tone;
                e.better = static_cast<int>(i);
            }
        }
        if (e.better >= 0)
            for (const auto& id : e.question->replies[e.better].techniques)
                if (const Technique* t = cat.find(id)) note_sources(t);
        for (const LaterApplied& l : sim.later_applied())
            if (l.choice == static_cast<int>(d.entries.size())) e.later = &l;
        d.entries.push_back(e);
    }
    for (const auto& key : source_keys)
        if (const Source* s = cat.source(key)) d.sources.push_back(s);
    Score score = sim.score();
    d.calm_but_lost = sim.state().outcome == Outcome::hung_up && score.conduct >= 35;
    return d;
}

}  // namespace cw
