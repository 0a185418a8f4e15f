#include "editor_call_graph.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <imgui_stdlib.h>

#include "channel_badge.hpp"
#include "editor/call_graph.hpp"
#include "editor/edits.hpp"
#include "theme.hpp"

namespace cw {

namespace {

constexpr float kBoxW = 210, kBoxH = 74;  // graph units

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

ImU32 node_colour(const Node& n) {
    if (n.is_question()) return theme::im(theme::kNodeQuestion);
    if (n.end == Outcome::hung_up) return theme::im(theme::kNodeHungUp);
    if (n.is_end()) return theme::im(theme::kNodeEnd);
    return theme::im(theme::kNodeSay);
}

std::string shorten(const std::string& s, size_t n) {
    if (s.size() <= n) return s;
    size_t cut = n;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 letter
    return s.substr(0, cut) + "...";
}

void arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float thick) {
    float dx = std::max(40.0f, std::fabs(b.x - a.x) * 0.5f);
    ImVec2 c1(a.x + dx, a.y), c2(b.x - dx, b.y);
    dl->AddBezierCubic(a, c1, c2, b, col, thick);
    ImVec2 d(b.x - c2.x, b.y - c2.y);
    float len = std::sqrt(d.x * d.x + d.y * d.y);
    if (len < 1e-3f) return;
    d = ImVec2(d.x / len, d.y / len);
    ImVec2 n(-d.y, d.x);
    float s = 5 + thick * 2;
    dl->AddTriangleFilled(b, ImVec2(b.x - d.x * s * 1.6f + n.x * s, b.y - d.y * s * 1.6f + n.y * s),
                          ImVec2(b.x - d.x * s * 1.6f - n.x * s, b.y - d.y * s * 1.6f - n.y * s), col);
}

}  // namespace

ImVec2 EditorCallGraph::to_screen(Vec2 g) const {
    return ImVec2(origin_.x + static_cast<float>((g.x - pan_.x) * zoom_),
                  origin_.y + static_cast<float>((g.y - pan_.y) * zoom_));
}

Vec2 EditorCallGraph::to_graph(ImVec2 s) const {
    return {pan_.x + (s.x - origin_.x) / zoom_, pan_.y + (s.y - origin_.y) / zoom_};
}

void EditorCallGraph::look_at(int node) { look_pending_ = node; }

void EditorCallGraph::fit(ImVec2 size) {
    if (pos_.empty()) return;
    Vec2 lo = pos_[0], hi = pos_[0];
    for (Vec2 p : pos_) {
        lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
        hi = {std::max(hi.x, p.x + kBoxW), std::max(hi.y, p.y + kBoxH)};
    }
    float zx = size.x / static_cast<float>(hi.x - lo.x + 80), zy = size.y / static_cast<float>(hi.y - lo.y + 80);
    zoom_ = std::clamp(std::min(zx, zy), 0.15f, 1.5f);
    pan_ = {lo.x - 40, lo.y - 40};
}

