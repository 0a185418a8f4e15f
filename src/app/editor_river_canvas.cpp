#include "editor_river_canvas.hpp"

#include <algorithm>
#include <cmath>

#include "editor/edits.hpp"
#include "theme.hpp"

namespace cw {

namespace {

constexpr float kHandle = 7.0f;  // pixels

// The direction across the river at control point i (toward the right bank).
Vec2 across_at(const std::vector<RiverPoint>& pts, int i) {
    int a = std::max(i - 1, 0), b = std::min(i + 1, static_cast<int>(pts.size()) - 1);
    Vec2 t = normalized(pts[static_cast<size_t>(b)].pos - pts[static_cast<size_t>(a)].pos);
    return right_of(t);
}

float dist(SDL_FPoint a, SDL_FPoint b) { return std::hypot(a.x - b.x, a.y - b.y); }
ImVec2 iv(SDL_FPoint p) { return ImVec2(p.x, p.y); }

}  // namespace

void EditorRiverCanvas::rebuild(AppContext& ctx, const EditorDocument& doc) {
    if (built_revision_ == doc.revision()) return;
    built_revision_ = doc.revision();
    const std::optional<Level>& river = doc.river_only();
    if (river) {
        sim_ = std::make_unique<Simulation>(*river, *ctx.catalogue, river->seed);
        stale_ = false;
    } else {
        stale_ = true;  // keep drawing the last river that worked
    }
}

void EditorRiverCanvas::fit(const Level& level) {
    if (level.river.points.empty()) return;
    double widest = 0;
    for (const RiverPoint& p : level.river.points) widest = std::max(widest, p.width);
    // Close enough to grab a handle: the river's width fills about a fifth of the view, and
    // the view starts where the raft does.
    cam_.pixels_per_metre = std::clamp(cam_.viewport.w / (5.0 * std::max(widest, 10.0)), 2.0, 24.0);
    double half_h = cam_.viewport.h * 0.5 / cam_.pixels_per_metre;
    const auto& pts = level.river.points;
    Vec2 dir = pts.size() > 1 ? normalized(pts[1].pos - pts[0].pos) : Vec2{0, 1};
    cam_.centre = pts[0].pos + dir * (half_h - 12.0);
}

EditorSelection EditorRiverCanvas::hit(const EditorDocument& doc, SDL_FPoint m, bool& width_handle) const {
    const Level& l = doc.level();
    width_handle = false;
    const auto& pts = l.river.points;
    for (size_t i = 0; i < pts.size(); ++i) {
        if (dist(cam_.to_screen(pts[i].pos), m) <= kHandle + 2) return {EditorSelection::point, static_cast<int>(i)};
        Vec2 n = across_at(pts, static_cast<int>(i));
        for (double side : {-1.0, 1.0})
            if (dist(cam_.to_screen(pts[i].pos + n * (side * pts[i].width * 0.5)), m) <= kHandle + 2) {
                width_handle = true;
                return {EditorSelection::point, static_cast<int>(i)};
            }
    }
    if (sim_)
        for (size_t i = 0; i < l.river.forks.size(); ++i) {
            double at = std::clamp(l.river.forks[i].at, 0.0, sim_->river().length());
            if (dist(cam_.to_screen(sim_->river().point_at(at, 0)), m) <= kHandle + 4)
                return {EditorSelection::fork, static_cast<int>(i)};
        }
    Vec2 w = cam_.to_world(m);
    for (size_t i = 0; i < l.river.rocks.size(); ++i)
        if (length(w - l.river.rocks[i].at) <= std::max(rock_reach(l.river.rocks[i]), 6.0 / cam_.pixels_per_metre))
            return {EditorSelection::rock, static_cast<int>(i)};
    return {};
}

void EditorRiverCanvas::handle_mouse(EditorDocument& doc, EditorSelection& sel) {
    ImGuiIO& io = ImGui::GetIO();
    SDL_FPoint m{io.MousePos.x, io.MousePos.y};
    bool hovered = ImGui::IsItemHovered();
    if (hovered && io.MouseWheel != 0) {
        // Zoom about the mouse: the point under it stays put.
        Vec2 before = cam_.to_world(m);
        cam_.pixels_per_metre = std::clamp(cam_.pixels_per_metre * std::pow(1.15, io.MouseWheel), 0.3, 60.0);
        Vec2 after = cam_.to_world(m);
        cam_.centre = cam_.centre + (before - after);
    }
    // Dragging open water (or with the middle button) moves the view.
    if (ImGui::IsItemActive() && (ImGui::IsMouseDragging(ImGuiMouseButton_Middle) ||
                                  (drag_ == Drag::none && ImGui::IsMouseDragging(ImGuiMouseButton_Left)))) {
        cam_.centre = cam_.centre + Vec2{-io.MouseDelta.x / cam_.pixels_per_metre, io.MouseDelta.y / cam_.pixels_per_metre};
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        bool width = false;
        EditorSelection h = hit(doc, m, width);
        sel = h.kind == EditorSelection::none ? EditorSelection{EditorSelection::river} : h;
        drag_index_ = h.index;
        drag_ = h.kind == EditorSelection::point ? (width ? Drag::width : Drag::point)
                : h.kind == EditorSelection::rock ? Drag::rock
                : h.kind == EditorSelection::fork ? Drag::fork
                                                  : Drag::none;
    }
    if (drag_ != Drag::none && ImGui::IsMouseDown(ImGuiMouseButton_Left) && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2)) {
        Vec2 w = cam_.to_world(m);
        w = {std::round(w.x * 10) / 10, std::round(w.y * 10) / 10};  // tidy numbers in the file
        int i = drag_index_;
        std::string key = "river drag " + std::to_string(static_cast<int>(drag_)) + " " + std::to_string(i);
        switch (drag_) {
            case Drag::point: doc.apply("Move a river point", [&](Draft& d) { edits::move_point(d, i, w); }, key); break;
            case Drag::width:
                doc.apply("Change the river's width", [&](Draft& d) {
                    const auto& pts = d.level.river.points;
                    if (i < 0 || i >= static_cast<int>(pts.size())) return;
                    double half = std::fabs(dot(w - pts[static_cast<size_t>(i)].pos, across_at(pts, i)));
                    edits::set_point_width(d, i, std::clamp(std::round(half * 2 * 2) / 2, 4.0, 80.0));
                }, key);
                break;
            case Drag::rock: doc.apply("Move a rock", [&](Draft& d) { edits::move_rock(d, i, w); }, key); break;
            case Drag::fork:
                if (sim_) {
                    double s = std::round(sim_->river().project(w).s);
                    doc.apply("Move a fork", [&](Draft& d) {
                        if (i >= 0 && i < static_cast<int>(d.level.river.forks.size())) d.level.river.forks[i].at = s;
                    }, key);
                }
                break;
            case Drag::none: break;
        }
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && drag_ != Drag::none) {
        drag_ = Drag::none;
        doc.end_merge();
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        bool width = false;
        menu_target_ = hit(doc, m, width);
        menu_at_ = cam_.to_world(m);
        if (menu_target_.kind != EditorSelection::none) sel = menu_target_;
        ImGui::OpenPopup("river_menu");
    }
}

