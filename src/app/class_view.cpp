#include "class_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "theme.hpp"

namespace cw {

void ClassView::frame(AppContext& ctx, const Simulation& river, const std::vector<TraineeView>& trainees, double dt,
                      const std::function<void()>& panel_top) {
    float s = ctx.settings.ui_scale;
    float panel_w = std::clamp(ctx.width * 0.3f, 340.0f * s, 460.0f * s);
    camera_.viewport = {0, 0, ctx.width - panel_w, static_cast<float>(ctx.height)};
    camera_.pixels_per_metre = ctx.height / 70.0;  // wider than in play: the class spreads out
    clock_ += dt;

    // Follow the middle of those still on the call (of everyone, once all are done), so the pack
    // stays in view and a raft that has stopped does not hold the camera back.
    progress_scratch_.clear();
    for (const TraineeView& t : trainees)
        if (!t.finished) progress_scratch_.push_back(t.progress);
    if (progress_scratch_.empty())
        for (const TraineeView& t : trainees) progress_scratch_.push_back(t.progress);
    double middle = 0;
    if (!progress_scratch_.empty()) {
        auto mid = progress_scratch_.begin() + progress_scratch_.size() / 2;
        std::nth_element(progress_scratch_.begin(), mid, progress_scratch_.end());
        middle = *mid;
    }
    // A little ahead of the middle raft: the trainer wants to see what the class is coming to.
    camera_.centre = river.river().point_at(std::min(middle + 12.0, river.river().length()), 0.0);

    const bool still = ctx.settings.reduced_motion;
    particles_.update(river, camera_, dt, still);
    ImDrawList* bg = ImGui::GetBackgroundDrawList();
    SDL_Rect clip{0, 0, static_cast<int>(camera_.viewport.w), ctx.height};
    SDL_RenderSetClipRect(ctx.renderer, &clip);
    view_.draw_static(ctx.renderer, camera_, river);
    view_.draw_live(ctx.renderer, camera_, river, clock_, bg, ctx.fonts.body, ctx.fonts.body->FontSize, still);
    particles_.draw(ctx.renderer, camera_, river.state().roughness, still);
    for (const TraineeView& t : trainees) view_.draw_raft(ctx.renderer, camera_, t.raft, clock_, still);
    SDL_RenderSetClipRect(ctx.renderer, nullptr);
    bg->PushClipRect(ImVec2(0, 0), ImVec2(camera_.viewport.w, static_cast<float>(ctx.height)));
    // Name tags, nudged up to clear the ones already placed; past two levels a tag joins the one
    // it would cover as "+N", so a class that starts together does not bury the river in names.
    labels_.clear();
    for (const TraineeView& t : trainees) {
        SDL_FPoint p = camera_.to_screen(t.raft.pos);
        ImVec2 ts = ImGui::CalcTextSize(t.name.c_str());
        ImVec2 at(p.x - ts.x * 0.5f, p.y - 28 * s);
        int blocker = -1;
        for (int tries = 0; tries < 3; ++tries) {
            blocker = -1;
            for (size_t i = 0; i < labels_.size(); ++i) {
                const ImVec4& r = labels_[i].rect;
                if (at.x - 4 < r.z && at.x + ts.x + 4 > r.x && at.y - 1 < r.w && at.y + ts.y + 1 > r.y) {
                    blocker = static_cast<int>(i);
                    at.y = r.y - ts.y - 3;
                    break;
                }
            }
            if (blocker < 0) break;
        }
        if (blocker >= 0) {
            ++labels_[labels_[blocker].joined_to >= 0 ? labels_[blocker].joined_to : blocker].extra;
            continue;
        }
        Label l;
        l.rect = ImVec4(at.x - 4, at.y - 1, at.x + ts.x + 4, at.y + ts.y + 1);
        l.anchor = ImVec2(p.x, p.y);
        l.text = t.name;
        labels_.push_back(std::move(l));
    }
    for (Label& l : labels_) {
        std::string text = l.extra > 0 ? l.text + "  +" + std::to_string(l.extra) : l.text;
        ImVec2 ts = ImGui::CalcTextSize(text.c_str());
        ImVec2 at(l.rect.x + 4, l.rect.y + 1);
        if (at.y + ts.y < l.anchor.y - 30 * s)
            bg->AddLine(ImVec2(l.anchor.x, l.anchor.y - 8 * s), ImVec2(l.anchor.x, at.y + ts.y), theme::im(theme::kNameTagLeader));
        bg->AddRectFilled(ImVec2(at.x - 4, at.y - 1), ImVec2(at.x + ts.x + 4, at.y + ts.y + 1), theme::im(theme::kRiverOverlayShade), 4);
        bg->AddText(at, theme::im(theme::kNameTagText), text.c_str());
    }
    bg->PopClipRect();

    theme::begin_side_panel(ctx.renderer, "##class", ctx.width - panel_w, panel_w, static_cast<float>(ctx.height));
    ImGui::PushFont(ctx.fonts.large);
    ImGui::Text("The class: %d on the river", static_cast<int>(trainees.size()));
    ImGui::PopFont();
    ImGui::TextDisabled("%s", river.level().title.c_str());
    if (panel_top) panel_top();
    if (ImGui::BeginTable("##roster", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Trainee", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn("Composure", ImGuiTableColumnFlags_WidthStretch, 1.2f);
        ImGui::TableSetupColumn("Caller", ImGuiTableColumnFlags_WidthStretch, 0.85f);
        ImGui::TableSetupColumn("Done", ImGuiTableColumnFlags_WidthStretch, 0.6f);
        ImGui::TableHeadersRow();
        double length = std::max(1.0, river.river().pool_start());
        // Only the rows in view are laid out: a class of forty scrolls.
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(trainees.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const TraineeView& t = trainees[row];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(t.name.c_str());
                ImGui::TableNextColumn();
                theme::flat_bar(static_cast<float>(t.composure / 100.0), theme::kComposureBar);
                ImGui::TableNextColumn();
                theme::flat_bar(static_cast<float>(t.intensity / 100.0), theme::kIntensityBar);
                ImGui::TableNextColumn();
                char pct[16];
                std::snprintf(pct, sizeof pct, "%d%%", static_cast<int>(std::min(100.0, 100.0 * t.progress / length)));
                ImGui::TextUnformatted(t.finished ? t.end_word : pct);
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace cw
