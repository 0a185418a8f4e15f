// The editor's model without a window: edits, undo and redo, saving and reading back.
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "core/bot.hpp"
#include "core/sim.hpp"
#include "editor/call_graph.hpp"
#include "editor/draft_io.hpp"
#include "editor/edits.hpp"
#include "editor/editor_document.hpp"
#include "editor/level_file.hpp"
#include "editor/level_writer.hpp"
#include "fixtures.hpp"

using namespace cw;

namespace {

std::vector<std::string> shipped_paths() {
    std::vector<std::string> out{cwtest::source_path("levels/flatpack_shelf.toml")};
    for (const auto& e : std::filesystem::directory_iterator(cwtest::source_path("levels/campaign")))
        if (e.path().extension() == ".toml" && e.path().string().find(".playlist.") == std::string::npos)
            out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

Draft draft_of(const std::string& path) {
    DraftLoad load = load_draft_file(path, cwtest::catalogue());
    REQUIRE_MESSAGE(load.draft.has_value(), format_problems(load.problems));
    CHECK_MESSAGE(load.problems.empty(), format_problems(load.problems));
    return *load.draft;
}

std::string calm_run_hash(const Level& level) {
    Simulation sim(level, cwtest::catalogue(), level.seed);
    SteeringBot bot(BotPolicy::calm, level.seed);
    while (!sim.state().finished) sim.step(bot.decide(sim));
    return sim.state_hash();
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

struct NamedEdit {
    const char* what;
    std::function<void(Draft&)> change;
};

int node_named(const Draft& d, const char* id) {
    int i = d.level.node_index(id);
    REQUIRE_MESSAGE(i >= 0, id);
    return i;
}

}  // namespace

TEST_CASE("editor: save then load gives the same level") {
    for (const std::string& path : shipped_paths()) {
        CAPTURE(path);
        Draft d = draft_of(path);
        WrittenLevel first = write_level(d);
        LevelLoad again = load_level_text(first.text, path, cwtest::catalogue());
        REQUIRE_MESSAGE(again.ok(), format_problems(again.problems));
        // The same call, tick for tick: the written level plays exactly as the original.
        LevelLoad original = load_level_file(path, cwtest::catalogue());
        REQUIRE(original.ok());
        CHECK(calm_run_hash(*again.level) == calm_run_hash(*original.level));
        CHECK(again.level->nodes.size() == original.level->nodes.size());
        CHECK(again.level->var_names == original.level->var_names);
        // And the editor's own extras come back too.
        Draft back = draft_of(path);
        DraftLoad reread = load_draft_text(first.text, path, cwtest::catalogue());
        REQUIRE(reread.draft);
        CHECK(reread.draft->var_is_flag == back.var_is_flag);
        CHECK(write_level(*reread.draft).text == first.text);
    }
}

TEST_CASE("editor: save is byte-stable") {
    auto dir = cwtest::case_dir();
    for (const std::string& path : shipped_paths()) {
        CAPTURE(path);
        Draft d = draft_of(path);
        std::string a = write_level(d).text;
        CHECK(write_level(d).text == a);
        // Written, saved, opened and saved again: the same bytes on disk.
        std::string file = (dir / "level.toml").string();
        std::string error;
        REQUIRE_MESSAGE(save_level_file(file, a, error), error);
        Draft reopened = draft_of(file);
        REQUIRE_MESSAGE(save_level_file(file, write_level(reopened).text, error), error);
        CHECK(read_file(file) == a);
    }
}

TEST_CASE("editor: trainers' comments are kept when a level is saved") {
    Draft d = draft_of(cwtest::source_path("levels/campaign/07_thu_wrong_account.toml"));
    std::string text = write_level(d).text;
    CHECK(text.rfind("# Calm Waters - campaign, week one, Thursday morning", 0) == 0);
    CHECK(text.find("# A long straight run past the first fork") != std::string::npos);
    // A comment above a question stays right above that question's node.
    int q = node_named(d, "acct_q");
    CHECK_FALSE(d.nodes[q].comment.empty());
    std::string above = d.nodes[q].comment + "\n[[call.node]]\nid = \"acct_q\"";
    CHECK(text.find(above) != std::string::npos);
}

TEST_CASE("editor: every edit undoes and redoes to the same level") {
    const Draft start = draft_of(cwtest::source_path("levels/flatpack_shelf.toml"));
    const std::vector<NamedEdit> all = {
        {"move a river point", [](Draft& d) { edits::move_point(d, 2, d.level.river.points[2].pos + Vec2{3, 1}); }},
        {"widen the river", [](Draft& d) { edits::set_point_width(d, 1, d.level.river.points[1].width + 4); }},
        {"insert a river point", [](Draft& d) { edits::insert_point(d, 2); }},
        {"delete a river point", [](Draft& d) { edits::delete_point(d, 3); }},
        {"add a rock", [](Draft& d) { edits::add_rock(d, {2, 60}, 1.2); }},
        {"move a rock", [](Draft& d) { edits::move_rock(d, 0, d.level.river.rocks[0].at + Vec2{1, 0}); }},
        {"delete a rock", [](Draft& d) { edits::delete_rock(d, 0); }},
        {"add a fork", [](Draft& d) { edits::add_fork(d, 300, 3); }},
        {"give a fork a channel", [](Draft& d) { edits::set_fork_channels(d, 0, d.level.river.forks[0].channels + 1); }},
        {"rename a fork", [](Draft& d) { edits::rename_fork(d, 0, "renamed"); }},
        {"delete a fork", [](Draft& d) { edits::delete_fork(d, 1); }},
        {"set the current", [](Draft& d) { d.level.river.current = 3.1; }},
        {"set the roughness curve", [](Draft& d) { d.level.river.roughness.intensity_gain = 1.3; }},
        {"add a line", [](Draft& d) { edits::add_node(d, edits::NodeKind::line, {40, 900}); }},
        {"add a question", [](Draft& d) { edits::add_node(d, edits::NodeKind::question, {40, 900}); }},
        {"delete a node", [](Draft& d) { edits::delete_node(d, 1); }},
        {"rename a node", [](Draft& d) { edits::rename_node(d, 0, "first_words"); }},
        {"make a line an ending", [](Draft& d) { edits::set_node_kind(d, 0, edits::NodeKind::ending); }},
        {"move a node in the graph", [](Draft& d) { edits::set_node_pos(d, 0, {123, 456}); }},
        {"write the caller's line", [](Draft& d) { d.level.nodes[0].say = "Something new."; }},
        {"add a discussion prompt", [](Draft& d) { d.level.nodes[0].discuss = "What would you say?"; }},
        {"add a reply", [](Draft& d) {
             for (size_t i = 0; i < d.level.nodes.size(); ++i)
                 if (d.level.nodes[i].is_question()) {
                     edits::add_reply(d, static_cast<int>(i));
                     return;
                 }
         }},
        {"delete a reply", [](Draft& d) {
             for (size_t i = 0; i < d.level.nodes.size(); ++i)
                 if (d.level.nodes[i].is_question()) {
                     edits::delete_reply(d, static_cast<int>(i), 0);
                     return;
                 }
         }},
        {"swap two channels", [](Draft& d) {
             for (size_t i = 0; i < d.level.nodes.size(); ++i)
                 if (d.level.nodes[i].is_question()) {
                     edits::move_reply(d, static_cast<int>(i), 0, 1);
                     return;
                 }
         }},
        {"add a technique", [](Draft& d) {
             for (Node& n : d.level.nodes)
                 if (n.is_question()) {
                     n.replies[0].techniques.push_back("smile");
                     return;
                 }
         }},
        {"set a reply's effect", [](Draft& d) {
             for (Node& n : d.level.nodes)
                 if (n.is_question()) {
                     n.replies[0].intensity = -7;
                     return;
                 }
         }},
        {"add a variable", [](Draft& d) { edits::add_variable(d, "checked_box", true); }},
        {"set the caller's persona", [](Draft& d) {
             d.level.caller.personas.clear();  // one persona instead of a list to draw from
             d.level.caller.persona = "in_a_hurry";
         }},
        {"write a comment for trainers", [](Draft& d) { d.nodes[0].comment = "A note for the next trainer."; }},
    };
    for (const NamedEdit& e : all) {
        std::string what = e.what;
        CAPTURE(what);
        EditorDocument doc(start, "level.toml", cwtest::catalogue());
        const std::string before = doc.written().text;
        REQUIRE(doc.apply(e.what, e.change));  // an edit that changes nothing is not an edit
        const std::string after = doc.written().text;
        CHECK(after != before);
        CHECK(doc.undo_label() == e.what);
        doc.undo();
        CHECK(doc.written().text == before);
        CHECK(doc.draft().nodes.size() == doc.level().nodes.size());
        CHECK_FALSE(doc.dirty());
        doc.redo();
        CHECK(doc.written().text == after);
        CHECK(doc.dirty());
        // Undo once more after the redo: still the original.
        doc.undo();
        CHECK(doc.written().text == before);
    }
}

TEST_CASE("editor: a drag or a typed word is one step to undo") {
    EditorDocument doc(starter_draft(), "", cwtest::catalogue());
    const std::string before = doc.written().text;
    for (int i = 1; i <= 5; ++i)
        doc.apply("Move a rock", [i](Draft& d) { edits::move_point(d, 1, {0.5 * i, 60}); }, "drag point 1");
    doc.end_merge();
    doc.apply("Write the title", [](Draft& d) { d.level.title = "Mine"; }, "title");
    CHECK(doc.can_undo());
    doc.undo();
    CHECK(doc.level().title == "A new call");
    CHECK(doc.level().river.points[1].pos.x == doctest::Approx(2.5));
    doc.undo();
    CHECK(doc.written().text == before);
    CHECK_FALSE(doc.can_undo());
    // A new edit after undoing drops what could have been redone.
    doc.apply("Current", [](Draft& d) { d.level.river.current = 2.5; });
    CHECK_FALSE(doc.can_redo());
}

TEST_CASE("editor: a new level passes every check") {
    EditorDocument doc(starter_draft(), "", cwtest::catalogue());
    CHECK_MESSAGE(doc.problems().empty(), format_problems(doc.problems()));
    CHECK(doc.playable().has_value());
    CHECK(doc.river_only().has_value());
}

TEST_CASE("editor: live problems point at the thing that is wrong") {
    EditorDocument doc(starter_draft(), "", cwtest::catalogue());
    int ask = doc.level().node_index("ask");
    doc.apply("Link", [ask](Draft& d) { d.level.nodes[ask].replies[1].next = "nowhere"; });
    REQUIRE(doc.problems().size() == 1);
    const Problem& p = doc.problems().front();
    CHECK(p.message.find("unknown node \"nowhere\"") != std::string::npos);
    LineAnchor a = doc.written().at_line(p.line);
    CHECK(a.kind == LineAnchor::reply);
    CHECK(a.index == ask);
    CHECK(a.sub == 1);
    CHECK_FALSE(doc.playable().has_value());
    CHECK(doc.river_only().has_value());  // the river still draws while the call is broken

    // A river problem points at the river point.
    doc.undo();
    doc.apply("Squeeze", [](Draft& d) { edits::move_point(d, 2, d.level.river.points[1].pos + Vec2{0, 1}); });
    REQUIRE_FALSE(doc.problems().empty());
    CHECK(doc.written().at_line(doc.problems().front().line).kind == LineAnchor::point);
    CHECK_FALSE(doc.river_only().has_value());
}

TEST_CASE("editor: a half-finished level still opens, with its problems") {
    std::string text = cwtest::straight_river() + "[[call.node]]\nid = \"orphan\"\nsay = \"Hm.\"\nend = \"hung_up\"\n";
    DraftLoad load = load_draft_text(text, "half.toml", cwtest::catalogue());
    REQUIRE(load.draft);
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].message.find("can never be reached") != std::string::npos);
    // A file whose shape is wrong cannot become a draft: it opens as text.
    DraftLoad broken = load_draft_text("format = = 1", "broken.toml", cwtest::catalogue());
    CHECK_FALSE(broken.draft);
    CHECK_FALSE(broken.problems.empty());
}