void EditorRiverCanvas::context_menu(EditorDocument& doc, EditorSelection& sel) {
    if (!ImGui::BeginPopup("river_menu")) return;
    Vec2 at{std::round(menu_at_.x * 10) / 10, std::round(menu_at_.y * 10) / 10};
    const EditorSelection t = menu_target_;
    if (t.kind == EditorSelection::point) {
        if (ImGui::MenuItem("Insert a point before this one"))
            doc.apply("Insert a river point", [&](Draft& d) { edits::insert_point(d, t.index); });
        if (ImGui::MenuItem("Insert a point after this one"))
            doc.apply("Insert a river point", [&](Draft& d) { edits::insert_point(d, t.index + 1); });
        if (ImGui::MenuItem("Delete this point")) {
            doc.apply("Delete a river point", [&](Draft& d) { edits::delete_point(d, t.index); });
            sel = {EditorSelection::river};
        }
    } else if (t.kind == EditorSelection::rock) {
        if (ImGui::MenuItem("Delete this rock")) {
            doc.apply("Delete a rock", [&](Draft& d) { edits::delete_rock(d, t.index); });
            sel = {EditorSelection::river};
        }
    } else if (t.kind == EditorSelection::fork) {
        if (ImGui::MenuItem("Delete this fork")) {
            doc.apply("Delete a fork", [&](Draft& d) { edits::delete_fork(d, t.index); });
            sel = {EditorSelection::river};
        }
    } else {
        if (ImGui::MenuItem("Add a rock here")) {
            int i = -1;
            doc.apply("Add a rock", [&](Draft& d) { i = edits::add_rock(d, at, 1.0); });
            sel = {EditorSelection::rock, i};
        }
        for (int channels = 2; channels <= 4; ++channels) {
            std::string label = "Add a fork of " + std::to_string(channels) + " channels here";
            if (sim_ && ImGui::MenuItem(label.c_str())) {
                int i = -1;
                double s = sim_->river().project(at).s;
                doc.apply("Add a fork", [&](Draft& d) { i = edits::add_fork(d, s, channels); });
                sel = {EditorSelection::fork, i};
            }
        }
        if (ImGui::MenuItem("Add a river point at the end"))
            doc.apply("Add a river point", [&](Draft& d) { edits::insert_point(d, static_cast<int>(d.level.river.points.size())); });
    }
    ImGui::EndPopup();
}

