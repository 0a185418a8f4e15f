// The player's settings that change how a call plays, as the simulation's options: the breathing
// pattern and its holds, and the reading pace ("time to read" in Settings). Every place that
// starts a simulation for the player, or tells a class host how to re-run one, builds its options
// here, so a setting cannot reach one of them and miss another.
#pragma once
#include <algorithm>
#include <cmath>

#include "core/sim.hpp"
#include "store/settings_file.hpp"

namespace cw {

// The setting as a pace: in hundredths (the slider's float becomes a short, exact-enough number
// in replays), and within the range the rules accept.
inline double reading_pace_from(const Settings& settings) {
    double pace = std::round(static_cast<double>(settings.text_speed) * 100.0) / 100.0;
    if (!std::isfinite(pace)) return kNormalReadingPace;
    return std::clamp(pace, kMinReadingPace, kMaxReadingPace);
}

inline SimOptions sim_options_from(const Settings& settings) {
    SimOptions options;
    options.breath = breath_pattern(settings.breath, settings.breath_holds);
    options.reading_pace = reading_pace_from(settings);
    return options;
}

}  // namespace cw
