#include "dock_text.hpp"

#include <utility>

#include "data_paths.hpp"
#include "toml_reader.hpp"

namespace cw {

namespace {

constexpr size_t kMaxLine = 600;   // a line of the dock, at most
constexpr size_t kMaxQuote = 160;  // a quote is one short sentence or two
constexpr size_t kMaxQuotes = 50;

// A required line of text that says something.
void line(TomlReader& r, const toml::value& table, const char* key, const std::string& where, std::string& into) {
    auto v = r.string(table, key, true, kMaxLine);
    if (!v) return;
    if (v->find_first_not_of(" \t\r\n") == std::string::npos) {
        r.problem(*r.find(table, key, true), "`" + std::string(key) + "` in " + where +
                                                 " is empty: write what the dock should say");
        return;
    }
    into = *v;
}

}  // namespace

const std::string& DockText::touchstone_quote(int pick) const {
    return touchstone_quotes[static_cast<size_t>(pick) % touchstone_quotes.size()];
}

DockTextLoad load_dock_text(const std::string& text, const std::string& file) {
    DockTextLoad out;
    auto doc = parse_toml(text, file, out.problems);
    if (!doc) return out;
    SourceText src(file, text);
    TomlReader r(src, out.problems);
    const toml::value& root = *doc;
    DockText d;

    r.unknown_keys(root,
                   {"format", "intro", "no_time", "water_and_breaths", "stress_ball", "walk_it_off", "shake_it_off",
                    "notepad", "talk_to_team", "brain_break", "touchstone", "did_my_best", "tell_manager"},
                   "the dock's text");
    r.integer(root, "format", true, 1, 1);
    line(r, root, "intro", "the dock's text", d.intro);
    line(r, root, "no_time", "the dock's text", d.no_time);

    const auto& activities = all_dock_activities();
    d.instructions.resize(activities.size());
    d.seconds.resize(activities.size());
    for (DockActivity a : activities) {
        const std::string id = dock_technique_id(a);
        const std::string where = "[" + id + "]";
        const toml::value* t = r.table(root, id.c_str(), true);
        if (!t) continue;
        switch (a) {
            case DockActivity::talk_to_team:
                r.unknown_keys(*t, {"seconds", "instructions", "story", "move_on", "move_on_then", "dwell", "dwell_then"},
                               where);
                break;
            case DockActivity::did_my_best:
                r.unknown_keys(*t, {"seconds", "instructions", "yes", "mostly", "then"}, where);
                break;
            case DockActivity::touchstone: r.unknown_keys(*t, {"seconds", "instructions", "quotes"}, where); break;
            case DockActivity::shake_it_off: r.unknown_keys(*t, {"seconds", "instructions", "then"}, where); break;
            case DockActivity::tell_manager:
                r.unknown_keys(*t,
                               {"seconds", "instructions", "story", "all", "all_then", "facts", "facts_then", "nothing",
                                "nothing_then", "takeaway"},
                               where);
                break;
            default: r.unknown_keys(*t, {"seconds", "instructions"}, where); break;
        }
        // Whole seconds of the wrap: at least one (nothing on the dock is free), at most the
        // longest wrap a playlist may give.
        if (auto v = r.integer(*t, "seconds", true, 1, kMaxWrapSeconds))
            d.seconds[static_cast<size_t>(a)] = static_cast<int>(*v);
        line(r, *t, "instructions", where, d.instructions[static_cast<size_t>(a)]);
        switch (a) {
            case DockActivity::talk_to_team:
                for (auto [key, field] : {std::pair{"story", &d.team_story}, {"move_on", &d.team_move_on},
                                          {"move_on_then", &d.team_move_on_then}, {"dwell", &d.team_dwell},
                                          {"dwell_then", &d.team_dwell_then}})
                    line(r, *t, key, where, *field);
                break;
            case DockActivity::did_my_best:
                for (auto [key, field] :
                     {std::pair{"yes", &d.best_yes}, {"mostly", &d.best_mostly}, {"then", &d.best_then}})
                    line(r, *t, key, where, *field);
                break;
            case DockActivity::shake_it_off: line(r, *t, "then", where, d.shake_then); break;
            case DockActivity::tell_manager:
                for (auto [key, field] :
                     {std::pair{"story", &d.manager_story}, {"all", &d.report_all}, {"all_then", &d.report_all_then},
                      {"facts", &d.report_facts}, {"facts_then", &d.report_facts_then}, {"nothing", &d.report_nothing},
                      {"nothing_then", &d.report_nothing_then}, {"takeaway", &d.manager_takeaway}})
                    line(r, *t, key, where, *field);
                break;
            case DockActivity::touchstone:
                if (const toml::array* quotes = r.array(*t, "quotes", true, kMaxQuotes)) {
                    for (const toml::value& q : *quotes) {
                        if (!q.is_string()) {
                            r.problem(q, "each quote is text in quotes");
                            continue;
                        }
                        const std::string& s = q.as_string().str;
                        if (s.find_first_not_of(" \t\r\n") == std::string::npos)
                            r.problem(q, "a quote cannot be empty");
                        else if (s.size() > kMaxQuote)
                            r.problem(q, "this quote is too long (" + std::to_string(s.size()) +
                                             " characters; at most " + std::to_string(kMaxQuote) + ")");
                        else
                            d.touchstone_quotes.push_back(s);
                    }
                    if (quotes->empty()) r.problem(*r.find(*t, "quotes", true), "the touchstone needs at least one quote");
                }
                break;
            default: break;
        }
    }
    if (out.problems.empty()) out.text = std::move(d);
    return out;
}

DockTextLoad load_dock_text_file(const std::string& path) {
    DockTextLoad out;
    auto text = read_text_file(path, 256 * 1024, out.problems);
    if (!text) return out;
    return load_dock_text(*text, path);
}

DockTextLoad load_shipped_dock_text() { return load_dock_text_file(asset_path("dock.toml")); }

}  // namespace cw
