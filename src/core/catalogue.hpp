// The technique catalogue as plain data (loaded from assets/techniques.toml by src/content).
#pragma once
#include <string>
#include <vector>

#include "level.hpp"

namespace cw {

enum class TechniqueKind { in_call, anti_pattern, recovery };
const char* kind_id(TechniqueKind k);

struct Source {
    std::string key;
    std::string cite;
    std::string file;
};

struct Technique {
    std::string id;
    TechniqueKind kind = TechniqueKind::in_call;
    std::string name, summary, helps, not_when, coaching, example;
    std::vector<std::string> sources;  // keys into Catalogue::sources
    std::string basis;                 // where it comes from when no article covers it
    Effects effects;
    SourceLoc loc;
};

// A kind of caller, and how strongly each technique lands with them (assets/personas.toml).
struct Persona {
    std::string id, name, summary, responds_to;
    std::vector<std::pair<std::string, double>> scale;  // technique id -> multiplier (absent: 1)
    SourceLoc loc;

    double scale_for(const std::string& technique) const;
};

struct Catalogue {
    std::vector<Source> sources;
    std::vector<Technique> techniques;
    std::vector<Persona> personas;

    const Technique* find(const std::string& id) const;
    const Source* source(const std::string& key) const;
    const Persona* persona(const std::string& id) const;
};

// One technique's effects on a caller of this persona (null: everyday): intensity and trust
// scale with the persona; composure is the agent's own and does not.
Effects technique_effects(const Technique& t, const Persona* persona);

// A reply's effects: the level's overrides where given, else the sum of its techniques'
// defaults, each scaled for the caller's persona (intensity and trust; composure is the
// agent's own and does not depend on who is calling).
// A reply the author graded a slip or a trap never calms the caller by default: its intensity
// change is at least these, and its trust change at most minus these (a level may override).
constexpr double kSlipHeat = 3, kTrapHeat = 6;
constexpr double kSlipDistrust = 2, kTrapDistrust = 5;
Effects reply_effects(const Reply& reply, const Catalogue& catalogue, const std::string& persona = "everyday");

// What a reply's tags say: +1 per in-call technique, -1 per anti-pattern. Only format 1 files
// (no grades) and the checks that compare a grade with its tags use it; the grade is the verdict.
int reply_quality(const Reply& reply, const Catalogue& catalogue);
// A format 1 reply's grade, worked out from its tags: two good tags or more best, one good,
// mixed or none a slip, more mistakes than good a trap.
Grade grade_from_tags(const Reply& reply, const Catalogue& catalogue);

}  // namespace cw
