#include "catalogue_loader.hpp"

#include <algorithm>
#include <set>

#include "toml_reader.hpp"

namespace cw {

namespace {
std::optional<TechniqueKind> kind_from_id(const std::string& s) {
    for (TechniqueKind k : {TechniqueKind::in_call, TechniqueKind::anti_pattern, TechniqueKind::recovery})
        if (s == kind_id(k)) return k;
    return std::nullopt;
}
}  // namespace

CatalogueLoad load_catalogue_text(const std::string& text, const std::string& file) {
    CatalogueLoad out;
    auto doc = parse_toml(text, file, out.problems);
    if (!doc) return out;
    SourceText src(file, text);
    TomlReader r(src, out.problems);
    const toml::value& root = *doc;
    Catalogue cat;

    r.unknown_keys(root, {"format", "source", "technique"}, "the catalogue");
    r.integer(root, "format", true, 1, 1);
    if (const toml::value* sources = r.table(root, "source", true)) {
        for (const auto& [key, value] : sources->as_table()) {
            if (!value.is_table()) {
                r.problem(value, "each source is a table: [source." + key + "]");
                continue;
            }
            r.unknown_keys(value, {"cite", "file"}, "[source." + key + "]");
            Source s;
            s.key = key;
            if (auto v = r.string(value, "cite", true, 400)) s.cite = *v;
            if (auto v = r.string(value, "file", false, 20)) s.file = *v;
            cat.sources.push_back(s);
        }
        std::sort(cat.sources.begin(), cat.sources.end(), [](const Source& a, const Source& b) { return a.key < b.key; });
    }
    std::set<std::string> ids;
    if (const toml::array* techs = r.array(root, "technique", true, 500)) {
        for (const toml::value& t : *techs) {
            if (!t.is_table()) {
                r.problem(t, "techniques are written as [[technique]] tables");
                continue;
            }
            r.unknown_keys(t, {"id", "kind", "name", "summary", "helps", "not_when", "coaching", "example", "sources",
                               "basis", "effects"},
                           "[[technique]]");
            Technique tech;
            const toml::value* idv = r.find(t, "id", true);
            if (auto v = r.string(t, "id", true, 64)) tech.id = *v;
            tech.loc = idv ? r.loc(*idv) : r.loc(t);
            if (!tech.id.empty() && !ids.insert(tech.id).second)
                r.problem(tech.loc, "technique id \"" + tech.id + "\" is used twice");
            if (auto v = r.string(t, "kind", true, 20)) {
                if (auto k = kind_from_id(*v)) tech.kind = *k;
                else r.problem(*r.find(t, "kind", true), "kind must be in_call, anti_pattern or recovery");
            }
            for (auto [key, field] : {std::pair{"name", &tech.name}, {"summary", &tech.summary}, {"helps", &tech.helps},
                                      {"not_when", &tech.not_when}, {"coaching", &tech.coaching},
                                      {"example", &tech.example}}) {
                if (auto v = r.string(t, key, true, 1000)) *field = *v;
            }
            // A technique comes from the articles (`sources`) or, where none covers it, from a
            // practice the catalogue names (`basis`, e.g. data protection).
            if (auto v = r.string(t, "basis", false, 400)) tech.basis = *v;
            if (const toml::array* srcs = r.array(t, "sources", tech.basis.empty(), 10)) {
                for (const toml::value& s : *srcs) {
                    if (!s.is_string()) {
                        r.problem(s, "sources are keys of [source.*] tables, in quotes");
                        continue;
                    }
                    if (!cat.source(s.as_string().str))
                        r.problem(s, "unknown source \"" + s.as_string().str + "\"; add a [source." +
                                         s.as_string().str + "] table");
                    tech.sources.push_back(s.as_string().str);
                }
                if (srcs->empty() && tech.basis.empty())
                    r.problem(*r.find(t, "sources", true),
                              "every technique needs at least one source, or a `basis` saying where it comes from");
            }
            if (const toml::value* fx = r.table(t, "effects", true)) {
                r.unknown_keys(*fx, {"intensity", "composure", "trust"}, "[technique.effects]");
                if (auto v = r.number(*fx, "intensity", true, -50, 50)) tech.effects.intensity = *v;
                if (auto v = r.number(*fx, "composure", true, -50, 50)) tech.effects.composure = *v;
                if (auto v = r.number(*fx, "trust", true, -50, 50)) tech.effects.trust = *v;
            }
            cat.techniques.push_back(tech);
        }
    }
    if (out.problems.empty()) out.catalogue = std::move(cat);
    return out;
}

std::vector<Problem> load_personas_text(const std::string& text, const std::string& file, Catalogue& into) {
    std::vector<Problem> problems;
    auto doc = parse_toml(text, file, problems);
    if (!doc) return problems;
    SourceText src(file, text);
    TomlReader r(src, problems);
    const toml::value& root = *doc;
    r.unknown_keys(root, {"format", "persona"}, "the personas file");
    r.integer(root, "format", true, 1, 1);
    std::set<std::string> ids;
    std::vector<std::string> tech_ids;
    for (const Technique& t : into.techniques) tech_ids.push_back(t.id);
    if (const toml::array* list = r.array(root, "persona", true, 100)) {
        for (const toml::value& t : *list) {
            if (!t.is_table()) {
                r.problem(t, "personas are written as [[persona]] tables");
                continue;
            }
            r.unknown_keys(t, {"id", "name", "summary", "responds_to", "scale"}, "[[persona]]");
            Persona p;
            const toml::value* idv = r.find(t, "id", true);
            if (auto v = r.string(t, "id", true, 40)) p.id = *v;
            p.loc = idv ? r.loc(*idv) : r.loc(t);
            if (!p.id.empty() && !ids.insert(p.id).second) r.problem(p.loc, "persona id \"" + p.id + "\" is used twice");
            for (auto [key, field] : {std::pair{"name", &p.name}, {"summary", &p.summary}, {"responds_to", &p.responds_to}})
                if (auto v = r.string(t, key, true, 600)) *field = *v;
            if (const toml::value* scale = r.table(t, "scale", false)) {
                for (const auto& [tech, value] : scale->as_table()) {
                    if (!into.find(tech)) {
                        std::string hint = closest_name(tech, tech_ids);
                        r.problem(value, "unknown technique \"" + tech + "\" in [persona.scale]" +
                                             (hint.empty() ? "" : "; did you mean \"" + hint + "\"?"));
                        continue;
                    }
                    if (auto k = r.as_number(value, "the scale for " + tech, 0, 5)) p.scale.push_back({tech, *k});
                }
                // The table is a hash map: keep a stable order.
                std::sort(p.scale.begin(), p.scale.end());
            }
            into.personas.push_back(p);
        }
    }
    if (problems.empty() && !into.persona("everyday"))
        problems.push_back(src.at({1, 1}, "the personas file needs an \"everyday\" persona (the default)"));
    return problems;
}

CatalogueLoad load_catalogue_dir(const std::string& assets_dir) {
    CatalogueLoad out = load_catalogue_file(assets_dir + "/techniques.toml");
    if (!out.ok()) return out;
    const std::string path = assets_dir + "/personas.toml";
    auto text = read_text_file(path, 1024 * 1024, out.problems);
    if (text) {
        auto problems = load_personas_text(*text, path, *out.catalogue);
        out.problems.insert(out.problems.end(), problems.begin(), problems.end());
    }
    if (!out.problems.empty()) out.catalogue.reset();
    return out;
}

CatalogueLoad load_catalogue_file(const std::string& path) {
    CatalogueLoad out;
    auto text = read_text_file(path, 1024 * 1024, out.problems);
    if (!text) return out;
    return load_catalogue_text(*text, path);
}

}  // namespace cw
