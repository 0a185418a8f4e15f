// Problems found in a file, located the way compilers do it: file:line:column: message,
// then the line itself with a caret under the bad value.
#pragma once
#include <string>
#include <vector>

#include "core/level.hpp"

namespace cw {

struct Problem {
    std::string file;
    int line = 0;
    int column = 0;
    std::string message;
    std::string line_text;  // the offending line when known; a long one, the part around the column
    int text_column = 1;    // the line's column where line_text starts
    int width = 1;          // how many characters to underline
};

std::string format_problem(const Problem& p);
std::string format_problems(const std::vector<Problem>& ps);

// The lines of a file, so a problem found after parsing can still quote its line.
class SourceText {
public:
    SourceText() = default;
    SourceText(std::string file, const std::string& text);
    const std::string& file() const { return file_; }
    std::string line(int n) const;
    Problem at(SourceLoc loc, std::string message, int width = 1) const;
    // The line and column (in bytes, from 1) of a byte offset into the text.
    SourceLoc at_offset(size_t offset) const;

private:
    std::string file_;
    std::vector<std::string> lines_;
    std::vector<size_t> line_starts_;  // byte offset of each line's first character
};

// `s` with control characters (an escape sequence, a bell, a carriage return) shown as \xNN, so
// text from a file is never sent to a terminal as it is.
std::string printable(const std::string& s);

// The closest name to `word` among `options`, for "did you mean" hints ("" when none is close).
std::string closest_name(const std::string& word, const std::vector<std::string>& options);

}  // namespace cw
