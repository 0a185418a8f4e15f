#include "screenshot.hpp"

#include <string>
#include <vector>

// The implementation comes from Debian's libstb, linked through imgui's pkg-config.
#include <stb/stb_image_write.h>

#include "content/atomic_file.hpp"

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
    std::string png;
    auto append = [](void* to, void* data, int size) {
        static_cast<std::string*>(to)->append(static_cast<const char*>(data), static_cast<size_t>(size));
    };
    if (!stbi_write_png_to_func(append, &png, w, h, 4, pixels.data(), w * 4)) {
        error = "cannot encode the picture as PNG";
        return false;
    }
    return write_file_atomically(path, png, error);
}

}  // namespace cw
