// The call as a graph, for the editor's graph view: which node leads where, automatic
// layout for nodes with no position yet, and which nodes are endings or dead ends.
#pragma once
#include <string>
#include <vector>

#include "draft.hpp"

namespace cw {

struct CallEdge {
    int from = -1, to = -1;
    enum Kind { next, branch, reply } kind = next;
    int index = 0;  // which branch or reply
};

// Every link that resolves to a node (unknown names are left to the problems list).
std::vector<CallEdge> call_edges(const Level& level);

// Nodes from which no ending can be reached (a dead end, or a link to a missing node).
std::vector<bool> dead_ends(const Level& level);

// Graph units between layers and rows of the automatic layout.
constexpr double kLayoutColumn = 280;
constexpr double kLayoutRow = 120;

// Positions for every node: kept where a node has one (unless `all`), otherwise laid out in
// columns by how many steps the node is from the start, clear of the positioned nodes.
std::vector<Vec2> layout_call(const Draft& draft, bool all);

// A level that starts the call at `node` (the others that can no longer be reached are
// dropped, so it passes the checks): play-testing from the middle of a call.
Level level_starting_at(const Level& level, int node);

}  // namespace cw
