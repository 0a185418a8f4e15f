// What the editor has selected, and form fields that turn each change into one undoable edit.
// Typing in a field or dragging a number is one step to undo, until the field is let go.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "editor/editor_document.hpp"

namespace cw {

struct EditorSelection {
    enum Kind { none, level, river, point, rock, fork, node, reply, branch } kind = none;
    int index = -1;  // which point, rock, fork or node
    int sub = -1;    // which reply or branch of that node
    bool operator==(const EditorSelection& o) const { return kind == o.kind && index == o.index && sub == o.sub; }
    bool operator!=(const EditorSelection& o) const { return !(*this == o); }
};

// Fields bound to a part of the draft through an accessor, so the edit can be replayed on the
// document's copy. `key` names the field for merging keystrokes into one step.
namespace field {

using Text = std::function<std::string&(Draft&)>;
using Number = std::function<double&(Draft&)>;

bool text(EditorDocument& doc, const char* label, const std::string& key, const Text& get, bool multiline = false,
          float height_lines = 3);
bool number(EditorDocument& doc, const char* label, const std::string& key, const Number& get, double lo, double hi,
            double speed, const char* format = "%.2f");
bool whole(EditorDocument& doc, const char* label, const std::string& key, const std::function<int&(Draft&)>& get,
           int lo, int hi);
bool check(EditorDocument& doc, const char* label, const std::string& key, const std::function<bool&(Draft&)>& get);
// A drop-down of `options` (what is stored) with `labels` shown; `none_label` adds an empty choice.
bool choice(EditorDocument& doc, const char* label, const std::string& key, const Text& get,
            const std::vector<std::string>& options, const std::vector<std::string>& labels = {},
            const char* none_label = nullptr);
// A list of texts edited one per line (empty lines dropped): policy lines, ways to say a line.
bool lines(EditorDocument& doc, const char* label, const std::string& key,
           const std::function<std::vector<std::string>&(Draft&)>& get, float height_lines = 3,
           const std::function<void(Draft&, std::vector<std::string>)>& set = {});  // set: instead of get(d) = lines
// An ending's grade, or none (then the outcome's own points count).
bool grade(EditorDocument& doc, const char* label, const std::string& key,
           const std::function<std::optional<Grade>&(Draft&)>& get);

}  // namespace field

// A label and a short grey help line under it, for fields a trainer may not know.
void field_help(const char* text);

}  // namespace cw
