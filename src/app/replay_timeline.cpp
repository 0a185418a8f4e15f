#include "replay_timeline.hpp"

#include <algorithm>
#include <cstdio>

#include "channel_badge.hpp"
#include "clock_text.hpp"
#include "play/call_run.hpp"
#include "core/tuning.hpp"
#include "theme.hpp"

namespace cw {

namespace {

constexpr double kSpeeds[] = {0.25, 0.5, 1.0, 2.0, 4.0};
constexpr const char* kSpeedLabels[] = {"0.25x", "0.5x", "1x", "2x", "4x"};
constexpr int kSpeedCount = 5;

std::string mmss(int ticks) { return clock_text(ticks * tuning::kDt); }

}  // namespace

double ReplayTimeline::speed() const { return kSpeeds[speed_index_]; }

void ReplayTimeline::prepare(const Replay& replay, const Level& level, const Catalogue& catalogue) {
    CallRun playback(replay, level, catalogue);
    playback.seek(replay.final_tick);
    end_ = std::max(1, replay.final_tick);
    marks_.clear();
    for (const ChoiceRecord& c : playback.sim().call().choices()) marks_.emplace_back(c.tick, c.reply);
}

int ReplayTimeline::draw(AppContext& ctx, ImVec2 pos, ImVec2 size, int tick, bool finished) {
    float s = ctx.settings.ui_scale;
    int seek = -1;
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("##replay_timeline", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing);

    // Keys (the recording drives the raft, so Space and the arrows are free while watching).
    if (!ImGui::GetIO().WantTextInput) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) {
            if (finished) seek = 0, playing_ = true;
            else playing_ = !playing_;
        }
        int five = static_cast<int>(5.0 / tuning::kDt);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) seek = std::max(0, tick - five);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) seek = std::min(end_, tick + five);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) seek = 0;
    }

    float button_h = size.y - ImGui::GetStyle().WindowPadding.y * 2;
    const char* label = finished ? "Again" : playing_ ? "Pause" : "Play";
    if (ImGui::Button(label, ImVec2(70 * s, button_h))) {
        if (finished) seek = 0, playing_ = true;
        else playing_ = !playing_;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Space");
    ImGui::SameLine();
    if (ImGui::Button(kSpeedLabels[speed_index_], ImVec2(56 * s, button_h))) speed_index_ = (speed_index_ + 1) % kSpeedCount;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playback speed: click to change");
    ImGui::SameLine();
    std::string time = mmss(tick) + " / " + mmss(end_);
    ImVec2 ts = ImGui::CalcTextSize(time.c_str());
    ImGui::SetCursorPosY((size.y - ts.y) * 0.5f);
    ImGui::TextUnformatted(time.c_str());
    ImGui::SameLine();

    // The track: click or drag anywhere on it.
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    p0.y = pos.y + ImGui::GetStyle().WindowPadding.y;
    float w = std::max(40.0f * s, pos.x + size.x - ImGui::GetStyle().WindowPadding.x - p0.x);
    ImGui::SetCursorScreenPos(p0);
    ImGui::InvisibleButton("##track", ImVec2(w, button_h));
    bool active = ImGui::IsItemActive();
    float pad = 10 * s;
    auto x_of = [&](int t) { return p0.x + pad + (w - 2 * pad) * static_cast<float>(t) / static_cast<float>(end_); };
    auto tick_of = [&](float x) {
        float f = std::clamp((x - p0.x - pad) / std::max(1.0f, w - 2 * pad), 0.0f, 1.0f);
        return static_cast<int>(f * static_cast<float>(end_) + 0.5f);
    };
    if (active) {
        int t = tick_of(ImGui::GetIO().MousePos.x);
        if (t != tick) seek = t;
        dragging_ = true;
    } else {
        dragging_ = false;
    }
    bool hovered = ImGui::IsItemHovered();

    ImDrawList* dl = ImGui::GetWindowDrawList();
    float cy = p0.y + button_h * 0.62f;
    dl->AddRectFilled(ImVec2(x_of(0), cy - 3 * s), ImVec2(x_of(end_), cy + 3 * s), theme::im(theme::kTimelineTrack), 3 * s);
    dl->AddRectFilled(ImVec2(x_of(0), cy - 3 * s), ImVec2(x_of(std::min(tick, end_)), cy + 3 * s),
                      theme::im(theme::kTimelinePlayed), 3 * s);
    // Each reply, lettered as on the water.
    for (const auto& [t, reply] : marks_) {
        float x = x_of(t);
        dl->AddLine(ImVec2(x, cy - 6 * s), ImVec2(x, cy + 6 * s), theme::im(theme::kTimelineMark), 1.0f);
        draw_channel_badge(dl, ImVec2(x, p0.y + 9 * s), 8 * s, reply, ctx.fonts.body, 12 * s);
    }
    float hx = x_of(std::min(tick, end_));
    dl->AddCircleFilled(ImVec2(hx, cy), (active || hovered ? 8.0f : 6.5f) * s, theme::im(theme::kTimelineHandle));
    if (hovered && !active) {
        int t = tick_of(ImGui::GetIO().MousePos.x);
        ImGui::SetTooltip("%s - click or drag to go there", mmss(t).c_str());
    }
    ImGui::End();
    return seek;
}

}  // namespace cw
