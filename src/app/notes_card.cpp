#include "notes_card.hpp"

#include "theme.hpp"

namespace cw {

void NotesCard::draw(AppContext& ctx, ImVec2 top_right, bool opening) {
    if (!opening) put_away_ = true;
    if (!showing()) return;
    float s = ctx.settings.ui_scale;
    ImGui::SetNextWindowPos(top_right, ImGuiCond_Always, ImVec2(1, 0));
    ImGui::SetNextWindowSize(ImVec2(300 * s, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::im(theme::kNotesPaper));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kNotesInk);
    ImGui::Begin("##dock_note", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                             ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::TextColored(theme::kNotesHeading, "Your note from the dock");
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y), ImVec2(p.x + ImGui::GetContentRegionAvail().x, p.y),
                                        theme::im(theme::kNotesRule), 1.5f * s);
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(note_.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::PopStyleColor();  // the button keeps the usual look, to stand out on the paper
    if (ImGui::SmallButton("Put it away")) put_away_ = true;
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace cw
