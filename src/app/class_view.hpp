// The trainer's view of a class: every trainee's raft on one river, named (or anonymous), and
// a roster with each trainee's composure, the caller's intensity and how far they have come.
// It draws what it is given; where the states come from (the network, or local simulations in
// a benchmark) is not its business.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "screen.hpp"
#include "camera.hpp"
#include "river_view.hpp"
#include "water_particles.hpp"

namespace cw {

struct TraineeView {
    std::string name;
    RaftLook raft;
    double intensity = 0, composure = 0, progress = 0;
    bool finished = false;
    const char* end_word = "done";  // the Done column once finished: "done", or how the call ended for them
};

class ClassView {
public:
    // `river`: a simulation of the level, for the river, its rocks and the water.
    // `panel_top`, when given, draws the host's controls above the roster.
    void frame(AppContext& ctx, const Simulation& river, const std::vector<TraineeView>& trainees, double dt,
               const std::function<void()>& panel_top = {});

private:
    Camera camera_;
    RiverView view_;
    WaterParticles particles_{260};
    double clock_ = 0;
    std::vector<double> progress_scratch_;
    struct Label {
        ImVec4 rect;       // x0, y0, x1, y1 on screen
        ImVec2 anchor;     // the raft it names
        std::string text;
        int extra = 0;     // rafts under this tag whose own tags did not fit
        int joined_to = -1;
    };
    std::vector<Label> labels_;
};

}  // namespace cw
