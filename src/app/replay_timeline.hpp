// The bar under a replay being watched: play and pause, speed, the time, and a track marked
// with each reply that can be clicked or dragged to any moment. The widget only asks for a
// seek; the play screen's CallRun carries it out (src/play/call_run.hpp): forward by stepping,
// back by simulating again from tick 0.
#pragma once
#include <utility>
#include <vector>

#include "screen.hpp"
#include "core/replay.hpp"

namespace cw {

class ReplayTimeline {
public:
    // Plays the whole replay once, headless (a call takes about 15 ms), to mark where each
    // reply was given.
    void prepare(const Replay& replay, const Level& level, const Catalogue& catalogue);

    // Draws the bar at `pos` with `size`; returns the tick to move to, or -1 for none.
    // Keys while watching: Space plays or pauses, Left and Right move five seconds, Home goes
    // to the start.
    int draw(AppContext& ctx, ImVec2 pos, ImVec2 size, int tick, bool finished);

    bool playing() const { return playing_; }
    void set_playing(bool playing) { playing_ = playing; }
    double speed() const;
    int end() const { return end_; }
    static float height(float ui_scale) { return 58 * ui_scale; }

private:
    int end_ = 0;
    std::vector<std::pair<int, int>> marks_;  // tick, reply (channel)
    bool playing_ = true;
    int speed_index_ = 2;
    bool dragging_ = false;
};

}  // namespace cw
