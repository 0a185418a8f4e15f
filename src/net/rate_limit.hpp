// A token bucket: `rate` per second, up to `burst` saved. Each peer gets one for messages and
// one for bytes, so one noisy trainee cannot take the host's time from the others.
#pragma once
#include <algorithm>
#include <cstdint>

namespace cw::net {

class TokenBucket {
public:
    TokenBucket(double rate, double burst) : rate_(rate), burst_(burst), tokens_(burst) {}
    // Takes `cost` tokens at time `now_ms` if there are that many; false (and nothing taken) if not.
    bool take(double cost, uint32_t now_ms) {
        if (started_) tokens_ = std::min(burst_, tokens_ + rate_ * static_cast<uint32_t>(now_ms - last_ms_) / 1000.0);
        started_ = true;
        last_ms_ = now_ms;
        if (tokens_ < cost) return false;
        tokens_ -= cost;
        return true;
    }

private:
    double rate_, burst_, tokens_;
    uint32_t last_ms_ = 0;
    bool started_ = false;
};

}  // namespace cw::net