void EditorRiverCanvas::draw_handles(AppContext& ctx, const EditorDocument& doc, const EditorSelection& sel,
                                     ImDrawList* dl) {
    const Level& l = doc.level();
    const auto& pts = l.river.points;
    const ImU32 line = theme::im(theme::kCanvasCentreline), handle = theme::im(theme::kCanvasHandle),
                chosen = theme::im(theme::kEditorSelected), bad = theme::im(theme::kEditorProblem);
    for (size_t i = 0; i + 1 < pts.size(); ++i)
        dl->AddLine(iv(cam_.to_screen(pts[i].pos)), iv(cam_.to_screen(pts[i + 1].pos)), stale_ ? bad : line, 1.5f);
    for (size_t i = 0; i < pts.size(); ++i) {
        bool is_sel = sel.kind == EditorSelection::point && sel.index == static_cast<int>(i);
        Vec2 n = across_at(pts, static_cast<int>(i));
        SDL_FPoint c = cam_.to_screen(pts[i].pos);
        SDL_FPoint a = cam_.to_screen(pts[i].pos + n * (-pts[i].width * 0.5));
        SDL_FPoint b = cam_.to_screen(pts[i].pos + n * (pts[i].width * 0.5));
        dl->AddLine(iv(a), iv(b), theme::im(is_sel ? theme::kCanvasWidthChosen : theme::kCanvasWidth), 1.0f);
        for (SDL_FPoint e : {a, b})
            dl->AddRectFilled(ImVec2(e.x - 4, e.y - 4), ImVec2(e.x + 4, e.y + 4), is_sel ? chosen : theme::im(theme::kCanvasWidthEnd));
        dl->AddCircleFilled(iv(c), kHandle, is_sel ? chosen : handle);
        dl->AddCircle(iv(c), kHandle, theme::im(theme::kCanvasHandleEdge), 16, 1.5f);
    }
    for (size_t i = 0; i < l.river.rocks.size(); ++i) {
        const Rock& r = l.river.rocks[i];
        bool is_sel = sel.kind == EditorSelection::rock && sel.index == static_cast<int>(i);
        float px = static_cast<float>(rock_reach(r) * cam_.pixels_per_metre);
        dl->AddCircle(iv(cam_.to_screen(r.at)), std::max(px + 3, 6.0f), is_sel ? chosen : theme::im(theme::kCanvasRock), 24,
                      is_sel ? 2.5f : 1.0f);
    }
    if (!sim_) return;
    const RiverGeometry& river = sim_->river();
    for (size_t i = 0; i < l.river.forks.size(); ++i) {
        const Fork& f = l.river.forks[i];
        bool is_sel = sel.kind == EditorSelection::fork && sel.index == static_cast<int>(i);
        double s0 = std::clamp(f.at, 0.0, river.length()), s1 = std::clamp(f.at + f.length, 0.0, river.length());
        for (double s : {s0, s1}) {
            RiverSample smp = river.sample_at(s);
            Vec2 n = right_of(smp.tangent);
            dl->AddLine(iv(cam_.to_screen(smp.pos - n * smp.half_width)), iv(cam_.to_screen(smp.pos + n * smp.half_width)),
                        is_sel ? chosen : theme::im(theme::kCanvasForkLine), is_sel ? 2.5f : 1.2f);
        }
        SDL_FPoint c = cam_.to_screen(river.point_at(s0, 0));
        float r = kHandle + 2;
        dl->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y),
                          is_sel ? chosen : theme::im(theme::kCanvasForkHandle));
        std::string label = "fork \"" + f.id + "\" (" + std::to_string(f.channels) + " channels)";
        ImFont* font = ctx.fonts.body;
        dl->AddText(font, font->FontSize, ImVec2(c.x + r + 6, c.y - font->FontSize * 0.5f), theme::im(theme::kCanvasLabelShadow),
                    label.c_str());
        dl->AddText(font, font->FontSize, ImVec2(c.x + r + 5, c.y - font->FontSize * 0.5f - 1), theme::im(theme::kCanvasLabel),
                    label.c_str());
    }
    // The pool, where the call ends.
    SDL_FPoint pool = cam_.to_screen(river.point_at(river.pool_start(), 0));
    dl->AddText(ImVec2(pool.x + 6, pool.y), theme::im(theme::kCanvasPool), "pool: the call ends here");
}

