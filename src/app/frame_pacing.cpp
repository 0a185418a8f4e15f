#include "frame_pacing.hpp"

#include <algorithm>

namespace cw {

double seconds_before_next_frame(Motion motion, double since_input, double frame_seconds, double refresh_hz) {
    const double hz = refresh_hz > 0 ? refresh_hz : pacing::kFallbackRefreshHz;
    double interval = 1.0 / hz;
    if (since_input >= pacing::kSettleSeconds) {
        if (motion == Motion::ambient) interval = std::max(interval, 1.0 / pacing::kAmbientHz);
        if (motion == Motion::still) interval = pacing::kStillWakeSeconds;
    }
    return std::max(0.0, interval - std::max(0.0, frame_seconds));
}

}  // namespace cw
