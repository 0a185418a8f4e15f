// When the machine is not what we hoped (nowhere to save, a full disk, no display), the game
// says so plainly and loses nothing; it never crashes. Each case runs the real binary.
#include "child_process.hpp"
#include "fixtures.hpp"

#include <fstream>

namespace fs = std::filesystem;
using cwtest::ChildOptions;
using cwtest::Finished;
using cwtest::run_binary;

namespace {

const std::string kLevel = cwtest::source_path("levels/flatpack_shelf.toml");

}  // namespace

TEST_CASE("degradation: a data folder that cannot be written gives a message, not a crash") {
    // Below a file, no folder can ever be made, even for root.
    ChildOptions env{{"CALMWATERS_HOME=/dev/null/calmwaters"}};
    Finished r = run_binary({"run", kLevel, "--bot", "calm", "--profile", "ana"}, env);
    CHECK(r.code == 1);
    CHECK(r.err.find("could not be saved") != std::string::npos);
    Finished p = run_binary({"progress", "--profile", "ana", "--json"}, env);
    CHECK(p.code != 0);
    CHECK(p.code < 128);  // refused, not killed by a signal
    CHECK_FALSE(p.err.empty());
}

TEST_CASE("degradation: a full disk while saving a replay keeps the old file whole and says so") {
    fs::path dir = cwtest::fresh_dir("cw_full_disk");
    fs::path replay = dir / "run.json";
    std::ofstream(replay) << "the replay saved before";
    ChildOptions full;
    full.file_limit = 1024;
    Finished r = run_binary({"run", kLevel, "--bot", "calm", "--record", replay.string()}, full);
    CHECK(r.code == 1);
    CHECK(r.err.find("cannot write") != std::string::npos);
    std::ifstream in(replay);
    std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(kept == "the replay saved before");
    int files = 0;
    for (auto& e : fs::directory_iterator(dir)) files += e.is_regular_file() ? 1 : 0;
    CHECK(files == 1);  // no half-written temporary left behind
}

TEST_CASE("degradation: with no display the game says what still works, and headless commands work") {
    Finished r = run_binary({"play", kLevel}, {{"SDL_VIDEODRIVER=no-such-driver"}});
    CHECK(r.code == 1);
    CHECK(r.err.find("headless commands still work") != std::string::npos);
    CHECK(run_binary({"check", kLevel}, {{"SDL_VIDEODRIVER=no-such-driver"}}).code == 0);
    CHECK(run_binary({"run", kLevel, "--bot", "calm"}, {{"SDL_VIDEODRIVER=no-such-driver", "DISPLAY="}}).code == 0);
}