TEST_CASE("editor: renaming a node renames every link to it") {
    EditorDocument doc(draft_of(cwtest::source_path("levels/flatpack_shelf.toml")), "x.toml", cwtest::catalogue());
    REQUIRE(doc.problems().empty());
    std::string old_start = doc.level().start;
    doc.apply("Rename", [&](Draft& d) { edits::rename_node(d, d.level.node_index(old_start), "opening"); });
    CHECK(doc.level().start == "opening");
    CHECK_MESSAGE(doc.problems().empty(), format_problems(doc.problems()));
}

TEST_CASE("editor: graph positions are kept and missing ones laid out apart") {
    Draft d = draft_of(cwtest::source_path("levels/campaign/07_thu_wrong_account.toml"));
    d.nodes[0].pos = Vec2{-500, -500};
    std::vector<Vec2> pos = layout_call(d, false);
    REQUIRE(pos.size() == d.level.nodes.size());
    CHECK(pos[0].x == -500);
    for (size_t i = 0; i < pos.size(); ++i)
        for (size_t j = i + 1; j < pos.size(); ++j) {
            CAPTURE(i);
            CAPTURE(j);
            bool apart = std::fabs(pos[i].x - pos[j].x) >= kLayoutColumn * 0.8 ||
                         std::fabs(pos[i].y - pos[j].y) >= kLayoutRow * 0.8;
            CHECK(apart);
        }
    // Positions are saved with the level and read back.
    d.nodes[3].pos = Vec2{77, 88};
    DraftLoad back = load_draft_text(write_level(d).text, "x.toml", cwtest::catalogue());
    REQUIRE(back.draft);
    REQUIRE(back.draft->nodes[3].pos);
    CHECK(back.draft->nodes[3].pos->x == 77);
    CHECK(back.draft->nodes[3].pos->y == 88);
}

