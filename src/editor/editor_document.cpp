#include "editor_document.hpp"

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
