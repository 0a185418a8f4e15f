// A river laid out from the call: every shipped call with its coordinates taken out still
// checks, solves and plays the same way; the layout is deterministic, survives `layout --write`,
// follows its stated rules (the crossing rule against the physics), and a broken file says
// what is wrong on the right line.
#include "child_process.hpp"
#include "fixtures.hpp"

#include <algorithm>
#include <fstream>

#include "content/pacing.hpp"
#include "core/bot.hpp"
#include "core/call_timeline.hpp"
#include "core/river.hpp"
#include "core/river_layout.hpp"
#include "editor/draft_io.hpp"
#include "editor/editor_document.hpp"
#include "editor/level_writer.hpp"
#include "editor/solver.hpp"
#include "play/call_run.hpp"

namespace fs = std::filesystem;
using namespace cw;

namespace {

std::vector<std::string> shipped_levels(const std::string& folder) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(cwtest::source_path(folder)))
        if (e.path().extension() == ".toml" && e.path().string().find(".playlist.") == std::string::npos)
            out.push_back(e.path().string());
    std::sort(out.begin(), out.end());
    return out;
}

// The level's file with every coordinate taken out: no points, no fork `at`, and the rocks
// written by position replaced by `rocks = "few"`.
std::string without_coordinates(const std::string& path) {
    DraftLoad d = load_draft_file(path, cwtest::catalogue());
    REQUIRE_MESSAGE(d.draft, format_problems(d.problems));
    Draft draft = *d.draft;
    draft.level.river.laid_out = true;
    draft.level.river.rocks.clear();
    draft.level.river.rock_amount = RockAmount::few;
    draft.sync();
    std::string text = write_level(draft).text;
    REQUIRE(text.find("points = [") == std::string::npos);
    return text;
}

Outcome calm_outcome(const Level& level) {
    CallRun run(CallSetup{level, level.path, level.seed, {}}, cwtest::catalogue());
    BotInput bot(BotPolicy::calm, level.seed);
    while (!run.finished()) run.step(bot);
    return run.sim().state().outcome;
}

void laid_out_like_the_original(const std::string& folder) {
    for (const std::string& path : shipped_levels(folder)) {
        CAPTURE(path);
        const Level original = cwtest::level_from(cwtest::slurp(path), path);
        LevelLoad laid = load_level_text(without_coordinates(path), path, cwtest::catalogue());
        REQUIRE_MESSAGE(laid.ok(), format_problems(laid.problems));
        const Level& level = *laid.level;
        CHECK(level.river.laid_out);
        CHECK(level.river.points.size() >= 10);
        // Its own pacing finds nothing to warn about: every question readable, every crossing roomy.
        Pacing pacing = level_pacing(level, cwtest::catalogue(), SourceText(path, ""));
        CHECK_MESSAGE(pacing.warnings.empty(), format_problems(pacing.warnings));
        CHECK(calm_outcome(level) == calm_outcome(original));
        SolveResult solved = solve_level(level, cwtest::catalogue());
        for (const SolvedPath& p : solved.paths) {
            if (p.failed_at) CAPTURE(p.failed_at->reason);
            CHECK(p.steerable);
        }
    }
}

// A small call on a generated river: two questions, the second after a line of known length.
const std::string kSmall = R"(format = 2
title = "Small"
seed = 5
[caller]
name = "Ivy"
issue = "testing"
intensity = 40
[river]
current = 2.0
[[river.fork]]
id = "one"
channels = 2
[[river.fork]]
id = "two"
channels = 3
island = 3
[call]
start = "hello"
[[call.node]]
id = "hello"
say = "Hello."
seconds = 10
next = "q1"
[[call.node]]
id = "q1"
say = "Which one?"
fork = "one"
[[call.node.reply]]
text = "The first."
grade = "best"
techniques = ["listen"]
next = "middle"
[[call.node.reply]]
text = "The second."
grade = "slip"
techniques = ["listen"]
next = "middle"
[[call.node]]
id = "middle"
say = "Right."
seconds = 6
next = "q2"
[[call.node]]
id = "q2"
say = "And now?"
fork = "two"
[[call.node.reply]]
text = "A."
grade = "best"
techniques = ["listen"]
next = "bye"
[[call.node.reply]]
text = "B."
grade = "good"
techniques = ["listen"]
next = "bye"
[[call.node.reply]]
text = "C."
grade = "trap"
techniques = ["listen"]
next = "bye"
[[call.node]]
id = "bye"
say = "Bye."
seconds = 4
end = "resolved"
)";

}  // namespace

