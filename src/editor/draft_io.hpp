// Reading a level file into a draft: the level, plus the editor's graph positions, the
// trainers' comments and which variables are flags. A file whose shape is right opens even
// when it breaks a rule, so a half-finished level can be finished.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "content/level_loader.hpp"
#include "draft.hpp"

namespace cw {

struct DraftLoad {
    std::optional<Draft> draft;    // set when the file's shape is right (it may still break rules)
    std::vector<Problem> problems; // every problem, located
};

DraftLoad load_draft_text(const std::string& text, const std::string& file, const Catalogue& catalogue);
DraftLoad load_draft_file(const std::string& path, const Catalogue& catalogue);


// The # comments of a level's text, by what they sit above (see Draft::section_comments).
struct ScannedComments {
    std::map<std::string, std::string> sections;
    std::vector<std::string> nodes, forks, rocks;       // in file order
    std::vector<std::vector<std::string>> replies;      // per node, per reply
};
ScannedComments scan_comments(const std::string& text);

}  // namespace cw
