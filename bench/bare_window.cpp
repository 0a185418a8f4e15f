// The floor under start-up: a program that only opens an SDL window with the renderer the game
// would get, clears it and presents one frame. It prints "startup_ms X" like the game does with
// CALMWATERS_T0_NS set, so process_bench can set the game's start-up beside it.
#include <SDL.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>

int main() {
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return 1;
    SDL_Window* window = SDL_CreateWindow("bare", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 720, 0);
    if (!window) return 1;
    SDL_Renderer* renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!renderer) return 1;
    SDL_SetRenderDrawColor(renderer, 118, 140, 92, 255);
    SDL_RenderClear(renderer);
    SDL_RenderPresent(renderer);
    if (const char* t0 = std::getenv("CALMWATERS_T0_NS")) {
        timespec ts{};
        clock_gettime(CLOCK_MONOTONIC, &ts);
        std::printf("startup_ms %.3f\n", (ts.tv_sec * 1e9 + ts.tv_nsec - std::atof(t0)) / 1e6);
    }
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
