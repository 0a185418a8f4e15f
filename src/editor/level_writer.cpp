#include "level_writer.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace cw {

std::string format_number(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    if (v == 0) return "0";  // also for -0
    char buf[40];
    // Whole numbers as a trainer writes them ("80", not the shortest %g, "8e+01").
    if (std::fabs(v) < 1e15 && v == std::floor(v)) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

std::string toml_string(const std::string& s) {
    std::string out = "\"";
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04X", c);
                    out += buf;
                } else {
                    out += ch;
                }
        }
    }
    return out + "\"";
}

LineAnchor WrittenLevel::at_line(int line) const {
    if (line < 1 || line > static_cast<int>(lines.size())) return {};
    return lines[static_cast<size_t>(line - 1)];
}

namespace {

bool bare_key(const std::string& k) {
    if (k.empty()) return false;
    for (char c : k)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return false;
    return true;
}

std::string key_text(const std::string& k) { return bare_key(k) ? k : toml_string(k); }

// Builds the text line by line, remembering what each line belongs to.
class Writer {
public:
    void anchor(LineAnchor a) { anchor_ = a; }
    void line(const std::string& s = "") {
        out_.text += s;
        out_.text += '\n';
        out_.lines.push_back(anchor_);
    }
    void key(const std::string& k, const std::string& value) { line(k + " = " + value); }
    void text(const std::string& k, const std::string& value) { key(k, toml_string(value)); }
    void number(const std::string& k, double value) { key(k, format_number(value)); }
    // A blank line, then the trainer's comment (each line a # comment), then the header.
    void section(const std::string& comment, const std::string& header) {
        if (!out_.text.empty()) line();
        comment_block(comment);
        line(header);
    }
    void comment_block(const std::string& comment) {
        if (comment.empty()) return;
        std::istringstream in(comment);
        std::string l;
        while (std::getline(in, l)) {
            if (l.empty()) line();
            else if (l[0] == '#') line(l);
            else line("# " + l);
        }
    }
    WrittenLevel finish() { return std::move(out_); }

private:
    WrittenLevel out_;
    LineAnchor anchor_;
};

std::string point_text(Vec2 p) { return "[" + format_number(p.x) + ", " + format_number(p.y) + "]"; }

std::string comment_of(const Draft& d, const char* key) {
    auto it = d.section_comments.find(key);
    return it == d.section_comments.end() ? "" : it->second;
}

std::string string_list(const std::vector<std::string>& items) {
    std::string s = "[";
    for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + toml_string(items[i]);
    return s + "]";
}

bool is_flag(const Draft& d, const std::string& name) {
    for (size_t i = 0; i < d.level.var_names.size() && i < d.var_is_flag.size(); ++i)
        if (d.level.var_names[i] == name) return d.var_is_flag[i];
    return false;
}

std::string var_value(const Draft& d, const std::string& name, double v, bool add) {
    if (!add && is_flag(d, name) && (v == 0 || v == 1)) return v != 0 ? "true" : "false";
    return format_number(v);
}

void write_top(Writer& w, const Draft& d) {
    const Level& l = d.level;
    w.anchor({LineAnchor::level});
    w.comment_block(comment_of(d, "header"));
    if (!comment_of(d, "header").empty()) w.line();
    w.number("format", l.format);
    w.text("title", l.title);
    if (!l.summary.empty()) w.text("summary", l.summary);
    w.key("seed", std::to_string(l.seed));
    if (l.mastery != kDefaultMastery) w.key("mastery", std::to_string(l.mastery));
    if (l.shuffle != (l.format >= 2)) w.key("shuffle", l.shuffle ? "true" : "false");  // only when not the default

    w.anchor({LineAnchor::caller});
    w.section(comment_of(d, "caller"), "[caller]");
    w.text("name", l.caller.name);
    w.text("issue", l.caller.issue);
    if (l.caller.personas.size() > 1) w.key("personas", string_list(l.caller.personas));
    else w.text("persona", l.caller.persona);
    w.number("intensity", l.caller.intensity);
    if (l.caller.drift != 0) w.number("drift", l.caller.drift);
    if (l.caller.hold_rate != Caller{}.hold_rate) w.number("hold_rate", l.caller.hold_rate);

    w.anchor({LineAnchor::player});
    w.section(comment_of(d, "player"), "[player]");
    w.number("composure", l.composure);
    if (!l.policy.empty()) {
        w.section("", "[policy]");
        w.text("title", l.policy.title);
        if (!l.policy.may.empty()) w.key("may", string_list(l.policy.may));
        if (!l.policy.may_not.empty()) w.key("may_not", string_list(l.policy.may_not));
        if (!l.policy.verify.empty()) w.text("verify", l.policy.verify);
    }
    if (!l.dock_offer.empty()) {
        std::vector<std::string> ids;
        for (DockActivity a : l.dock_offer) ids.push_back(dock_technique_id(a));
        w.section(comment_of(d, "dock"), "[dock]");
        w.key("offer", string_list(ids));
    }
    // The week's variables this call reads or sets, under their short names.
    std::string week;
    for (size_t i = 0; i < l.var_names.size(); ++i)
        if (is_week_var(l.var_names[i]))
            week += (week.empty() ? "" : ", ") + key_text(l.var_names[i].substr(std::strlen(kWeekPrefix))) + " = " +
                    var_value(d, l.var_names[i], i < l.var_initial.size() ? l.var_initial[i] : 0, false);
    if (!week.empty()) {
        w.section(comment_of(d, "week"), "[week]");
        w.key("vars", "{ " + week + " }");
    }
}

void write_river(Writer& w, const Draft& d) {
    const RiverDef& r = d.level.river;
    w.anchor({LineAnchor::river});
    w.section(comment_of(d, "river"), "[river]");
    w.number("current", r.current);
    w.number("bank_flow", r.bank_flow);
    w.number("pool", r.pool);
    if (r.rock_amount != RockAmount::none) w.text("rocks", r.rock_amount == RockAmount::few ? "few" : "many");
    // A river laid out from the call keeps no points in its file: the game lays it out again.
    if (!r.laid_out) {
        w.comment_block(comment_of(d, "river.points"));
        w.line("points = [");
        for (size_t i = 0; i < r.points.size(); ++i) {
            const RiverPoint& p = r.points[i];
            w.anchor({LineAnchor::point, static_cast<int>(i)});
            w.line("  [" + format_number(p.pos.x) + ", " + format_number(p.pos.y) + ", " + format_number(p.width) + "],");
        }
        w.anchor({LineAnchor::river});
        w.line("]");
    }

    w.anchor({LineAnchor::roughness});
    w.section(comment_of(d, "river.roughness"), "[river.roughness]");
    w.number("base", r.roughness.base);
    w.number("intensity_gain", r.roughness.intensity_gain);
    w.number("composure_relief", r.roughness.composure_relief);

    for (size_t i = 0; i < r.rocks.size(); ++i) {
        const Rock& rock = r.rocks[i];
        if (rock.scattered) continue;  // `rocks` places them again
        w.anchor({LineAnchor::rock, static_cast<int>(i)});
        w.section(i < d.rock_comments.size() ? d.rock_comments[i] : "", "[[river.rock]]");
        w.key("at", point_text(rock.at));
        if (!rock.polygon.empty()) {
            std::string pts = "[";
            for (size_t k = 0; k < rock.polygon.size(); ++k) pts += (k ? ", " : "") + point_text(rock.polygon[k]);
            w.key("points", pts + "]");
        } else {
            w.number("radius", rock.radius);
        }
    }
    for (size_t i = 0; i < r.forks.size(); ++i) {
        const Fork& f = r.forks[i];
        w.anchor({LineAnchor::fork, static_cast<int>(i)});
        w.section(i < d.fork_comments.size() ? d.fork_comments[i] : "", "[[river.fork]]");
        w.text("id", f.id);
        if (!r.laid_out) w.number("at", f.at);
        w.number("length", f.length);
        w.number("channels", f.channels);
        w.number("island", f.island);
    }
}

void write_reply(Writer& w, const Draft& d, const Reply& r) {
    w.text("text", r.text);
    if (!r.grade_derived) w.text("grade", grade_id(r.grade));  // a format 1 file's worked-out grades stay unwritten
    w.key("techniques", string_list(r.techniques));
    w.text("next", r.next);
    if (!r.caller_thinks.empty()) w.text("caller_thinks", r.caller_thinks);
    if (!r.feedback.empty()) w.text("feedback", r.feedback);
    if (r.intensity) w.number("intensity", *r.intensity);
    if (r.composure) w.number("composure", *r.composure);
    if (r.trust) w.number("trust", *r.trust);
    for (bool add : {false, true}) {
        std::string items;
        for (const VarChange& c : r.changes)
            if (c.add == add)
                items += (items.empty() ? "" : ", ") + key_text(c.name) + " = " + var_value(d, c.name, c.value, add);
        if (!items.empty()) w.key(add ? "add" : "set", "{ " + items + " }");
    }
    if (r.conditional()) w.text("if", r.condition_text);
    if (r.later) {
        const LaterEffect& l = *r.later;
        std::string s = "{ after = " + format_number(l.after);
        if (l.effects.intensity != 0) s += ", intensity = " + format_number(l.effects.intensity);
        if (l.effects.composure != 0) s += ", composure = " + format_number(l.effects.composure);
        if (l.effects.trust != 0) s += ", trust = " + format_number(l.effects.trust);
        w.key("later", s + ", note = " + toml_string(l.note) + " }");
    }
}

void write_call(Writer& w, const Draft& d) {
    const Level& l = d.level;
    w.anchor({LineAnchor::call});
    w.section(comment_of(d, "call"), "[call]");
    w.text("start", l.start);
    std::string items;  // the call's own variables (the week's are written under [week])
    for (size_t i = 0; i < l.var_names.size(); ++i)
        if (!is_week_var(l.var_names[i]))
            items += (items.empty() ? "" : ", ") + key_text(l.var_names[i]) + " = " +
                     var_value(d, l.var_names[i], i < l.var_initial.size() ? l.var_initial[i] : 0, false);
    if (!items.empty()) {
        w.anchor({LineAnchor::vars});
        w.comment_block(comment_of(d, "call.vars"));
        w.key("vars", "{ " + items + " }");
    }
    for (size_t i = 0; i < l.thresholds.size(); ++i) {
        w.anchor({LineAnchor::threshold, static_cast<int>(i)});
        w.section("", "[[call.threshold]]");
        w.number("above", l.thresholds[i].above);
        w.text("goto", l.thresholds[i].node);
    }
    for (size_t i = 0; i < l.nodes.size(); ++i) {
        const Node& n = l.nodes[i];
        int ni = static_cast<int>(i);
        const NodeNotes* notes = i < d.nodes.size() ? &d.nodes[i] : nullptr;
        w.anchor({LineAnchor::node, ni});
        w.section(notes ? notes->comment : "", "[[call.node]]");
        w.text("id", n.id);
        if (n.say_variants.size() > 1) {
            std::vector<std::string> variants = n.say_variants;
            variants.front() = n.say;  // the editor edits the first way of saying it
            w.key("say", string_list(variants));
        } else {
            w.text("say", n.say);
        }
        if (!n.line_ids.empty()) {  // one id for each way of saying it, however many there are now
            std::vector<std::string> ids;
            for (size_t v = 0; v < line_count(n); ++v) ids.push_back(line_id(n, v));
            if (n.say_variants.size() > 1) w.key("line", string_list(ids));
            else w.text("line", ids.front());
        }
        if (n.narration) w.key("narration", "true");
        if (!n.mood.empty()) w.text("mood", n.mood);
        if (n.seconds) w.number("seconds", *n.seconds);
        if (n.hold) w.key("hold", "true");
        if (n.intensity) w.number("intensity", *n.intensity);
        if (n.trust) w.number("trust", *n.trust);
        if (n.is_end()) w.text("end", outcome_id(n.end));
        else if (n.is_question()) w.text("fork", n.fork);
        else w.text("next", n.next);
        if (n.is_end() && n.ending_grade) w.text("ending_grade", grade_id(*n.ending_grade));
        if (!n.discuss.empty()) w.text("discuss", n.discuss);
        if (notes && notes->pos) w.key("editor_pos", "[" + format_number(std::round(notes->pos->x)) + ", " +
                                                         format_number(std::round(notes->pos->y)) + "]");
        for (size_t b = 0; b < n.when.size(); ++b) {
            w.anchor({LineAnchor::branch, ni, static_cast<int>(b)});
            w.line();
            w.line("[[call.node.when]]");
            w.text("if", n.when[b].condition_text);
            w.text("next", n.when[b].next);
        }
        for (size_t r = 0; r < n.replies.size(); ++r) {
            w.anchor({LineAnchor::reply, ni, static_cast<int>(r)});
            bool has_comment = notes && r < notes->reply_comments.size();
            w.section(has_comment ? notes->reply_comments[r] : "", "[[call.node.reply]]");
            write_reply(w, d, n.replies[r]);
        }
    }
    if (!comment_of(d, "footer").empty()) {
        w.anchor({});
        w.line();
        w.comment_block(comment_of(d, "footer"));
    }
}

}  // namespace

WrittenLevel write_level(const Draft& draft) {
    Writer w;
    write_top(w, draft);
    write_river(w, draft);
    write_call(w, draft);
    return w.finish();
}

}  // namespace cw
