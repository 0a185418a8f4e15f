#include "debrief_view.hpp"

#include <algorithm>
#include <cstdio>

#include "channel_badge.hpp"
#include "clock_text.hpp"
#include "theme.hpp"

namespace cw {

namespace {

// Intensity and composure over the call on one chart, each reply marked where it was said.
void call_chart(AppContext& ctx, const Simulation& sim, const Debrief& d, float height) {
    float s = ctx.settings.ui_scale;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    ImVec2 p1(p0.x + w, p0.y + height);
    dl->AddRectFilled(p0, p1, theme::im(theme::kChartBg), 6 * s);
    const auto& tl = sim.timeline();
    double total = std::max(1.0, tl.empty() ? 1.0 : tl.back().t);
    auto at = [&](double t, double v) {
        return ImVec2(p0.x + 8 * s + static_cast<float>(t / total) * (w - 16 * s),
                      p1.y - 8 * s - static_cast<float>(v / 100.0) * (height - 16 * s));
    };
    for (int g = 25; g < 100; g += 25)
        dl->AddLine(at(0, g), at(total, g), theme::im(theme::kChartGrid), 1.0f);
    for (size_t i = 1; i < tl.size(); ++i) {
        dl->AddLine(at(tl[i - 1].t, tl[i - 1].intensity), at(tl[i].t, tl[i].intensity), theme::im(theme::kIntensityLine), 2.5f * s);
        dl->AddLine(at(tl[i - 1].t, tl[i - 1].composure), at(tl[i].t, tl[i].composure), theme::im(theme::kComposureLine),
                    2.5f * s);
    }
    for (const DebriefEntry& e : d.entries) {
        ImVec2 top = at(e.seconds, 100), bottom = at(e.seconds, 0);
        dl->AddLine(top, bottom, theme::im(theme::kChartReplyMark), 1.0f);
        draw_channel_badge(dl, ImVec2(top.x, top.y + 10 * s), 9 * s, e.reply, ctx.fonts.body, 13 * s);
    }
    float label_y = p1.y - ImGui::GetFontSize() - 4 * s;
    dl->AddText(ImVec2(p0.x + 10 * s, label_y), theme::im(theme::kIntensityLine), "caller intensity");
    dl->AddText(ImVec2(p0.x + 150 * s, label_y), theme::im(theme::kComposureLine), "your composure");
    ImGui::Dummy(ImVec2(w, height));
}

void technique_line(const DebriefTechnique& dt) {
    const Technique* t = dt.technique;
    bool mistake = t->kind == TechniqueKind::anti_pattern;
    ImGui::TextColored(mistake ? theme::kTextChurn : theme::kTextCalm, "%s %s%s", mistake ? "x" : "+", t->name.c_str(),
                       dt.from_breath ? " (you breathed in rhythm just before)" : "");
    ImGui::Indent();
    ImGui::TextWrapped("%s", mistake ? t->coaching.c_str() : t->helps.c_str());
    ImGui::Unindent();
}

const char* grade_verdict(Grade g) {
    switch (g) {
        case Grade::best: return "The best reply here.";
        case Grade::good: return "A good reply.";
        case Grade::slip: return "A slip.";
        case Grade::trap: return "A trap.";
    }
    return "";
}

ImVec4 grade_colour(Grade g) {
    if (g == Grade::best || g == Grade::good) return theme::kTextCalm;
    return g == Grade::slip ? theme::kTextCaution : theme::kTextChurn;
}

void entry(AppContext& ctx, const Simulation& sim, const DebriefEntry& e, int index) {
    float s = ctx.settings.ui_scale;
    const Catalogue& cat = sim.catalogue();
    ImGui::PushID(index);
    ImGui::TextDisabled("%s  The caller:", clock_text(e.seconds).c_str());
    ImGui::TextWrapped("\xe2\x80\x9c%s\xe2\x80\x9d", e.question->say.c_str());
    ImVec2 p = ImGui::GetCursorScreenPos();
    draw_channel_badge(ImGui::GetWindowDrawList(), ImVec2(p.x + 12 * s, p.y + 12 * s), 11 * s, e.reply, ctx.fonts.body,
                       ctx.fonts.body->FontSize);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 30 * s, p.y + 2 * s));
    ImGui::BeginGroup();
    ImGui::PushFont(ctx.fonts.large);
    ImGui::TextWrapped("You: %s", e.said->text.c_str());
    ImGui::PopFont();
    ImGui::EndGroup();
    // The author's verdict first, with their reason for this moment; then the techniques.
    ImGui::TextColored(grade_colour(e.grade), "%s", grade_verdict(e.grade));
    if (!e.said->feedback.empty()) {
        ImGui::SameLine();
        ImGui::TextWrapped("%s", e.said->feedback.c_str());
    }
    for (const DebriefTechnique& dt : e.techniques) technique_line(dt);
    for (const Technique* t : e.caveats) {  // a good technique at the wrong moment
        ImGui::TextColored(theme::kTextCaution, "Not the moment for \"%s\":", t->name.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", t->not_when.c_str());
    }
    if (e.over_promised && !sim.level().policy.empty()) {
        std::string limits;
        for (const std::string& l : sim.level().policy.may_not) limits += (limits.empty() ? "" : "; ") + l;
        ImGui::TextColored(theme::kTextCaution, "The policy card (%s) says you may not:", sim.level().policy.title.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", limits.empty() ? "promise more than it lists" : limits.c_str());
    }
    ImGui::TextDisabled("The caller's intensity went from %.0f to %.0f.", e.intensity_before,
                        std::clamp(e.intensity_before + e.intensity_change, 0.0, 100.0));
    if (e.later) {
        ImGui::TextColored(theme::kTextChurn, "%s later:", clock_text(e.later->tick / 60.0).c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s (intensity %+.0f)", e.later->note.c_str(), e.later->effects.intensity);
    }
    if (!e.said->caller_thinks.empty()) {
        ImGui::TextColored(theme::kTextCallerSide, "From the caller's side:");
        ImGui::SameLine();
        ImGui::TextWrapped("%s", e.said->caller_thinks.c_str());
    }
    if (e.better >= 0) {
        const Reply& b = e.question->replies[e.better];
        ImGui::TextColored(theme::kTextCalm, "Try instead:");
        ImGui::SameLine();
        ImGui::TextWrapped("%s", b.text.c_str());
        std::string names;
        for (const auto& id : b.techniques)
            if (const Technique* t = cat.find(id)) names += (names.empty() ? "" : ", ") + t->name;
        ImGui::Indent();
        ImGui::TextDisabled("%s", names.c_str());
        ImGui::Unindent();
    }
    if (!e.question->discuss.empty()) {
        ImGui::TextDisabled("To think about:");
        ImGui::SameLine();
        ImGui::TextWrapped("%s", e.question->discuss.c_str());
    }
    ImGui::Separator();
    ImGui::PopID();
}

}  // namespace

DebriefAction draw_debrief(AppContext& ctx, const Simulation& sim, const Debrief& d, ImVec2 centre, ImVec2 max_size,
                           const char* next_label) {
    float s = ctx.settings.ui_scale;
    const SimState& st = sim.state();
    Score score = sim.score();
    // The whole screen, with the debrief in a centred column of comfortable reading width.
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(ctx.width), static_cast<float>(ctx.height)));
    ImGui::SetNextWindowBgAlpha(1.0f);
    ImGui::Begin("##debrief", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    float column = std::min(max_size.x, 980 * s);
    ImGui::SetCursorPos(ImVec2(centre.x - column * 0.5f, (ctx.height - max_size.y) * 0.5f));
    ImGui::BeginChild("##column", ImVec2(column, max_size.y), false);
    ImGui::PushFont(ctx.fonts.title);
    ImGui::TextUnformatted(outcome_label(st.outcome));
    ImGui::PopFont();
    ImGui::SameLine(column - 200 * s);
    ImGui::PushFont(ctx.fonts.large);
    ImGui::Text("Score %d / 100", score.total);
    ImGui::PopFont();
    ImGui::TextDisabled("Your replies %.0f/50 · composure kept %.0f/25 · no jolts %.0f/10 · how it ended %.0f/15    "
                        "lowest composure %.0f · jolts %d · %s",
                        score.conduct, score.composure, score.steadiness, score.outcome, st.composure_min, st.jolts,
                        clock_text(sim.time()).c_str());
    if (d.calm_but_lost)
        ImGui::TextColored(theme::kTextCalm, "Not every caller is ready to be helped. You kept your head and offered your best: "
                                  "that is the job, and your score says so.");
    call_chart(ctx, sim, d, 120 * s);

    ImGui::BeginChild("##entries", ImVec2(0, -46 * s), false);
    if (d.entries.empty()) ImGui::TextDisabled("No replies were given in this call.");
    for (size_t i = 0; i < d.entries.size(); ++i) entry(ctx, sim, d.entries[i], static_cast<int>(i));
    if (!d.sources.empty()) {
        ImGui::TextDisabled("Where these techniques come from:");
        for (const Source* src : d.sources) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", src->cite.c_str());
        }
        for (const std::string& basis : d.bases) {  // a technique no article covers
            ImGui::Bullet();
            ImGui::TextWrapped("%s", basis.c_str());
        }
    }
    ImGui::EndChild();

    DebriefAction action = DebriefAction::none;
    if (next_label && ImGui::Button(next_label)) action = DebriefAction::next_call;  // as wide as its words
    if (next_label) ImGui::SameLine();
    if (ImGui::Button("Play this call again", ImVec2(200 * s, 0))) action = DebriefAction::play_again;
    ImGui::SameLine();
    if (ImGui::Button("Main menu", ImVec2(160 * s, 0))) action = DebriefAction::menu;
    ImGui::EndChild();
    ImGui::End();
    return action;
}

}  // namespace cw
