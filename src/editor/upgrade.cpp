#include "upgrade.hpp"

#include <algorithm>
#include <sstream>

#include "content/level_loader.hpp"

namespace cw {

namespace {

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    std::istringstream in(text);
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

// The leading spaces and tabs of a line.
std::string indent_of(const std::string& line) { return line.substr(0, line.find_first_not_of(" \t")); }

bool starts_with_key(const std::string& line, const std::string& key) {
    std::string rest = line.substr(std::min(line.size(), indent_of(line).size()));
    if (rest.rfind(key, 0) != 0) return false;
    size_t i = key.size();
    while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
    return i < rest.size() && rest[i] == '=';
}

}  // namespace

Upgrade upgrade_level_text(const std::string& text, const std::string& file, const Catalogue& catalogue) {
    Upgrade up;
    LevelLoad load = load_level_text(text, file, catalogue);
    if (!load.ok()) {
        up.problems = load.problems;
        return up;
    }
    const Level& level = *load.level;
    if (level.format >= 2) {
        up.ok = up.already = true;
        up.text = text;
        return up;
    }
    SourceText src(file, text);
    std::vector<std::string> lines = split_lines(text);
    // Line number (1-based) -> the line to put in front of it.
    std::vector<std::pair<int, std::string>> inserts;
    for (const Node& node : level.nodes)
        for (const Reply& reply : node.replies) {
            if (!reply.grade_derived) continue;
            int line = reply.loc.line;
            if (line < 1 || line > static_cast<int>(lines.size()) || !starts_with_key(lines[line - 1], "text")) {
                up.problems.push_back(src.at(reply.loc, "this reply's `text` does not start its own line (an inline "
                                                        "table?), so a grade cannot be added beside it; write "
                                                        "`grade = \"...\"` in by hand"));
                continue;
            }
            inserts.push_back({line, indent_of(lines[line - 1]) + "grade = \"" + grade_id(reply.grade) +
                                         "\"  # worked out from the tags: check it"});
        }
    // The format's own line: the first top-level `format = 1`, before any table header.
    int format_line = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string rest = lines[i].substr(std::min(lines[i].size(), indent_of(lines[i]).size()));
        if (!rest.empty() && rest[0] == '[') break;
        if (starts_with_key(lines[i], "format")) {
            format_line = static_cast<int>(i) + 1;
            break;
        }
    }
    if (format_line == 0) up.problems.push_back(src.at({1, 1}, "no top-level `format = 1` line found to change"));
    if (!up.problems.empty()) return up;

    std::string& f = lines[format_line - 1];
    size_t eq = f.find('=');
    size_t digit = f.find('1', eq);
    f.replace(digit, 1, "2");
    std::sort(inserts.begin(), inserts.end());
    std::string out;
    size_t next = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
        while (next < inserts.size() && inserts[next].first == static_cast<int>(i) + 1) out += inserts[next++].second + "\n";
        out += lines[i];
        if (i + 1 < lines.size() || (!text.empty() && text.back() == '\n')) out += "\n";
    }
    up.grades_written = static_cast<int>(inserts.size());
    // What was written must load as format 2, grades and all.
    LevelLoad again = load_level_text(out, file, catalogue);
    if (!again.ok()) {
        up.problems = again.problems;
        return up;
    }
    up.ok = true;
    up.text = std::move(out);
    return up;
}

}  // namespace cw
