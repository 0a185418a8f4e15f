// The level editor: the river and the call of one level, a form for what is selected, the
// live problems list, undo and redo, safe saving, play-testing from any node, and reloading
// when another program changes the file. The document and its rules live in src/editor; this
// screen only draws them and turns clicks into edits.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "content/data_paths.hpp"
#include "editor/call_graph.hpp"
#include "editor/draft_io.hpp"
#include "editor/edits.hpp"
#include "editor/level_file.hpp"
#include "editor_call_graph.hpp"
#include "editor_inspector.hpp"
#include "editor_river_canvas.hpp"
#include "screens.hpp"
#include "theme.hpp"

namespace cw {

namespace {

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class EditorScreen : public Screen {
public:
    EditorScreen(AppContext& ctx, const std::string& path) : catalogue_(*ctx.catalogue) { open(path); }

    void event(AppContext& ctx, const SDL_Event& e) override {
        if (child_) {
            child_->event(ctx, e);
            return;
        }
        if (e.type != SDL_KEYDOWN || e.key.repeat) return;
        bool ctrl = (e.key.keysym.mod & KMOD_CTRL) != 0, shift = (e.key.keysym.mod & KMOD_SHIFT) != 0;
        SDL_Scancode k = e.key.keysym.scancode;
        if (ctrl && k == SDL_SCANCODE_Z) shortcut_ = shift ? Shortcut::redo : Shortcut::undo;
        else if (ctrl && k == SDL_SCANCODE_Y) shortcut_ = Shortcut::redo;
        else if (ctrl && k == SDL_SCANCODE_S) shortcut_ = Shortcut::save;
        else if (k == SDL_SCANCODE_DELETE) shortcut_ = Shortcut::remove;
    }

    // Still between edits (the file is looked at once a second, the wake-up's pace); a play-test
    // inside it runs like any call.
    Motion motion(const AppContext& ctx) const override { return child_ ? child_->motion(ctx) : Motion::still; }

    ScreenRequest frame(AppContext& ctx, double dt) override {
        if (child_) return play_test_frame(ctx, dt);
        ScreenRequest req;
        float s = ctx.settings.ui_scale;
        watch_file(dt);
        if (doc_) do_shortcut();
        shortcut_ = Shortcut::none;

        const float bar_h = 46 * s;
        const float side_w = std::clamp(ctx.width * 0.38f, 380.0f * s, 560.0f * s);
        const float problems_h = 128 * s;
        const float canvas_w = ctx.width - side_w;
        top_bar(ctx, req, ImVec2(static_cast<float>(ctx.width), bar_h));
        if (doc_) {
            int play_from = -1;
            SDL_FRect canvas{0, bar_h, canvas_w, ctx.height - bar_h - problems_h};
            if (tab_ == Tab::river) {
                river_.frame(ctx, *doc_, sel_, canvas, dt);
            } else {
                std::vector<bool> problem_nodes(doc_->level().nodes.size(), false);
                for (const Problem& p : doc_->problems()) {
                    LineAnchor a = doc_->written().at_line(p.line);
                    if ((a.kind == LineAnchor::node || a.kind == LineAnchor::reply || a.kind == LineAnchor::branch) &&
                        a.index >= 0 && a.index < static_cast<int>(problem_nodes.size()))
                        problem_nodes[static_cast<size_t>(a.index)] = true;
                }
                play_from = graph_.frame(ctx, *doc_, sel_, ImVec2(0, bar_h), ImVec2(canvas.w, canvas.h), problem_nodes);
            }
            problems_panel(ctx, ImVec2(0, ctx.height - problems_h), ImVec2(canvas_w, problems_h));
            ImGui::SetNextWindowPos(ImVec2(canvas_w, bar_h));
            ImGui::SetNextWindowSize(ImVec2(side_w, ctx.height - bar_h));
            ImGui::Begin("##inspector", nullptr,
                         ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_AlwaysVerticalScrollbar);
            int from_form = inspector_.draw(ctx, *doc_, sel_);
            ImGui::End();
            if (from_form >= 0) play_from = from_form;
            if (play_from >= 0) start_play_test(ctx, play_from);
        } else {
            text_mode(ctx, ImVec2(0, bar_h), ImVec2(static_cast<float>(ctx.width), ctx.height - bar_h));
        }
        popups(ctx, req);
        status_toast(ImVec2(doc_ ? canvas_w : static_cast<float>(ctx.width), bar_h), s);
        if (!status_.empty()) {
            status_time_ -= dt;
            if (status_time_ <= 0) status_.clear();
        }
        return req;
    }

private:
    enum class Tab { river, call };
    enum class Shortcut { none, undo, redo, save, remove };
    enum class Pending { none, menu, quit, new_level, open, reload };

    // ---- opening, saving, reloading ---------------------------------------------------------

    void open(const std::string& path) {
        sel_ = {EditorSelection::level};
        raw_problems_.clear();
        if (path.empty()) {
            // The same starter call as `calmwaters new` writes (built in, should the file be gone).
            DraftLoad starter = load_draft_file(asset_path("new_call.toml"), catalogue_);
            Draft d = starter.draft ? *starter.draft : starter_draft();
            if (doc_) doc_->reset(d, "", write_level(d).text);
            else doc_.emplace(d, "", catalogue_);
            stamp_ = {};
            river_ = EditorRiverCanvas();
            graph_.fit_next_frame();
            return;
        }
        DraftLoad load = load_draft_file(path, catalogue_);
        stamp_ = file_stamp(path);
        if (load.draft) {
            if (doc_) doc_->reset(*load.draft, path, write_level(*load.draft).text);
            else doc_.emplace(*load.draft, path, catalogue_);
            raw_text_.clear();
        } else {
            // The file's shape is wrong: show it as text with its problems, to be mended here.
            doc_.reset();
            raw_path_ = path;
            raw_text_ = read_all(path);
            raw_problems_ = load.problems;
        }
        save_target_ = level_save_path(path);
        river_ = EditorRiverCanvas();
        graph_.fit_next_frame();
    }

    void save(const std::string& asked) {
        // A shipped level from a read-only install is saved as the trainer's own copy.
        const std::string path = level_save_path(asked);
        std::string text = doc_ ? doc_->written().text : raw_text_;
        std::string error;
        if (!save_level_file(path, text, error)) {
            say("Not saved: " + error, 8);
            return;
        }

        stamp_ = file_stamp(path);
        save_target_ = path;
        if (doc_) {
            doc_->set_path(path);
            doc_->mark_saved(text);
            size_t n = doc_->problems().size();
            say(n ? "Saved, with " + std::to_string(n) + " problem(s) still to fix." : "Saved " + path + ".");
        } else {
            raw_path_ = path;
            say("Saved the text.");
        }
        if (path != asked)
            say("The shipped levels cannot be changed, so this is saved as your own copy, " + path +
                    ". The menu lists it as your level.", 10);
    }

    void save_or_ask() {
        std::string path = doc_ ? doc_->path() : raw_path_;
        if (path.empty()) ask_save_as_ = true;
        else save(path);
    }

    void watch_file(double dt) {
        watch_clock_ += dt;
        if (watch_clock_ < 1.0) return;  // once a second is plenty for a file a person edits
        watch_clock_ = 0;
        std::string path = doc_ ? doc_->path() : raw_path_;
        if (path.empty()) return;
        FileStamp now = file_stamp(path);
        if (now == stamp_ || !now.exists) return;
        if (doc_ && doc_->dirty()) {
            ask_changed_on_disk_ = true;
            stamp_ = now;  // ask once per change
        } else {
            open(path);
            say("The file changed on disk, so it was read again.");
        }
    }

    void say(const std::string& text, double seconds = 5) {
        status_ = text;
        status_time_ = seconds;
    }

    bool dirty() const { return doc_ && doc_->dirty(); }

    bool allow_close(AppContext&) override {
        if (!dirty()) return true;
        pending_ = Pending::quit;  // the unsaved-changes prompt decides
        ask_unsaved_ = true;
        return false;
    }

    // Run `what` now, or after asking about unsaved changes.
    void leave_for(Pending what, ScreenRequest& req) {
        pending_ = what;
        if (dirty()) ask_unsaved_ = true;
        else carry_out(req);
    }

    void carry_out(ScreenRequest& req) {
        switch (pending_) {
            case Pending::menu: req.kind = ScreenRequest::menu; break;
            case Pending::quit: req.kind = ScreenRequest::quit; break;
            case Pending::new_level: open(""); say("A new level: a short call to write over, its river laid out from the call."); break;
            case Pending::open: open(open_path_); break;
            case Pending::reload: open(doc_ ? doc_->path() : raw_path_); break;
            case Pending::none: break;
        }
        pending_ = Pending::none;
    }

    // ---- editing ---------------------------------------------------------------------------

    void do_shortcut() {
        switch (shortcut_) {
            case Shortcut::undo:
            case Shortcut::redo:
                ImGui::ClearActiveID();  // a field being typed in shows the restored text
                if (shortcut_ == Shortcut::undo && doc_->can_undo()) {
                    say("Undid: " + doc_->undo_label());
                    doc_->undo();
                } else if (shortcut_ == Shortcut::redo && doc_->can_redo()) {
                    say("Redid: " + doc_->redo_label());
                    doc_->redo();
                }
                break;
            case Shortcut::save: save_or_ask(); break;
            case Shortcut::remove:
                if (!ImGui::GetIO().WantTextInput) delete_selected();
                break;
            case Shortcut::none: break;
        }
    }

    void delete_selected() {
        EditorSelection t = sel_;
        switch (t.kind) {
            case EditorSelection::point: doc_->apply("Delete a river point", [&](Draft& d) { edits::delete_point(d, t.index); }); break;
            case EditorSelection::rock: doc_->apply("Delete a rock", [&](Draft& d) { edits::delete_rock(d, t.index); }); break;
            case EditorSelection::fork: doc_->apply("Delete a fork", [&](Draft& d) { edits::delete_fork(d, t.index); }); break;
            case EditorSelection::node: doc_->apply("Delete a node", [&](Draft& d) { edits::delete_node(d, t.index); }); break;
            default: return;
        }
        sel_ = {t.kind == EditorSelection::node ? EditorSelection::level : EditorSelection::river};
    }

    // ---- play-testing ----------------------------------------------------------------------

    void start_play_test(AppContext& ctx, int node) {
        const std::optional<Level>& level = doc_->playable();
        if (!level) {
            say("Fix the problems below first: a level with problems cannot be played.", 6);
            return;
        }
        // The draft as it is now, straight from memory: it has passed the checks, and starting
        // later only leaves out the nodes that can no longer be reached.
        PlayOptions playtest;
        playtest.keep_attempt = false;  // a trainer trying a level is not practising
        child_ = make_play_screen(ctx, level_starting_at(*level, node), playtest);
        playtest_from_ = level->nodes[static_cast<size_t>(node)].id;
    }

    ScreenRequest play_test_frame(AppContext& ctx, double dt) {
        ScreenRequest r = child_->frame(ctx, dt);
        std::string hint = "Play-testing from `" + playtest_from_ + "`.  Esc, then Main menu: back to the editor.";
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        ImVec2 size = ImGui::CalcTextSize(hint.c_str());
        ImVec2 at(12, ctx.height - size.y - 12);
        fg->AddRectFilled(ImVec2(at.x - 6, at.y - 4), ImVec2(at.x + size.x + 6, at.y + size.y + 4), theme::im(theme::kPlaytestHintBg), 4);
        fg->AddText(at, theme::im(theme::kPlaytestHint), hint.c_str());
        if (r.kind == ScreenRequest::menu || r.kind == ScreenRequest::quit || r.kind == ScreenRequest::dock) {
            child_.reset();  // back to the editor exactly as it was
            say("Back from the play-test.");
        }
        return {};
    }

    // ---- panels ----------------------------------------------------------------------------

    void top_bar(AppContext& ctx, ScreenRequest& req, ImVec2 size) {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(size);
        ImGui::Begin("##editor_bar", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus);
        if (ImGui::Button("Back to menu")) leave_for(Pending::menu, req);
        ImGui::SameLine();
        if (ImGui::Button("New level")) leave_for(Pending::new_level, req);
        ImGui::SameLine();
        if (ImGui::Button("Open...")) {
            openable_ = listed_levels(*ctx.catalogue);  // read once as it opens, not every frame
            ImGui::OpenPopup("open_level");
        }
        open_popup(req);
        ImGui::SameLine();
        if (ImGui::Button("Save")) save_or_ask();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+S. The previous file is kept as .bak");
        ImGui::SameLine();
        if (ImGui::Button("Save as...")) ask_save_as_ = true;
        if (doc_) {
            ImGui::SameLine();
            ImGui::BeginDisabled(!doc_->can_undo());
            if (ImGui::Button("Undo")) shortcut_ = Shortcut::undo;
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
                ImGui::SetTooltip("Ctrl+Z: %s", doc_->can_undo() ? doc_->undo_label().c_str() : "nothing to undo");
            ImGui::EndDisabled();
            ImGui::SameLine();
            ImGui::BeginDisabled(!doc_->can_redo());
            if (ImGui::Button("Redo")) shortcut_ = Shortcut::redo;
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
                ImGui::SetTooltip("Ctrl+Y: %s", doc_->can_redo() ? doc_->redo_label().c_str() : "nothing to redo");
            ImGui::EndDisabled();
            ImGui::SameLine(0, 24);
            if (ImGui::RadioButton("River", tab_ == Tab::river)) tab_ = Tab::river;
            ImGui::SameLine();
            if (ImGui::RadioButton("Call", tab_ == Tab::call)) tab_ = Tab::call;
            ImGui::SameLine(0, 24);
            if (ImGui::Button("Play-test")) {
                int from = sel_.kind == EditorSelection::node || sel_.kind == EditorSelection::reply ? sel_.index : -1;
                if (from < 0) from = doc_->level().node_index(doc_->level().start);
                if (from >= 0) start_play_test(ctx, from);
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("From the selected node, or from the start");
            ImGui::SameLine();
            if (ImGui::Button("Level settings")) sel_ = {EditorSelection::level};
        }
        ImGui::SameLine(0, 24);
        std::string path = doc_ ? doc_->path() : raw_path_;
        std::string name = path.empty() ? "new level (not saved yet)" : std::filesystem::path(path).filename().string();
        if (dirty()) name += "  (unsaved changes)";
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", name.c_str());
        ImGui::End();
    }

    // What was just done, under the top bar at the canvas's right edge, wrapped: a message names
    // whole paths, and the bar has room for the file's name only.
    void status_toast(ImVec2 top_right, float s) {
        if (status_.empty()) return;
        const float margin = 10 * s;
        ImGui::SetNextWindowPos(ImVec2(top_right.x - margin, top_right.y + margin), ImGuiCond_Always, ImVec2(1, 0));
        ImGui::SetNextWindowBgAlpha(0.92f);
        ImGui::Begin("##status", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
        ImGui::PushTextWrapPos(std::min(top_right.x - 4 * margin, 560 * s));
        ImGui::TextColored(theme::kTextStatus, "%s", status_.c_str());
        ImGui::PopTextWrapPos();
        ImGui::End();
    }

    void open_popup(ScreenRequest& req) {
        // A trainer's own levels join the list, so it may outgrow the window: then it scrolls.
        ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, ImGui::GetIO().DisplaySize.y * 0.85f));
        if (!ImGui::BeginPopup("open_level")) return;
        ImGui::TextUnformatted("Open a level");
        for (const LevelEntry& e : openable_) {
            std::string label = e.title + (e.yours ? "  (your level)   " : "   ") + e.path;
            if (ImGui::Selectable(label.c_str())) {
                open_path_ = e.path;
                leave_for(Pending::open, req);
            }
        }
        ImGui::Separator();
        ImGui::SetNextItemWidth(360);
        ImGui::InputTextWithHint("##openpath", "or type a path: levels/my_call.toml", &typed_path_);
        ImGui::SameLine();
        if (ImGui::Button("Open") && !typed_path_.empty()) {
            open_path_ = typed_path_;
            ImGui::CloseCurrentPopup();
            leave_for(Pending::open, req);
        }
        ImGui::EndPopup();
    }

    void select_problem(const Problem& p) {
        LineAnchor a = doc_->written().at_line(p.line);
        switch (a.kind) {
            case LineAnchor::point:
                sel_ = {EditorSelection::point, a.index};
                tab_ = Tab::river;
                if (a.index >= 0 && a.index < static_cast<int>(doc_->level().river.points.size()))
                    river_.look_at(doc_->level().river.points[static_cast<size_t>(a.index)].pos);
                break;
            case LineAnchor::rock:
                sel_ = {EditorSelection::rock, a.index};
                tab_ = Tab::river;
                if (a.index >= 0 && a.index < static_cast<int>(doc_->level().river.rocks.size()))
                    river_.look_at(doc_->level().river.rocks[static_cast<size_t>(a.index)].at);
                break;
            case LineAnchor::fork:
                sel_ = {EditorSelection::fork, a.index};
                tab_ = Tab::river;
                if (river_.sim() && a.index >= 0 && a.index < static_cast<int>(doc_->level().river.forks.size()))
                    river_.look_at(river_.sim()->river().point_at(
                        std::clamp(doc_->level().river.forks[static_cast<size_t>(a.index)].at, 0.0,
                                   river_.sim()->river().length()), 0));
                break;
            case LineAnchor::river:
            case LineAnchor::roughness:
                sel_ = {EditorSelection::river};
                tab_ = Tab::river;
                break;
            case LineAnchor::node:
            case LineAnchor::branch:
                sel_ = {EditorSelection::node, a.index};
                tab_ = Tab::call;
                graph_.look_at(a.index);
                break;
            case LineAnchor::reply:
                sel_ = {EditorSelection::reply, a.index, a.sub};
                tab_ = Tab::call;
                graph_.look_at(a.index);
                break;
            default: sel_ = {EditorSelection::level}; break;
        }
    }

    // What a problem is about, in words (its line number is of the text as it will be saved).
    std::string where(const LineAnchor& a) const {
        const Level& l = doc_->level();
        auto node_id = [&](int i) {
            return i >= 0 && i < static_cast<int>(l.nodes.size()) ? "`" + l.nodes[static_cast<size_t>(i)].id + "`" : "?";
        };
        switch (a.kind) {
            case LineAnchor::point: return "river point " + std::to_string(a.index + 1);
            case LineAnchor::rock: return "rock " + std::to_string(a.index + 1);
            case LineAnchor::fork:
                return a.index >= 0 && a.index < static_cast<int>(l.river.forks.size())
                           ? "fork \"" + l.river.forks[static_cast<size_t>(a.index)].id + "\"" : "a fork";
            case LineAnchor::node: return "node " + node_id(a.index);
            case LineAnchor::reply: return "reply " + std::string(1, static_cast<char>('A' + a.sub)) + " of " + node_id(a.index);
            case LineAnchor::branch: return "a branch of " + node_id(a.index);
            case LineAnchor::river: return "the river";
            case LineAnchor::roughness: return "the roughness";
            case LineAnchor::caller: return "the caller";
            case LineAnchor::threshold: return "a cut-in";
            case LineAnchor::vars: return "the variables";
            default: return "the level";
        }
    }

    void problems_panel(AppContext& ctx, ImVec2 pos, ImVec2 size) {
        (void)ctx;
        ImGui::SetNextWindowPos(pos);
        ImGui::SetNextWindowSize(size);
        ImGui::Begin("##problems", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus);
        if (!doc_->path().empty() && save_target_ != doc_->path())
            ImGui::TextColored(theme::kTextStatus, "A shipped level: Save keeps your changes as your own copy, in %s.",
                               std::filesystem::path(save_target_).parent_path().c_str());
        const std::vector<Problem>& problems = doc_->problems();
        if (problems.empty()) {
            const Pacing& pacing = doc_->pacing();
            ImGui::TextColored(theme::kTextCalm, "No problems: this level can be played and shared.");
            ImGui::SameLine();
            ImGui::TextDisabled("Check every path can be steered: calmwaters solve %s",
                                doc_->path().empty() ? "LEVEL" : doc_->path().c_str());
            ImGui::BeginChild("##pacing");
            // The call against the clock: warnings to act on first, then each question's numbers.
            for (size_t i = 0; i < pacing.warnings.size(); ++i) {
                const Problem& p = pacing.warnings[i];
                ImGui::PushID(static_cast<int>(1000 + i));
                std::string label = where(doc_->written().at_line(p.line)) + ":  " + p.message;
                ImGui::PushStyleColor(ImGuiCol_Text, theme::kTextStatus);
                if (ImGui::Selectable(label.c_str())) select_problem(p);
                ImGui::PopStyleColor();
                ImGui::PopID();
            }
            for (const PacingRow& r : pacing.rows) {
                if (!r.reached) continue;
                ImGui::TextDisabled("%s (fork %s): up at %.0f s, the raft there at %.0f s, %.0f s to read; %.0f m to "
                                    "cross, %.0f m needed", r.question.c_str(), r.fork.c_str(), r.asked_s, r.reach_s,
                                    r.read_s, r.room_m, r.needed_m);
            }
            ImGui::EndChild();
        } else {
            ImGui::TextColored(theme::kTextProblem, "%d problem(s) to fix. Click one to go to it.",
                               static_cast<int>(problems.size()));
            ImGui::BeginChild("##list");
            for (size_t i = 0; i < problems.size(); ++i) {
                const Problem& p = problems[i];
                ImGui::PushID(static_cast<int>(i));
                std::string label = where(doc_->written().at_line(p.line)) + ":  " + p.message;
                if (ImGui::Selectable(label.c_str())) select_problem(p);
                ImGui::PopID();
            }
            ImGui::EndChild();
        }
        ImGui::End();
    }

    void text_mode(AppContext& ctx, ImVec2 pos, ImVec2 size) {
        (void)ctx;
        ImGui::SetNextWindowPos(pos);
        ImGui::SetNextWindowSize(size);
        ImGui::Begin("##raw", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus);
        ImGui::TextColored(theme::kTextProblem, "%s can't be opened in the editor yet: mend the text below.",
                           raw_path_.c_str());
        for (const Problem& p : raw_problems_) {
            ImGui::PushTextWrapPos(0);
            ImGui::Text("line %d, column %d: %s", p.line, p.column, p.message.c_str());
            ImGui::PopTextWrapPos();
        }
        if (ImGui::Button("Check again and open")) {
            DraftLoad load = load_draft_text(raw_text_, raw_path_, catalogue_);
            if (load.draft) {
                doc_.emplace(*load.draft, raw_path_, catalogue_);
                doc_->mark_saved("");  // the mended text is not saved yet
                graph_.fit_next_frame();
            } else {
                raw_problems_ = load.problems;
            }
        }
        ImGui::InputTextMultiline("##text", &raw_text_, ImVec2(-1, -1), ImGuiInputTextFlags_AllowTabInput);
        ImGui::End();
    }

    void popups(AppContext& ctx, ScreenRequest& req) {
        (void)ctx;
        if (ask_unsaved_) {
            ImGui::OpenPopup("Unsaved changes");
            ask_unsaved_ = false;
        }
        if (ask_save_as_) {
            ImGui::OpenPopup("Save as");
            std::string path = doc_ ? doc_->path() : raw_path_;
            save_as_path_ = path.empty() ? new_level_path("my_call.toml") : level_save_path(path);
            ask_save_as_ = false;
        }
        if (ask_changed_on_disk_) {
            ImGui::OpenPopup("Changed on disk");
            ask_changed_on_disk_ = false;
        }
        ImVec2 centre(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
        ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextUnformatted("This level has changes that are not saved.");
            if (ImGui::Button("Save them")) {
                save_or_ask();
                ImGui::CloseCurrentPopup();
                if (!dirty()) carry_out(req);
                else pending_ = Pending::none;
            }
            ImGui::SameLine();
            if (ImGui::Button("Throw them away")) {
                ImGui::CloseCurrentPopup();
                if (doc_) doc_->mark_saved(doc_->written().text);
                carry_out(req);
            }
            ImGui::SameLine();
            if (ImGui::Button("Keep editing")) {
                pending_ = Pending::none;
                ImGui::CloseCurrentPopup();
            }
            ImGui::EndPopup();
        }
        ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (ImGui::BeginPopupModal("Save as", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextUnformatted("Save the level as (a file ending in .toml):");
            ImGui::SetNextItemWidth(480);
            ImGui::InputText("##saveas", &save_as_path_);
            if (ImGui::Button("Save") && !save_as_path_.empty()) {
                save(save_as_path_);
                ImGui::CloseCurrentPopup();
            }
            ImGui::SameLine();
            if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (ImGui::BeginPopupModal("Changed on disk", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextUnformatted("Another program changed this level's file, and you have unsaved edits here.");
            if (ImGui::Button("Read the file again (lose my edits)")) {
                ImGui::CloseCurrentPopup();
                pending_ = Pending::reload;
                carry_out(req);
            }
            ImGui::SameLine();
            if (ImGui::Button("Keep my edits")) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
    }

    const Catalogue& catalogue_;
    std::optional<EditorDocument> doc_;
    std::string raw_text_, raw_path_;  // text mode: a file whose shape is wrong
    std::vector<Problem> raw_problems_;
    EditorSelection sel_{EditorSelection::level};
    Tab tab_ = Tab::river;
    EditorRiverCanvas river_;
    EditorCallGraph graph_;
    EditorInspector inspector_;
    Shortcut shortcut_ = Shortcut::none;
    Pending pending_ = Pending::none;
    bool ask_unsaved_ = false, ask_save_as_ = false, ask_changed_on_disk_ = false;
    std::string open_path_, typed_path_, save_as_path_;
    FileStamp stamp_;
    double watch_clock_ = 0;
    std::string status_;
    std::vector<LevelEntry> openable_;  // the Open popup's list
    std::string save_target_;  // where Save writes the open file (a shipped one: the trainer's copy)
    double status_time_ = 0;
    std::unique_ptr<Screen> child_;  // a play-test running inside the editor
    std::string playtest_from_;
};

}  // namespace

std::unique_ptr<Screen> make_editor_screen(AppContext& ctx, const std::string& level_path) {
    return std::make_unique<EditorScreen>(ctx, level_path);
}

}  // namespace cw
