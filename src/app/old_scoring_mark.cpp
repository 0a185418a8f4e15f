#include "old_scoring_mark.hpp"

#include <imgui.h>

#include "play/progress_stats.hpp"

namespace cw {

void old_scoring_mark(const char* label) {
    ImGui::TextDisabled("%s", label);
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
        ImGui::TextUnformatted(kOldScoringExplained);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

}  // namespace cw
