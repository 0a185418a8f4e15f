// How long the shell waits before drawing the next frame. Under software rendering vsync is not
// honoured, so without this the game draws as fast as the machine allows: a whole core for a menu
// nobody is touching, on a virtual-desktop server a class shares. Three rules, in order:
//   - never present faster than the display refreshes (with vsync working, the wait is zero);
//   - for a moment after any input, draw at that rate: ImGui shows a hover or a press on the
//     frame after the event, and a menu that answers late feels broken;
//   - then a screen draws only as often as what it shows moves: a river every frame, a drifting
//     backdrop at an ambient rate, a still screen (a debrief, the settings) only when woken.
// The wait is for input: any event ends it at once.
#pragma once

namespace cw {

// What a screen's picture does when nobody touches it.
enum class Motion {
    animating,  // it moves every frame (the river, a class whose rafts arrive by network)
    ambient,    // only a slow backdrop moves (the menu's drifting water)
    still,      // nothing moves until the player does something
};

namespace pacing {
inline constexpr double kFallbackRefreshHz = 60;  // when the display does not say
inline constexpr double kSettleSeconds = 0.5;     // full rate for this long after any input
inline constexpr double kAmbientHz = 18;          // a drifting backdrop looks smooth enough at this
inline constexpr double kStillWakeSeconds = 1.0;  // a still screen redraws at least this often
}  // namespace pacing

// Seconds to wait (for input) before the next frame, given the screen's motion, the seconds
// since the last input, how long the frame just drawn took, and the display's refresh rate
// (0 or less: unknown).
double seconds_before_next_frame(Motion motion, double since_input, double frame_seconds, double refresh_hz);

}  // namespace cw