void EditorRiverCanvas::frame(AppContext& ctx, EditorDocument& doc, EditorSelection& sel, SDL_FRect rect, double dt) {
    clock_ += dt;
    cam_.viewport = rect;
    rebuild(ctx, doc);
    if (!fitted_) {
        fit(doc.level());
        fitted_ = true;
    }
    // Land under everything, then the river as it looks in play.
    SDL_Rect clip{static_cast<int>(rect.x), static_cast<int>(rect.y), static_cast<int>(rect.w), static_cast<int>(rect.h)};
    SDL_RenderSetClipRect(ctx.renderer, &clip);
    theme::set_draw_colour(ctx.renderer, theme::kLand);
    SDL_RenderFillRect(ctx.renderer, &clip);

    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##river_canvas", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (sim_) {
        view_.draw_static(ctx.renderer, cam_, *sim_);
        view_.draw_live(ctx.renderer, cam_, *sim_, clock_, dl, ctx.fonts.body, ctx.fonts.body->FontSize,
                        ctx.settings.reduced_motion);
    }
    SDL_RenderSetClipRect(ctx.renderer, nullptr);
    ImGui::InvisibleButton("##river", ImVec2(rect.w, rect.h),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    handle_mouse(doc, sel);
    context_menu(doc, sel);
    draw_handles(ctx, doc, sel, dl);
    if (stale_ && !doc.river_problems().empty()) {
        std::string msg = "The river can't be built as it is: " + doc.river_problems().front().message;
        ImVec2 p(rect.x + 10, rect.y + rect.h - 34);
        dl->AddRectFilled(ImVec2(rect.x, p.y - 6), ImVec2(rect.x + rect.w, rect.y + rect.h), theme::im(theme::kCanvasError));
        dl->AddText(p, theme::im(theme::kErrorBannerText), msg.c_str());
    }
    dl->AddText(ImVec2(rect.x + 10, rect.y + 8), theme::im(theme::kCanvasHelp),
                "Drag points, widths, rocks, forks.  Right-click: add, delete.  Wheel: zoom.  "
                "Drag the water: pan.");
    ImGui::End();
}

}  // namespace cw
