// The river's still parts (water, banks, islands, channel tints) drawn once into a texture a
// little larger than the view, and copied to the screen each frame. It is redrawn only when the
// camera nears the texture's edge, the zoom or view size changes, the water's roughness moves
// on, or a new question marks its channels. Drawing thousands of triangles every frame is what
// a software renderer (or Mesa's llvmpipe on a machine with no GPU) pays most for.
#pragma once
#include <SDL.h>

#include "camera.hpp"
#include "river_view.hpp"

namespace cw {

class RiverLayer {
public:
    RiverLayer() = default;
    RiverLayer(const RiverLayer&) = delete;
    RiverLayer& operator=(const RiverLayer&) = delete;
    ~RiverLayer();

    void draw(SDL_Renderer* r, const Camera& cam, const Simulation& sim, RiverView& view);
    int redraws() const { return redraws_; }

private:
    bool stale(const Camera& cam, const Simulation& sim) const;

    SDL_Texture* texture_ = nullptr;
    SDL_Renderer* owner_ = nullptr;
    Camera drawn_with_;          // the camera the texture was drawn with (its viewport = the texture)
    double drawn_roughness_ = -1;
    int drawn_question_ = -2;
    float view_w_ = 0, view_h_ = 0;
    int redraws_ = 0;
    bool direct_ = false;        // no render targets here: draw straight to the screen
};

}  // namespace cw
