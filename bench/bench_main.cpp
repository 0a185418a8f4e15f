// cw_bench: runs every benchmark, prints a table, and with --json one JSON object on its last
// line (the keys issue 7 fixes). scripts/bench builds in Release and runs this under Xvfb.
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "stats.hpp"

using namespace cwbench;

int main(int argc, char** argv) {
    bool json = false;
    std::string only;  // --only sim|frame|process|class|idle: one group (the others are skipped)
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--json") == 0) json = true;
        if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) only = argv[++i];
    }
    auto want = [&](const char* group) { return only.empty() || only == group; };

    std::vector<Result> all;
    if (want("sim"))
        for (auto& r : sim_benchmarks()) all.push_back(r);
    if (want("frame"))
        for (auto& r : frame_benchmarks()) all.push_back(r);
    if (want("process"))
        for (auto& r : process_benchmarks()) all.push_back(r);
    if (want("class"))
        for (auto& r : class_benchmarks()) all.push_back(r);
    if (want("idle"))
        for (auto& r : idle_benchmarks()) all.push_back(r);

    std::printf("%-24s %10s %21s %8s  %s\n", "measure", "median", "spread (p10..p90)", "limit", "");
    bool ok = true;
    for (const Result& r : all) {
        if (r.measured) {
            char spread[48];
            std::snprintf(spread, sizeof spread, "%.3g..%.3g", r.stat.low, r.stat.high);
            std::printf("%-24s %10.3g %21s %8s  %s\n", r.key.c_str(), r.stat.median, spread, r.limit.c_str(),
                        !r.has_limit ? "" : r.passes() ? "ok" : "MISSES ITS LIMIT");
        } else {
            std::printf("%-24s %10s %21s %8s\n", r.key.c_str(), "null", "", r.limit.c_str());
        }
        if (!r.against.empty()) std::printf("%24s   against: %s\n", "", r.against.c_str());
        if (!r.note.empty()) std::printf("%24s   %s\n", "", r.note.c_str());
        ok = ok && r.passes();
    }
    if (json) {
        nlohmann::ordered_json j;
        for (const Result& r : all) {
            if (r.measured) j[r.key] = std::round(r.stat.median * 1000.0) / 1000.0;
            else j[r.key] = nullptr;
        }
        nlohmann::ordered_json details;
        for (const Result& r : all) {
            details[r.key] = {{"median", r.stat.median}, {"p10", r.stat.low}, {"p90", r.stat.high},
                              {"samples", r.stat.samples}, {"limit", r.limit}, {"against", r.against},
                              {"note", r.note}};
        }
        j["details"] = details;
        std::cout << j.dump() << std::endl;
    }
    return ok ? 0 : 1;
}
