// The suite's one runner of child processes: the real binary run as a child (fork and execv),
// its stdout and stderr going to files in the test case's own folder. For the tests that check
// what the game prints and how it exits:
//   run_cli(args, env)      runs the binary to the end: its exit code, stdout and stderr;
//   run_binary(args, opts)  the same, with a file-size cap or a time limit (ChildOptions);
//   spawn_binary(...)       leaves the binary running, to be waited for or killed later;
//   fork_child(body)        runs a function of the test in a forked copy of the test process
//                           (not the binary): for a test that kills its own code half-way.
// No test runs a process its own way (popen, system): one place knows how, and every child's
// output lands where the case keeps its files.
#pragma once
#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include "case_dir.hpp"

namespace cwtest {

struct ChildOptions {
    // Changes to the child's environment: "NAME=value" sets (an empty value too), "NAME" unsets.
    std::vector<std::string> env;
    // When > 0, a cap on the size of any file the child writes: the kernel then refuses the write
    // with EFBIG, as a full disk refuses with ENOSPC.
    long file_limit = 0;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A child that may still be running. Copies share the process: whoever waits for it reaps it.
struct Child {
    pid_t pid = -1;
    std::filesystem::path out, err;

    // The exit code, or 128 + the signal that ended it. A child still running after `seconds` is
    // killed and fails the test.
    int wait(int seconds = 120) {
        for (int i = 0; i < seconds * 100; ++i) {
            int status = 0;
            if (waitpid(pid, &status, WNOHANG) == pid)
                return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        kill_now();
        FAIL("a child process did not finish in " << seconds << " s: " << err);
        return -1;
    }
    // Kills the child at once; what ended it (128 + SIGKILL, or its exit code when it had
    // already finished on its own).
    int kill_now() {
        kill(pid, SIGKILL);
        int status = 0;
        if (waitpid(pid, &status, 0) != pid) return -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::string stdout_text() const { return slurp(out); }
    std::string stderr_text() const { return slurp(err); }
    // Waits until the child has said `text` on stderr (true), or for `seconds` (false). Tests
    // wait for what they need rather than a fixed time: a loaded machine, or a sanitizer build,
    // can take seconds to start a process that usually starts in a blink.
    bool said(const std::string& text, int seconds = 60) const {
        for (int i = 0; i < seconds * 50; ++i) {
            if (stderr_text().find(text) != std::string::npos) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return false;
    }
};

// Starts CW_BINARY with `args`, writing its stdout to `out` and its stderr to `err`.
inline Child spawn_binary(const std::vector<std::string>& args, const std::filesystem::path& out,
                          const std::filesystem::path& err, const ChildOptions& options = {}) {
    Child c;
    c.out = out;
    c.err = err;
    std::fflush(nullptr);  // or the child would write our buffered output a second time
    c.pid = fork();
    REQUIRE(c.pid >= 0);
    if (c.pid == 0) {
        int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (o < 0 || e < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0) _exit(126);
        for (const std::string& change : options.env) {
            size_t eq = change.find('=');
            if (eq == std::string::npos) unsetenv(change.c_str());
            else setenv(change.substr(0, eq).c_str(), change.c_str() + eq + 1, 1);
        }
        if (options.file_limit > 0) {
            signal(SIGXFSZ, SIG_IGN);
            rlimit r{static_cast<rlim_t>(options.file_limit), static_cast<rlim_t>(options.file_limit)};
            setrlimit(RLIMIT_FSIZE, &r);
        }
        std::vector<char*> argv{const_cast<char*>(CW_BINARY)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(CW_BINARY, argv.data());
        _exit(127);
    }
    return c;
}

struct Finished {
    int code = -1;  // the exit code, or 128 + the signal that ended it
    std::string out, err;
    // Both streams, for a message that may be on either.
    std::string all() const { return out + err; }
};

// A new pair of output files in the case's folder, for one child.
inline std::pair<std::filesystem::path, std::filesystem::path> child_output_files(const std::string& tag = "child") {
    static int runs = 0;
    std::string stem = tag + "_" + std::to_string(++runs);
    std::filesystem::path dir = case_dir();
    return {dir / (stem + ".out"), dir / (stem + ".err")};
}

// Runs CW_BINARY with `args` to the end and returns what it printed. The output files stay in
// the case's folder: removed with it when the case passes, there to read when it fails.
inline Finished run_binary(const std::vector<std::string>& args, const ChildOptions& options = {}, int seconds = 120) {
    auto [out, err] = child_output_files();
    Child c = spawn_binary(args, out, err, options);
    Finished f;
    f.code = c.wait(seconds);
    f.out = c.stdout_text();
    f.err = c.stderr_text();
    return f;
}

// The command line as a trainer types it: `calmwaters ARGS...` with `env` changed ("NAME=value"
// sets, "NAME" unsets), run to the end.
inline Finished run_cli(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
    ChildOptions options;
    options.env = env;
    return run_binary(args, options);
}

// Runs `body` (returning an exit code) in a forked copy of this process, its stdout and stderr
// going to files in the case's folder. The child never returns into doctest: it ends with
// body's code, or 125 if body threw. Doctest's checks do not belong in `body`.
template <class Body>
Child fork_child(Body body) {
    Child c;
    std::tie(c.out, c.err) = child_output_files("fork");
    std::fflush(nullptr);  // or the child would write our buffered output a second time
    c.pid = fork();
    REQUIRE(c.pid >= 0);
    if (c.pid == 0) {
        int o = open(c.out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int e = open(c.err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (o < 0 || e < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0) _exit(126);
        int code = 125;
        try {
            code = body();
        } catch (...) {
        }
        std::fflush(nullptr);
        _exit(code);
    }
    return c;
}

}  // namespace cwtest
