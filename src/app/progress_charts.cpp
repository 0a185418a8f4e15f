#include "progress_charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "theme.hpp"

namespace cw {

void share_chart(AppContext& ctx, const char* id, const std::vector<float>& values, float height, ImU32 colour) {
    float s = ctx.settings.ui_scale;
    height = std::max(height, 30 * s);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    float w = std::max(ImGui::GetContentRegionAvail().x, 40 * s);
    ImVec2 p1(p0.x + w, p0.y + height);
    dl->AddRectFilled(p0, p1, theme::im(theme::kChartBg), 4 * s);
    float pad = 6 * s;
    size_t n = values.size();
    auto at = [&](size_t i, float v) {
        float x = n <= 1 ? (p0.x + p1.x) * 0.5f : p0.x + pad + (w - 2 * pad) * static_cast<float>(i) / static_cast<float>(n - 1);
        return ImVec2(x, p1.y - pad - v * (height - 2 * pad));
    };
    // 0%, 50%, 100% guides, and the 70% mark that counts as "mostly".
    for (float g : {0.0f, 0.5f, 1.0f})
        dl->AddLine(ImVec2(p0.x + pad, at(0, g).y), ImVec2(p1.x - pad, at(0, g).y), theme::im(theme::kTrendGrid), 1.0f);
    dl->AddLine(ImVec2(p0.x + pad, at(0, 0.7f).y), ImVec2(p1.x - pad, at(0, 0.7f).y), theme::im(theme::kTrendTarget), 1.0f);
    // The points that exist, joined in order; and a running average of the last five.
    ImVec2 prev;
    bool have_prev = false;
    std::vector<float> window;
    ImVec2 prev_avg;
    bool have_avg = false;
    for (size_t i = 0; i < n; ++i) {
        if (std::isnan(values[i])) continue;
        ImVec2 p = at(i, std::clamp(values[i], 0.0f, 1.0f));
        if (have_prev) dl->AddLine(prev, p, theme::replace_alpha(colour, theme::kTrendJoinAlpha), 1.5f * s);
        prev = p;
        have_prev = true;
        window.push_back(values[i]);
        if (window.size() > 5) window.erase(window.begin());
        float avg = 0;
        for (float v : window) avg += v;
        ImVec2 a = at(i, avg / static_cast<float>(window.size()));
        if (have_avg) dl->AddLine(prev_avg, a, theme::im(theme::kTrendAverage), 2.0f * s);
        prev_avg = a;
        have_avg = true;
    }
    for (size_t i = 0; i < n; ++i)
        if (!std::isnan(values[i])) dl->AddCircleFilled(at(i, std::clamp(values[i], 0.0f, 1.0f)), 3.0f * s, colour);
    if (!have_prev) {
        const char* none = "not on offer yet";
        ImVec2 ts = ImGui::CalcTextSize(none);
        dl->AddText(ImVec2((p0.x + p1.x - ts.x) * 0.5f, (p0.y + p1.y - ts.y) * 0.5f), theme::im(theme::kChartEmpty), none);
    }
    ImGui::PushID(id);
    ImGui::InvisibleButton("##chart", ImVec2(w, height));
    // Hovering names the call and its value.
    if (ImGui::IsItemHovered() && n > 0) {
        float mx = ImGui::GetIO().MousePos.x;
        size_t best = n;
        float best_d = 1e9f;
        for (size_t i = 0; i < n; ++i) {
            if (std::isnan(values[i])) continue;
            float d = std::fabs(at(i, 0).x - mx);
            if (d < best_d) best_d = d, best = i;
        }
        if (best < n) ImGui::SetTooltip("call %zu: %d%%", best + 1, static_cast<int>(std::lround(values[best] * 100)));
    }
    ImGui::PopID();
}

void call_chart(AppContext& ctx, const AttemptView& v, float height) {
    float s = ctx.settings.ui_scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    float w = std::max(ImGui::GetContentRegionAvail().x, 60 * s);
    ImVec2 p1(p0.x + w, p0.y + height);
    dl->AddRectFilled(p0, p1, theme::im(theme::kChartBg), 6 * s);
    const auto& tl = v.timeline;
    double total = std::max(1.0, tl.empty() ? 1.0 : tl.back()[0]);
    auto at = [&](double t, double value) {
        return ImVec2(p0.x + 8 * s + static_cast<float>(t / total) * (w - 16 * s),
                      p1.y - 8 * s - static_cast<float>(std::clamp(value, 0.0, 100.0) / 100.0) * (height - 16 * s));
    };
    for (int g = 25; g < 100; g += 25) dl->AddLine(at(0, g), at(total, g), theme::im(theme::kChartGrid), 1.0f);
    for (size_t i = 1; i < tl.size(); ++i) {
        dl->AddLine(at(tl[i - 1][0], tl[i - 1][1]), at(tl[i][0], tl[i][1]), theme::im(theme::kIntensityLine), 2.0f * s);
        dl->AddLine(at(tl[i - 1][0], tl[i - 1][2]), at(tl[i][0], tl[i][2]), theme::im(theme::kComposureLine), 2.0f * s);
    }
    if (tl.empty()) {
        const char* none = "no timeline kept for this call";
        ImVec2 ts = ImGui::CalcTextSize(none);
        dl->AddText(ImVec2((p0.x + p1.x - ts.x) * 0.5f, (p0.y + p1.y - ts.y) * 0.5f), theme::im(theme::kChartEmpty), none);
    }
    float label_y = p0.y + 4 * s;
    dl->AddText(ImVec2(p0.x + 10 * s, label_y), theme::im(theme::kIntensityLine), "caller intensity");
    float lw = ImGui::CalcTextSize("caller intensity").x;
    dl->AddText(ImVec2(p0.x + 24 * s + lw, label_y), theme::im(theme::kComposureLine), "your composure");
    char len[16];
    std::snprintf(len, sizeof len, "%d:%02d", static_cast<int>(total) / 60, static_cast<int>(total) % 60);
    ImVec2 ts = ImGui::CalcTextSize(len);
    dl->AddText(ImVec2(p1.x - ts.x - 8 * s, label_y), theme::im(theme::kChartCaption), len);
    ImGui::Dummy(ImVec2(w, height));
}

}  // namespace cw
