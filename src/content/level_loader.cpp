#include "level_loader.hpp"

#include <algorithm>
#include <cstring>
#include <tuple>

#include "core/hash.hpp"
#include "level_checks.hpp"
#include "core/river_layout.hpp"
#include "toml_reader.hpp"

namespace cw {

namespace {

constexpr size_t kMaxNodes = 2000;
constexpr size_t kMaxPoints = 400;
constexpr size_t kMaxRocks = 300;
constexpr size_t kMaxForks = 40;
constexpr double kWorldLimit = 20000.0;  // metres from the origin
constexpr double kGraphLimit = 1000000.0;  // editor graph units from the origin

void read_caller(TomlReader& r, const toml::value& root, Level& level) {
    const toml::value* caller = r.table(root, "caller", true);
    if (!caller) return;
    r.unknown_keys(*caller, {"name", "issue", "intensity", "drift", "persona", "personas", "hold_rate"}, "[caller]");
    // Several personas: the run draws one (the same caller can be in a hurry one day, hurt the next).
    if (const toml::array* list = r.array(*caller, "personas", false, 8)) {
        for (const toml::value& v : *list) {
            if (v.is_string()) level.caller.personas.push_back(v.as_string().str);
            else r.problem(v, "persona ids are text, like \"everyday\"");
        }
        if (list->empty()) r.problem(*r.find(*caller, "personas", false), "`personas` lists at least one persona");
        if (r.find(*caller, "persona", false))
            r.problem(*r.find(*caller, "personas", false), "give `persona` (one) or `personas` (a list), not both");
        if (!level.caller.personas.empty()) {
            level.caller.persona = level.caller.personas.front();
            level.caller.persona_loc = r.loc(*r.find(*caller, "personas", false));
        }
    }
    if (auto v = r.number(*caller, "hold_rate", false, 0, 5)) level.caller.hold_rate = *v;
    if (auto v = r.string(*caller, "name", true, 80)) level.caller.name = *v;
    if (const toml::value* p = r.find(*caller, "persona", false)) {
        if (auto v = r.string(*caller, "persona", false, 40)) level.caller.persona = *v;
        level.caller.persona_loc = r.loc(*p);
    }
    if (auto v = r.string(*caller, "issue", true, 300)) level.caller.issue = *v;
    if (auto v = r.number(*caller, "intensity", true, 0, 100)) level.caller.intensity = *v;
    if (auto v = r.number(*caller, "drift", false, -5, 5)) level.caller.drift = *v;
}

void read_policy(TomlReader& r, const toml::value& root, Level& level) {
    const toml::value* policy = r.table(root, "policy", false);
    if (!policy) return;
    r.unknown_keys(*policy, {"title", "may", "may_not", "verify"}, "[policy]");
    PolicyCard& card = level.policy;
    if (auto v = r.string(*policy, "title", true, 120)) card.title = *v;
    if (auto v = r.string(*policy, "verify", false, 400)) card.verify = *v;
    for (auto [key, into] : {std::pair{"may", &card.may}, {"may_not", &card.may_not}}) {
        const toml::array* list = r.array(*policy, key, false, 12);
        if (!list) continue;
        for (const toml::value& v : *list) {
            if (v.is_string() && !v.as_string().str.empty() && v.as_string().str.size() <= 300)
                into->push_back(v.as_string().str);
            else r.problem(v, std::string("each line of `") + key + "` is text in quotes (up to 300 characters)");
        }
    }
}

// `[dock] offer = ["tell_manager"]`: what the dock after this call adds. Only the activities
// held back for such calls can be named; the everyday ones are there anyway.
void read_dock(TomlReader& r, const toml::value& root, Level& level) {
    const toml::value* dock = r.table(root, "dock", false);
    if (!dock) return;
    r.unknown_keys(*dock, {"offer"}, "[dock]");
    const toml::array* list = r.array(*dock, "offer", true, 8);
    if (!list) return;
    if (list->empty())
        r.problem(*r.find(*dock, "offer", true), "`offer` lists at least one activity, like [\"tell_manager\"] "
                                                 "(or leave [dock] out)");
    for (const toml::value& v : *list) {
        if (!v.is_string()) {
            r.problem(v, "each activity in `offer` is an id in quotes; a level can offer " + dock_offerable_ids());
            continue;
        }
        const std::string& id = v.as_string().str;
        std::optional<DockActivity> a = dock_activity_from_id(id);
        if (!a)
            r.problem(v, "`" + id + "` is not an activity on the dock; a level can offer " + dock_offerable_ids());
        else if (!dock_offered_only(*a))
            r.problem(v, "`" + id + "` is on the dock after every call already; a level can offer " +
                             dock_offerable_ids());
        else if (std::find(level.dock_offer.begin(), level.dock_offer.end(), *a) != level.dock_offer.end())
            r.problem(v, "`" + id + "` is offered twice; once is enough");
        else
            level.dock_offer.push_back(*a);
    }
}

void read_rock(TomlReader& r, const toml::value& t, Level& level) {
    r.unknown_keys(t, {"at", "radius", "points"}, "[[river.rock]]");
    Rock rock;
    const toml::value* at = r.find(t, "at", true);
    if (!at) return;
    auto p = r.as_point(*at, "`at`", kWorldLimit);
    if (!p) return;
    rock.at = *p;
    rock.loc = r.loc(*at);
    bool has_radius = r.find(t, "radius", false) != nullptr;
    bool has_points = r.find(t, "points", false) != nullptr;
    if (has_radius == has_points) {
        r.problem(*at, "a rock needs either `radius` (a round rock) or `points` (a polygon), not both or neither");
        return;
    }
    if (has_radius) {
        auto radius = r.number(t, "radius", true, 0.3, 10);
        if (!radius) return;
        rock.radius = *radius;
    } else {
        const toml::array* pts = r.array(t, "points", true, 64);
        if (!pts) return;
        for (const toml::value& v : *pts) {
            auto q = r.as_point(v, "a rock point", 50);
            if (!q) return;
            rock.polygon.push_back(*q);
        }
    }
    level.river.rocks.push_back(rock);
}

void read_fork(TomlReader& r, const toml::value& t, Level& level, bool laid_out) {
    r.unknown_keys(t, {"id", "at", "length", "channels", "island"}, "[[river.fork]]");
    Fork f;
    auto id = r.string(t, "id", true, 64);
    const toml::value* at_value = r.find(t, "at", false);
    std::optional<double> at;
    if (laid_out && at_value) {
        r.problem(*at_value, "this river has no `points`, so the game places its forks from the call: remove `at` "
                             "(or write the river's points: calmwaters layout --write FILE)");
    } else if (!laid_out) {
        at = r.number(t, "at", false, 0, 100000);
        if (!at_value && id)
            r.problem(*r.find(t, "id", true), "fork \"" + *id + "\" needs `at`, the metres along the river where its "
                                              "islands begin, because the river's `points` are written out (or remove "
                                              "`points` and the game lays the river out from the call)");
    }
    auto len = r.number(t, "length", false, 15, 200);
    auto ch = r.integer(t, "channels", true, 2, 4);
    auto isl = r.number(t, "island", false, 1, 20);
    if (!id || !ch || (!laid_out && !at)) return;
    f.id = *id;
    if (at) f.at = *at;
    if (len) f.length = *len;
    f.channels = static_cast<int>(*ch);
    if (isl) f.island = *isl;
    f.id_loc = r.loc(*r.find(t, "id", true));
    f.loc = at_value ? r.loc(*at_value) : f.id_loc;
    level.river.forks.push_back(f);
}

void read_river(TomlReader& r, const toml::value& root, Level& level) {
    const toml::value* river = r.table(root, "river", true);
    if (!river) return;
    r.unknown_keys(*river, {"current", "bank_flow", "pool", "points", "rocks", "roughness", "rock", "fork"}, "[river]");
    RiverDef& def = level.river;
    def.loc = r.loc(*river);
    def.laid_out = r.find(*river, "points", false) == nullptr;
    if (auto v = r.number(*river, "current", true, 0.3, 6)) def.current = *v;
    if (auto v = r.number(*river, "bank_flow", false, 0, 1)) def.bank_flow = *v;
    if (auto v = r.number(*river, "pool", false, 10, 200)) def.pool = *v;
    if (const toml::value* amount = r.find(*river, "rocks", false)) {
        const std::string word = amount->is_string() ? amount->as_string().str : "";
        if (word == "none") def.rock_amount = RockAmount::none;
        else if (word == "few") def.rock_amount = RockAmount::few;
        else if (word == "many") def.rock_amount = RockAmount::many;
        else r.problem(*amount, "`rocks` is \"none\", \"few\" or \"many\": how many rocks the game places in the river");
    }
    if (const toml::array* pts = def.laid_out ? nullptr : r.array(*river, "points", true, kMaxPoints)) {
        for (const toml::value& v : *pts) {
            if (!v.is_array() || v.as_array().size() != 3) {
                r.problem(v, "a river point should be three numbers: [x, y, width]");
                continue;
            }
            const auto& a = v.as_array();
            auto x = r.as_number(a[0], "x", -kWorldLimit, kWorldLimit);
            auto y = r.as_number(a[1], "y", -kWorldLimit, kWorldLimit);
            auto w = r.as_number(a[2], "width", 4, 80);
            if (x && y && w) def.points.push_back({{*x, *y}, *w, r.loc(v)});
        }
        if (pts->size() < 3) r.problem(*r.find(*river, "points", true), "a river needs at least 3 points");
    }
    if (const toml::value* rough = r.table(*river, "roughness", false)) {
        r.unknown_keys(*rough, {"base", "intensity_gain", "composure_relief"}, "[river.roughness]");
        if (auto v = r.number(*rough, "base", false, 0, 1)) def.roughness.base = *v;
        if (auto v = r.number(*rough, "intensity_gain", false, 0, 2)) def.roughness.intensity_gain = *v;
        if (auto v = r.number(*rough, "composure_relief", false, 0, 1)) def.roughness.composure_relief = *v;
    }
    if (const toml::array* rocks = r.array(*river, "rock", false, kMaxRocks))
        for (const toml::value& t : *rocks) {
            if (!t.is_table()) r.problem(t, "rocks are written as [[river.rock]] tables");
            else if (def.laid_out)
                r.problem(t, "a rock placed by its `at` needs the river's `points` to be placed on; with the river laid "
                             "out from the call, say `rocks = \"few\"` or `\"many\"` under [river] (or write the points: "
                             "calmwaters layout --write FILE)");
            else read_rock(r, t, level);
        }
    if (const toml::array* forks = r.array(*river, "fork", false, kMaxForks))
        for (const toml::value& t : *forks) {
            if (t.is_table()) read_fork(r, t, level, def.laid_out);
            else r.problem(t, "forks are written as [[river.fork]] tables");
        }
}

std::optional<double> read_effect(TomlReader& r, const toml::value& t, const char* key) {
    return r.number(t, key, false, -50, 50);
}

void read_reply(TomlReader& r, const toml::value& t, Node& node) {
    r.unknown_keys(t, {"text", "techniques", "next", "intensity", "composure", "trust", "caller_thinks", "set", "add",
                       "later", "if", "grade", "feedback"},
                   "[[call.node.reply]]");
    Reply reply;
    reply.grade_derived = true;  // until the file gives one (format 1 may leave it out)
    if (const toml::value* g = r.find(t, "grade", false)) {
        reply.grade_loc = r.loc(*g);
        if (auto v = r.string(t, "grade", false, 16)) {
            if (auto grade = grade_from_id(*v)) {
                reply.grade = *grade;
                reply.grade_derived = false;
            } else {
                r.problem(*g, "unknown grade \"" + *v + "\": a reply is graded best, good, slip or trap");
            }
        }
    }
    if (auto v = r.string(t, "feedback", false, 600)) reply.feedback = *v;
    if (const toml::value* cond = r.find(t, "if", false)) {
        if (auto text = r.string(t, "if", false, 300)) {
            reply.condition_text = *text;
            reply.condition_loc = r.loc(*cond);
            ConditionError err;
            if (!parse_condition(*text, reply.condition, err))
                r.problem(SourceLoc{reply.condition_loc.line, reply.condition_loc.column + 1 + err.column},
                          "in this condition: " + err.message);
        }
    }
    for (const char* key : {"set", "add"}) {
        const toml::value* tbl = r.table(t, key, false);
        if (!tbl) continue;
        // `set = { week.called_back = true }` is a dotted key, so TOML nests it: flatten it back.
        std::vector<std::pair<std::string, const toml::value*>> entries;
        for (const auto& [name, value] : tbl->as_table()) {
            if (name == "week" && value.is_table())
                for (const auto& [inner, v] : value.as_table()) entries.push_back({kWeekPrefix + inner, &v});
            else
                entries.push_back({name, &value});
        }
        for (const auto& [name, value_ptr] : entries) {
            const toml::value& value = *value_ptr;
            VarChange c;
            c.name = name;
            c.add = std::string(key) == "add";
            c.loc = r.loc(value);
            if (value.is_boolean() && !c.add) c.value = value.as_boolean() ? 1 : 0;
            else if (auto v = r.as_number(value, std::string("`") + key + "." + name + "`", -1000, 1000)) c.value = *v;
            else continue;
            reply.changes.push_back(c);
        }
    }
    std::sort(reply.changes.begin(), reply.changes.end(), [](const VarChange& a, const VarChange& b) {
        return std::tie(a.loc.line, a.loc.column) < std::tie(b.loc.line, b.loc.column);
    });
    if (const toml::value* later = r.table(t, "later", false)) {
        r.unknown_keys(*later, {"after", "intensity", "composure", "trust", "note"}, "a reply's `later`");
        LaterEffect l;
        l.loc = r.loc(*later);
        if (auto v = r.number(*later, "after", true, 1, 300)) l.after = *v;
        if (auto v = r.number(*later, "intensity", false, -50, 50)) l.effects.intensity = *v;
        if (auto v = r.number(*later, "composure", false, -50, 50)) l.effects.composure = *v;
        if (auto v = r.number(*later, "trust", false, -50, 50)) l.effects.trust = *v;
        if (auto v = r.string(*later, "note", true, 300)) l.note = *v;
        reply.later = l;
    }
    if (auto v = r.string(t, "caller_thinks", false, 400)) reply.caller_thinks = *v;
    const toml::value* text = r.find(t, "text", true);
    if (auto v = r.string(t, "text", true, 400)) reply.text = *v;
    if (text) reply.loc = r.loc(*text);
    else reply.loc = r.loc(t);
    if (const toml::array* techs = r.array(t, "techniques", true, 4)) {
        if (techs->empty()) r.problem(*r.find(t, "techniques", true), "a reply needs at least one technique");
        for (const toml::value& v : *techs) {
            if (!v.is_string()) {
                r.problem(v, "technique ids are text, like \"listen\"");
                continue;
            }
            reply.techniques.push_back(v.as_string().str);
            reply.technique_locs.push_back(r.loc(v));
        }
    }
    if (const toml::value* next = r.find(t, "next", true)) {
        if (auto v = r.string(t, "next", true, 64)) reply.next = *v;
        reply.next_loc = r.loc(*next);
    }
    reply.intensity = read_effect(r, t, "intensity");
    reply.composure = read_effect(r, t, "composure");
    reply.trust = read_effect(r, t, "trust");
    node.replies.push_back(reply);
}

// `line`: the id a recording of the line is found by. Text for a single `say`; for a `say` list,
// a list of ids of the same length, one for each way of saying it.
void read_line_ids(TomlReader& r, const toml::value& t, Node& node) {
    const toml::value* line = r.find(t, "line", false);
    node.line_loc = line ? r.loc(*line) : node.loc;
    if (!line) return;
    const char* rule = "a line id is letters, digits, '-', '_' or '.' (up to 64, not starting with '.'), "
                       "as it names the recording's file";
    auto take = [&](const toml::value& v) {
        if (!v.is_string()) {
            r.problem(v, "a line id is text in quotes");
            return;
        }
        const std::string& id = v.as_string().str;
        if (!valid_line_id(id)) r.problem(v, std::string("`") + id + "`: " + rule);
        else node.line_ids.push_back(id);
    };
    if (node.say_variants.size() > 1) {
        if (!line->is_array()) {
            r.problem(*line, "`say` lists " + std::to_string(node.say_variants.size()) +
                                 " ways to say this line, so `line` lists as many ids, one for each");
            return;
        }
        const toml::array& ids = line->as_array();
        if (ids.size() != node.say_variants.size()) {
            r.problem(*line, "`line` lists " + std::to_string(ids.size()) + " ids for " +
                                 std::to_string(node.say_variants.size()) + " ways of saying the line: give one for each");
            return;
        }
        for (const toml::value& v : ids) take(v);
        if (node.line_ids.size() != node.say_variants.size()) node.line_ids.clear();
    } else if (line->is_array()) {
        r.problem(*line, "`say` is one line here, so `line` is one id in quotes, not a list");
    } else {
        take(*line);
    }
}

void read_node(TomlReader& r, const toml::value& t, Level& level) {
    r.unknown_keys(t, {"id", "say", "line", "narration", "mood", "seconds", "next", "fork", "end", "reply", "discuss",
                       "hold", "when", "editor_pos", "ending_grade", "intensity", "trust"},
                   "[[call.node]]");
    Node node;
    // Where the editor draws this node in its call graph; the game itself ignores it.
    if (const toml::value* pos = r.find(t, "editor_pos", false)) r.as_point(*pos, "`editor_pos`", kGraphLimit);
    if (const toml::value* hold = r.find(t, "hold", false)) {
        if (hold->is_boolean()) node.hold = hold->as_boolean();
        else r.problem(*hold, "`hold` is true or false");
    }
    if (const toml::array* when = r.array(t, "when", false, 8)) {
        for (const toml::value& w : *when) {
            if (!w.is_table()) {
                r.problem(w, "branches are written as [[call.node.when]] tables");
                continue;
            }
            r.unknown_keys(w, {"if", "next"}, "[[call.node.when]]");
            Branch b;
            const toml::value* cond = r.find(w, "if", true);
            const toml::value* next = r.find(w, "next", true);
            auto ctext = r.string(w, "if", true, 300);
            auto ntext = r.string(w, "next", true, 64);
            if (!cond || !next || !ctext || !ntext) continue;
            b.condition_text = *ctext;
            b.loc = r.loc(*cond);
            ConditionError err;
            if (!parse_condition(b.condition_text, b.condition, err)) {
                // Point inside the quoted text, at the character that went wrong.
                SourceLoc at{b.loc.line, b.loc.column + 1 + err.column};
                r.problem(at, "in this condition: " + err.message);
                continue;
            }
            b.next = *ntext;
            b.next_loc = r.loc(*next);
            node.when.push_back(b);
        }
    }
    if (auto v = r.string(t, "discuss", false, 600)) node.discuss = *v;
    const toml::value* id = r.find(t, "id", true);
    if (auto v = r.string(t, "id", true, 64)) node.id = *v;
    node.loc = id ? r.loc(*id) : r.loc(t);
    // `say` is one line, or a list of ways to say it (the run draws one from its seed).
    const toml::value* say = r.find(t, "say", true);
    if (say && say->is_array()) {
        const toml::array* variants = r.array(t, "say", true, 8);
        if (variants && variants->empty()) r.problem(*say, "`say` lists the ways to say this line: give at least one");
        if (variants)
            for (const toml::value& v : *variants) {
                if (v.is_string() && !v.as_string().str.empty() && v.as_string().str.size() <= 1000)
                    node.say_variants.push_back(v.as_string().str);
                else r.problem(v, "each way of saying the line is text in quotes (up to 1000 characters)");
            }
        if (!node.say_variants.empty()) node.say = node.say_variants.front();
    } else if (auto v = r.string(t, "say", true, 1000)) {
        node.say = *v;
    }
    read_line_ids(r, t, node);
    if (const toml::value* narration = r.find(t, "narration", false)) {
        if (narration->is_boolean()) node.narration = narration->as_boolean();
        else r.problem(*narration, "`narration` is true (the line is shown, never spoken) or false");
    }
    if (auto v = r.string(t, "mood", false, 60)) node.mood = *v;
    if (auto v = r.number(t, "seconds", false, 1, 60)) node.seconds = *v;
    node.intensity = read_effect(r, t, "intensity");
    node.trust = read_effect(r, t, "trust");

    const toml::value* next = r.find(t, "next", false);
    const toml::value* fork = r.find(t, "fork", false);
    const toml::value* end = r.find(t, "end", false);
    int kinds = (next != nullptr) + (fork != nullptr) + (end != nullptr);
    if (kinds != 1) {
        r.problem(node.loc, "node `" + node.id + "` needs exactly one of `next` (a line), `fork` (a question) or "
                            "`end` (an ending)", static_cast<int>(node.id.size()) + 2);
    }
    if (next) {
        if (auto v = r.string(t, "next", true, 64)) node.next = *v;
        node.next_loc = r.loc(*next);
    } else if (fork) {
        if (auto v = r.string(t, "fork", true, 64)) node.fork = *v;
        node.next_loc = r.loc(*fork);
    } else if (end) {
        node.next_loc = r.loc(*end);
        if (auto v = r.string(t, "end", true, 64)) {
            if (auto o = outcome_from_id(*v)) node.end = *o;
            else
                r.problem(*end, "unknown ending \"" + *v +
                                    "\": use resolved, follow_up, escalated, hung_up or agent_ended");
        }
    }
    if (const toml::value* g = r.find(t, "ending_grade", false)) {
        if (!end) r.problem(*g, "`ending_grade` belongs on an ending (a node with `end`)");
        else if (auto v = r.string(t, "ending_grade", false, 16)) {
            if (auto grade = grade_from_id(*v)) node.ending_grade = *grade;
            else r.problem(*g, "unknown grade \"" + *v + "\": an ending is graded best, good, slip or trap");
        }
    }
    if (const toml::array* replies = r.array(t, "reply", false, 4)) {
        for (const toml::value& rv : *replies) {
            if (rv.is_table()) read_reply(r, rv, node);
            else r.problem(rv, "replies are written as [[call.node.reply]] tables");
        }
    }
    level.nodes.push_back(node);
}

// A table of variables (`[call.vars]`, or `[week.vars]` with the prefix "week."), in file order
// (the table itself is a hash map): flags are true or false, numbers -1000 to 1000.
void read_vars(TomlReader& r, const toml::value& vars, const std::string& prefix, Level& level) {
    std::vector<std::tuple<SourceLoc, std::string, double>> found;
    for (const auto& [name, value] : vars.as_table()) {
        if (prefix.empty() && is_week_var(name)) {
            r.problem(value, "`" + name + "` is a week variable: declare it under [week.vars] as `" +
                                 name.substr(std::strlen(kWeekPrefix)) + " = ...`, and read it as " + name);
            continue;
        }
        if (value.is_boolean()) found.push_back({r.loc(value), name, value.as_boolean() ? 1.0 : 0.0});
        else if (auto v = r.as_number(value, "variable `" + prefix + name + "`", -1000, 1000))
            found.push_back({r.loc(value), name, *v});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a).line, std::get<0>(a).column) < std::tie(std::get<0>(b).line, std::get<0>(b).column);
    });
    for (const auto& [loc, name, value] : found) {
        level.var_names.push_back(prefix + name);
        level.var_initial.push_back(value);
        level.var_locs.push_back(loc);
    }
}

