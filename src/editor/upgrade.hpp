// `calmwaters upgrade FILE`: a format 1 level rewritten as format 2. The grades format 1 worked
// out from the tags are written in for the author to review, and `format` becomes 2. The file's
// text is patched in place (one `grade` line before each reply's `text`, and the format's value),
// so every comment, end-of-line ones included, and every other byte survive.
#pragma once
#include <string>
#include <vector>

#include "content/problems.hpp"
#include "core/catalogue.hpp"

namespace cw {

struct Upgrade {
    bool ok = false;
    bool already = false;          // the file is format 2 already: nothing to do
    std::string text;              // the upgraded file
    int grades_written = 0;
    std::vector<Problem> problems;  // why it could not be upgraded (the file's own problems first)
};

Upgrade upgrade_level_text(const std::string& text, const std::string& file, const Catalogue& catalogue);

}  // namespace cw
