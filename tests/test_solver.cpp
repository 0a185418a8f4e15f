// The solver: every path through a call, each steered by the bot at the water it makes.
#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "editor/solver.hpp"
#include "fixtures.hpp"

using namespace cw;

namespace {

// Two forks of two channels; both first replies lead to the second question.
std::string two_forks(const std::string& rocks = "", const std::string& island = "4") {
    return "format = 1\ntitle = \"Two forks\"\nseed = 5\n"
           "[caller]\nname = \"Test\"\nissue = \"testing\"\nintensity = 30\n"
           "[river]\ncurrent = 2.0\n"
           "points = [[0, 0, 24], [0, 60, 24], [0, 200, 24], [0, 320, 24], [0, 380, 24]]\n"
           "[[river.fork]]\nid = \"one\"\nat = 90\nlength = 40\nchannels = 2\nisland = " + island + "\n"
           "[[river.fork]]\nid = \"two\"\nat = 230\nlength = 40\nchannels = 2\nisland = " + island + "\n" + rocks +
           "[call]\nstart = \"q1\"\n"
           "[[call.node]]\nid = \"q1\"\nsay = \"First?\"\nfork = \"one\"\n"
           "[[call.node.reply]]\ntext = \"Calm one\"\ntechniques = [\"listen\"]\nnext = \"mid\"\n"
           "[[call.node.reply]]\ntext = \"Sharp one\"\ntechniques = [\"argue\"]\nnext = \"mid\"\n"
           "[[call.node]]\nid = \"mid\"\nsay = \"Go on.\"\nnext = \"q2\"\n"
           "[[call.node]]\nid = \"q2\"\nsay = \"Second?\"\nfork = \"two\"\n"
           "[[call.node.reply]]\ntext = \"Calm two\"\ntechniques = [\"empathize\"]\nnext = \"good\"\n"
           "[[call.node.reply]]\ntext = \"Sharp two\"\ntechniques = [\"match_tone\"]\nnext = \"bad\"\n"
           "[[call.node]]\nid = \"good\"\nsay = \"Thanks.\"\nend = \"resolved\"\n"
           "[[call.node]]\nid = \"bad\"\nsay = \"Bye.\"\nend = \"hung_up\"\n";
}

// Two rocks across channel A of the second fork, each gap narrower than the raft: the checks
// allow them (each rock is clear of the bank, the island and the other), but no raft passes.
const std::string kWall = "[[river.rock]]\nat = [-9.5, 238]\nradius = 2\n"
                          "[[river.rock]]\nat = [-4, 238]\nradius = 2\n";

std::vector<std::pair<std::string, int>> replies_of(const Level& l, const SolvedPath& p) {
    std::vector<std::pair<std::string, int>> out;
    for (const PathReply& r : p.replies) out.push_back({l.nodes[static_cast<size_t>(r.node)].id, r.reply});
    return out;
}

using cwtest::Finished;
using cwtest::run_cli;

}  // namespace

TEST_CASE("solver: finds every path of a small level, with the right replies") {
    Level level = cwtest::level_from(two_forks());
    SolveResult r = solve_level(level, cwtest::catalogue());
    REQUIRE(r.paths.size() == 4);
    CHECK_FALSE(r.capped);
    using Seq = std::vector<std::pair<std::string, int>>;
    CHECK(replies_of(level, r.paths[0]) == Seq{{"q1", 0}, {"q2", 0}});
    CHECK(replies_of(level, r.paths[1]) == Seq{{"q1", 0}, {"q2", 1}});
    CHECK(replies_of(level, r.paths[2]) == Seq{{"q1", 1}, {"q2", 0}});
    CHECK(replies_of(level, r.paths[3]) == Seq{{"q1", 1}, {"q2", 1}});
    for (const SolvedPath& p : r.paths) {
        CHECK(p.steerable);
        CHECK_FALSE(p.failed_at);
        CHECK(p.taken.size() == 2);
    }
    CHECK(r.paths[0].outcome == Outcome::resolved);
    CHECK(r.paths[1].outcome == Outcome::hung_up);
    CHECK(r.paths[0].ending == "good");
    CHECK(r.all_steerable());
}

