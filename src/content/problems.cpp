#include "problems.hpp"

#include <algorithm>
#include <sstream>

namespace cw {

std::string format_problem(const Problem& p) {
    std::ostringstream out;
    out << p.file << ':' << std::max(p.line, 1) << ':' << std::max(p.column, 1) << ": " << p.message << '\n';
    if (!p.line_text.empty() && p.line > 0) {
        // A very long line is shown as a window around the column, marked with "...".
        std::string shown = p.line_text;
        int column = p.column;
        constexpr int kWindow = 100;
        if (static_cast<int>(shown.size()) > kWindow) {
            int start = std::max(0, std::min(column - 1 - kWindow / 2, static_cast<int>(shown.size()) - kWindow));
            shown = (start > 0 ? "..." : "") + shown.substr(static_cast<size_t>(start), kWindow) +
                    (start + kWindow < static_cast<int>(p.line_text.size()) ? "..." : "");
            column = column - start + (start > 0 ? 3 : 0);
        }
        std::string num = std::to_string(p.line);
        out << ' ' << num << " | " << shown << '\n';
        out << ' ' << std::string(num.size(), ' ') << " | ";
        // Keep tabs as tabs so the caret lines up under the value.
        for (int i = 0; i + 1 < column && i < static_cast<int>(shown.size()); ++i)
            out << (shown[i] == '\t' ? '\t' : ' ');
        out << '^' << std::string(static_cast<size_t>(std::max(0, std::min(p.width, 80) - 1)), '~') << '\n';
    }
    return out.str();
}

std::string format_problems(const std::vector<Problem>& ps) {
    std::string out;
    for (const Problem& p : ps) out += format_problem(p);
    return out;
}

SourceText::SourceText(std::string file, const std::string& text) : file_(std::move(file)) {
    std::string line;
    std::istringstream in(text);
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines_.push_back(line);
    }
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
    p.line_text = loc.line > 0 ? line(loc.line) : "";
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