TEST_CASE("river layout: the first week's calls without coordinates check, solve and end the same" * cwtest::slow()) {
    laid_out_like_the_original("levels/campaign");
    laid_out_like_the_original("levels");
}

TEST_CASE("river layout: the second week's calls without coordinates check, solve and end the same" * cwtest::slow()) {
    laid_out_like_the_original("levels/week2");
}

TEST_CASE("river layout: a format 1 file without points is laid out too") {
    std::string text = kSmall;
    text.replace(text.find("format = 2"), 10, "format = 1");
    const Level level = cwtest::level_from(text);
    CHECK(level.format == 1);
    CHECK(level.river.laid_out);
    CHECK(level.river.forks[1].at > level.river.forks[0].at + level.river.forks[0].length);
}

TEST_CASE("river layout: same file, same river; the forks follow the call's clock") {
    const Level a = cwtest::level_from(kSmall), b = cwtest::level_from(kSmall);
    REQUIRE(a.river.points.size() == b.river.points.size());
    for (size_t i = 0; i < a.river.points.size(); ++i) {
        CHECK(a.river.points[i].pos.x == b.river.points[i].pos.x);
        CHECK(a.river.points[i].pos.y == b.river.points[i].pos.y);
        CHECK(a.river.points[i].width == b.river.points[i].width);
    }
    // The timeline by hand: q1 comes up after "Hello." (10 s); it needs 8 s to read (its text
    // is short), so the raft, drifting at 2.2 m/s from 6 m, must not reach fork one before
    // 6 + 2.2 * 18 = 45.6 m. Its widths follow the channels: 2 x 6.5 + 4 (island) = 17 m,
    // but never narrower than the river (18 m); 3 x 6.5 + 2 x 3 = 25.5 m.
    const Fork& one = a.river.forks[0];
    const Fork& two = a.river.forks[1];
    CHECK(one.at >= 45.6);
    RiverGeometry river(a.river);
    CHECK(2 * river.half_width_at(one.at + one.length / 2) == doctest::Approx(18.0).epsilon(0.02));
    CHECK(2 * river.half_width_at(two.at + two.length / 2) == doctest::Approx(25.5).epsilon(0.02));

    Pacing pacing = level_pacing(a, cwtest::catalogue(), SourceText("small.toml", kSmall));
    REQUIRE(pacing.rows.size() == 2);
    const double v = 2.0 * kPlanningSpeedShare;
    CHECK(pacing.rows[0].question == "q1");
    CHECK(pacing.rows[0].asked_s == doctest::Approx(10.0));
    CHECK(pacing.rows[0].read_s == doctest::Approx(8.0));
    CHECK(pacing.rows[0].reach_s == doctest::Approx((one.at - 6.0) / v));
    // q2 comes up 6 s after the raft crosses fork one's middle.
    CHECK(pacing.rows[1].asked_s == doctest::Approx((one.at + one.length / 2 - 6.0) / v + 6.0));
    CHECK(pacing.rows[1].room_m == doctest::Approx(two.at - (one.at + one.length)));
    CHECK(pacing.rows[1].room_m >= pacing.rows[1].needed_m);
    CHECK_MESSAGE(pacing.warnings.empty(), format_problems(pacing.warnings));
    CHECK(pacing_table(pacing).find("q2") != std::string::npos);
}

