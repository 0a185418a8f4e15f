#include "editor_document.hpp"

#include "core/river_layout.hpp"

namespace cw {

namespace {
constexpr size_t kMaxHistory = 400;
const std::string kNothing;

}  // namespace

EditorDocument::EditorDocument(Draft draft, std::string path, const Catalogue& catalogue)
    : draft_(std::move(draft)), path_(std::move(path)), catalogue_(catalogue) {
    draft_.sync();
    written_ = write_level(draft_);
    saved_text_ = written_.text;  // as opened: nothing to save yet
}

void EditorDocument::set_path(std::string path) {
    path_ = std::move(path);
    changed();
}

bool EditorDocument::apply(const std::string& label, const std::function<void(Draft&)>& change,
                           const std::string& merge_key) {
    Draft next = draft_;
    change(next);
    // Moving a point or a fork of a river laid out from the call makes the river the trainer's
    // own: from then on its file keeps the points. Otherwise the river follows the call.
    if (next.level.river.laid_out && draft_.level.river.laid_out && !same_course(next.level.river, draft_.level.river))
        next.level.river.laid_out = false;
    std::string unused;
    lay_out_in_place(next.level, catalogue_, unused);
    next.sync();
    WrittenLevel text = write_level(next);
    if (text.text == written_.text) return false;
    bool merge = !merge_key.empty() && merge_key == merge_key_ && !undo_.empty();
    if (!merge) {
        undo_.push_back({label, std::move(draft_)});
        if (undo_.size() > kMaxHistory) undo_.erase(undo_.begin());
    }
    redo_.clear();
    merge_key_ = merge_key;
    draft_ = std::move(next);
    written_ = std::move(text);
    changed();
    return true;
}

bool EditorDocument::lay_out_river_from_call(std::string& problem) {
    RiverLayout layout = lay_out_river(draft_.level, catalogue_);
    if (!layout.problem.empty()) {
        problem = layout.problem;
        return false;
    }
    apply("Lay out the river from the call", [&](Draft& d) {
        apply_layout(layout, d.level.river, {});
        d.level.river.laid_out = false;  // written out, for the trainer to tweak
    });
    return true;
}

const std::string& EditorDocument::undo_label() const { return undo_.empty() ? kNothing : undo_.back().label; }
const std::string& EditorDocument::redo_label() const { return redo_.empty() ? kNothing : redo_.back().label; }

void EditorDocument::undo() {
    if (undo_.empty()) return;
    Step s = std::move(undo_.back());
    undo_.pop_back();
    redo_.push_back({s.label, std::move(draft_)});
    draft_ = std::move(s.draft);
    merge_key_.clear();
    written_ = write_level(draft_);
    changed();
}

void EditorDocument::redo() {
    if (redo_.empty()) return;
    Step s = std::move(redo_.back());
    redo_.pop_back();
    undo_.push_back({s.label, std::move(draft_)});
    draft_ = std::move(s.draft);
    merge_key_.clear();
    written_ = write_level(draft_);
    changed();
}

void EditorDocument::reset(Draft draft, std::string path, const std::string& saved_text) {
    draft_ = std::move(draft);
    draft_.sync();
    path_ = std::move(path);
    undo_.clear();
    redo_.clear();
    merge_key_.clear();
    written_ = write_level(draft_);
    saved_text_ = saved_text;
    changed();
}

void EditorDocument::changed() { ++revision_; }

void EditorDocument::validate() const {
    if (validated_ == revision_) return;
    validated_ = revision_;
    std::string name = path_.empty() ? "new level" : path_;
    LevelLoad full = load_level_text(written_.text, name, catalogue_);
    problems_ = full.problems;
    playable_ = full.level;
    LevelLoad river = load_level_text(write_level(river_only_draft(draft_)).text, name, catalogue_);
    river_problems_ = river.problems;
    river_only_ = river.level;
    pacing_ = playable_ ? level_pacing(*playable_, catalogue_, SourceText(name, written_.text)) : Pacing{};
}

const Pacing& EditorDocument::pacing() const {
    validate();
    return pacing_;
}

const std::vector<Problem>& EditorDocument::problems() const {
    validate();
    return problems_;
}

const std::optional<Level>& EditorDocument::playable() const {
    validate();
    return playable_;
}

const std::optional<Level>& EditorDocument::river_only() const {
    validate();
    return river_only_;
}

const std::vector<Problem>& EditorDocument::river_problems() const {
    validate();
    return river_problems_;
}

Draft river_only_draft(const Draft& draft) {
    Draft d;
    d.level.format = 1;
    d.level.title = draft.level.title.empty() ? "river" : draft.level.title;
    d.level.seed = draft.level.seed;
    d.level.caller.name = "river";  // only the river is being checked
    d.level.caller.issue = "river";
    d.level.river = draft.level.river;
    // A river laid out from the call is shown as the draft has it laid out (its call is not here).
    d.level.river.laid_out = false;
    Node end;
    end.id = "end";
    end.say = "...";
    end.end = Outcome::resolved;
    d.level.nodes.push_back(end);
    d.level.start = "end";
    d.sync();
    return d;
}

}  // namespace cw