void EditorCallGraph::toolbar(EditorDocument& doc, EditorSelection& sel) {
    const Level& l = doc.level();
    ImGui::SetNextItemWidth(190);
    ImGui::InputTextWithHint("##search", "Find a node", &search_);
    if (!search_.empty()) {
        // Matches drop down under the search box; picking one selects it and goes there.
        ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y));
        ImGui::SetNextWindowSizeConstraints(ImVec2(320, 0), ImVec2(520, 260));
        ImGui::Begin("##matches", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoFocusOnAppearing);
        std::string q = lower(search_);
        int shown = 0;
        for (size_t i = 0; i < l.nodes.size() && shown < 12; ++i) {
            const Node& n = l.nodes[i];
            if (lower(n.id).find(q) == std::string::npos && lower(n.say).find(q) == std::string::npos) continue;
            ++shown;
            std::string label = n.id + "  " + shorten(n.say, 50);
            if (ImGui::Selectable(label.c_str())) {
                sel = {EditorSelection::node, static_cast<int>(i)};
                look_at(static_cast<int>(i));
                search_.clear();
            }
        }
        if (shown == 0) ImGui::TextDisabled("No node matches.");
        ImGui::End();
    }
    ImGui::SameLine();
    if (ImGui::Button("Fit")) fit_pending_ = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom to fit the whole call");
    ImGui::SameLine();
    if (ImGui::Button("Tidy")) {
        doc.apply("Lay out the call", [](Draft& d) {
            std::vector<Vec2> p = layout_call(d, true);
            for (size_t i = 0; i < p.size(); ++i) edits::set_node_pos(d, static_cast<int>(i), p[i]);
        });
        fit_pending_ = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Place every node again, in columns from the start (undo to go back)");
    ImGui::SameLine();
    for (auto [kind, label] : {std::pair{edits::NodeKind::line, "+ Line"}, std::pair{edits::NodeKind::question, "+ Question"},
                               std::pair{edits::NodeKind::ending, "+ Ending"}}) {
        if (ImGui::Button(label)) {
            int i = -1;
            Vec2 at = to_graph(ImVec2(origin_.x + size_.x * 0.5f, origin_.y + size_.y * 0.5f));
            doc.apply(std::string("Add ") + (label + 2), [&](Draft& d) { i = edits::add_node(d, kind, at); });
            sel = {EditorSelection::node, i};
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

int EditorCallGraph::frame(AppContext& ctx, EditorDocument& doc, EditorSelection& sel, ImVec2 pos, ImVec2 size,
                           const std::vector<bool>& problem_nodes) {
    int play_from = -1;
    const Level& l = doc.level();
    pos_ = layout_call(doc.draft(), false);

    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("##call_graph", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    toolbar(doc, sel);
    origin_ = ImGui::GetCursorScreenPos();
    size_ = ImGui::GetContentRegionAvail();
    if (size_.x < 50 || size_.y < 50) {
        ImGui::End();
        return -1;
    }
    if (fit_pending_) {
        fit(size_);
        fit_pending_ = false;
    }
    if (first_view_) {
        // Readable from the first frame: the start at the left, zoomed in enough to read.
        first_view_ = false;
        zoom_ = std::max(zoom_, 0.6f);
        int start = l.node_index(l.start);
        if (start >= 0) {
            Vec2 p = pos_[static_cast<size_t>(start)];
            pan_ = {p.x - 30, p.y + kBoxH * 0.5 - size_.y * 0.5 / zoom_};
        }
    }
    if (look_pending_ >= 0 && look_pending_ < static_cast<int>(pos_.size())) {
        Vec2 c = pos_[static_cast<size_t>(look_pending_)] + Vec2{kBoxW * 0.5, kBoxH * 0.5};
        pan_ = {c.x - size_.x * 0.5 / zoom_, c.y - size_.y * 0.5 / zoom_};
    }
    look_pending_ = -1;

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(origin_, ImVec2(origin_.x + size_.x, origin_.y + size_.y), theme::im(theme::kGraphBg));
    dl->PushClipRect(origin_, ImVec2(origin_.x + size_.x, origin_.y + size_.y), true);
    // A faint grid, so panning shows.
    float step = 80 * zoom_;
    for (float x = std::fmod(static_cast<float>(-pan_.x * zoom_), step); x < size_.x; x += step)
        dl->AddLine(ImVec2(origin_.x + x, origin_.y), ImVec2(origin_.x + x, origin_.y + size_.y), theme::im(theme::kGraphGrid));
    for (float y = std::fmod(static_cast<float>(-pan_.y * zoom_), step); y < size_.y; y += step)
        dl->AddLine(ImVec2(origin_.x, origin_.y + y), ImVec2(origin_.x + size_.x, origin_.y + y), theme::im(theme::kGraphGrid));

    ImGui::InvisibleButton("##graph", size_,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    bool hovered = ImGui::IsItemHovered();
    ImGuiIO& io = ImGui::GetIO();
    auto node_at = [&](ImVec2 m) {
        for (int i = static_cast<int>(pos_.size()) - 1; i >= 0; --i) {
            ImVec2 a = to_screen(pos_[static_cast<size_t>(i)]);
            if (m.x >= a.x && m.y >= a.y && m.x <= a.x + kBoxW * zoom_ && m.y <= a.y + kBoxH * zoom_) return i;
        }
        return -1;
    };
    if (hovered && io.MouseWheel != 0) {
        Vec2 before = to_graph(io.MousePos);
        zoom_ = std::clamp(zoom_ * std::pow(1.15f, io.MouseWheel), 0.15f, 2.0f);
        Vec2 after = to_graph(io.MousePos);
        pan_ = pan_ + (before - after);
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        dragging_ = node_at(io.MousePos);
        if (dragging_ >= 0) sel = {EditorSelection::node, dragging_};
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2)) {
        if (dragging_ >= 0) {
            int i = dragging_;
            Vec2 p = pos_[static_cast<size_t>(i)] + Vec2{io.MouseDelta.x / zoom_, io.MouseDelta.y / zoom_};
            pos_[static_cast<size_t>(i)] = p;
            // Every node gets its place written down once one moves, so the others stay put.
            std::vector<Vec2> all = pos_;
            doc.apply("Move a node", [&](Draft& d) {
                for (size_t k = 0; k < all.size() && k < d.nodes.size(); ++k)
                    if (!d.nodes[k].pos || static_cast<int>(k) == i) d.nodes[k].pos = all[k];
            }, "graph drag " + std::to_string(i));
        } else {
            pan_ = pan_ - Vec2{io.MouseDelta.x / zoom_, io.MouseDelta.y / zoom_};
        }
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Middle))
        pan_ = pan_ - Vec2{io.MouseDelta.x / zoom_, io.MouseDelta.y / zoom_};
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && dragging_ >= 0) {
        // Drags are kept to whole units in the file.
        dragging_ = -1;
        doc.end_merge();
    }
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        menu_node_ = node_at(io.MousePos);
        menu_at_ = to_graph(io.MousePos);
        if (menu_node_ >= 0) sel = {EditorSelection::node, menu_node_};
        ImGui::OpenPopup("graph_menu");
    }
    if (ImGui::BeginPopup("graph_menu")) {
        if (menu_node_ >= 0 && menu_node_ < static_cast<int>(l.nodes.size())) {
            int i = menu_node_;
            if (ImGui::MenuItem("Play-test from here")) play_from = i;
            if (ImGui::MenuItem("Start the call here"))
                doc.apply("Set the start", [&](Draft& d) { d.level.start = d.level.nodes[static_cast<size_t>(i)].id; });
            if (ImGui::MenuItem("Delete this node")) {
                doc.apply("Delete a node", [&](Draft& d) { edits::delete_node(d, i); });
                sel = {EditorSelection::level};
            }
        } else {
            for (auto [kind, label] : {std::pair{edits::NodeKind::line, "Add a line here"},
                                       std::pair{edits::NodeKind::question, "Add a question here"},
                                       std::pair{edits::NodeKind::ending, "Add an ending here"}})
                if (ImGui::MenuItem(label)) {
                    int i = -1;
                    doc.apply(label, [&](Draft& d) { i = edits::add_node(d, kind, menu_at_); });
                    sel = {EditorSelection::node, i};
                }
        }
        ImGui::EndPopup();
    }

    // Arrows first, boxes over them.
    float thick = std::max(1.0f, 2.0f * zoom_);
    for (const CallEdge& e : call_edges(l)) {
        ImVec2 a = to_screen(pos_[static_cast<size_t>(e.from)] + Vec2{kBoxW, kBoxH * 0.5});
        ImVec2 b = to_screen(pos_[static_cast<size_t>(e.to)] + Vec2{0, kBoxH * 0.5});
        ImU32 col = theme::im(theme::kGraphArrow);
        if (e.kind == CallEdge::reply) {
            int replies = static_cast<int>(l.nodes[static_cast<size_t>(e.from)].replies.size());
            a = to_screen(pos_[static_cast<size_t>(e.from)] +
                          Vec2{kBoxW, kBoxH * (e.index + 1.0) / (replies + 1.0)});
            col = theme::im(theme::channel_colour(e.index), 0.85f);
        } else if (e.kind == CallEdge::branch) {
            a = to_screen(pos_[static_cast<size_t>(e.from)] + Vec2{kBoxW * 0.5, kBoxH});
            col = theme::im(theme::kGraphBranch);
        }
        arrow(dl, a, b, col, thick);
        if (e.kind == CallEdge::reply && zoom_ > 0.35f)
            draw_channel_badge(dl, ImVec2(a.x + 9 * zoom_ + 4, a.y), 7 * std::max(zoom_, 0.6f), e.index, ctx.fonts.body,
                               ctx.fonts.body->FontSize * std::max(zoom_, 0.6f));
        if (e.kind == CallEdge::branch && zoom_ > 0.35f)
            dl->AddText(ImVec2(a.x + 4, a.y + 2), col, "if");
    }
    std::vector<bool> dead = dead_ends(l);
    int start = l.node_index(l.start);
    ImFont* font = ctx.fonts.body;
    float fs = font->FontSize * std::clamp(zoom_, 0.62f, 1.2f);
    for (size_t i = 0; i < l.nodes.size(); ++i) {
        const Node& n = l.nodes[i];
        ImVec2 a = to_screen(pos_[i]), b = to_screen(pos_[i] + Vec2{kBoxW, kBoxH});
        if (b.x < origin_.x || b.y < origin_.y || a.x > origin_.x + size_.x || a.y > origin_.y + size_.y) continue;
        bool is_sel = (sel.kind == EditorSelection::node || sel.kind == EditorSelection::reply ||
                       sel.kind == EditorSelection::branch) && sel.index == static_cast<int>(i);
        dl->AddRectFilled(a, b, node_colour(n), 6 * zoom_);
        bool problem = i < problem_nodes.size() && problem_nodes[i];
        ImU32 border = theme::im(is_sel                ? theme::kEditorSelected
                                 : problem || dead[i] ? theme::kEditorProblem
                                                      : theme::kGraphNodeEdge);
        dl->AddRect(a, b, border, 6 * zoom_, 0, is_sel || problem || dead[i] ? 2.5f : 1.0f);
        if (zoom_ < 0.3f) continue;
        dl->PushClipRect(a, b, true);
        std::string head = n.id;
        if (n.is_question()) head += "   ? fork " + n.fork;
        else if (n.is_end()) head += "   = " + std::string(outcome_id(n.end));
        dl->AddText(font, fs, ImVec2(a.x + 6, a.y + 4), theme::im(theme::kGraphNodeTitle), head.c_str());
        dl->AddText(font, fs * 0.92f, ImVec2(a.x + 6, a.y + 6 + fs), theme::im(theme::kGraphNodeText), shorten(n.say, 90).c_str(),
                    nullptr, (b.x - a.x) - 12);
        dl->PopClipRect();
        if (static_cast<int>(i) == start)
            dl->AddText(font, fs, ImVec2(a.x, a.y - fs - 2), theme::im(theme::kGraphStart), "START");
        if (dead[i] && !n.is_end())
            dl->AddText(font, fs, ImVec2(a.x + 60 * zoom_, a.y - fs - 2), theme::im(theme::kGraphDeadEnd),
                        "dead end: no ending can be reached");
    }
    dl->PopClipRect();
    dl->AddText(ImVec2(origin_.x + 8, origin_.y + size_.y - 22), theme::im(theme::kGraphHelp),
                "Drag a node to move it, the background to pan; wheel: zoom; right-click: add, delete, play-test.");
    ImGui::End();
    return play_from;
}

}  // namespace cw
