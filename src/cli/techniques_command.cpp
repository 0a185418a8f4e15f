#include <iostream>

#include <nlohmann/json.hpp>

#include "content/command_line.hpp"
#include "commands.hpp"

namespace cw {

int techniques_command(const Args& args) {
    auto catalogue = load_shipped_catalogue();
    if (!catalogue) return 1;
    if (has_flag(args, "--json")) {
        auto list = nlohmann::ordered_json::array();
        for (const Technique& t : catalogue->techniques) {
            nlohmann::ordered_json j;
            j["id"] = t.id;
            j["kind"] = kind_id(t.kind);
            j["name"] = t.name;
            j["summary"] = t.summary;
            j["helps"] = t.helps;
            j["not_when"] = t.not_when;
            j["coaching"] = t.coaching;
            j["example"] = t.example;
            auto sources = nlohmann::ordered_json::array();
            for (const std::string& key : t.sources)
                if (const Source* s = catalogue->source(key)) sources.push_back(s->cite);
            j["sources"] = sources;
            if (!t.basis.empty()) j["basis"] = t.basis;  // no article covers it; this is where it comes from
            j["effects"] = {{"intensity", t.effects.intensity},
                            {"composure", t.effects.composure},
                            {"trust", t.effects.trust}};
            list.push_back(j);
        }
        std::cout << list.dump(2) << '\n';
        return 0;
    }
    const char* headings[] = {"In the call", "Tempting mistakes", "Between calls"};
    for (TechniqueKind kind : {TechniqueKind::in_call, TechniqueKind::anti_pattern, TechniqueKind::recovery}) {
        std::cout << headings[static_cast<int>(kind)] << ":\n";
        for (const Technique& t : catalogue->techniques)
            if (t.kind == kind) std::cout << "  " << t.id << std::string(t.id.size() < 18 ? 18 - t.id.size() : 1, ' ')
                                          << t.name << '\n';
        std::cout << '\n';
    }
    std::cout << "calmwaters techniques --json prints every field, with sources.\n";
    return 0;
}

}  // namespace cw
