// The call as a graph: a box per node, arrows for where each line and reply leads. Drag nodes,
// drag the empty canvas to pan, wheel to zoom; search jumps to a node; endings and dead ends
// are marked. Built on ImGui draw lists (no node-editor library is packaged).
#pragma once
#include <string>
#include <vector>

#include "screen.hpp"
#include "editor_fields.hpp"

namespace cw {

class EditorCallGraph {
public:
    // `problem_nodes`: nodes with a problem, outlined in red. Returns a node to play-test from
    // when the trainer asked for it (-1 otherwise).
    int frame(AppContext& ctx, EditorDocument& doc, EditorSelection& sel, ImVec2 pos, ImVec2 size,
              const std::vector<bool>& problem_nodes);
    void look_at(int node);  // centre the view on a node
    void fit_next_frame() {
        fit_pending_ = true;
        first_view_ = true;
    }

private:
    void toolbar(EditorDocument& doc, EditorSelection& sel);
    ImVec2 to_screen(Vec2 g) const;
    Vec2 to_graph(ImVec2 s) const;
    void fit(ImVec2 size);

    std::vector<Vec2> pos_;  // every node's place this frame (saved or laid out)
    Vec2 pan_{-40, -40};     // graph point at the canvas's top-left
    float zoom_ = 0.8f;
    ImVec2 origin_;
    ImVec2 size_;
    bool fit_pending_ = true;
    bool first_view_ = true;
    int dragging_ = -1;
    int look_pending_ = -1;
    std::string search_;
    Vec2 menu_at_;
    int menu_node_ = -1;
};

}  // namespace cw
