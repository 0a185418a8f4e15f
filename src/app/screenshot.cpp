#include "screenshot.hpp"

#include <vector>

// The implementation comes from Debian's libstb, linked through imgui's pkg-config.
#include <stb/stb_image_write.h>

namespace cw {

bool save_renderer_png(SDL_Renderer* renderer, const std::string& path, std::string& error) {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer, &w, &h);
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), w * 4) != 0) {
        error = std::string("cannot read the picture back: ") + SDL_GetError();
        return false;
    }
    for (size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // the window is opaque
    std::string tmp = path + ".tmp";
    if (!stbi_write_png(tmp.c_str(), w, h, 4, pixels.data(), w * 4) || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        error = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace cw