TEST_CASE("river layout: a hand-made river too short to cross or read is warned about, on the fork's own line") {
    std::string text = kSmall;
    text.replace(text.find("current = 2.0\n"), 14,
                 "current = 2.0\npoints = [[0, 0, 26], [0, 100, 26], [0, 200, 26], [0, 300, 26]]\n");
    text.replace(text.find("id = \"one\"\n"), 11, "id = \"one\"\nat = 30\n");
    text.replace(text.find("id = \"two\"\n"), 11, "id = \"two\"\nat = 100\n");
    const Level level = cwtest::level_from(text);
    Pacing pacing = level_pacing(level, cwtest::catalogue(), SourceText("short.toml", text));
    const std::string said = format_problems(pacing.warnings);
    CHECK(said.find("the raft needs about") != std::string::npos);
    CHECK(said.find("to channel") != std::string::npos);
    CHECK(said.find("fork \"two\"; there are 30 m") != std::string::npos);
    CHECK(said.find("short.toml:") != std::string::npos);
    // q1 comes up at 10 s; the raft is at fork one (30 m) by about 11 s: too late to read.
    CHECK(said.find("run ") != std::string::npos);
}

TEST_CASE("river layout: the crossing rule holds for the steering bot in rough water") {
    // A straight river wide enough for any crossing: from mid-river, steer `lateral` metres
    // across at a set roughness with composure 55; the rule's metres must be enough.
    for (double current : {1.5, 3.0})
        for (double rough : {0.3, 0.7})
            for (double lateral : {6.0, 14.0}) {
                CAPTURE(current);
                CAPTURE(rough);
                CAPTURE(lateral);
                std::string text = "format = 1\ntitle = \"x\"\nseed = 4\n[caller]\nname = \"K\"\nissue = \"t\"\n"
                                   "intensity = 50\n[player]\ncomposure = 55\n[river]\ncurrent = " +
                                   std::to_string(current) +
                                   "\npoints = [[0,0,60],[0,200,60],[0,400,60],[0,700,60]]\n[river.roughness]\nbase = " +
                                   std::to_string(rough) +
                                   "\nintensity_gain = 0\n[call]\nstart = \"a\"\n[[call.node]]\nid = \"a\"\n"
                                   "say = \"hello\"\nseconds = 60\nend = \"resolved\"\n";
                const Level level = cwtest::level_from(text);
                for (uint64_t seed = 1; seed <= 3; ++seed) {
                    Simulation sim(level, cwtest::catalogue(), seed);
                    for (int i = 0; i < 120; ++i) sim.step({paddle_toward(sim, 0), false});
                    const double from = sim.state().progress;
                    for (int i = 0; i < 60 * 120 && sim.state().lateral < lateral; ++i)
                        sim.step({paddle_toward(sim, lateral + 3.0), false});
                    CHECK(sim.state().progress - from <= crossing_metres(lateral, rough, current));
                }
            }
}

TEST_CASE("river layout: layout --write puts the river into the file, comments kept, and it reads back the same") {
    fs::path dir = cwtest::case_dir();
    std::string text = kSmall;
    text.replace(text.find("[river]\n"), 8, "# The river, for now laid out by the game.\n[river]\n");
    text.replace(text.find("id = \"two\"\n"), 11, "id = \"two\"  # the second fork\n");
    const fs::path file = dir / "small.toml";
    std::ofstream(file) << text;
    const Level before = cwtest::level_from(text);

    auto printed = cwtest::run_cli({"layout", file.string()});
    CHECK(printed.code == 0);
    CHECK(printed.out.find("points = [") != std::string::npos);
    CHECK(printed.out.find("id = \"one\": at = ") != std::string::npos);

    auto written = cwtest::run_cli({"layout", file.string(), "--write"});
    INFO(written.err);
    REQUIRE(written.code == 0);
    const std::string after = cwtest::slurp(file);
    CHECK(after.find("# The river, for now laid out by the game.") != std::string::npos);
    CHECK(after.find("id = \"two\"  # the second fork\nat = ") != std::string::npos);
    CHECK(after.find("points = [") != std::string::npos);
    CHECK(fs::exists(file.string() + ".bak"));
    const Level back = cwtest::level_from(after);
    CHECK_FALSE(back.river.laid_out);
    REQUIRE(back.river.points.size() == before.river.points.size());
    for (size_t i = 0; i < back.river.points.size(); ++i) {
        CHECK(back.river.points[i].pos.x == before.river.points[i].pos.x);
        CHECK(back.river.points[i].pos.y == before.river.points[i].pos.y);
        CHECK(back.river.points[i].width == before.river.points[i].width);
    }
    for (size_t k = 0; k < back.river.forks.size(); ++k) CHECK(back.river.forks[k].at == before.river.forks[k].at);
    auto checked = cwtest::run_cli({"check", file.string()});
    CHECK(checked.code == 0);
    // Written twice, the text does not change: the points are replaced, not added again.
    REQUIRE(cwtest::run_cli({"layout", file.string(), "--write"}).code == 0);
    CHECK(cwtest::slurp(file) == after);
}

