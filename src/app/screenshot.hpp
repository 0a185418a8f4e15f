// Reading the renderer's pixels back and writing them as a PNG (stb_image_write, libstb-dev).
#pragma once
#include <string>

#include <SDL.h>

namespace cw {

bool save_renderer_png(SDL_Renderer* renderer, const std::string& path, std::string& error);

}  // namespace cw