// `[week.vars]`: the week variables this call reads or sets, each with the value it takes when
// the call is played on its own (a playlist's week gives the real one).
void read_week(TomlReader& r, const toml::value& root, Level& level) {
    const toml::value* week = r.table(root, "week", false);
    if (!week) return;
    r.unknown_keys(*week, {"vars"}, "[week]");
    if (const toml::value* vars = r.table(*week, "vars", true)) read_vars(r, *vars, kWeekPrefix, level);
}

void read_call(TomlReader& r, const toml::value& root, Level& level) {
    const toml::value* call = r.table(root, "call", true);
    if (!call) return;
    r.unknown_keys(*call, {"start", "node", "vars", "threshold"}, "[call]");
    if (const toml::value* vars = r.table(*call, "vars", false)) read_vars(r, *vars, "", level);
    if (const toml::array* ths = r.array(*call, "threshold", false, 16)) {
        for (const toml::value& t : *ths) {
            if (!t.is_table()) continue;
            r.unknown_keys(t, {"above", "goto"}, "[[call.threshold]]");
            Threshold th;
            th.loc = r.loc(t);
            auto above = r.number(t, "above", true, 1, 99);
            const toml::value* g = r.find(t, "goto", true);
            auto gtext = r.string(t, "goto", true, 64);
            if (!above || !g || !gtext) continue;
            th.above = *above;
            th.node = *gtext;
            th.node_loc = r.loc(*g);
            level.thresholds.push_back(th);
        }
    }
    if (const toml::value* start = r.find(*call, "start", true)) {
        if (auto v = r.string(*call, "start", true, 64)) level.start = *v;
        level.start_loc = r.loc(*start);
    }
    if (const toml::array* nodes = r.array(*call, "node", true, kMaxNodes)) {
        for (const toml::value& t : *nodes) {
            if (t.is_table()) read_node(r, t, level);
            else r.problem(t, "nodes are written as [[call.node]] tables");
        }
    }
}

}  // namespace

