#include "catalogue.hpp"

#include <algorithm>

namespace cw {

const char* kind_id(TechniqueKind k) {
    switch (k) {
        case TechniqueKind::in_call: return "in_call";
        case TechniqueKind::anti_pattern: return "anti_pattern";
        case TechniqueKind::recovery: return "recovery";
    }
    return "in_call";
}

const Technique* Catalogue::find(const std::string& id) const {
    for (const auto& t : techniques)
        if (t.id == id) return &t;
    return nullptr;
}

const Source* Catalogue::source(const std::string& key) const {
    for (const auto& s : sources)
        if (s.key == key) return &s;
    return nullptr;
}

const Persona* Catalogue::persona(const std::string& id) const {
    for (const auto& p : personas)
        if (p.id == id) return &p;
    return nullptr;
}

double Persona::scale_for(const std::string& technique) const {
    for (const auto& [id, k] : scale)
        if (id == technique) return k;
    return 1.0;
}

Effects technique_effects(const Technique& t, const Persona* persona) {
    double k = persona ? persona->scale_for(t.id) : 1.0;
    return {t.effects.intensity * k, t.effects.composure, t.effects.trust * k};
}

Effects reply_effects(const Reply& reply, const Catalogue& catalogue, const std::string& persona) {
    Effects sum;
    const Persona* who = catalogue.persona(persona);
    for (const auto& id : reply.techniques) {
        if (const Technique* t = catalogue.find(id)) {
            Effects e = technique_effects(*t, who);
            sum.intensity += e.intensity;
            sum.composure += e.composure;
            sum.trust += e.trust;
        }
    }
    // The author's verdict shapes what the tags would do: a reply graded a slip or a trap does
    // not settle the caller just because it is built from kind words (giving in to abuse,
    // a soft over-promise). The caller notices something is off instead.
    bool authored_mistake = !reply.grade_derived && (reply.grade == Grade::slip || reply.grade == Grade::trap);
    if (authored_mistake) {
        const bool trap = reply.grade == Grade::trap;
        sum.intensity = std::max(sum.intensity, 0.0) + (trap ? kTrapHeat : kSlipHeat);
        sum.trust = std::min(sum.trust, 0.0) - (trap ? kTrapDistrust : kSlipDistrust);
    }
    if (reply.intensity) sum.intensity = *reply.intensity;
    if (reply.composure) sum.composure = *reply.composure;
    if (reply.trust) sum.trust = *reply.trust;
    return sum;
}

Grade grade_from_tags(const Reply& reply, const Catalogue& catalogue) {
    int q = reply_quality(reply, catalogue);
    if (q >= 2) return Grade::best;
    if (q == 1) return Grade::good;
    if (q == 0) return Grade::slip;
    return Grade::trap;
}

int reply_quality(const Reply& reply, const Catalogue& catalogue) {
    int q = 0;
    for (const auto& id : reply.techniques) {
        const Technique* t = catalogue.find(id);
        if (!t) continue;
        if (t->kind == TechniqueKind::in_call) q += 1;
        if (t->kind == TechniqueKind::anti_pattern) q -= 1;
    }
    return q;
}

}  // namespace cw
