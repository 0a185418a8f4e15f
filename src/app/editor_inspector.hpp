// The form for what is selected: the level and caller, the river, a point, a rock, a fork, or
// a node with its replies. Every field is an undoable edit; ids and techniques are picked
// from drop-downs so they cannot be mistyped.
#pragma once
#include <string>

#include "screen.hpp"
#include "editor_fields.hpp"

namespace cw {

class EditorInspector {
public:
    // Draws inside the current ImGui window. Returns a node to play-test from, or -1.
    int draw(AppContext& ctx, EditorDocument& doc, EditorSelection& sel);

private:
    void level_form(AppContext& ctx, EditorDocument& doc);
    void river_form(EditorDocument& doc);
    void point_form(EditorDocument& doc, EditorSelection& sel);
    void rock_form(EditorDocument& doc, EditorSelection& sel);
    void fork_form(EditorDocument& doc, EditorSelection& sel);
    int node_form(AppContext& ctx, EditorDocument& doc, EditorSelection& sel);
    void reply_form(AppContext& ctx, EditorDocument& doc, EditorSelection& sel, int node, int reply);

    // Ids are renamed when the field is let go, so links follow the finished name.
    std::string rename_buffer_;
    std::string layout_message_;  // what the last "Lay out the river from the call" did
    EditorSelection renaming_;
    std::string new_var_;
};

}  // namespace cw
