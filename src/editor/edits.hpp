// The edits a trainer makes, each a small function on a draft. They keep the editor's extra
// vectors in step with the level and keep names consistent (renaming a node renames every
// reference to it). They never refuse: a draft may be half-finished, and the live problems
// list says what is left to fix.
#pragma once
#include <string>

#include "draft.hpp"

namespace cw::edits {

enum class NodeKind { line, question, ending };
NodeKind kind_of(const Node& n);

// The river.
void move_point(Draft& d, int i, Vec2 pos);
void set_point_width(Draft& d, int i, double width);
// A new point between points i-1 and i, halfway (or after the last when i == size).
void insert_point(Draft& d, int i);
void delete_point(Draft& d, int i);
int add_rock(Draft& d, Vec2 at, double radius);
void move_rock(Draft& d, int i, Vec2 at);
void delete_rock(Draft& d, int i);
// A new fork `at` metres down the river, with a fresh id; a question node then binds to it.
int add_fork(Draft& d, double at, int channels);
void set_fork_channels(Draft& d, int i, int channels);  // questions on it gain or lose replies
void rename_fork(Draft& d, int i, const std::string& id);
void delete_fork(Draft& d, int i);

// The call.
std::string unique_node_id(const Level& l, const std::string& base);
int add_node(Draft& d, NodeKind kind, Vec2 pos);
void delete_node(Draft& d, int i);  // links to it are left for the problems list to point at
void rename_node(Draft& d, int i, const std::string& id);
// The node's ways of saying its line. Going between one way and several changes the ids the
// node's id gives its lines (`greet` becomes `greet.1`), so the old ones are kept, as `line`.
void set_say_variants(Draft& d, int i, std::vector<std::string> variants);
void set_node_kind(Draft& d, int i, NodeKind kind);
void set_node_pos(Draft& d, int i, Vec2 pos);
int add_reply(Draft& d, int node);
void delete_reply(Draft& d, int node, int reply);
void move_reply(Draft& d, int node, int from, int to);  // changes which channel it is
void add_variable(Draft& d, const std::string& name, bool flag);
void rename_variable(Draft& d, int i, const std::string& name);  // conditions are left as typed
void delete_variable(Draft& d, int i);

}  // namespace cw::edits
