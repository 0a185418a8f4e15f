#include "river_patch.hpp"

#include <algorithm>

#include "level_writer.hpp"

namespace cw {

namespace {

std::string trimmed_start(const std::string& line) {
    size_t i = line.find_first_not_of(" \t");
    return i == std::string::npos ? "" : line.substr(i);
}

bool is_header(const std::string& line) { return trimmed_start(line).rfind('[', 0) == 0; }

// `key = ...` on this line (not `keyname = `).
bool is_key(const std::string& line, const std::string& key) {
    std::string t = trimmed_start(line);
    if (t.rfind(key, 0) != 0) return false;
    size_t i = t.find_first_not_of(" \t", key.size());
    return i != std::string::npos && t[i] == '=';
}

bool is_blank_or_comment(const std::string& line) {
    std::string t = trimmed_start(line);
    return t.empty() || t == "\n" || t == "\r\n" || t[0] == '#';
}

// The line after the one where the value starting on `first` closes its brackets.
size_t value_end(const std::vector<std::string>& lines, size_t first) {
    int depth = 0;
    bool opened = false;
    for (size_t i = first; i < lines.size(); ++i) {
        const std::string& l = lines[i];
        size_t from = i == first ? l.find('=') + 1 : 0;
        for (size_t c = from; c < l.size(); ++c) {
            if (l[c] == '#') break;
            if (l[c] == '[') ++depth, opened = true;
            if (l[c] == ']') --depth;
        }
        if (!opened || depth <= 0) return i + 1;
    }
    return lines.size();
}

struct Edit {
    size_t from, to;    // lines [from, to) are replaced
    std::string text;   // by this
};

}  // namespace

std::string points_text(const std::vector<RiverPoint>& points) {
    std::string out = "points = [\n";
    for (const RiverPoint& p : points)
        out += "  [" + format_number(p.pos.x) + ", " + format_number(p.pos.y) + ", " + format_number(p.width) + "],\n";
    return out + "]\n";
}

std::string patch_river_text(const std::string& text, const Level& level, const RiverLayout& layout, std::string& error) {
    std::vector<std::string> lines;
    for (size_t start = 0; start < text.size();) {
        size_t end = text.find('\n', start);
        end = end == std::string::npos ? text.size() : end + 1;
        lines.push_back(text.substr(start, end - start));
        start = end;
    }
    if (!lines.empty() && lines.back().back() != '\n') lines.back() += '\n';

    std::vector<Edit> edits;
    // [river]: its `points` replaced, or added after its last key.
    size_t river = lines.size();
    for (size_t i = 0; i < lines.size(); ++i)
        if (trimmed_start(lines[i]).rfind("[river]", 0) == 0) river = i;
    if (river == lines.size()) {
        error = "the file has no [river] table to write the points into";
        return "";
    }
    size_t river_end = river + 1;
    while (river_end < lines.size() && !is_header(lines[river_end])) ++river_end;
    size_t points_at = river_end;
    for (size_t i = river + 1; i < river_end; ++i)
        if (is_key(lines[i], "points")) points_at = i;
    if (points_at < river_end) {
        edits.push_back({points_at, value_end(lines, points_at), points_text(layout.points)});
    } else {
        size_t after = river + 1;
        for (size_t i = river + 1; i < river_end; ++i)
            if (!is_blank_or_comment(lines[i])) after = value_end(lines, i);
        edits.push_back({after, after, points_text(layout.points)});
    }

    // Each fork: its `at` replaced in place (a comment after it kept), or added after its `id`.
    for (size_t k = 0; k < level.river.forks.size() && k < layout.fork_at.size(); ++k) {
        const Fork& f = level.river.forks[k];
        const int id_line = f.id_loc.line - 1;
        if (id_line < 0 || id_line >= static_cast<int>(lines.size())) {
            error = "fork \"" + f.id + "\" could not be found in the file";
            return "";
        }
        size_t top = static_cast<size_t>(id_line), bottom = top + 1;
        while (top > 0 && !is_header(lines[top])) --top;
        while (bottom < lines.size() && !is_header(lines[bottom])) ++bottom;
        const std::string at = "at = " + format_number(layout.fork_at[k]);
        size_t at_line = bottom;
        for (size_t i = top + 1; i < bottom; ++i)
            if (is_key(lines[i], "at")) at_line = i;
        if (at_line < bottom) {
            const std::string& old = lines[at_line];
            size_t hash = old.find('#');
            std::string tail = hash == std::string::npos ? "\n" : "  " + old.substr(hash);
            edits.push_back({at_line, at_line + 1, old.substr(0, old.find_first_not_of(" \t")) + at + tail});
        } else {
            edits.push_back({static_cast<size_t>(id_line) + 1, static_cast<size_t>(id_line) + 1, at + "\n"});
        }
    }

    // From the bottom up, so each edit's line numbers still hold.
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.from > b.from; });
    for (const Edit& e : edits) {
        lines.erase(lines.begin() + static_cast<long>(e.from), lines.begin() + static_cast<long>(e.to));
        lines.insert(lines.begin() + static_cast<long>(e.from), e.text);
    }
    std::string out;
    for (const std::string& l : lines) out += l;
    return out;
}

}  // namespace cw
