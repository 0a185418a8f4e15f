#include "camera.hpp"

#include <cmath>

namespace cw {

double Camera::view_radius() const {
    return 0.5 * std::sqrt(viewport.w * viewport.w + viewport.h * viewport.h) / pixels_per_metre;
}

void Camera::follow(Vec2 target, double smooth) {
    centre = centre + (target - centre) * smooth;
}

}  // namespace cw
