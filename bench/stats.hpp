// Medians and spreads: benchmarks report the middle of many runs and how far they strayed,
// because one run on a shared machine proves little.
#pragma once
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace cwbench {

struct Stat {
    double median = 0, low = 0, high = 0;  // low/high: the 10th and 90th percentiles
    int samples = 0;
};

inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    double idx = p * (v.size() - 1);
    size_t lo = static_cast<size_t>(std::floor(idx)), hi = static_cast<size_t>(std::ceil(idx));
    return v[lo] + (v[hi] - v[lo]) * (idx - lo);
}

inline Stat summarise(const std::vector<double>& v) {
    return {percentile(v, 0.5), percentile(v, 0.1), percentile(v, 0.9), static_cast<int>(v.size())};
}

inline double now_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// One line of the results table, and its key in the JSON.
struct Result {
    std::string key;
    bool measured = false;
    Stat stat;
    std::string limit;      // e.g. "<= 1.5"
    double limit_value = 0;
    bool lower_is_better = true;
    bool inclusive = true;  // <= rather than <
    std::string against;    // what it was measured against
    std::string note;
    bool has_limit = true;  // false: reported for comparison, with no limit to meet

    bool passes() const {
        if (!measured || !has_limit) return true;
        return inclusive ? stat.median <= limit_value : stat.median < limit_value;
    }
};

// A result with its limit (`inclusive`: <= rather than <) and what it is measured against.
inline Result expect_below(std::string key, double limit, bool inclusive, std::string against) {
    Result r;
    r.key = std::move(key);
    r.limit_value = limit;
    r.inclusive = inclusive;
    char text[32];
    std::snprintf(text, sizeof text, "%s %g", inclusive ? "<=" : "<", limit);
    r.limit = text;
    r.against = std::move(against);
    return r;
}

// A result reported with no limit: a figure to compare, not a target.
inline Result report_only(std::string key, std::string against) {
    Result r;
    r.key = std::move(key);
    r.limit = "-";
    r.has_limit = false;
    r.against = std::move(against);
    return r;
}

std::vector<Result> sim_benchmarks();
std::vector<Result> frame_benchmarks();
std::vector<Result> process_benchmarks();
std::vector<Result> class_benchmarks();
std::vector<Result> idle_benchmarks();

}  // namespace cwbench
