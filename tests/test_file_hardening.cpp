// Files that once crashed or stalled the game, or wrote to the terminal as they were: each is
// now refused with a located message, read safely, or written so a kill leaves nothing behind.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "child_process.hpp"
#include "content/atomic_file.hpp"
#include "content/bounded_json.hpp"
#include "content/replay_file.hpp"
#include "core/river.hpp"
#include "core/world.hpp"
#include "fixtures.hpp"
#include "play/kept_level.hpp"

using namespace cw;
namespace fs = std::filesystem;

namespace {

std::string first_problem(const std::string& text) {
    LevelLoad load = load_level_text(text, "hostile.toml", cwtest::catalogue());
    REQUIRE_FALSE(load.ok());
    REQUIRE_FALSE(load.problems.empty());
    return format_problem(load.problems.front());
}

bool has_control_bytes(const std::string& s) {
    for (char c : s)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7f) return true;
    return false;
}

}  // namespace

TEST_CASE("file hardening: a rock with no points is refused by the checks, and the world leaves it out") {
    std::string text = cwtest::straight_river("[[river.rock]]\nat = [0, 40]\npoints = []\n");
    CHECK(first_problem(text).rfind("hostile.toml:12:6: a polygon rock needs 3 to 8 points (it has 0)", 0) == 0);
    std::string flat = cwtest::straight_river("[[river.rock]]\nat = [0, 40]\npoints = [[0, 0], [1, 0], [2, 0]]\n");
    CHECK(first_problem(flat).find("must form a convex shape") != std::string::npos);

    // Handed to the world builder anyway (a level built in code), such rocks are left out and
    // counted: Box2D would abort on them.
    Level level = cwtest::level_from(cwtest::straight_river());
    Rock empty;
    empty.at = {0, 40};
    Rock in_a_line = empty;
    in_a_line.polygon = {{0, 0}, {1, 0}, {2, 0}};
    Rock round = empty;
    round.radius = 1.0;
    level.river.rocks = {empty, in_a_line, round};
    RiverGeometry river(level.river);
    PhysicsWorld world(river, level.river, river.point_at(10, 0), 0.0);
    CHECK(world.refused_shape_count() == 2);
    world.step(1.0 / 60);
}

TEST_CASE("file hardening: a list, a line or a file past its entry limit is refused, located") {
    // 8,000 variables in one inline table took seconds to check; now the list is refused at its `{`.
    std::string vars = "vars = {";
    for (int i = 0; i < 8000; ++i) vars += "v" + std::to_string(i) + " = 1, ";
    vars += "}\n";
    std::string text = cwtest::straight_river();
    text.insert(text.find("[call]\n") + 7, vars);
    CHECK(first_problem(text).rfind("hostile.toml:12:8: this list has more than 1000 entries", 0) == 0);

    std::string long_comment = cwtest::straight_river();
    long_comment.insert(0, "# " + std::string(25000, 'x') + "\n");
    CHECK(first_problem(long_comment).rfind("hostile.toml:1:1: line 1 is longer than 20000 characters", 0) == 0);

    std::string many = cwtest::straight_river() + "[call.vars]\n";
    for (int i = 0; i < 20001; ++i) many += "v" + std::to_string(i) + " = 1\n";
    std::string many_msg = first_problem(many);
    CHECK(many_msg.find("more than 20000 keys and list entries") != std::string::npos);
    CHECK_MESSAGE(many_msg.rfind("hostile.toml:19996:", 0) == 0, many_msg);  // on the entry past the limit

    // Brackets and commas inside text and comments are not entries.
    std::string ok = cwtest::straight_river();
    ok.replace(ok.find("say = \"Hello.\""), 14, "say = \"" + std::string(900, ',') + "\" # " + std::string(5000, ','));
    LevelLoad ok_load = load_level_text(ok, "ok.toml", cwtest::catalogue());
    CHECK_MESSAGE(ok_load.ok(), format_problems(ok_load.problems));
}

TEST_CASE("file hardening: control characters from a file are shown escaped, the caret still under the mistake") {
    SourceText src("odd\x1b[31mname.toml", "a = \"\x1b\x07\" x\n");
    Problem p = src.at({1, 10}, "unexpected \x1b[2J here");
    std::string shown = format_problem(p);
    CHECK_FALSE(has_control_bytes(shown));
    CHECK(shown.rfind("odd\\x1B[31mname.toml:1:10: unexpected \\x1B[2J here\n", 0) == 0);
    std::string line_row = shown.substr(shown.find('\n') + 1);
    std::string caret_row = line_row.substr(line_row.find('\n') + 1);
    CHECK(line_row.rfind(" 1 | a = \"\\x1B\\x07\" x\n", 0) == 0);
    CHECK(caret_row.find('^') == line_row.find(" x") + 1);

    // A whole level with a raw escape in its text: the problem shown has none.
    std::string text = cwtest::straight_river();
    text.replace(text.find("Hello."), 6, "Hel\x1b[2Jlo.\r");
    CHECK_FALSE(has_control_bytes(first_problem(text)));
}

