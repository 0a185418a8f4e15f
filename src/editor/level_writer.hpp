// A draft as TOML text: readable, in one fixed order, so the same level always saves to the
// same bytes and a diff between two saves shows only what a trainer changed. The text reads
// back through the ordinary loader to the same level.
#pragma once
#include <string>
#include <vector>

#include "draft.hpp"

namespace cw {

// What a line of the written text belongs to, so a problem found on it can select that thing.
struct LineAnchor {
    enum Kind { none, level, caller, player, river, point, roughness, rock, fork, call, vars, threshold, node, branch,
                reply };
    Kind kind = none;
    int index = -1;  // which point, rock, fork, threshold or node
    int sub = -1;    // which branch or reply of that node
};

struct WrittenLevel {
    std::string text;
    std::vector<LineAnchor> lines;  // lines[n - 1] is what line n belongs to
    LineAnchor at_line(int line) const;
};

WrittenLevel write_level(const Draft& draft);

// The shortest text that reads back as exactly `v` (40, 2.5, 0.1), as TOML accepts it.
std::string format_number(double v);
// `s` as a TOML basic string, in double quotes, escaped where TOML needs it.
std::string toml_string(const std::string& s);

}  // namespace cw