TEST_CASE("editor: dead ends are marked in the graph") {
    Draft d = starter_draft();
    const std::vector<bool> none = dead_ends(d.level);
    CHECK(std::none_of(none.begin(), none.end(), [](bool b) { return b; }));
    d.level.nodes[3].end = Outcome::none;
    d.level.nodes[3].next = "missing";
    std::vector<bool> dead = dead_ends(d.level);
    CHECK(dead[3]);
    CHECK(dead[1]);  // the question can lead to it
    CHECK(dead[0]);
    CHECK_FALSE(dead[2]);
}

TEST_CASE("editor: play-testing from a node keeps only what can still be reached") {
    Level shelf = cwtest::shipped_level();
    for (size_t i = 0; i < shelf.nodes.size(); ++i) {
        CAPTURE(shelf.nodes[i].id);
        Level from = level_starting_at(shelf, static_cast<int>(i));
        Draft d;
        d.level = from;
        d.sync();
        LevelLoad load = load_level_text(write_level(d).text, "playtest.toml", cwtest::catalogue());
        CHECK_MESSAGE(load.ok(), format_problems(load.problems));
        if (load.ok()) CHECK(load.level->start == shelf.nodes[i].id);
    }
}

TEST_CASE("editor: saving keeps the previous file as a backup") {
    auto dir = cwtest::case_dir();
    std::string file = (dir / "mine.toml").string();
    std::string error;
    REQUIRE(save_level_file(file, "first = 1\n", error));
    CHECK_FALSE(std::filesystem::exists(backup_path(file)));
    FileStamp one = file_stamp(file);
    REQUIRE(save_level_file(file, "second = 2\n", error));
    CHECK(read_file(file) == "second = 2\n");
    CHECK(read_file(backup_path(file)) == "first = 1\n");
    CHECK_FALSE(std::filesystem::exists(file + ".saving"));
    CHECK(file_stamp(file) != one);
    CHECK_FALSE(save_level_file(dir.string(), "x", error));  // a folder is not a file
    CHECK(error.find("folder") != std::string::npos);
}
