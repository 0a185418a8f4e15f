#include "problems.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace cw {

namespace {

// A control character from a file (an escape sequence, a bell, a carriage return) is shown as
// \xNN, never sent to the terminal as it is.
bool is_control(char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f; }

}  // namespace

std::string printable(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (is_control(c)) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(c));
            out += hex;
        } else {
            out += c;
        }
    }
    return out;
}

std::string format_problem(const Problem& p) {
    std::ostringstream out;
    out << printable(p.file) << ':' << std::max(p.line, 1) << ':' << std::max(p.column, 1) << ": " << printable(p.message)
        << '\n';
    if (!p.line_text.empty() && p.line > 0) {
        std::string num = std::to_string(p.line);
        out << ' ' << num << " | " << printable(p.line_text) << '\n';
        out << ' ' << std::string(num.size(), ' ') << " | ";
        // Keep tabs as tabs so the caret lines up under the value, and pad past an escaped byte.
        const int caret = p.column - p.text_column;
        for (int i = 0; i < caret && i < static_cast<int>(p.line_text.size()); ++i) {
            char c = p.line_text[static_cast<size_t>(i)];
            out << (c == '\t' ? "\t" : is_control(c) ? "    " : " ");
        }
        out << '^' << std::string(static_cast<size_t>(std::max(0, std::min(p.width, 80) - 1)), '~') << '\n';
    }
    return out.str();
}

std::string format_problems(const std::vector<Problem>& ps) {
    // Thousands of problems say no more than the first fifty: the rest are counted, so the
    // terminal (or a trainee's error box) stays readable.
    constexpr size_t kShown = 50;
    std::string out;
    for (size_t i = 0; i < ps.size() && i < kShown; ++i) out += format_problem(ps[i]);
    if (ps.size() > kShown)
        out += "... and " + std::to_string(ps.size() - kShown) + " more problems in " + printable(ps[kShown].file) +
               "; fix these first and check again.\n";
    return out;
}

SourceText::SourceText(std::string file, const std::string& text) : file_(std::move(file)) {
    size_t from = 0;
    while (from < text.size()) {
        size_t nl = text.find('\n', from);
        size_t to = nl == std::string::npos ? text.size() : nl;
        line_starts_.push_back(from);
        lines_.push_back(text.substr(from, to - from));
        if (!lines_.back().empty() && lines_.back().back() == '\r') lines_.back().pop_back();
        from = to + 1;
    }
}

SourceLoc SourceText::at_offset(size_t offset) const {
    if (line_starts_.empty()) return {1, 1};
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    size_t line = static_cast<size_t>(after - line_starts_.begin());  // at least 1: the first start is 0
    return {static_cast<int>(line), static_cast<int>(offset - line_starts_[line - 1] + 1)};
}

std::string SourceText::line(int n) const {
    if (n < 1 || n > static_cast<int>(lines_.size())) return "";
    return lines_[static_cast<size_t>(n - 1)];
}

Problem SourceText::at(SourceLoc loc, std::string message, int width) const {
    Problem p;
    p.file = file_;
    p.line = loc.line > 0 ? loc.line : 1;
    p.column = loc.column > 0 ? loc.column : 1;
    p.message = std::move(message);
    // A problem keeps only the part of a long line around its column: a file of one huge line
    // with thousands of problems must not hold thousands of copies of it.
    constexpr int kWindow = 100;
    const std::string whole = loc.line > 0 ? line(loc.line) : "";
    if (static_cast<int>(whole.size()) <= kWindow) {
        p.line_text = whole;
    } else {
        int start = std::max(0, std::min(p.column - 1 - kWindow / 2, static_cast<int>(whole.size()) - kWindow));
        p.line_text = (start > 0 ? "..." : "") + whole.substr(static_cast<size_t>(start), kWindow) +
                      (start + kWindow < static_cast<int>(whole.size()) ? "..." : "");
        p.text_column = start + 1 - (start > 0 ? 3 : 0);
    }
    p.width = width;
    return p;
}

namespace {
size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}
}  // namespace

std::string closest_name(const std::string& word, const std::vector<std::string>& options) {
    if (word.size() > 64) return "";
    std::string best;
    size_t best_d = std::max<size_t>(2, word.size() / 3) + 1;
    for (const auto& o : options) {
        if (o.size() > 64) continue;
        size_t d = edit_distance(word, o);
        if (d < best_d) { best_d = d; best = o; }
    }
    return best;
}

}  // namespace cw
