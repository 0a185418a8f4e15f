#include "level_checks.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "core/condition.hpp"
#include "core/river.hpp"

namespace cw {

namespace {

std::string fmt(double v) {
    std::ostringstream s;
    s.precision(3);
    s << v;
    return s.str();
}

std::string quoted_width_msg(const std::string& s) { return "\"" + s + "\""; }
int width_of(const std::string& s) { return static_cast<int>(s.size()) + 2; }
std::string letter(int channel) { return std::string(1, static_cast<char>('A' + channel)); }
bool trimmed_empty(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// ---- the call -------------------------------------------------------------------------------

void check_call(const Level& level, const Catalogue& catalogue, const SourceText& src, std::vector<Problem>& out) {
    const size_t before = out.size();
    std::vector<Problem> wording;  // missing words: reported, but the graph can still be walked
    std::vector<std::string> ids;
    std::map<std::string, int> seen;
    for (const Node& n : level.nodes) {
        if (seen.count(n.id)) {
            out.push_back(src.at(n.loc, "node id " + quoted_width_msg(n.id) + " is used twice (first on line " +
                                            std::to_string(level.nodes[seen[n.id]].loc.line) + "); ids must be unique",
                                 width_of(n.id)));
        } else {
            seen[n.id] = static_cast<int>(&n - level.nodes.data());
        }
        ids.push_back(n.id);
        bool ok_id = !n.id.empty() && std::all_of(n.id.begin(), n.id.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
        });
        if (!ok_id)
            out.push_back(src.at(n.loc, "node id " + quoted_width_msg(n.id) + " may use only letters, digits, _ and -",
                                 width_of(n.id)));
    }
    std::vector<std::string> fork_ids;
    for (const Fork& f : level.river.forks) fork_ids.push_back(f.id);

    auto unknown_node = [&](const std::string& name, SourceLoc at, const char* key) {
        std::string hint = closest_name(name, ids);
        out.push_back(src.at(at, "unknown node " + quoted_width_msg(name) + " in " + key +
                                     (hint.empty() ? "; no node has that id" : "; did you mean \"" + hint + "\"?"),
                             width_of(name)));
    };

    if (level.node_index(level.start) < 0) unknown_node(level.start, level.start_loc, "start");

    // Variables: plain names, not the meters' names, each once.
    std::vector<std::string> names = level.var_names;
    for (size_t i = 0; i < level.var_names.size(); ++i) {
        const std::string& full = level.var_names[i];
        const std::string v = is_week_var(full) ? full.substr(std::char_traits<char>::length(kWeekPrefix)) : full;
        if (!is_week_var(full) && full.find('.') != std::string::npos) {
            out.push_back(src.at(level.var_locs[i], "`" + full + "` has a dot in it: a week variable is declared under "
                                                        "[week.vars] (and read as week.NAME), a call's own without a dot"));
            continue;
        }
        bool ok = !v.empty() && !std::isdigit(static_cast<unsigned char>(v[0])) &&
                  std::all_of(v.begin(), v.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
        if (!ok || is_meter_name(v) || v == "not" || v == "and" || v == "or" || v == "true" || v == "false")
            out.push_back(src.at(level.var_locs[i], "`" + v + "` cannot be a variable name: use letters, digits and _, "
                                                        "and not intensity, composure, trust or a keyword"));
    }
    names.insert(names.end(), {"intensity", "composure", "trust"});
    auto unknown_var = [&](const std::string& name, SourceLoc at) {
        std::string hint = closest_name(name, names);
        out.push_back(src.at(at, "unknown variable `" + name + "`" +
                                     (!hint.empty() ? "; did you mean `" + hint + "`?"
                                      : is_week_var(name) ? "; declare it under [week.vars] with the value it takes "
                                                            "when this call is played on its own"
                                                          : "; declare it under [call.vars]")));
    };
    auto known = [&](const std::string& name) { return std::find(names.begin(), names.end(), name) != names.end(); };
    for (const Threshold& th : level.thresholds)
        if (level.node_index(th.node) < 0) unknown_node(th.node, th.node_loc, "the threshold's goto");

    std::vector<std::string> tech_ids;
    for (const Technique& t : catalogue.techniques) tech_ids.push_back(t.id);

    for (const Node& n : level.nodes) {
        if (!n.next.empty() && level.node_index(n.next) < 0) unknown_node(n.next, n.next_loc, "next");
        for (const Branch& b : n.when) {
            if (level.node_index(b.next) < 0) unknown_node(b.next, b.next_loc, "the branch's next");
            for (const auto& group : b.condition.any_of)
                for (const Comparison& c : group)
                    if (!known(c.name)) unknown_var(c.name, b.loc);
        }
        if (!n.when.empty() && n.next.empty())
            out.push_back(src.at(n.loc, "node `" + n.id + "` has [[call.node.when]] branches but no `next` for when "
                                                          "none of them holds; branches belong on line nodes",
                                 width_of(n.id)));
        if (n.is_question()) {
            int fi = level.fork_index(n.fork);
            if (fi < 0) {
                std::string hint = closest_name(n.fork, fork_ids);
                out.push_back(src.at(n.next_loc, "unknown fork " + quoted_width_msg(n.fork) +
                                                     (hint.empty() ? "; add it under [[river.fork]]"
                                                                   : "; did you mean \"" + hint + "\"?"),
                                     width_of(n.fork)));
            } else {
                int channels = level.river.forks[fi].channels;
                int replies = static_cast<int>(n.replies.size());
                if (replies < channels) {
                    // Channels with no reply: say which, so the trainer knows what to add.
                    std::string missing;
                    for (int c = replies; c < channels; ++c)
                        missing += (missing.empty() ? "" : c + 1 == channels ? " and " : ", ") + letter(c);
                    out.push_back(src.at(n.next_loc, "question `" + n.id + "` has " + std::to_string(replies) +
                                                         " replies but fork \"" + n.fork + "\" has " +
                                                         std::to_string(channels) + " channels: channel" +
                                                         (channels - replies > 1 ? "s " : " ") + missing +
                                                         " would have no reply; give one reply per channel",
                                         width_of(n.fork)));
                }
                // Replies with no channel: point at each one the fork has no room for.
                for (int r = channels; r < replies; ++r)
                    out.push_back(src.at(n.replies[r].loc, "reply " + letter(r) + " of question `" + n.id +
                                                               "` has no channel: fork \"" + n.fork + "\" has only " +
                                                               std::to_string(channels) +
                                                               "; remove this reply or give the fork another channel"));
            }
        } else if (!n.replies.empty()) {
            out.push_back(src.at(n.loc, "node `" + n.id + "` has replies but no `fork`: replies are channels of a "
                                        "fork, so add fork = \"...\" (and drop `next`/`end`)",
                                 width_of(n.id)));
        }
        if (n.is_question() && !n.replies.empty() &&
            std::all_of(n.replies.begin(), n.replies.end(), [](const Reply& r) { return r.conditional(); }))
            out.push_back(src.at(n.loc, "every reply of question `" + n.id + "` has an `if`: at least one channel must "
                                        "always be open",
                                 width_of(n.id)));
        if (trimmed_empty(n.say))
            wording.push_back(src.at(n.loc, "node `" + n.id + "` has nothing in `say`; write what the caller says",
                                 width_of(n.id)));
        for (const Reply& r : n.replies) {
            if (trimmed_empty(r.text))
                wording.push_back(src.at(r.loc, "this reply of question `" + n.id + "` has no words yet; write what the "
                                            "agent says in `text`"));
            for (const auto& group : r.condition.any_of)
                for (const Comparison& c : group)
                    if (!known(c.name)) unknown_var(c.name, r.condition_loc);
            for (const VarChange& c : r.changes)
                if (!known(c.name) || is_meter_name(c.name)) unknown_var(c.name, c.loc);
            if (level.node_index(r.next) < 0) unknown_node(r.next, r.next_loc, "the reply's next");
            for (size_t i = 0; i < r.techniques.size(); ++i) {
                const std::string& t = r.techniques[i];
                if (catalogue.find(t)) continue;
                std::string hint = closest_name(t, tech_ids);
                out.push_back(src.at(r.technique_locs[i], "unknown technique " + quoted_width_msg(t) +
                                                              (hint.empty() ? "; run `calmwaters techniques` for the list"
                                                                            : "; did you mean \"" + hint + "\"?"),
                                     width_of(t)));
            }
        }
    }
    // A recording is found by its line's id, so no two spoken lines may share one.
    std::map<std::string, const Node*> line_owner;
    for (const Node& n : level.nodes)
        for (size_t v = 0; v < line_count(n); ++v) {
            const std::string id = line_id(n, v);
            auto [at, fresh] = line_owner.emplace(id, &n);
            if (fresh) continue;
            const Node& first = *at->second;
            out.push_back(src.at(n.line_loc, "line id `" + id + "` is already the id of " +
                                                 (&first == &n ? "another way of saying this line"
                                                               : "node `" + first.id + "`'s line (line " +
                                                                     std::to_string(first.line_loc.line) + ")") +
                                                 ": a recording is found by its line's id, so give this one its own "
                                                 "with `line = \"...\"`"));
        }
    bool unresolved = out.size() != before;
    out.insert(out.end(), wording.begin(), wording.end());
    if (unresolved) return;  // the graph walk below needs every reference to resolve

    // Walk every path: forks must come in river order, lines must not loop, all must end.
    // State = (node, the fork of the last question asked); memoised, so this stays linear.
    std::set<std::pair<int, int>> done, on_path;
    std::vector<bool> reached(level.nodes.size(), false);
    std::set<int> reported;
    std::function<void(int, int)> walk = [&](int node, int last_fork) {
        if (done.count({node, last_fork})) return;
        if (on_path.count({node, last_fork})) {
            if (reported.insert(node).second)
                out.push_back(src.at(level.nodes[node].loc, "the call loops back to node `" + level.nodes[node].id +
                                                                "` without passing a fork; every path must reach an ending",
                                     width_of(level.nodes[node].id)));
            return;
        }
        on_path.insert({node, last_fork});
        reached[node] = true;
        const Node& n = level.nodes[node];
        if (n.is_question()) {
            int fi = level.fork_index(n.fork);
            if (last_fork >= 0 && level.river.forks[fi].at <= level.river.forks[last_fork].at) {
                if (reported.insert(node).second)
                    out.push_back(src.at(n.next_loc, "question `" + n.id + "` is bound to fork \"" + n.fork +
                                                         "\", but on some path it comes after fork \"" +
                                                         level.river.forks[last_fork].id +
                                                         "\", which is further down the river; the raft would already "
                                                         "have passed it",
                                         width_of(n.fork)));
            } else {
                for (const Reply& r : n.replies) walk(level.node_index(r.next), fi);
            }
        } else if (!n.is_end()) {
            walk(level.node_index(n.next), last_fork);
            for (const Branch& b : n.when) walk(level.node_index(b.next), last_fork);
        }
        on_path.erase({node, last_fork});
        done.insert({node, last_fork});
    };
    walk(level.node_index(level.start), -1);
    // A caller cutting in can happen from any line, so the threshold's node is reachable too.
    for (const Threshold& th : level.thresholds) walk(level.node_index(th.node), -1);
    for (size_t i = 0; i < level.nodes.size(); ++i)
        if (!reached[i])
            out.push_back(src.at(level.nodes[i].loc, "node `" + level.nodes[i].id +
                                                         "` can never be reached from the start; link to it or remove it",
                                 width_of(level.nodes[i].id)));
}

// ---- the river ------------------------------------------------------------------------------

void check_river(const Level& level, const SourceText& src, std::vector<Problem>& out) {
    const RiverDef& def = level.river;
    if (def.points.size() < 3) return;  // reported by the loader
    size_t before = out.size();
    for (size_t i = 1; i < def.points.size(); ++i) {
        double d = length(def.points[i].pos - def.points[i - 1].pos);
        if (d < 2.0)
            out.push_back(src.at(def.points[i].loc, "this river point is only " + fmt(d) +
                                                        " m from the one before; keep points at least 2 m apart"));
    }
    for (size_t i = 2; i < def.points.size(); ++i) {
        Vec2 a = def.points[i - 1].pos - def.points[i - 2].pos, b = def.points[i].pos - def.points[i - 1].pos;
        if (dot(a, b) < 0)
            out.push_back(src.at(def.points[i].loc, "the river doubles back here (a turn of more than 90 degrees "
                                                    "at the previous point); spread the bend over more points"));
    }
    if (out.size() != before) return;

    RiverGeometry river(def);
    if (river.length() < def.pool + 40.0) {
        out.push_back(src.at(def.points.back().loc, "the river is only " + fmt(river.length()) +
                                                        " m long; it needs at least 40 m before its " + fmt(def.pool) +
                                                        " m pool"));
        return;
    }
    int at_sample = 0;
    double ratio = river.tightest_bend_ratio(&at_sample);
    if (ratio < 1.15) {
        // Point at the control point nearest the tightest bend.
        Vec2 where = river.samples()[at_sample].pos;
        size_t nearest = 0;
        for (size_t i = 0; i < def.points.size(); ++i)
            if (length(def.points[i].pos - where) < length(def.points[nearest].pos - where)) nearest = i;
        out.push_back(src.at(def.points[nearest].loc, "the bend near this point is too tight for the river's width "
                                                      "(the banks would cross); make it wider or the river narrower"));
    }

    // Forks: inside the river, in order, not overlapping, channels wide enough.
    std::vector<const Fork*> sorted;
    std::set<std::string> fork_ids;
    for (const Fork& f : def.forks) {
        sorted.push_back(&f);
        if (!fork_ids.insert(f.id).second)
            out.push_back(src.at(f.loc, "fork id \"" + f.id + "\" is used twice; ids must be unique"));
        if (f.at < 20.0 || f.at + f.length > river.pool_start() - 10.0) {
            out.push_back(src.at(f.loc, "fork \"" + f.id + "\" runs from " + fmt(f.at) + " m to " +
                                            fmt(f.at + f.length) + " m, but forks must lie between 20 m and " +
                                            fmt(river.pool_start() - 10.0) + " m along this river (before the pool)"));
            continue;
        }
        for (int k = 0; k <= 8; ++k) {
            double s = f.at + f.length * k / 8.0;
            double hw = river.half_width_at(s);
            double cw = (2 * hw - (f.channels - 1) * f.island) / f.channels;
            if (cw < kMinChannelWidth) {
                out.push_back(src.at(f.loc, "fork \"" + f.id + "\" leaves channels only " + fmt(cw) + " m wide at " +
                                                fmt(s) + " m; widen the river there, use fewer channels or thinner "
                                                "islands (channels need " + fmt(kMinChannelWidth) + " m)"));
                break;
            }
        }
    }
    std::sort(sorted.begin(), sorted.end(), [](const Fork* a, const Fork* b) { return a->at < b->at; });
    for (size_t i = 1; i < sorted.size(); ++i)
        if (sorted[i]->at < sorted[i - 1]->at + sorted[i - 1]->length + 10.0)
            out.push_back(src.at(sorted[i]->loc, "fork \"" + sorted[i]->id + "\" starts too close to fork \"" +
                                                     sorted[i - 1]->id + "\" (leave at least 10 m of open water)"));

    // Rocks: valid shapes, in the water, clear of islands, each other and the start.
    for (size_t i = 0; i < def.rocks.size(); ++i) {
        const Rock& rock = def.rocks[i];
        if (std::string why = rock_shape_problem(rock); !why.empty()) {
            out.push_back(src.at(rock.loc, why));
            continue;
        }
        RiverFrame f = river.project(rock.at);
        double reach = rock_reach(rock);
        // How far it is from the nearest point of the centre line (past either end, from the end).
        const double off_centre = length(rock.at - river.point_at(f.s, 0.0));
        if (off_centre > f.half_width + 5.0) {
            out.push_back(src.at(rock.loc, "this rock is " + fmt(off_centre) + " m from the river's centre line, "
                                               "outside the water (" + fmt(2 * f.half_width) +
                                               " m wide there); move it toward the water"));
            continue;
        }
        if (f.s < 15.0 || f.s > river.pool_start()) {
            out.push_back(src.at(rock.loc, "rocks must sit between 15 m down the river and the pool (" +
                                               fmt(river.pool_start()) + " m); this one is at " + fmt(f.s) + " m"));
            continue;
        }
        if (std::fabs(f.lateral) + reach > f.half_width - 0.5) {
            out.push_back(src.at(rock.loc, "this rock is outside the river or touching a bank (the water is " +
                                               fmt(2 * f.half_width) + " m wide here); move it toward the middle"));
            continue;
        }
        for (size_t fi = 0; fi < def.forks.size(); ++fi) {
            const Fork& fork = def.forks[fi];
            if (f.s < fork.at - reach - 1.0 || f.s > fork.at + fork.length + reach + 1.0) continue;
            double s = clamp(f.s, fork.at, fork.at + fork.length);
            for (int j = 1; j < fork.channels; ++j) {
                double c, h;
                river.island_at(static_cast<int>(fi), j, s, c, h);
                if (std::fabs(f.lateral - c) < h + reach + 1.0)
                    out.push_back(src.at(rock.loc, "this rock touches an island of fork \"" + fork.id +
                                                       "\"; move it into a channel or out of the fork"));
            }
        }
        for (size_t j = 0; j < i; ++j) {
            const Rock& other = def.rocks[j];
            if (length(other.at - rock.at) < reach + rock_reach(other) + 0.1)
                out.push_back(src.at(rock.loc, "this rock overlaps the rock on line " + std::to_string(other.loc.line) +
                                                   "; move one of them"));
        }
    }
}

}  // namespace

void check_judgement(const Level& level, const Catalogue& catalogue, const SourceText& src,
                     std::vector<Problem>& notes) {
    for (const Node& node : level.nodes)
        for (const Reply& reply : node.replies) {
            if (reply.grade_derived) continue;
            bool any_mistake = false, any_good = false;
            for (const auto& id : reply.techniques)
                if (const Technique* t = catalogue.find(id)) {
                    any_mistake |= t->kind == TechniqueKind::anti_pattern;
                    any_good |= t->kind == TechniqueKind::in_call;
                }
            SourceLoc at = reply.grade_loc.line > 0 ? reply.grade_loc : reply.loc;
            if (reply.grade == Grade::best && any_mistake)
                notes.push_back(src.at(at, "warning: this reply is graded best but is tagged with a mistake; "
                                           "check the grade or the tags"));
            if (reply.grade == Grade::trap && any_good && !any_mistake && reply.feedback.empty())
                notes.push_back(src.at(at, "warning: this trap is tagged only with good techniques; add `feedback` "
                                           "saying why it is wrong here, so the debrief can tell the trainee"));
        }
}

void check_level(const Level& level, const Catalogue& catalogue, const SourceText& src, std::vector<Problem>& out) {
    std::vector<std::string> named = level.caller.personas;
    if (named.empty()) named.push_back(level.caller.persona);
    for (const std::string& persona : named) {
        if (catalogue.persona(persona)) continue;
        std::vector<std::string> ids;
        for (const Persona& p : catalogue.personas) ids.push_back(p.id);
        std::string hint = closest_name(persona, ids);
        std::string all;
        for (const auto& id : ids) all += (all.empty() ? "" : ", ") + id;
        out.push_back(src.at(level.caller.persona_loc, "unknown persona \"" + persona + "\"" +
                                                          (hint.empty() ? "; use one of " + all
                                                                        : "; did you mean \"" + hint + "\"?"),
                             static_cast<int>(persona.size()) + 2));
    }
    check_river(level, src, out);
    check_call(level, catalogue, src, out);
    // Problems come out in file order, like a compiler's.
    std::stable_sort(out.begin(), out.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
}

}  // namespace cw
