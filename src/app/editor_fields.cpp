#include "editor_fields.hpp"

#include <imgui_stdlib.h>

namespace cw {

namespace field {

namespace {
// Accessors are written once for both reading and editing; reading never changes the draft.
Draft& reading(const EditorDocument& doc) { return const_cast<Draft&>(doc.draft()); }

// Letting go of a field ends its step, so the next change is a step of its own.
void end_step_when_done(EditorDocument& doc) {
    if (ImGui::IsItemDeactivated()) doc.end_merge();
}
}  // namespace

bool text(EditorDocument& doc, const char* label, const std::string& key, const Text& get, bool multiline,
          float height_lines) {
    std::string value = get(reading(doc));
    bool changed;
    if (multiline) {
        ImGui::TextUnformatted(label);
        std::string id = std::string("##") + label;
        changed = ImGui::InputTextMultiline(id.c_str(), &value,
                                            ImVec2(-1, ImGui::GetTextLineHeight() * height_lines + 8),
                                            ImGuiInputTextFlags_NoHorizontalScroll);
    } else {
        changed = ImGui::InputText(label, &value);
    }
    if (changed) doc.apply(std::string("Edit ") + label, [&](Draft& d) { get(d) = value; }, key);
    end_step_when_done(doc);
    return changed;
}

bool lines(EditorDocument& doc, const char* label, const std::string& key,
           const std::function<std::vector<std::string>&(Draft&)>& get, float height_lines,
           const std::function<void(Draft&, std::vector<std::string>)>& set) {
    std::string value;
    for (const std::string& l : get(reading(doc))) value += (value.empty() ? "" : "\n") + l;
    ImGui::TextUnformatted(label);
    std::string id = std::string("##") + label;
    bool changed = ImGui::InputTextMultiline(id.c_str(), &value, ImVec2(-1, ImGui::GetTextLineHeight() * height_lines + 8),
                                             ImGuiInputTextFlags_NoHorizontalScroll);
    if (changed) {
        std::vector<std::string> out;
        size_t start = 0;
        while (start <= value.size()) {
            size_t end = value.find('\n', start);
            std::string line = value.substr(start, end == std::string::npos ? std::string::npos : end - start);
            if (line.find_first_not_of(" \t") != std::string::npos) out.push_back(line);
            if (end == std::string::npos) break;
            start = end + 1;
        }
        doc.apply(std::string("Edit ") + label, [&](Draft& d) {
            if (set) set(d, out);
            else get(d) = out;
        }, key);
    }
    end_step_when_done(doc);
    return changed;
}

bool grade(EditorDocument& doc, const char* label, const std::string& key,
           const std::function<std::optional<Grade>&(Draft&)>& get) {
    std::optional<Grade> now = get(reading(doc));
    const char* shown = now ? grade_id(*now) : "(by the outcome)";
    bool changed = false;
    if (ImGui::BeginCombo(label, shown)) {
        if (ImGui::Selectable("(by the outcome)", !now)) {
            doc.apply(std::string("Clear ") + label, [&](Draft& d) { get(d).reset(); }, key);
            changed = true;
        }
        for (Grade g : {Grade::best, Grade::good, Grade::slip, Grade::trap})
            if (ImGui::Selectable(grade_id(g), now == g)) {
                doc.apply(std::string("Grade: ") + grade_id(g), [&](Draft& d) { get(d) = g; }, key);
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

bool number(EditorDocument& doc, const char* label, const std::string& key, const Number& get, double lo, double hi,
            double speed, const char* format) {
    double value = get(reading(doc));
    bool changed = ImGui::DragScalar(label, ImGuiDataType_Double, &value, static_cast<float>(speed), &lo, &hi, format,
                                     ImGuiSliderFlags_AlwaysClamp);
    if (changed) doc.apply(std::string("Set ") + label, [&](Draft& d) { get(d) = value; }, key);
    end_step_when_done(doc);
    return changed;
}

bool whole(EditorDocument& doc, const char* label, const std::string& key, const std::function<int&(Draft&)>& get,
           int lo, int hi) {
    int value = get(reading(doc));
    bool changed = ImGui::SliderInt(label, &value, lo, hi);
    if (changed) doc.apply(std::string("Set ") + label, [&](Draft& d) { get(d) = value; }, key);
    end_step_when_done(doc);
    return changed;
}

bool check(EditorDocument& doc, const char* label, const std::string& key, const std::function<bool&(Draft&)>& get) {
    bool value = get(reading(doc));
    bool changed = ImGui::Checkbox(label, &value);
    if (changed) doc.apply(std::string("Set ") + label, [&](Draft& d) { get(d) = value; }, key);
    return changed;
}

bool choice(EditorDocument& doc, const char* label, const std::string& key, const Text& get,
            const std::vector<std::string>& options, const std::vector<std::string>& labels, const char* none_label) {
    std::string current = get(reading(doc));
    std::string shown = current.empty() && none_label ? none_label : current;
    for (size_t i = 0; i < options.size() && i < labels.size(); ++i)
        if (options[i] == current) shown = labels[i];
    bool changed = false;
    std::string picked;
    if (ImGui::BeginCombo(label, shown.c_str(), ImGuiComboFlags_HeightLarge)) {
        if (none_label && ImGui::Selectable(none_label, current.empty())) {
            changed = true;
            picked.clear();
        }
        for (size_t i = 0; i < options.size(); ++i) {
            const std::string& text = i < labels.size() ? labels[i] : options[i];
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(text.c_str(), options[i] == current)) {
                changed = true;
                picked = options[i];
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    if (changed && picked != current) {
        doc.end_merge();
        doc.apply(std::string("Choose ") + label, [&](Draft& d) { get(d) = picked; }, "");
    }
    (void)key;
    return changed;
}

}  // namespace field

void field_help(const char* text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", text);
    ImGui::PopTextWrapPos();
}

}  // namespace cw