TEST_CASE("river layout: a file mixing a laid-out river with coordinates says what to change, on that line") {
    auto problems = [](const std::string& text) {
        LevelLoad l = load_level_text(text, "mixed.toml", cwtest::catalogue());
        REQUIRE_FALSE(l.ok());
        return format_problems(l.problems);
    };
    std::string with_at = kSmall;
    with_at.replace(with_at.find("id = \"one\"\n"), 11, "id = \"one\"\nat = 50\n");
    std::string said = problems(with_at);
    CHECK(said.find("mixed.toml:12:6: this river has no `points`, so the game places its forks") != std::string::npos);

    std::string points_no_at = kSmall;
    points_no_at.replace(points_no_at.find("current = 2.0\n"), 14,
                         "current = 2.0\npoints = [[0, 0, 26], [0, 100, 26], [0, 400, 26]]\n");
    said = problems(points_no_at);
    CHECK(said.find("fork \"one\" needs `at`") != std::string::npos);

    std::string rock = kSmall;
    rock.replace(rock.find("[[river.fork]]"), 14, "[[river.rock]]\nat = [1, 80]\nradius = 1\n[[river.fork]]");
    said = problems(rock);
    CHECK(said.find("a rock placed by its `at` needs the river's `points`") != std::string::npos);

    std::string lots = kSmall;
    lots.replace(lots.find("current = 2.0\n"), 14, "current = 2.0\nrocks = \"lots\"\n");
    said = problems(lots);
    CHECK(said.find("mixed.toml:10:9: `rocks` is \"none\", \"few\" or \"many\"") != std::string::npos);
}

TEST_CASE("river layout: rocks come from the seed, in open water, and many is more than few") {
    std::string longer = kSmall;  // a long line before the second question: a long stretch of water
    longer.replace(longer.find("seconds = 6\n"), 12, "seconds = 60\n");
    std::string few = longer, many = longer;
    few.replace(few.find("current = 2.0\n"), 14, "current = 2.0\nrocks = \"few\"\n");
    many.replace(many.find("current = 2.0\n"), 14, "current = 2.0\nrocks = \"many\"\n");
    const Level a = cwtest::level_from(few), b = cwtest::level_from(many), none = cwtest::level_from(longer);
    CHECK(none.river.rocks.empty());
    CHECK(a.river.rocks.size() >= 1);
    CHECK(b.river.rocks.size() > a.river.rocks.size());
    // The same bends whatever the rocks.
    CHECK(a.river.points.back().pos.x == none.river.points.back().pos.x);
    RiverGeometry river(b.river);
    for (const Rock& r : b.river.rocks) {
        CHECK(r.scattered);
        RiverFrame f = river.project(r.at);
        CHECK(f.s >= kRockFrom);
        for (const Fork& fork : b.river.forks) CHECK((f.s < fork.at - 10 || f.s > fork.at + fork.length + 5));
    }
}

