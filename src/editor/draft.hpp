// A level as the editor holds it: the Level itself plus what only the editor cares about and
// the game ignores (where each node sits in the call graph, the trainers' # comments, which
// variables are true/false flags). The extra vectors run parallel to the level's own: edits
// go through the helpers in edits.hpp, which keep them in step.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/level.hpp"

namespace cw {

struct NodeNotes {
    std::optional<Vec2> pos;                 // in the call graph; none: laid out automatically
    std::string comment;                     // # lines written above the node
    std::vector<std::string> reply_comments; // # lines above each reply (parallel to replies)
};

struct Draft {
    Level level;
    std::vector<NodeNotes> nodes;            // parallel to level.nodes
    std::vector<std::string> fork_comments;  // parallel to level.river.forks
    std::vector<std::string> rock_comments;  // parallel to level.river.rocks
    std::vector<bool> var_is_flag;           // parallel to level.var_names: written true/false
    // Comments above a section or key: "header" (top of the file), "caller", "player", "river",
    // "river.points", "river.roughness", "call", "call.vars", "footer" (end of the file).
    std::map<std::string, std::string> section_comments;

    // Makes the parallel vectors the right length (after loading or an edit to the level).
    void sync();
};

// A small level that already passes every check: a short river, one fork, a question with two
// replies and two endings. "New level" starts from assets/new_call.toml (what `calmwaters new`
// writes) and falls back on this when that file is missing; the editor's tests build on it.
Draft starter_draft();

}  // namespace cw
