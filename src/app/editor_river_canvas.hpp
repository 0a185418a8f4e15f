// The editor's river: drawn as in play (the same RiverView), with handles on top to drag the
// control points, their widths, the rocks and the forks. Right-click adds and removes things.
#pragma once
#include <memory>

#include "screen.hpp"
#include "camera.hpp"
#include "editor_fields.hpp"
#include "river_view.hpp"

namespace cw {

class EditorRiverCanvas {
public:
    // Draws into the rectangle (pixels) and handles the mouse there.
    void frame(AppContext& ctx, EditorDocument& doc, EditorSelection& sel, SDL_FRect rect, double dt);
    // Centre the view on a world point (clicking a problem goes there).
    void look_at(Vec2 world) { cam_.centre = world; }
    void fit(const Level& level);
    // The river as last drawn (null when it has never been valid).
    const Simulation* sim() const { return sim_.get(); }

private:
    void rebuild(AppContext& ctx, const EditorDocument& doc);
    void handle_mouse(EditorDocument& doc, EditorSelection& sel);
    void draw_handles(AppContext& ctx, const EditorDocument& doc, const EditorSelection& sel, ImDrawList* dl);
    void context_menu(EditorDocument& doc, EditorSelection& sel);
    EditorSelection hit(const EditorDocument& doc, SDL_FPoint mouse, bool& width_handle) const;

    std::unique_ptr<Simulation> sim_;  // the river for drawing: rebuilt when the draft changes
    int built_revision_ = -1;
    bool stale_ = false;               // the draft's river is broken; the last good one is shown
    Camera cam_;
    bool fitted_ = false;
    RiverView view_;
    double clock_ = 0;
    enum class Drag { none, point, width, rock, fork } drag_ = Drag::none;
    int drag_index_ = -1;
    Vec2 menu_at_;                      // where the context menu was opened, in metres
    EditorSelection menu_target_;
};

}  // namespace cw
