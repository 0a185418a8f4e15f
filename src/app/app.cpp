#include "app.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include "cli/cli_common.hpp"
#include "content/data_paths.hpp"
#include "screens.hpp"
#include "screenshot.hpp"
#include "theme.hpp"

namespace cw {

std::vector<LevelEntry> shipped_levels(const Catalogue& catalogue) {
    std::vector<LevelEntry> out;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(levels_dir(), ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec) || it->path().extension() != ".toml") continue;
        LevelLoad load = load_level_file(it->path().string(), catalogue);
        if (load.ok()) out.push_back({it->path().string(), load.level->title, load.level->summary});
    }
    std::sort(out.begin(), out.end(), [](const LevelEntry& a, const LevelEntry& b) { return a.path < b.path; });
    return out;
}

namespace {

const char* kFontPaths[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                            "/usr/share/fonts/dejavu/DejaVuSans.ttf"};

void load_fonts(AppContext& ctx) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    float s = ctx.settings.ui_scale;
    // Latin-1 plus typographic punctuation (dashes, curly quotes, ellipsis) for the dialogue.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x205E, 0};
    const char* found = nullptr;
    for (const char* p : kFontPaths)
        if (std::filesystem::exists(p)) { found = p; break; }
    if (found) {
        ctx.fonts.body = io.Fonts->AddFontFromFileTTF(found, 18.0f * s, nullptr, ranges);
        ctx.fonts.large = io.Fonts->AddFontFromFileTTF(found, 23.0f * s, nullptr, ranges);
        ctx.fonts.title = io.Fonts->AddFontFromFileTTF(found, 46.0f * s, nullptr, ranges);
        ctx.fonts.dejavu = ctx.fonts.body && ctx.fonts.large && ctx.fonts.title;
    }
    if (!ctx.fonts.dejavu) {
        std::cerr << "calmwaters: DejaVu Sans not found (install fonts-dejavu-core); using ImGui's built-in font\n";
        io.Fonts->Clear();
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * s;
        ctx.fonts.body = io.Fonts->AddFontDefault(&cfg);
        cfg.SizePixels = 16.0f * s;
        ctx.fonts.large = io.Fonts->AddFontDefault(&cfg);
        cfg.SizePixels = 26.0f * s;
        ctx.fonts.title = io.Fonts->AddFontDefault(&cfg);
    }
}

class AppShell {
public:
    ~AppShell() {
        screen_.reset();
        if (imgui_) {
            ImGui_ImplSDLRenderer_Shutdown();
            if (ctx.window) ImGui_ImplSDL2_Shutdown();
            ImGui::DestroyContext();
        }
        input_.reset();
        if (ctx.renderer) SDL_DestroyRenderer(ctx.renderer);
        if (ctx.window) SDL_DestroyWindow(ctx.window);
        if (surface_) SDL_FreeSurface(surface_);
        if (sdl_) SDL_Quit();
    }

