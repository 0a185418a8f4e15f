// A folder of its own for every test case. ctest runs the cases side by side (`ctest -j`), each
// case in its own process, so a file name fixed in the code is a file two cases can write at
// once: every temporary file of the suite goes under case_dir() instead.
//
// The folder is named after the test case and the process (the case's name made safe for a
// path, a hash of the whole name, the pid), so two cases never share one, nor two runs of the
// same case. It is made empty the first time a case asks for it, removed when the case passes,
// and kept (and named on stderr) when it fails, to look at. The listener in main.cpp tells it
// which case is running.
#pragma once
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

namespace cwtest {

namespace detail {

struct CaseFolder {
    std::string test_name = "outside_any_test_case";
    std::filesystem::path dir;  // empty until the running case asks for it
};

inline CaseFolder& case_folder() {
    static CaseFolder f;
    return f;
}

inline std::filesystem::path case_dir_for(const std::string& test_name) {
    std::string safe;
    for (char c : test_name) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (plain) safe += c;
        else if (!safe.empty() && safe.back() != '_') safe += '_';
        if (safe.size() >= 60) break;
    }
    std::uint32_t hash = 2166136261u;  // FNV-1a of the whole name: names cut short stay apart
    for (unsigned char c : test_name) hash = (hash ^ c) * 16777619u;
    char tail[32];
    std::snprintf(tail, sizeof tail, "_%08x_%ld", static_cast<unsigned>(hash), static_cast<long>(getpid()));
    return std::filesystem::temp_directory_path() / ("cw_" + safe + tail);
}

}  // namespace detail

// The running test case's own folder (made, and empty, on the first call in the case).
inline std::filesystem::path case_dir() {
    detail::CaseFolder& f = detail::case_folder();
    if (f.dir.empty()) {
        f.dir = detail::case_dir_for(f.test_name);
        std::filesystem::remove_all(f.dir);
        std::filesystem::create_directories(f.dir);
    }
    return f.dir;
}

// An empty folder `name` inside the case's folder: for a case that wants several, or wants one
// emptied again (a loop of rounds).
inline std::filesystem::path fresh_dir(const std::string& name) {
    std::filesystem::path d = case_dir() / name;
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
}

}  // namespace cwtest