TEST_CASE("file hardening: JSON nested past the limit is unreadable, never a stack overflow") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(json_nesting(deep) == kMaxJsonNesting + 1);  // stops counting once past the limit
    CHECK(parse_json_or_discarded(deep).is_discarded());
    CHECK(json_nesting("[\"[[[[[[\", {\"a\": [1]}]") == 3);  // brackets in strings do not count
    CHECK(parse_json_or_discarded("[[1], {\"a\": 2}]").is_array());
    CHECK(parse_json_or_discarded("[1,").is_discarded());

    ReplayLoad replay = replay_from_json("{\"format\": " + deep + "}", "deep.replay.json");
    REQUIRE_FALSE(replay.ok());
    CHECK(replay.problems[0].message.find("nests lists more than 64 deep") != std::string::npos);
}

TEST_CASE("file hardening: progress survives a profile whose choices nest 100,000 deep") {
    fs::path home = cwtest::fresh_dir("deep_profile");
    cwtest::Finished ran = cwtest::run_cli({"run", cwtest::source_path("levels/flatpack_shelf.toml"), "--bot", "calm",
                                            "--seed", "4", "--profile", "ana"},
                                           {"CALMWATERS_HOME=" + home.string()});
    REQUIRE_MESSAGE(ran.code == 0, ran.err);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((home / "profiles.sqlite").string().c_str(), &db) == SQLITE_OK);
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const std::string sql = "UPDATE attempts SET choices = '" + deep + "', timeline = '" + deep + "';";
    CHECK(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);

    for (std::vector<std::string> args : {std::vector<std::string>{"progress", "--profile", "ana", "--json"},
                                          std::vector<std::string>{"progress", "--profile", "ana"}}) {
        cwtest::Finished listed = cwtest::run_cli(args, {"CALMWATERS_HOME=" + home.string()});
        REQUIRE_MESSAGE(listed.code == 0, listed.err);
        if (args.back() == "--json") {
            auto progress = nlohmann::json::parse(listed.out);
            REQUIRE(progress["attempts"].size() == 1);
            CHECK(progress["attempts"][0]["choices"].is_null());
        } else {
            CHECK(listed.out.find("1 attempt(s)") != std::string::npos);
        }
    }
}

TEST_CASE("file hardening: a replay's level is read only from a level file, and a file that fails is never quoted") {
    const KeptLevels none = []() -> const ProfileDb* { return nullptr; };
    Replay replay;
    replay.level_hash = 1;
    PlaybackLevel found = find_playback_level(replay, "/etc/passwd", none, cwtest::catalogue());
    CHECK_FALSE(found.level);
    CHECK(found.problem.find("/etc/passwd as its level, which is not a level file (.toml)") != std::string::npos);
    CHECK(found.problem.find("root") == std::string::npos);

    fs::path secret = cwtest::case_dir() / "secret.toml";
    std::ofstream(secret) << "password = \"hunter2\"\n";
    found = find_playback_level(replay, secret.string(), none, cwtest::catalogue());
    CHECK_FALSE(found.level);
    CHECK(found.problem.find("cannot be loaded here") != std::string::npos);
    CHECK(found.problem.find("hunter2") == std::string::npos);
    CHECK(found.problem.find("password") == std::string::npos);

    found = find_playback_level(replay, "evil\x1b[2J.toml", none, cwtest::catalogue());
    CHECK_FALSE(has_control_bytes(found.problem));
}

TEST_CASE("file hardening: a save killed at any moment leaves the old file or the new one, and nothing else") {
    fs::path dir = cwtest::fresh_dir("killed_save");
    const fs::path target = dir / "call.replay.json";
    const std::string old_text(1 << 20, 'o');
    const std::string new_text(8 << 20, 'n');
    std::string error;
    REQUIRE(write_file_atomically(target.string(), old_text, error));
    for (int round = 0; round < 6; ++round) {
        pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            std::string child_error;
            for (;;) write_file_atomically(target.string(), new_text, child_error);
        }
        usleep(static_cast<useconds_t>(15000 + round * 9000));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        std::vector<std::string> names;
        for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
        CHECK(names == std::vector<std::string>{"call.replay.json"});
        const auto size = fs::file_size(target);
        CHECK((size == old_text.size() || size == new_text.size()));
    }
    // A folder that cannot be written to gives a message naming the file, and nothing is left.
    CHECK_FALSE(write_file_atomically((dir / "no_such_folder" / "x.json").string(), "{}", error));
    CHECK(error.find("no_such_folder/x.json") != std::string::npos);
}

TEST_CASE("file hardening: thousands of problems are listed fifty at a time, and the rest counted") {
    SourceText src("many.toml", "a = 1\n");
    std::vector<Problem> problems;
    for (int i = 0; i < 8000; ++i) problems.push_back(src.at({1, 5}, "out of range"));
    std::string shown = format_problems(problems);
    CHECK(shown.find("... and 7950 more problems in many.toml; fix these first and check again.") != std::string::npos);
    CHECK(shown.size() < 50 * 200);
}