    // Headless: no window and no video driver at all, just a software renderer drawing into a
    // surface in memory, so screenshots work on machines with no display.
    bool init(bool headless, std::string& error, int width = 1280, int height = 720) {
        auto cat = load_shipped_catalogue();
        if (!cat) {
            error = "the technique catalogue could not be loaded";
            return false;
        }
        catalogue_ = std::move(*cat);
        ctx.catalogue = &catalogue_;
        ctx.headless = headless;
        if (SDL_Init(headless ? SDL_INIT_EVENTS : SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
            error = std::string("cannot start the display (") + SDL_GetError() +
                    "). The headless commands still work: calmwaters run, check, techniques, screenshot";
            return false;
        }
        sdl_ = true;
        if (headless) {
            surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
            if (surface_) ctx.renderer = SDL_CreateSoftwareRenderer(surface_);
            if (!ctx.renderer) {
                error = std::string("cannot create an offscreen renderer (") + SDL_GetError() + ")";
                return false;
            }
        } else {
            if (SDL_InitSubSystem(SDL_INIT_GAMECONTROLLER) != 0)
                std::cerr << "calmwaters: no gamepad support here (" << SDL_GetError() << "); keyboard and mouse work\n";
            ctx.window = SDL_CreateWindow("Calm Waters", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height,
                                          SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
            if (!ctx.window) {
                error = std::string("cannot open a window (") + SDL_GetError() +
                        "). The headless commands still work: calmwaters run, check, techniques, screenshot";
                return false;
            }
            SDL_SetWindowMinimumSize(ctx.window, 800, 500);
            ctx.renderer = SDL_CreateRenderer(ctx.window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
            if (!ctx.renderer) ctx.renderer = SDL_CreateRenderer(ctx.window, -1, SDL_RENDERER_SOFTWARE);
            if (!ctx.renderer) {
                error = std::string("cannot create a renderer (") + SDL_GetError() + ")";
                return false;
            }
        }
        SDL_SetRenderDrawBlendMode(ctx.renderer, SDL_BLENDMODE_BLEND);
        input_ = std::make_unique<InputDevices>();
        ctx.input = input_.get();

        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        imgui_ = true;
        ImGui::GetIO().IniFilename = nullptr;  // layouts are ours; no imgui.ini litter
        if (ctx.window) ImGui_ImplSDL2_InitForSDLRenderer(ctx.window);
        ImGui_ImplSDLRenderer_Init(ctx.renderer);
        theme::apply_imgui_style(ctx.settings.ui_scale);
        load_fonts(ctx);
        return true;
    }

    void show(std::unique_ptr<Screen> s) { screen_ = std::move(s); }

    void apply(const ScreenRequest& req) {
        switch (req.kind) {
            case ScreenRequest::none: break;
            case ScreenRequest::quit: ctx.quit = true; break;
            case ScreenRequest::menu: show(make_menu_screen(ctx)); break;
            case ScreenRequest::play: {
                std::string error;
                auto play = make_play_screen(ctx, req.level_path, error);
                if (play) show(std::move(play));
                else show(make_menu_screen(ctx, error));
                break;
            }
        }
    }

    void poll_events() {
        SDL_Event e;
        while (SDL_PollEvent(&e)) {
            ImGui_ImplSDL2_ProcessEvent(&e);
            input_->handle_event(e);
            if (e.type == SDL_QUIT) ctx.quit = true;
            if (e.type == SDL_KEYDOWN && e.key.keysym.scancode == SDL_SCANCODE_F11) toggle_fullscreen();
            if (screen_) screen_->event(ctx, e);
        }
    }

    void toggle_fullscreen() {
        ctx.settings.fullscreen = !ctx.settings.fullscreen;
        SDL_SetWindowFullscreen(ctx.window, ctx.settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    }

    // One frame. `present`: false when a screenshot will read the pixels first.
    void frame(double dt, bool present = true) {
        if (fonts_dirty_ != ctx.settings.ui_scale) rebuild_fonts();
        SDL_GetRendererOutputSize(ctx.renderer, &ctx.width, &ctx.height);
        ImGui_ImplSDLRenderer_NewFrame();
        if (ctx.window) ImGui_ImplSDL2_NewFrame();
        if (ctx.headless) {
            ImGuiIO& io = ImGui::GetIO();
            io.DisplaySize = ImVec2(static_cast<float>(ctx.width), static_cast<float>(ctx.height));
            io.DeltaTime = static_cast<float>(dt > 0 ? dt : 1.0 / 60.0);
        }
        ImGui::NewFrame();
        SDL_SetRenderDrawColor(ctx.renderer, theme::kLand.r, theme::kLand.g, theme::kLand.b, 255);
        SDL_RenderClear(ctx.renderer);
        ScreenRequest req = screen_ ? screen_->frame(ctx, dt) : ScreenRequest{};
        ImGui::Render();
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
        if (present && ctx.window) SDL_RenderPresent(ctx.renderer);
        apply(req);
    }

    void rebuild_fonts() {
        theme::apply_imgui_style(ctx.settings.ui_scale);
        load_fonts(ctx);
        ImGui_ImplSDLRenderer_DestroyFontsTexture();
        ImGui_ImplSDLRenderer_CreateFontsTexture();
        fonts_dirty_ = ctx.settings.ui_scale;
    }

    Screen* screen() { return screen_.get(); }
    AppContext ctx;

private:
    Catalogue catalogue_;
    std::unique_ptr<InputDevices> input_;
    std::unique_ptr<Screen> screen_;
    SDL_Surface* surface_ = nullptr;  // the headless canvas
    bool sdl_ = false, imgui_ = false;
    float fonts_dirty_ = 1.0f;
};

}  // namespace

int run_game(const std::vector<std::string>& args) {
    AppShell shell;
    std::string error;
    if (!shell.init(false, error)) {
        std::cerr << "calmwaters: " << error << '\n';
        return 1;
    }
    if (!args.empty()) {
        auto play = make_play_screen(shell.ctx, args[0], error);
        if (!play) {
            std::cerr << error;
            return 1;
        }
        shell.show(std::move(play));
    } else {
        shell.show(make_menu_screen(shell.ctx));
    }
    Uint64 last = SDL_GetPerformanceCounter();
    const double freq = static_cast<double>(SDL_GetPerformanceFrequency());
    while (!shell.ctx.quit) {
        shell.poll_events();
        Uint64 now = SDL_GetPerformanceCounter();
        double dt = std::min(static_cast<double>(now - last) / freq, 0.25);  // a stall is not a leap
        last = now;
        shell.frame(dt);
    }
    return 0;
}

int screenshot_command(const std::vector<std::string>& args) {
    static const char* kScreens[] = {"menu", "river", "end"};
    if (args.empty()) {
        std::cerr << "usage: calmwaters screenshot SCREEN --out FILE.png [--level L]   (SCREEN: menu, river, end)\n";
        return 2;
    }
    const std::string screen = args[0];
    if (std::find(std::begin(kScreens), std::end(kScreens), screen) == std::end(kScreens)) {
        std::cerr << "calmwaters screenshot: no screen called \"" << screen << "\"; this build has menu, river, end\n";
        return 2;
    }
    auto out = flag_value(args, "--out");
    if (!out) {
        std::cerr << "calmwaters screenshot: say where to write the picture with --out FILE.png\n";
        return 2;
    }
    int w = 1280, h = 720;
    if (auto size = flag_value(args, "--size")) {
        if (std::sscanf(size->c_str(), "%dx%d", &w, &h) != 2 || w < 800 || h < 500 || w > 7680 || h > 4320) {
            std::cerr << "calmwaters screenshot: --size wants WIDTHxHEIGHT between 800x500 and 7680x4320\n";
            return 2;
        }
    }
    AppShell shell;
    std::string error;
    if (!shell.init(true, error, w, h)) {
        std::cerr << "calmwaters: " << error << '\n';
        return 1;
    }
    if (screen == "menu") {
        shell.show(make_menu_screen(shell.ctx));
    } else {
        std::string level = flag_value(args, "--level").value_or(levels_dir() + "/flatpack_shelf.toml");
        auto play = make_play_screen(shell.ctx, level, error, BotPolicy::calm);
        if (!play) {
            std::cerr << error;
            return 1;
        }
        fast_forward(*play, screen == "end" ? PlayMoment::finished : PlayMoment::approaching_fork);
        shell.show(std::move(play));
    }
    // A second of frames lets the water particles spread and the UI settle.
    for (int i = 0; i < 60; ++i) shell.frame(1.0 / 60.0, false);
    shell.frame(1.0 / 60.0, false);
    if (!save_renderer_png(shell.ctx.renderer, *out, error)) {
        std::cerr << "calmwaters screenshot: " << error << '\n';
        return 1;
    }
    std::cout << *out << '\n';
    return 0;
}

}  // namespace cw