namespace {

// `keep_unchecked`: also hand back a level whose shape is right but which breaks a rule, so the
// editor can open a half-finished level and show what is left to fix.
// Format 2 grades every reply; format 1 may leave grades out, and then they are worked out from
// the tags, with one note suggesting the author write them in.
void grade_replies(Level& level, const Catalogue& catalogue, const SourceText& src, LevelLoad& out) {
    int derived = 0;
    for (Node& node : level.nodes)
        for (Reply& reply : node.replies) {
            if (!reply.grade_derived) continue;
            if (level.format >= 2) {
                out.problems.push_back(src.at(reply.loc, "this reply needs a `grade` (best, good, slip or trap): "
                                                         "format 2 levels grade every reply"));
                continue;
            }
            reply.grade = grade_from_tags(reply, catalogue);
            ++derived;
        }
    if (derived > 0) {
        Problem note = src.at({1, 1}, "note: this is a format 1 level, so its " + std::to_string(derived) +
                                          " replies are graded from their tags; `calmwaters upgrade " + src.file() +
                                          "` writes those grades in for you to review");
        note.line_text.clear();  // about the whole file, not its first line
        out.notes.push_back(note);
    }
}

LevelLoad load_text(const std::string& text, const std::string& file, const Catalogue& catalogue,
                    bool keep_unchecked) {
    LevelLoad out;
    auto doc = parse_toml(text, file, out.problems);
    if (!doc) return out;
    SourceText src(file, text);
    TomlReader r(src, out.problems);
    const toml::value& root = *doc;
    Level level;
    level.path = file;
    StateHash h;
    h.add_bytes(text.data(), text.size());
    level.source_hash = h.value();

    r.unknown_keys(root,
                   {"format", "title", "summary", "seed", "mastery", "shuffle", "caller", "player", "policy", "dock", "week", "river", "call"},
                   "the level");
    if (auto v = r.integer(root, "format", true, 1, 1000)) {
        level.format = static_cast<int>(*v);
        if (level.format > kLevelFormatLatest)
            r.problem(*r.find(root, "format", true),
                      "this is a format " + std::to_string(level.format) + " level; this game reads formats 1 to " +
                          std::to_string(kLevelFormatLatest) + " (a newer game wrote it)");
    }
    level.shuffle = level.format >= 2;  // format 2 lays replies out from the seed unless told not to
    if (const toml::value* sh = r.find(root, "shuffle", false)) {
        if (sh->is_boolean()) level.shuffle = sh->as_boolean();
        else r.problem(*sh, "`shuffle` is true or false");
    }
    if (auto v = r.string(root, "title", true, 120)) level.title = *v;
    if (auto v = r.string(root, "summary", false, 400)) level.summary = *v;
    if (auto v = r.integer(root, "seed", false, 0, 1LL << 53)) level.seed = static_cast<uint64_t>(*v);
    if (auto v = r.integer(root, "mastery", false, 0, 100)) level.mastery = static_cast<int>(*v);
    read_caller(r, root, level);
    if (const toml::value* player = r.table(root, "player", false)) {
        r.unknown_keys(*player, {"composure"}, "[player]");
        if (auto v = r.number(*player, "composure", false, 1, 100)) level.composure = *v;
    }
    read_policy(r, root, level);
    read_dock(r, root, level);
    read_week(r, root, level);
    read_river(r, root, level);
    read_call(r, root, level);

    grade_replies(level, catalogue, src, out);

    // A river without points is laid out from the call, once the call reads cleanly.
    if (out.problems.empty()) {
        std::string problem;
        if (!lay_out_in_place(level, catalogue, problem)) out.problems.push_back(src.at(level.river.loc, problem));
    }

    // Meaning is checked only once the shape is right, so one typo gives one message.
    if (out.problems.empty()) {
        check_level(level, catalogue, src, out.problems);
        check_judgement(level, catalogue, src, out.notes);
        if (out.problems.empty() || keep_unchecked) out.level = std::move(level);
    }
    return out;
}

}  // namespace

LevelLoad load_level_text(const std::string& text, const std::string& file, const Catalogue& catalogue) {
    return load_text(text, file, catalogue, false);
}

LevelLoad load_level_text_for_editing(const std::string& text, const std::string& file, const Catalogue& catalogue) {
    return load_text(text, file, catalogue, true);
}

LevelLoad load_level_file(const std::string& path, const Catalogue& catalogue) {
    LevelLoad out;
    auto text = read_text_file(path, kMaxLevelBytes, out.problems);
    if (!text) return out;
    return load_level_text(*text, path, catalogue);
}

}  // namespace cw
