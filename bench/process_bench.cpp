// Whole-process figures: start to the first menu frame, and peak memory over a play-through.
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "content/data_paths.hpp"
#include "stats.hpp"

extern char** environ;

namespace cwbench {

namespace {

double monotonic_ns() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

struct Run {
    int status = -1;
    std::string out;
    long max_rss_kb = 0;  // the child's own peak (VmHWM), as last seen while it ran
};

// A process's peak resident memory so far, from /proc; 0 once it has gone. Not wait4's
// ru_maxrss: Linux carries the spawning process's own peak over into the child's, so a
// benchmark that has already drawn frames would be charged to the game.
long peak_rss_kb(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
    return 0;
}

Run spawn(const std::vector<std::string>& args, const std::vector<std::string>& extra_env) {
    std::vector<std::string> env_store;
    for (char** e = environ; *e; ++e) env_store.push_back(*e);
    for (const auto& e : extra_env) env_store.push_back(e);
    std::vector<char*> envp, argv;
    for (auto& e : env_store) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> args_store = args;
    for (auto& a : args_store) argv.push_back(a.data());
    argv.push_back(nullptr);

    int pipefd[2];
    Run run;
    if (pipe(pipefd) != 0) return run;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, pipefd[1], 1);
    posix_spawn_file_actions_addclose(&fa, pipefd[0]);
    pid_t pid;
    if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), envp.data()) != 0) {
        close(pipefd[0]);
        close(pipefd[1]);
        return run;
    }
    close(pipefd[1]);
    // Read its output, looking at its peak memory every 20 ms until it closes its end.
    char buf[512];
    for (;;) {
        run.max_rss_kb = std::max(run.max_rss_kb, peak_rss_kb(pid));
        pollfd p{pipefd[0], POLLIN, 0};
        if (poll(&p, 1, 20) <= 0) continue;  // nothing yet (or a signal): look again
        ssize_t n = read(pipefd[0], buf, sizeof buf);
        if (n <= 0) break;
        run.out.append(buf, static_cast<size_t>(n));
    }
    close(pipefd[0]);
    waitpid(pid, &run.status, 0);
    posix_spawn_file_actions_destroy(&fa);
    return run;
}

}  // namespace

std::vector<Result> process_benchmarks() {
    // The game as it starts for a player: its default renderer, without waiting for vsync.
    const std::vector<std::string> software = {"SDL_RENDER_VSYNC=0"};
    Result startup = expect_below("startup_ms", 300, false,
                                  "process spawn to the first menu frame presented (load catalogue and levels, "
                                  "open window, fonts, one frame)");
    // Alternate the game with the bare SDL window, so both see the same machine.
    std::vector<double> ms, bare_ms;
    auto started = [](const std::vector<std::string>& argv, std::vector<std::string> env, std::vector<double>& into) {
        env.push_back("CALMWATERS_T0_NS=" + std::to_string(monotonic_ns()));
        env.push_back("CALMWATERS_EXIT_AFTER_FIRST_FRAME=1");
        Run r = spawn(argv, env);
        auto at = r.out.find("startup_ms ");
        if (r.status != 0 || at == std::string::npos) return false;
        into.push_back(std::atof(r.out.c_str() + at + 11));
        return true;
    };
    for (int i = 0; i < 9; ++i) {
        if (!started({CW_GAME_BINARY}, software, ms)) {
            startup.note = "the game did not start (no display? run under xvfb-run)";
            break;
        }
        started({CW_BARE_WINDOW_BINARY}, software, bare_ms);
    }
    startup.measured = ms.size() == 9;
    startup.stat = summarise(ms);
    if (startup.measured && !bare_ms.empty()) {
        char buf[200];
        std::snprintf(buf, sizeof buf,
                      "a bare SDL window with the same renderer shows its first frame in %.0f ms (median of %d); "
                      "the game adds %.0f ms",
                      percentile(bare_ms, 0.5), static_cast<int>(bare_ms.size()),
                      percentile(ms, 0.5) - percentile(bare_ms, 0.5));
        startup.note = buf;
    }

    Result rss = expect_below("rss_mb", 150, false,
                              "peak resident memory of the whole flat-pack call played to its end screen by the "
                              "calm autopilot at 10x speed, with rendering");
    Run r = spawn({CW_GAME_BINARY, "play", cw::levels_dir() + "/flatpack_shelf.toml", "--autopilot", "calm",
                   "--speed", "10", "--exit-at-end"},
                  software);
    if (r.status == 0) {
        rss.measured = true;
        double mb = r.max_rss_kb / 1024.0;
        rss.stat = {mb, mb, mb, 1};
    } else {
        rss.note = "the play-through did not finish (no display? run under xvfb-run)";
    }
    return {startup, rss};
}

}  // namespace cwbench
