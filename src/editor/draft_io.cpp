#include "draft_io.hpp"

#include <cctype>
#include <cstring>
#include <sstream>

#include "content/toml_reader.hpp"

namespace cw {

namespace {

std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos) return "";
    size_t b = s.find_last_not_of(" \t\r");
    return s.substr(a, b - a + 1);
}

// "[caller]" -> "caller", "[[call.node]]" -> "call.node" (with `array` true); "" when not a header.
std::string header_name(const std::string& line, bool& array) {
    if (line.empty() || line[0] != '[') return "";
    array = line.rfind("[[", 0) == 0;
    size_t open = array ? 2 : 1;
    size_t close = line.find(array ? "]]" : "]", open);
    if (close == std::string::npos) return "";
    std::string name = trim(line.substr(open, close - open));
    bool letters = false;
    for (char c : name) {
        if (std::isalpha(static_cast<unsigned char>(c))) letters = true;
        else if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) return "";
    }
    std::string rest = trim(line.substr(close + (array ? 2 : 1)));
    if (!letters || (!rest.empty() && rest[0] != '#')) return "";
    return name;
}

// "points = [" -> "points"; "" when the line does not start a key.
std::string key_name(const std::string& line) {
    size_t eq = line.find('=');
    if (eq == std::string::npos || eq == 0) return "";
    std::string k = trim(line.substr(0, eq));
    for (char c : k)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) return "";
    return k;
}

std::string join(std::vector<std::string> lines) {
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    size_t first = 0;
    while (first < lines.size() && lines[first].empty()) ++first;
    std::string s;
    for (size_t i = first; i < lines.size(); ++i) s += (i > first ? "\n" : "") + lines[i];
    return s;
}

void append(std::string& to, const std::string& more) {
    if (more.empty()) return;
    to += (to.empty() ? "" : "\n") + more;
}

}  // namespace

ScannedComments scan_comments(const std::string& text) {
    ScannedComments out;
    std::vector<std::string> pending;
    std::string table;  // the table the lines are in now ("" at the top)
    bool seen_content = false, in_multiline = false;
    std::istringstream in(text);
    std::string raw;
    while (std::getline(in, raw)) {
        std::string line = trim(raw);
        // Lines inside a """ string are text, not comments or keys.
        size_t quotes = 0;
        for (size_t p = line.find("\"\"\""); p != std::string::npos; p = line.find("\"\"\"", p + 3)) ++quotes;
        if (in_multiline) {
            if (quotes % 2) in_multiline = false;
            continue;
        }
        if (line.empty()) {
            if (!pending.empty()) pending.push_back("");
            continue;
        }
        if (line[0] == '#') {
            pending.push_back(line);
            continue;
        }
        if (quotes % 2) in_multiline = true;
        std::string comment = join(pending);
        pending.clear();
        if (!seen_content) {
            seen_content = true;
            // Comments before the first key belong to the file as a whole.
            bool arr = false;
            if (header_name(line, arr).empty()) {
                out.sections["header"] = comment;
                comment.clear();
            }
        }
        bool array = false;
        std::string header = header_name(line, array);
        if (!header.empty()) {
            table = header;
            if (array && header == "call.node") {
                out.nodes.push_back(comment);
                out.replies.emplace_back();
            } else if (array && header == "call.node.reply" && !out.nodes.empty()) {
                out.replies.back().push_back(comment);
            } else if (array && header == "river.fork") {
                out.forks.push_back(comment);
            } else if (array && header == "river.rock") {
                out.rocks.push_back(comment);
            } else if (array && header == "call.node.when" && !out.nodes.empty()) {
                append(out.nodes.back(), comment);
            } else if (!array) {
                append(out.sections[header], comment);
            }
            continue;
        }
        std::string key = key_name(line);
        if (key.empty() || comment.empty()) continue;  // inside a list that spans lines: dropped
        // A comment above a key stays with what that key is part of.
        if (table == "call.node" && !out.nodes.empty()) append(out.nodes.back(), comment);
        else if (table == "call.node.reply" && !out.replies.empty() && !out.replies.back().empty())
            append(out.replies.back().back(), comment);
        else if (table == "river.fork" && !out.forks.empty()) append(out.forks.back(), comment);
        else if (table == "river.rock" && !out.rocks.empty()) append(out.rocks.back(), comment);
        else if (table == "river" && key == "points") append(out.sections["river.points"], comment);
        else if (table == "call" && key == "vars") append(out.sections["call.vars"], comment);
        else append(out.sections[table.empty() ? "header" : table], comment);
    }
    std::string tail = join(pending);
    if (!tail.empty()) out.sections["footer"] = tail;
    for (auto it = out.sections.begin(); it != out.sections.end();) {
        if (it->second.empty()) it = out.sections.erase(it);
        else ++it;
    }
    return out;
}