TEST_CASE("solver: flags a channel no raft can get through") {
    Level level = cwtest::level_from(two_forks(kWall, "1"));
    SolveResult r = solve_level(level, cwtest::catalogue());
    REQUIRE(r.paths.size() == 4);
    CHECK_FALSE(r.all_steerable());
    for (const SolvedPath& p : r.paths) {
        bool aims_at_wall = p.replies.size() == 2 && p.replies[1].reply == 0;
        CAPTURE(p.replies.size());
        CHECK(p.steerable == !aims_at_wall);
        if (aims_at_wall) {
            REQUIRE(p.failed_at);
            CHECK(p.failed_at->fork == "two");
            CHECK(p.failed_at->node == "q2");
            CHECK(p.failed_at->progress == doctest::Approx(236).epsilon(0.02));
            CHECK(p.failed_at->reason.find("channel A") != std::string::npos);
        }
    }
}

TEST_CASE("solver: a shuffled call is proved over every pair of channels, a fixed one in its order") {
    // Shuffled, the replies of q2 may land on the walled channel A whichever reply it is, so
    // every path fails somewhere in the proof, and says where its replies lay.
    std::string shuffled = two_forks(kWall, "1");
    shuffled.replace(shuffled.find("seed = 5\n"), 9, "seed = 5\nshuffle = true\n");
    SolveResult r = solve_level(cwtest::level_from(shuffled), cwtest::catalogue());
    CHECK(r.shuffled);
    REQUIRE(r.paths.size() == 4);
    for (const SolvedPath& p : r.paths) {
        CHECK_FALSE(p.steerable);
        REQUIRE(p.failed_at);
        CHECK(p.failed_at->fork == "two");
        if (p.replies[1].reply == 0) {  // on the wall as written: the walk itself fails
            CHECK(p.failed_at->arrangement.empty());
            CHECK(p.arrangements == 0);
        } else {
            CHECK(p.failed_at->arrangement.find("q2 B on channel A") != std::string::npos);
            CHECK(p.arrangements >= 1);
        }
    }

    // Without the wall every pair steers: two forks of two channels is four layouts a path,
    // three once the authored one (walked already) is left out.
    std::string open_water = two_forks();
    open_water.replace(open_water.find("seed = 5\n"), 9, "seed = 5\nshuffle = true\n");
    SolveResult ok = solve_level(cwtest::level_from(open_water), cwtest::catalogue());
    CHECK(ok.all_steerable());
    for (const SolvedPath& p : ok.paths) CHECK(p.arrangements == 3);
    CHECK(ok.runs == 4 * 4);
    CHECK(ok.proved().find("every channel of each fork can be reached from every channel of the fork before") !=
          std::string::npos);

    // Unshuffled (format 1's default), only the authored order is walked.
    SolveResult fixed = solve_level(cwtest::level_from(two_forks()), cwtest::catalogue());
    CHECK_FALSE(fixed.shuffled);
    CHECK(fixed.runs == 4);
    CHECK(fixed.proved().find("does not shuffle") != std::string::npos);
}

TEST_CASE("solver: walks each persona the caller may draw, with the longest wording") {
    std::string text = two_forks();
    text.replace(text.find("intensity = 30\n"), 15, "intensity = 30\npersonas = [\"everyday\", \"in_a_hurry\"]\n");
    SolveResult r = solve_level(cwtest::level_from(text), cwtest::catalogue());
    CHECK(r.personas == std::vector<std::string>{"everyday", "in_a_hurry"});
    REQUIRE(r.paths.size() == 8);
    CHECK(r.paths[0].persona == "everyday");
    CHECK(r.paths[7].persona == "in_a_hurry");
}

