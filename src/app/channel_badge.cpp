#include "channel_badge.hpp"

#include "theme.hpp"

namespace cw {

void draw_channel_badge(ImDrawList* dl, ImVec2 c, float r, int channel, ImFont* font, float font_size) {
    ImU32 fill = theme::im(theme::channel_colour(channel));
    ImU32 edge = theme::im(theme::kBadgeEdge);
    switch (channel) {
        case 0:
            dl->AddCircleFilled(c, r, fill, 28);
            dl->AddCircle(c, r, edge, 28, 2.0f);
            break;
        case 1:
            dl->AddRectFilled(ImVec2(c.x - r * 0.9f, c.y - r * 0.9f), ImVec2(c.x + r * 0.9f, c.y + r * 0.9f), fill, 3.0f);
            dl->AddRect(ImVec2(c.x - r * 0.9f, c.y - r * 0.9f), ImVec2(c.x + r * 0.9f, c.y + r * 0.9f), edge, 3.0f, 0, 2.0f);
            break;
        case 2: {
            ImVec2 a(c.x, c.y - r * 1.15f), b(c.x + r * 1.1f, c.y + r * 0.8f), d(c.x - r * 1.1f, c.y + r * 0.8f);
            dl->AddTriangleFilled(a, b, d, fill);
            dl->AddTriangle(a, b, d, edge, 2.0f);
            c.y += r * 0.2f;  // the letter sits low in a triangle
            break;
        }
        default: {
            ImVec2 a(c.x, c.y - r * 1.15f), b(c.x + r * 1.15f, c.y), d(c.x, c.y + r * 1.15f), e(c.x - r * 1.15f, c.y);
            dl->AddQuadFilled(a, b, d, e, fill);
            dl->AddQuad(a, b, d, e, edge, 2.0f);
            break;
        }
    }
    char letter[2] = {static_cast<char>('A' + channel), 0};
    float size = font_size > 0 ? font_size : r * 1.2f;
    if (!font) font = ImGui::GetFont();
    ImVec2 ts = font->CalcTextSizeA(size, 1e9f, 0.0f, letter);
    dl->AddText(font, size, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), theme::im(theme::kBadgeLetter), letter);
}

}  // namespace cw
