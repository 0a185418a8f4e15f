// The class host with 40 headless trainees on loopback: its share of one core, and the bytes
// each trainee sends it per second. The host and every trainee are the real binary (`calmwaters
// host` / `join`), trainees playing in real time, so the traffic is what a classroom makes.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "stats.hpp"

extern char** environ;

namespace cwbench {

namespace {

constexpr int kTrainees = 40;
constexpr int kCallSeconds = 40;  // the host ends the call after this long (--timeout)

pid_t start(const std::vector<std::string>& args, int out_fd) {
    std::vector<std::string> store = args;
    std::vector<char*> argv;
    for (auto& a : store) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    if (out_fd >= 0) posix_spawn_file_actions_adddup2(&fa, out_fd, 1);
    else posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    return pid;
}

}  // namespace

std::vector<Result> class_benchmarks() {
    Result cpu = expect_below("host_cpu_pct_40", 5.0, false,
                              "one core; the host process's user+system time over its whole life (40 trainees "
                              "joining, a 40 s call in real time, reports)");
    Result kb = expect_below("kb_per_s_per_client", 10.0, false,
                             "bytes each trainee sent the host per second of the call (inputs, raft states at 10 Hz, "
                             "handshake), ENet headers not counted");
    const std::string bin = CW_GAME_BINARY;
    const std::string level = std::string(CW_SOURCE_DIR) + "/levels/flatpack_shelf.toml";
    const std::string port = std::to_string(20000 + getpid() % 20000);
    int pipefd[2];
    if (pipe(pipefd) != 0) return {cpu, kb};
    double t0 = now_seconds();
    pid_t host = start({bin, "host", level, "--headless", "--bind", "127.0.0.1", "--port", port, "--code", "BENCH",
                        "--expect", std::to_string(kTrainees), "--timeout", std::to_string(kCallSeconds),
                        "--join-timeout", "60"},
                       pipefd[1]);
    close(pipefd[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    std::vector<pid_t> trainees;
    for (int i = 0; i < kTrainees; ++i)
        trainees.push_back(start({bin, "join", "127.0.0.1:" + port, "--code", "BENCH", "--name", "Bench " + std::to_string(i),
                                  "--headless", "--bot", i % 2 ? "random" : "calm", "--seed", std::to_string(i + 1)},
                                 -1));
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = read(pipefd[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    close(pipefd[0]);
    int status = 0;
    rusage usage{};
    wait4(host, &status, 0, &usage);
    double wall = now_seconds() - t0;
    for (pid_t t : trainees) waitpid(t, nullptr, 0);
    auto summary = nlohmann::json::parse(out, nullptr, false);
    if (host < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || summary.is_discarded()) {
        cpu.note = kb.note = "the class host did not finish: no figure";
        return {cpu, kb};
    }
    double host_cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
                      usage.ru_stime.tv_usec / 1e6;
    cpu.measured = true;
    cpu.stat = {100.0 * host_cpu / wall, 100.0 * host_cpu / wall, 100.0 * host_cpu / wall, 1};
    double bytes_in = summary["traffic"]["bytes_in"].get<double>();
    double bytes_out = summary["traffic"]["bytes_out"].get<double>();
    double per_client = bytes_in / kTrainees / kCallSeconds / 1024.0;
    kb.measured = true;
    kb.stat = {per_client, per_client, per_client, 1};
    char note[200];
    std::snprintf(note, sizeof note, "%d trainees, %.1f s of host life, %.2f s of CPU; the host sent each %.2f KB/s",
                  summary["trainees"].get<int>(), wall, host_cpu, bytes_out / kTrainees / kCallSeconds / 1024.0);
    cpu.note = note;
    kb.note = note;
    return {cpu, kb};
}

}  // namespace cwbench