TEST_CASE("river layout: in the editor the river follows the call until the trainer moves it") {
    DraftLoad d = load_draft_text(kSmall, "small.toml", cwtest::catalogue());
    REQUIRE(d.draft);
    EditorDocument doc(*d.draft, "", cwtest::catalogue());
    REQUIRE(doc.level().river.laid_out);
    const double at_before = doc.level().river.forks[1].at;
    // A longer line before the second question moves its fork down the river.
    doc.apply("Say more", [](Draft& dr) { dr.level.nodes[static_cast<size_t>(dr.level.node_index("middle"))].seconds = 60; });
    CHECK(doc.level().river.forks[1].at > at_before + 20);
    CHECK(doc.written().text.find("points = [") == std::string::npos);
    CHECK(doc.problems().empty());

    // The button writes the river out, as one step to undo.
    std::string why;
    REQUIRE(doc.lay_out_river_from_call(why));
    CHECK_FALSE(doc.level().river.laid_out);
    CHECK(doc.written().text.find("points = [") != std::string::npos);
    CHECK(doc.undo_label() == "Lay out the river from the call");
    doc.undo();
    CHECK(doc.level().river.laid_out);

    // Dragging a point makes the river the trainer's: its points are written from then on.
    doc.apply("Move a point", [](Draft& dr) { dr.level.river.points[3].pos.x += 2; });
    CHECK_FALSE(doc.level().river.laid_out);
    CHECK(doc.written().text.find("points = [") != std::string::npos);
}

TEST_CASE("river layout: the solver names a crossing too short as the cause, and says what to change") {
    std::string text = kSmall;
    text.replace(text.find("current = 2.0\n"), 14,
                 "current = 2.0\npoints = [[0, 0, 26], [0, 100, 26], [0, 200, 26], [0, 300, 26]]\n");
    text.replace(text.find("id = \"one\"\n"), 11, "id = \"one\"\nat = 30\n");
    text.replace(text.find("id = \"two\"\n"), 11, "id = \"two\"\nat = 100\n");
    text.replace(text.find("format = 2"), 10, "format = 2\nshuffle = false");
    const Level level = cwtest::level_from(text);
    SolveResult r = solve_level(level, cwtest::catalogue());
    bool named = false;
    for (const SolvedPath& p : r.paths) {
        if (!p.failed_at) continue;
        CAPTURE(p.failed_at->reason);
        if (p.failed_at->reason.find("the raft needs about") == std::string::npos) continue;
        CHECK(p.failed_at->reason.find("to cross from channel ") != std::string::npos);
        CHECK(p.failed_at->reason.find("of fork \"two\"; there are 30 m") != std::string::npos);
        CHECK(p.failed_at->advice.find("move fork \"two\" about") != std::string::npos);
        named = true;
    }
    CHECK(named);
    // Laid out from the same call, every path steers.
    SolveResult laid = solve_level(cwtest::level_from(kSmall), cwtest::catalogue());
    CHECK(laid.all_steerable());
}

TEST_CASE("river layout: calmwaters new writes a call that checks and solves as written, and never overwrites") {
    fs::path dir = cwtest::case_dir();
    const fs::path file = dir / "weeks" / "my_call.toml";
    auto made = cwtest::run_cli({"new", file.string()});
    INFO(made.err);
    REQUIRE(made.code == 0);
    CHECK(made.out.find("check --pacing") != std::string::npos);
    const std::string text = cwtest::slurp(file);
    CHECK(text.find("points = ") == std::string::npos);
    CHECK(text.find("\nat = ") == std::string::npos);
    const Level level = cwtest::level_from(text, file.string());
    CHECK(level.river.laid_out);
    CHECK(level.river.forks.size() == 2);
    // Every reply graded, the wrong ones with feedback; the best not always the longest.
    int best_longest = 0;
    for (const Node& n : level.nodes) {
        if (!n.is_question()) continue;
        size_t longest = 0;
        for (const Reply& r : n.replies) {
            longest = std::max(longest, r.text.size());
            if (r.grade == Grade::slip || r.grade == Grade::trap) CHECK_FALSE(r.feedback.empty());
        }
        for (const Reply& r : n.replies) best_longest += r.grade == Grade::best && r.text.size() == longest;
    }
    CHECK(best_longest < 2);
    CHECK(solve_level(level, cwtest::catalogue()).all_steerable());
    CHECK(cwtest::run_cli({"check", "--pacing", file.string()}).err.find("warning") == std::string::npos);

    // A second time, the trainer's file is kept as it is.
    std::ofstream(file) << "mine";
    auto again = cwtest::run_cli({"new", file.string()});
    CHECK(again.code == 1);
    CHECK(again.err.find("already exists") != std::string::npos);
    CHECK(cwtest::slurp(file) == "mine");
}
