// When the machine is not what we hoped (nowhere to save, a full disk, no display), the game
// says so plainly and loses nothing; it never crashes. Each case runs the real binary.
#include "fixtures.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

struct Result {
    int code = -1;
    std::string err;
};

// Runs the binary with `env` added and, when `file_limit` > 0, a cap on the size of any file it
// writes (the kernel then refuses the write with EFBIG, as a full disk refuses with ENOSPC).
Result run_binary(const std::vector<std::string>& args, const std::vector<std::string>& env, long file_limit = 0) {
    fs::path err = fs::temp_directory_path() / "cw_degrade.err";
    std::fflush(nullptr);  // or the child would write our buffered output a second time
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        if (!freopen(err.c_str(), "w", stderr) || !freopen("/dev/null", "w", stdout)) _exit(126);
        for (const std::string& e : env) putenv(const_cast<char*>(e.c_str()));
        if (file_limit > 0) {
            signal(SIGXFSZ, SIG_IGN);
            rlimit r{static_cast<rlim_t>(file_limit), static_cast<rlim_t>(file_limit)};
            setrlimit(RLIMIT_FSIZE, &r);
        }
        std::vector<char*> argv{const_cast<char*>(CW_BINARY)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(CW_BINARY, argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    Result r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::ifstream in(err);
    std::stringstream ss;
    ss << in.rdbuf();
    r.err = ss.str();
    return r;
}

const std::string kLevel = cwtest::source_path("levels/flatpack_shelf.toml");

}  // namespace

TEST_CASE("degradation: a data folder that cannot be written gives a message, not a crash") {
    // Below a file, no folder can ever be made, even for root.
    Result r = run_binary({"run", kLevel, "--bot", "calm", "--profile", "ana"}, {"CALMWATERS_HOME=/dev/null/calmwaters"});
    CHECK(r.code == 1);
    CHECK(r.err.find("could not be saved") != std::string::npos);
    Result p = run_binary({"progress", "--profile", "ana", "--json"}, {"CALMWATERS_HOME=/dev/null/calmwaters"});
    CHECK(p.code != 0);
    CHECK(p.code < 128);  // refused, not killed by a signal
    CHECK_FALSE(p.err.empty());
}

TEST_CASE("degradation: a full disk while saving a replay keeps the old file whole and says so") {
    fs::path dir = cwtest::fresh_dir("cw_full_disk");
    fs::path replay = dir / "run.json";
    std::ofstream(replay) << "the replay saved before";
    Result r = run_binary({"run", kLevel, "--bot", "calm", "--record", replay.string()}, {}, 1024);
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
    Result r = run_binary({"play", kLevel}, {"SDL_VIDEODRIVER=no-such-driver"});
    CHECK(r.code == 1);
    CHECK(r.err.find("headless commands still work") != std::string::npos);
    CHECK(run_binary({"check", kLevel}, {"SDL_VIDEODRIVER=no-such-driver"}).code == 0);
    CHECK(run_binary({"run", kLevel, "--bot", "calm"}, {"SDL_VIDEODRIVER=no-such-driver", "DISPLAY="}).code == 0);
}
