// Frames at 1280x720 in a real window (under Xvfb with SDL's software renderer when there is
// no GPU): a frame in play against an empty SDL_Renderer + ImGui frame, and the trainer's
// class view with 40 rafts.
#include <imgui.h>

#include <cstdlib>

#include "app/app_shell.hpp"
#include "app/screens.hpp"
#include "content/data_paths.hpp"
#include "content/level_loader.hpp"
#include "core/bot.hpp"
#include "stats.hpp"

namespace cwbench {

using namespace cw;

namespace {

struct EmptyScreen : Screen {
    ScreenRequest frame(AppContext&, double) override { return {}; }
};

std::vector<double> time_frames(AppShell& shell, int warmup, int frames) {
    std::vector<double> ms;
    for (int i = 0; i < warmup + frames; ++i) {
        double t0 = now_seconds();
        shell.poll_events();
        shell.frame(1.0 / 60.0);
        double t1 = now_seconds();
        if (i >= warmup) ms.push_back((t1 - t0) * 1000.0);
    }
    return ms;
}

// ImGui's triangles in the last frame. With no GPU llvmpipe pays for each one (setup and
// binning), so this count explains a frame's cost better than its area does.
int imgui_triangles() {
    const ImDrawData* d = ImGui::GetDrawData();
    return d ? d->TotalIdxCount / 3 : 0;
}

}  // namespace

std::vector<Result> frame_benchmarks() {
    // The renderer the game itself picks (on a machine with no GPU under Xvfb that is Mesa's
    // llvmpipe: OpenGL drawn by the CPU), without vsync: measure the work, not the display.
    // SDL_RENDER_DRIVER in the environment still chooses another (e.g. software).
    setenv("SDL_RENDER_VSYNC", "0", 1);
    std::vector<Result> out;
    AppShell shell;
    std::string error;
    Result ratio = expect_below("frame_ratio_vs_empty", 3.0, true, "an empty SDL_Renderer + ImGui frame");
    Result p99 = expect_below("frame_p99_ms_40_rafts", 8, false, "the trainer's class view with 40 rafts");
    if (!shell.init(false, error)) {
        ratio.note = p99.note = "no display: " + error + " (run under xvfb-run)";
        return {ratio, p99};
    }
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(shell.ctx.renderer, &info);
    const char* gl_renderer = nullptr;
    if (std::string(info.name).rfind("opengl", 0) == 0) {
        // Name the GL implementation too: "llvmpipe" means the CPU draws everything.
        using GetString = const unsigned char* (*)(unsigned int);
        if (auto get = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString")))
            gl_renderer = reinterpret_cast<const char*>(get(0x1F01 /* GL_RENDERER */));
    }
    const std::string renderer = std::string(info.name) + (gl_renderer ? std::string(" / ") + gl_renderer : "");
    ratio.against = "an empty SDL_Renderer + ImGui frame, same window, same renderer (" + renderer + ", 1280x720)";
    p99.against = "the trainer's class view, 40 rafts, " + renderer + " at 1280x720";
    const std::string level_path = levels_dir() + "/flatpack_shelf.toml";
    std::vector<double> ratios, play_ms, empty_ms;
    int play_triangles = 0;
    for (int round = 0; round < 3; ++round) {
        shell.show(std::make_unique<EmptyScreen>());
        std::vector<double> e = time_frames(shell, 30, 200);
        PlayOptions opts;
        opts.autopilot = BotPolicy::calm;
        auto play = open_play_screen(shell.ctx, level_path, error, opts);
        fast_forward(*play, PlayMoment::approaching_fork);
        shell.show(std::move(play));
        std::vector<double> p = time_frames(shell, 30, 200);
        play_triangles = imgui_triangles();
        ratios.push_back(percentile(p, 0.5) / percentile(e, 0.5));
        play_ms.insert(play_ms.end(), p.begin(), p.end());
        empty_ms.insert(empty_ms.end(), e.begin(), e.end());
    }
    ratio.measured = true;
    ratio.stat = summarise(ratios);
    char buf[160];
    std::snprintf(buf, sizeof buf, "play frame median %.2f ms (%d ImGui triangles), empty frame median %.2f ms",
                  percentile(play_ms, 0.5), play_triangles, percentile(empty_ms, 0.5));
    ratio.note = buf;
    out.push_back(ratio);

    // The trainer's real host screen with a sample class of forty (bots joined to a real class
    // session, re-simulated by the host as trainees' runs are), well into the call.
    shell.show(make_class_preview_screen(shell.ctx, level_path, 40, 40));
    std::vector<double> class_ms = time_frames(shell, 30, 600);
    p99.measured = true;
    p99.stat = {percentile(class_ms, 0.99), percentile(class_ms, 0.5), percentile(class_ms, 0.999),
                static_cast<int>(class_ms.size())};
    std::snprintf(buf, sizeof buf, "median %.2f ms (%d ImGui triangles); spread column: median..p99.9",
                  percentile(class_ms, 0.5), imgui_triangles());
    p99.note = buf;
    out.push_back(p99);
    return out;
}

}  // namespace cwbench
