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
    Effects effects;
    SourceLoc loc;
};

struct Catalogue {
    std::vector<Source> sources;
    std::vector<Technique> techniques;

    const Technique* find(const std::string& id) const;
    const Source* source(const std::string& key) const;
};

// A reply's effects: the level's overrides where given, else the sum of its techniques' defaults.
Effects reply_effects(const Reply& reply, const Catalogue& catalogue);

// How calm a reply is: +1 per in-call technique, -1 per anti-pattern. Bots and scoring share it.
int reply_quality(const Reply& reply, const Catalogue& catalogue);

}  // namespace cw