TEST_CASE("solver: a closed reply is not a path, and a cap is a cap") {
    std::string text = two_forks();
    // The sharp first reply needs a flag nobody sets: its channel is always closed.
    text.replace(text.find("[call]\n"), 7, "[call]\nvars = { earned = false }\n");
    text.replace(text.find("techniques = [\"argue\"]"), 22, "techniques = [\"argue\"]\nif = \"earned\"");
    Level level = cwtest::level_from(text);
    SolveResult r = solve_level(level, cwtest::catalogue());
    REQUIRE(r.paths.size() == 2);
    for (const SolvedPath& p : r.paths) CHECK(p.replies[0].reply == 0);

    SolveOptions one;
    one.max_paths = 1;
    SolveResult capped = solve_level(cwtest::level_from(two_forks()), cwtest::catalogue(), one);
    CHECK(capped.paths.size() == 1);
    CHECK(capped.capped);
}

TEST_CASE("solver: the calm path plays as the calm bot plays it") {
    // The calm bot's run and the solver's path with the same replies and persona end the same
    // way. The solver reads the longest wording of each line and the seed may draw a shorter
    // one, so the time on the call (and the score's composure part) may differ a little.
    Level shelf = cwtest::shipped_level();
    SolveResult r = solve_level(shelf, cwtest::catalogue());
    CHECK(r.paths.size() >= 8);
    CHECK(r.all_steerable());
    Finished run = run_cli({"run", cwtest::source_path("levels/flatpack_shelf.toml"), "--bot", "calm"});
    REQUIRE(run.code == 0);
    auto j = nlohmann::json::parse(run.out);
    bool found = false;
    for (const SolvedPath& p : r.paths) {
        if (p.persona != j["persona"] || p.replies.size() != j["choices"].size()) continue;
        bool same = true;
        for (size_t i = 0; i < p.replies.size(); ++i)
            same = same && std::string(1, static_cast<char>('A' + p.replies[i].reply)) == j["choices"][i]["reply"];
        if (!same) continue;
        found = true;
        CHECK(outcome_id(p.outcome) == j["outcome"].get<std::string>());
        CHECK(std::abs(p.score - j["score"].get<int>()) <= 3);
    }
    CHECK(found);
}

TEST_CASE("cli: solve prints every path as JSON, the same bytes every time") {
    auto dir = cwtest::case_dir();
    std::string good = (dir / "good.toml").string(), wall = (dir / "wall.toml").string();
    std::ofstream(good) << two_forks();
    std::ofstream(wall) << two_forks(kWall, "1");

    Finished a = run_cli({"solve", good, "--json"});
    Finished b = run_cli({"solve", good, "--json"});
    REQUIRE(a.code == 0);
    CHECK(a.out == b.out);
    auto j = nlohmann::json::parse(a.out);
    CHECK(j["level"] == good);
    REQUIRE(j["paths"].size() == 4);
    for (const auto& p : j["paths"]) {
        for (const char* key : {"replies", "outcome", "steerable", "failed_at", "score", "composure_min", "jolts"})
            CHECK_MESSAGE(p.contains(key), key);
        CHECK(p["steerable"] == true);
        CHECK(p["failed_at"].is_null());
        REQUIRE(p["replies"].size() == 2);
        CHECK(p["replies"][0]["node"] == "q1");
        CHECK(p["replies"][0]["techniques"].is_array());
    }
    CHECK(j["paths"][2]["replies"][0]["reply"] == "B");
    CHECK(j["summary"]["paths"] == 4);
    CHECK(j["summary"]["proved"].get<std::string>().find("does not shuffle") != std::string::npos);
    CHECK(j["paths"][0]["persona"] == "everyday");

    Finished w = run_cli({"solve", wall, "--json"});
    CHECK(w.code == 1);
    auto jw = nlohmann::json::parse(w.out);
    CHECK(jw["summary"]["not_steerable"] == 2);
    CHECK(jw["paths"][0]["steerable"] == false);
    CHECK(jw["paths"][0]["failed_at"]["fork"] == "two");
    CHECK(jw["summary"]["proved"].is_null());

    Finished human = run_cli({"solve", wall});
    CHECK(human.code == 1);
    CHECK(human.out.find("FAIL path 1: q1 A > q2 A") != std::string::npos);

    CHECK(run_cli({"solve"}).code == 2);
    CHECK(run_cli({"solve", (dir / "missing.toml").string()}).code == 2);
    CHECK(run_cli({"solve", good, "--max-paths", "zero"}).code == 2);
}
