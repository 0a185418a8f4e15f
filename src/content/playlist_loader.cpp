#include "playlist_loader.hpp"

#include <filesystem>

#include "level_loader.hpp"
#include "toml_reader.hpp"

namespace cw {

namespace fs = std::filesystem;

namespace {
const std::string kSuffix = ".playlist.toml";
}

bool is_playlist_path(const std::string& path) {
    return path.size() > kSuffix.size() && path.compare(path.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0;
}

PlaylistLoad load_playlist_file(const std::string& path, const Catalogue& catalogue) {
    PlaylistLoad out;
    auto text = read_text_file(path, 256 * 1024, out.problems);
    if (!text) return out;
    auto doc = parse_toml(*text, path, out.problems);
    if (!doc) return out;
    SourceText src(path, *text);
    TomlReader r(src, out.problems);
    const toml::value& root = *doc;
    Playlist p;
    p.path = path;
    std::string name = fs::path(path).filename().string();
    p.id = is_playlist_path(name) ? name.substr(0, name.size() - kSuffix.size()) : name;
    r.unknown_keys(root, {"format", "title", "summary", "wrap_seconds", "week", "call"}, "the playlist");
    r.integer(root, "format", true, 1, 1);
    if (auto v = r.string(root, "title", true, 120)) p.title = *v;
    if (auto v = r.string(root, "summary", false, 400)) p.summary = *v;
    if (auto v = r.integer(root, "wrap_seconds", false, 0, kMaxWrapSeconds)) p.wrap_seconds = static_cast<int>(*v);
    // `[week.vars]`: what the week remembers from call to call, and how each starts on Monday.
    if (const toml::value* week = r.table(root, "week", false)) {
        r.unknown_keys(*week, {"vars"}, "[week]");
        if (const toml::value* vars = r.table(*week, "vars", true))
            for (const auto& [name, value] : vars->as_table()) {
                if (value.is_boolean()) p.week[name] = value.as_boolean() ? 1 : 0;
                else if (auto v = r.as_number(value, "week variable `" + name + "`", -1000, 1000)) p.week[name] = *v;
            }
    }
    if (const toml::array* calls = r.array(root, "call", true, 200)) {
        for (const toml::value& c : *calls) {
            if (!c.is_table()) {
                r.problem(c, "calls are written as [[call]] tables");
                continue;
            }
            r.unknown_keys(c, {"day", "level", "wrap_seconds"}, "[[call]]");
            PlaylistEntry e;
            if (auto v = r.string(c, "day", false, 40)) e.day = *v;
            if (auto v = r.integer(c, "wrap_seconds", false, 0, kMaxWrapSeconds)) {
                e.wrap_seconds = static_cast<int>(*v);
                // The week ends on the last call: a wrap after it would never be used.
                if (&c == &calls->back())
                    r.problem(*r.find(c, "wrap_seconds", false),
                              "`wrap_seconds` sets the break after this call, and there is none after the last "
                              "call; move it to an earlier [[call]] or take it out");
            }
            const toml::value* lv = r.find(c, "level", true);
            auto level = r.string(c, "level", true, 400);
            if (!lv || !level) continue;
            e.loc = r.loc(*lv);
            e.level = (fs::path(path).parent_path() / *level).lexically_normal().string();
            LevelLoad load = load_level_file(e.level, catalogue);
            if (!load.ok()) {
                r.problem(e.loc, "the level " + *level + " does not load (" + std::to_string(load.problems.size()) +
                                     " problem(s); run calmwaters check on it)",
                          static_cast<int>(level->size()) + 2);
                continue;
            }
            // Each week variable a call reads or sets must be the week's, or it would silently
            // start from the level's own value every time.
            for (const auto& [var, value] : week_defaults(*load.level)) {
                (void)value;
                if (!p.week.count(var))
                    r.problem(e.loc, "the level " + *level + " uses the week variable `week." + var +
                                         "`, which this playlist does not declare: add `" + var +
                                         " = ...` under [week.vars]",
                              static_cast<int>(level->size()) + 2);
            }
            e.title = load.level->title;
            e.dock_offer = load.level->dock_offer;
            p.calls.push_back(e);
        }
        if (calls->empty()) r.problem(*r.find(root, "call", true), "a playlist needs at least one [[call]]");
    }
    if (out.problems.empty()) out.playlist = std::move(p);
    return out;
}

DockPlan dock_plan_before(const Playlist& week, int next) {
    DockPlan plan;
    plan.wrap_seconds = week.wrap_seconds;
    if (next < 1 || next > static_cast<int>(week.calls.size())) return plan;
    const PlaylistEntry& before = week.calls[static_cast<size_t>(next - 1)];
    plan.wrap_seconds = before.wrap_seconds.value_or(week.wrap_seconds);
    plan.offered = before.dock_offer;
    return plan;
}

}  // namespace cw