DraftLoad load_draft_text(const std::string& text, const std::string& file, const Catalogue& catalogue) {
    DraftLoad out;
    LevelLoad load = load_level_text_for_editing(text, file, catalogue);
    out.problems = load.problems;
    if (!load.level) return out;
    Draft d;
    d.level = std::move(*load.level);
    d.sync();

    // What the level itself does not keep: graph positions and which variables are flags.
    std::vector<Problem> ignored;
    if (auto doc = parse_toml(text, file, ignored)) {
        // The week's variables written true/false are flags too.
        if (doc->contains("week") && doc->at("week").is_table() && doc->at("week").contains("vars") &&
            doc->at("week").at("vars").is_table()) {
            const auto& vars = doc->at("week").at("vars").as_table();
            for (size_t i = 0; i < d.level.var_names.size(); ++i) {
                if (!is_week_var(d.level.var_names[i])) continue;
                auto it = vars.find(d.level.var_names[i].substr(std::strlen(kWeekPrefix)));
                d.var_is_flag[i] = it != vars.end() && it->second.is_boolean();
            }
        }
        if (doc->contains("call") && doc->at("call").is_table()) {
            const toml::value& call = doc->at("call");
            if (call.contains("node") && call.at("node").is_array()) {
                const auto& nodes = call.at("node").as_array();
                for (size_t i = 0; i < nodes.size() && i < d.nodes.size(); ++i) {
                    if (!nodes[i].is_table() || !nodes[i].contains("editor_pos")) continue;
                    const toml::value& p = nodes[i].at("editor_pos");
                    if (!p.is_array() || p.as_array().size() != 2) continue;
                    double xy[2];
                    bool ok = true;
                    for (int k = 0; k < 2; ++k) {
                        const toml::value& v = p.as_array()[static_cast<size_t>(k)];
                        if (v.is_integer()) xy[k] = static_cast<double>(v.as_integer());
                        else if (v.is_floating()) xy[k] = v.as_floating();
                        else ok = false;
                    }
                    if (ok) d.nodes[i].pos = Vec2{xy[0], xy[1]};
                }
            }
            if (call.contains("vars") && call.at("vars").is_table()) {
                const auto& vars = call.at("vars").as_table();
                for (size_t i = 0; i < d.level.var_names.size(); ++i) {
                    auto it = vars.find(d.level.var_names[i]);
                    d.var_is_flag[i] = it != vars.end() && it->second.is_boolean();
                }
            }
        }
    }

    ScannedComments c = scan_comments(text);
    d.section_comments = c.sections;
    for (size_t i = 0; i < c.nodes.size() && i < d.nodes.size(); ++i) {
        d.nodes[i].comment = c.nodes[i];
        for (size_t r = 0; r < c.replies[i].size() && r < d.nodes[i].reply_comments.size(); ++r)
            d.nodes[i].reply_comments[r] = c.replies[i][r];
    }
    for (size_t i = 0; i < c.forks.size() && i < d.fork_comments.size(); ++i) d.fork_comments[i] = c.forks[i];
    for (size_t i = 0; i < c.rocks.size() && i < d.rock_comments.size(); ++i) d.rock_comments[i] = c.rocks[i];
    out.draft = std::move(d);
    return out;
}

DraftLoad load_draft_file(const std::string& path, const Catalogue& catalogue) {
    DraftLoad out;
    auto text = read_text_file(path, kMaxLevelBytes, out.problems);
    if (!text) return out;
    return load_draft_text(*text, path, catalogue);
}

}  // namespace cw
