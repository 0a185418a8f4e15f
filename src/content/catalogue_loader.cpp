#include "catalogue_loader.hpp"

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
                               "effects"},
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
            if (const toml::array* srcs = r.array(t, "sources", true, 10)) {
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
                if (srcs->empty()) r.problem(*r.find(t, "sources", true), "every technique needs at least one source");
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

CatalogueLoad load_catalogue_file(const std::string& path) {
    CatalogueLoad out;
    auto text = read_text_file(path, 1024 * 1024, out.problems);
    if (!text) return out;
    return load_catalogue_text(*text, path);
}

}  // namespace cw
