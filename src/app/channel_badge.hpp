// The lettered, shaped badge that names a channel (A circle, B square, C triangle, D diamond),
// drawn the same on the water and in the reply list so they match at a glance.
#pragma once
#include <imgui.h>

namespace cw {

void draw_channel_badge(ImDrawList* dl, ImVec2 centre, float radius, int channel, ImFont* font, float font_size);

}  // namespace cw
