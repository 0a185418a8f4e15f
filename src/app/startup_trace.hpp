// Where start-up time goes. With CALMWATERS_STARTUP_TRACE set, each mark prints the phase and
// the milliseconds since the launcher's clock (CALMWATERS_T0_NS, as the start-up benchmark sets
// it) or since the first mark. Silent otherwise; it changes nothing the player sees.
#pragma once
#include <time.h>

#include <cstdio>
#include <cstdlib>

namespace cw {

inline void startup_mark(const char* phase) {
    static const bool on = std::getenv("CALMWATERS_STARTUP_TRACE") != nullptr;
    if (!on) return;
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    double now_ns = ts.tv_sec * 1e9 + ts.tv_nsec;
    static const double t0 = std::getenv("CALMWATERS_T0_NS") ? std::atof(std::getenv("CALMWATERS_T0_NS")) : now_ns;
    std::fprintf(stderr, "startup %-28s %7.1f ms\n", phase, (now_ns - t0) / 1e6);
}

}  // namespace cw
