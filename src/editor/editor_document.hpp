// The level being edited: the draft, its undo and redo history, whether it differs from the
// file, and its problems. Validation writes the draft as it would be saved and runs the real
// loader on that text, so the editor, `calmwaters check` and the game share one set of rules.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "content/level_loader.hpp"
#include "content/pacing.hpp"
#include "draft.hpp"
#include "level_writer.hpp"

namespace cw {

class EditorDocument {
public:
    // `path`: where it saves (empty for a new level not saved yet).
    EditorDocument(Draft draft, std::string path, const Catalogue& catalogue);

    const Draft& draft() const { return draft_; }
    const Level& level() const { return draft_.level; }
    const std::string& path() const { return path_; }
    void set_path(std::string path);

    // One edit: `change` works on a copy of the draft. An edit that changes nothing leaves no
    // history. Consecutive edits with the same non-empty `merge_key` (a drag, typing in one
    // field) are one step to undo, until end_merge().
    bool apply(const std::string& label, const std::function<void(Draft&)>& change,
               const std::string& merge_key = "");
    void end_merge() { merge_key_.clear(); }
    // One undoable edit: the river laid out from the call (core/river_layout.hpp), its points
    // and forks' places written out so the trainer can tweak them. False, with why, when the
    // call cannot give a river (its questions lead back up the river).
    bool lay_out_river_from_call(std::string& problem);

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    const std::string& undo_label() const;
    const std::string& redo_label() const;
    void undo();
    void redo();

    // The text a save writes now, and what each of its lines belongs to.
    const WrittenLevel& written() const { return written_; }
    // True when the text differs from the file as last opened or saved.
    bool dirty() const { return written_.text != saved_text_; }
    void mark_saved(const std::string& text) { saved_text_ = text; }
    // Replace everything (a reload from disk, a new level); the history starts again.
    void reset(Draft draft, std::string path, const std::string& saved_text);

    // Every problem the loader and the checks find in the written text (its lines).
    const std::vector<Problem>& problems() const;
    // The level as the game would load it, when it has no problems.
    const std::optional<Level>& playable() const;
    // Only the river (with a one-line call), for drawing it while the call is unfinished.
    const std::optional<Level>& river_only() const;
    const std::vector<Problem>& river_problems() const;
    // The level against the clock (content/pacing.hpp), when it is playable: warnings with
    // their lines, for the problems list; they never stop the level from being played.
    const Pacing& pacing() const;
    int revision() const { return revision_; }  // grows on every change, for caches

private:
    struct Step {
        std::string label;
        Draft draft;
    };
    void changed();
    void validate() const;

    Draft draft_;
    std::string path_;
    const Catalogue& catalogue_;
    std::vector<Step> undo_, redo_;  // each holds the draft on the other side of the step
    std::string merge_key_;
    WrittenLevel written_;
    std::string saved_text_;
    int revision_ = 0;
    // Validation results, computed when first asked for after a change.
    mutable int validated_ = -1;
    mutable std::vector<Problem> problems_, river_problems_;
    mutable std::optional<Level> playable_, river_only_;
    mutable Pacing pacing_;
};

// The river of `draft` with a call of one ending line: valid whenever the river is.
Draft river_only_draft(const Draft& draft);

}  // namespace cw
