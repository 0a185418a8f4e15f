// What the game costs while nobody touches it: the CPU the game process uses over ten seconds
// on the main menu and on a debrief (one core = 100). Under software rendering vsync is not
// honoured, so a shell that drew every frame it could would take a whole core here.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <poll.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "content/data_paths.hpp"
#include "stats.hpp"

extern char** environ;

namespace cwbench {

namespace {

constexpr double kMeasureSeconds = 10;
constexpr double kAfterMarkSeconds = 1.5;  // past the shell's full-rate moment after input
constexpr double kGiveUpSeconds = 120;     // the mark never came

// User plus system CPU seconds of a live process, from /proc; -1 once it has gone.
double cpu_seconds(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    size_t close = text.rfind(')');  // the name may hold spaces; the fields follow it
    if (close == std::string::npos) return -1;
    std::istringstream fields(text.substr(close + 2));
    std::string skip;
    for (int i = 3; i < 14; ++i) fields >> skip;  // state .. cmajflt (fields 3 to 13)
    double utime = 0, stime = 0;
    fields >> utime >> stime;
    return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Starts the game with `args`, waits for `mark` on its start-up trace, lets it settle, and
// returns the CPU it used over kMeasureSeconds as a percentage of one core (-1: it never got
// there). The game is asked to close afterwards, as a window manager would.
double idle_cpu_pct(const std::vector<std::string>& args, const std::string& mark, const std::string& home) {
    std::vector<std::string> env_store;
    for (char** e = environ; *e; ++e) env_store.push_back(*e);
    env_store.push_back("CALMWATERS_STARTUP_TRACE=1");
    env_store.push_back("CALMWATERS_HOME=" + home);  // a profile of its own: nothing of the player's
    env_store.push_back("SDL_RENDER_VSYNC=0");       // as the game starts for a player here
    std::vector<char*> envp, argv;
    for (auto& e : env_store) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> args_store{CW_GAME_BINARY};
    args_store.insert(args_store.end(), args.begin(), args.end());
    for (auto& a : args_store) argv.push_back(a.data());
    argv.push_back(nullptr);

    int pipefd[2];
    if (pipe(pipefd) != 0) return -1;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, pipefd[1], 2);  // the trace is on stderr
    posix_spawn_file_actions_addclose(&fa, pipefd[0]);
    pid_t pid;
    bool spawned = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), envp.data()) == 0;
    posix_spawn_file_actions_destroy(&fa);
    close(pipefd[1]);
    if (!spawned) {
        close(pipefd[0]);
        return -1;
    }
    std::string seen;
    const double start = now_seconds();
    bool there = false;
    char buf[512];
    while (!there && now_seconds() - start < kGiveUpSeconds) {
        pollfd p{pipefd[0], POLLIN, 0};
        if (poll(&p, 1, 50) <= 0) continue;
        ssize_t n = read(pipefd[0], buf, sizeof buf);
        if (n <= 0) break;
        seen.append(buf, static_cast<size_t>(n));
        there = seen.find(mark) != std::string::npos;
    }
    double pct = -1;
    if (there) {
        usleep(static_cast<useconds_t>(kAfterMarkSeconds * 1e6));
        const double cpu0 = cpu_seconds(pid), t0 = now_seconds();
        usleep(static_cast<useconds_t>(kMeasureSeconds * 1e6));
        const double cpu1 = cpu_seconds(pid), t1 = now_seconds();
        if (cpu0 >= 0 && cpu1 >= 0) pct = 100.0 * (cpu1 - cpu0) / (t1 - t0);
    }
    kill(pid, SIGTERM);  // SDL turns it into a quit
    close(pipefd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return pct;
}

Result idle(const char* key, const char* what, const std::vector<std::string>& args, const std::string& mark) {
    Result r = expect_below(key, 10, false, what);
    const std::string home = (std::filesystem::temp_directory_path() / ("cw-idle-" + std::to_string(getpid()))).string();
    std::vector<double> runs;
    for (int i = 0; i < 3; ++i) {
        double pct = idle_cpu_pct(args, mark, home);
        if (pct < 0) break;
        runs.push_back(pct);
    }
    std::error_code ec;
    std::filesystem::remove_all(home, ec);
    r.measured = runs.size() == 3;
    if (r.measured) r.stat = summarise(runs);
    else r.note = "the game never reached the screen (no display? run under xvfb-run)";
    return r;
}

}  // namespace

std::vector<Result> idle_benchmarks() {
    return {
        idle("idle_cpu_pct_menu",
             "CPU of the game process over 10 s on the main menu left alone, one core = 100 (3 runs)", {},
             "first frame presented"),
        idle("idle_cpu_pct_debrief",
             "CPU of the game process over 10 s on the debrief of the flat-pack call, played to its end by the "
             "calm autopilot at 10x speed, one core = 100 (3 runs)",
             {"play", cw::levels_dir() + "/flatpack_shelf.toml", "--autopilot", "calm", "--speed", "10"},
             "debrief shown"),
    };
}

}  // namespace cwbench
