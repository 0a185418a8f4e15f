// A call's time as the player reads it: "3:07".
#pragma once
#include <cstdio>
#include <string>

namespace cw {

inline std::string clock_text(double seconds) {
    char buf[16];
    int s = static_cast<int>(seconds);
    std::snprintf(buf, sizeof buf, "%d:%02d", s / 60, s % 60);
    return buf;
}

}  // namespace cw
