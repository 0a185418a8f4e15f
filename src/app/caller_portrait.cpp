#include "caller_portrait.hpp"

#include <algorithm>
#include <cmath>

#include "theme.hpp"

namespace cw {

namespace {

float lerp(float a, float b, float t) { return a + (b - a) * t; }

void ellipse(ImDrawList* dl, ImVec2 c, ImVec2 radii, ImU32 col) {
    for (int i = 0; i < 16; ++i) {
        float a = 6.2831853f * i / 16;
        dl->PathLineTo(ImVec2(c.x + std::cos(a) * radii.x, c.y + std::sin(a) * radii.y));
    }
    dl->PathFillConvex(col);
}

ImU32 mix_col(theme::Rgba a, theme::Rgba b, float t, float alpha = 1.0f) {
    return theme::im(theme::mix(a, b, t), alpha);
}

// A quadratic curve from a to b bending through `mid`, as a polyline.
void curve(ImDrawList* dl, ImVec2 a, ImVec2 mid, ImVec2 b, ImU32 col, float thickness) {
    dl->PathLineTo(a);
    dl->PathBezierQuadraticCurveTo(mid, b, 12);
    dl->PathStroke(col, 0, thickness);
}

// The accent for the caller's state: bluish green when calm, orange when tense, vermillion when
// angry (Okabe-Ito, apart for the common colour blindnesses; the word beside it says it too).
theme::Rgba state_colour(double intensity) {
    double t = std::clamp(intensity / 100.0, 0.0, 1.0);
    return t < 0.5 ? theme::mix(theme::kCallerCalm, theme::kCallerTense, t * 2)
                   : theme::mix(theme::kCallerTense, theme::kCallerAngry, (t - 0.5) * 2);
}

}  // namespace

const char* caller_state_word(double intensity) {
    if (intensity < 35) return "calm";
    if (intensity < 65) return "tense";
    return "angry";
}

void draw_caller_face(ImDrawList* dl, ImVec2 c, float r, double intensity, double clock, bool still,
                      unsigned name_hash) {
    float t = static_cast<float>(std::clamp(intensity / 100.0, 0.0, 1.0));
    // An angry caller's head shakes a little; not with reduced motion.
    if (!still && t > 0.65f) c.x += std::sin(static_cast<float>(clock) * 23.0f) * r * 0.025f * (t - 0.65f) / 0.35f;
    const theme::Rgba skin = theme::kCallerSkin, flushed = theme::kCallerFlushed;
    theme::Rgba hair = theme::kCallerHair[name_hash % 4];
    theme::Rgba shirt = theme::kCallerShirt;

    // Shoulders and neck, then the head; hair as a cap behind and over the top of it.
    // The shoulders are a disc cut by the portrait's circle: points outside it are pulled onto it.
    for (int i = 0; i < 40; ++i) {
        float a = 6.2831853f * i / 40;
        ImVec2 q(c.x + std::cos(a) * r * 0.78f, c.y + r * 1.28f + std::sin(a) * r * 0.78f);
        float dx = q.x - c.x, dy = q.y - c.y, d = std::sqrt(dx * dx + dy * dy);
        if (d > r * 0.98f) q = ImVec2(c.x + dx / d * r * 0.98f, c.y + dy / d * r * 0.98f);
        dl->PathLineTo(q);
    }
    dl->PathFillConvex(theme::im(shirt));
    dl->AddRectFilled(ImVec2(c.x - r * 0.16f, c.y + r * 0.35f), ImVec2(c.x + r * 0.16f, c.y + r * 0.62f),
                      theme::im(theme::mix(skin, theme::kCallerShadow, 0.12)));
    float hr = r * 0.56f;  // head radius
    ImVec2 h(c.x, c.y - r * 0.06f);
    dl->AddCircleFilled(ImVec2(h.x, h.y - hr * 0.08f), hr * 1.06f, theme::im(hair), 32);
    float flush = std::max(0.0f, (t - 0.45f) / 0.55f);
    dl->AddCircleFilled(h, hr, mix_col(skin, flushed, flush * 0.8f), 32);
    // Hair over the brow: a fringe (a filled arc over the top of the head).
    dl->PathArcTo(ImVec2(h.x, h.y - hr * 0.02f), hr * 1.03f, 3.35f, 6.07f, 20);
    dl->PathFillConvex(theme::im(hair));

    // Eyes: open wide when calm, narrowed when angry; a blink every few seconds.
    float ex = hr * 0.36f, ey = h.y + hr * 0.02f;
    float open = lerp(0.16f, 0.07f, t) * hr;
    double blink = std::fmod(clock + (name_hash % 7) * 0.37, 4.3);
    if (!still && blink < 0.13) open = hr * 0.02f;
    ImU32 ink = theme::im(theme::kCallerInk);
    for (int side : {-1, 1}) {
        ImVec2 e(h.x + side * ex, ey);
        ellipse(dl, e, ImVec2(hr * 0.12f, open), ink);
        // Brows: level and raised when calm, slanting down to the nose when angry.
        float inner_y = ey - hr * lerp(0.34f, 0.16f, t), outer_y = ey - hr * lerp(0.36f, 0.36f, t);
        float lift = lerp(0.0f, 0.10f, t) * hr;  // the outer end rises as the inner one falls
        ImVec2 inner(h.x + side * hr * 0.16f, inner_y), outer(h.x + side * hr * 0.56f, outer_y - lift);
        dl->AddLine(inner, outer, theme::im(theme::mix(hair, theme::kCallerBrowDark, 0.5)), std::max(1.5f, hr * 0.09f));
    }
    // Cheeks flush first when tense.
    if (t > 0.3f) {
        float a = std::min(1.0f, (t - 0.3f) / 0.4f) * 0.35f;
        for (int side : {-1, 1})
            dl->AddCircleFilled(ImVec2(h.x + side * hr * 0.5f, h.y + hr * 0.3f), hr * 0.16f,
                                theme::im(theme::kCallerBlush, a), 16);
    }
    // The mouth: a smile, a flat line, then a frown that opens as they shout.
    float my = h.y + hr * 0.5f, mw = hr * lerp(0.34f, 0.30f, t);
    float bend = hr * lerp(0.22f, -0.26f, t);  // + smiles, - frowns
    ImVec2 ml(h.x - mw, my), mr(h.x + mw, my);
    if (t > 0.7f) {
        float gape = hr * (t - 0.7f) / 0.3f * 0.18f;
        dl->PathLineTo(ml);
        dl->PathBezierQuadraticCurveTo(ImVec2(h.x, my + bend * 2), mr, 12);
        dl->PathBezierQuadraticCurveTo(ImVec2(h.x, my + bend * 2 - gape * 2.5f), ml, 12);
        dl->PathFillConvex(theme::im(theme::kCallerMouth));
    }
    curve(dl, ml, ImVec2(h.x, my + bend * 2), mr, ink, std::max(1.5f, hr * 0.08f));
    // Sweat on the brow when tense and above.
    if (t > 0.45f && t < 0.8f) {
        ImVec2 d(h.x + hr * 0.68f, h.y - hr * 0.36f);
        dl->AddTriangleFilled(ImVec2(d.x, d.y - hr * 0.16f), ImVec2(d.x - hr * 0.08f, d.y), ImVec2(d.x + hr * 0.08f, d.y),
                              theme::im(theme::kCallerSweat));
        dl->AddCircleFilled(d, hr * 0.08f, theme::im(theme::kCallerSweat), 10);
    }
}

void draw_caller_card(AppContext& ctx, const CallerCard& card, double clock) {
    float s = ctx.settings.ui_scale;
    bool still = ctx.settings.reduced_motion;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    float large = ctx.fonts.large->FontSize * ctx.fonts.large->Scale * ImGui::GetIO().FontGlobalScale;
    float body = ImGui::GetFontSize();
    // A short window gets a compact card (two lines), so the replies keep their room.
    bool compact = ctx.height < 600 * s;
    float h = compact ? large + body + 22 * s : std::max(104.0f * s, large + body * 2 + 30 * s);
    theme::Rgba accent = state_colour(card.intensity);

    // The frame: a rounded card like an incoming-call screen, with the state's colour down its edge.
    const ImU32 top = theme::im(theme::kCardTop), bottom = theme::im(theme::kCardBottom);
    dl->AddRectFilledMultiColor(p, ImVec2(p.x + w, p.y + h), top, top, bottom, bottom);
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), theme::im(theme::kCardEdge), 10 * s, 0, 1.5f * s);
    dl->AddRectFilled(p, ImVec2(p.x + 5 * s, p.y + h), theme::im(accent), 10 * s, ImDrawFlags_RoundCornersLeft);

    // The face in a ring of the state's colour; while the call is live the ring pulses with the voice.
    float r = (h - 20 * s) * 0.5f;
    ImVec2 c(p.x + 16 * s + r, p.y + h * 0.5f);
    unsigned hash = 2166136261u;
    for (unsigned char ch : card.name) hash = (hash ^ ch) * 16777619u;
    dl->AddCircleFilled(c, r, theme::im(theme::kCardFaceBg), 40);
    dl->PushClipRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), true);
    draw_caller_face(dl, c, r, card.intensity, clock, still || card.ended, hash);
    dl->PopClipRect();
    float pulse = (card.ended || still) ? 0.0f : 0.5f + 0.5f * std::sin(static_cast<float>(clock) * (3.0f + 5.0f * static_cast<float>(card.intensity) / 100.0f));
    dl->AddCircle(c, r + 2 * s, theme::im(accent), 40, 3 * s);
    if (!card.ended) dl->AddCircle(c, r + 5 * s + 3 * s * pulse, theme::im(accent, 0.5f * (1 - pulse)), 40, 2 * s);

    // Name, mood, and the call line with its timer.
    float tx = c.x + r + 16 * s;
    float ty = p.y + 10 * s;
    dl->AddText(ctx.fonts.large, large, ImVec2(tx, ty), theme::im(theme::kCardName), card.name.c_str());
    ty += large + 4 * s;
    std::string state = std::string(caller_state_word(card.intensity));
    if (!card.mood.empty()) state += " \xc2\xb7 " + card.mood;  // middle dot
    dl->AddText(ImVec2(tx, ty), theme::im(theme::mix(accent, theme::kCardMoodLift, 0.35)), state.c_str());
    ty += body + 6 * s;
    if (compact) {  // the call line moves up beside the name
        tx = p.x + w - 12 * s - ImGui::CalcTextSize((card.timer + "  ").c_str()).x - body * 1.3f;
        ty = p.y + 10 * s;
    }
    // A handset: two ear cups and a grip.
    ImU32 phone = theme::im(card.ended ? theme::kCardPhoneEnded : theme::kCardPhoneLive);
    float ph = body * 0.45f;
    ImVec2 pc(tx + ph, ty + body * 0.5f);
    dl->AddLine(ImVec2(pc.x - ph * 0.7f, pc.y + ph * 0.3f), ImVec2(pc.x + ph * 0.7f, pc.y - ph * 0.3f), phone, 3 * s);
    dl->AddCircleFilled(ImVec2(pc.x - ph * 0.8f, pc.y + ph * 0.35f), ph * 0.35f, phone, 10);
    dl->AddCircleFilled(ImVec2(pc.x + ph * 0.8f, pc.y - ph * 0.35f), ph * 0.35f, phone, 10);
    std::string line = compact ? card.timer : (card.ended ? "call ended  " : "on the line  ") + card.timer;
    dl->AddText(ImVec2(tx + ph * 2.6f, ty), theme::im(theme::kCardCallLine), line.c_str());
    // A voice meter: bars that rise with the caller's intensity while they are on the line.
    if (!card.ended && !compact) {
        float bx = p.x + w - 16 * s, base = p.y + h - 14 * s;
        for (int i = 0; i < 5; ++i) {
            float level = static_cast<float>(card.intensity) / 100.0f;
            float wob = still ? 0.5f : 0.5f + 0.5f * std::sin(static_cast<float>(clock) * (6.0f + i * 1.7f) + i);
            float bh = (6 + 26 * level * (0.55f + 0.45f * wob)) * s * (0.6f + 0.1f * i);
            dl->AddRectFilled(ImVec2(bx - (5 - i) * 7 * s, base - bh), ImVec2(bx - (5 - i) * 7 * s + 4 * s, base),
                              theme::im(accent, 0.85f), 1.5f * s);
        }
    }
    ImGui::Dummy(ImVec2(w, h));
}

}  // namespace cw
