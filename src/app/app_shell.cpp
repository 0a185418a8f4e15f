#include "app_shell.hpp"

#include <filesystem>
#include <iostream>

#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include "cli/cli_common.hpp"
#include "screens.hpp"
#include "theme.hpp"

namespace cw {

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
        if (std::filesystem::exists(p)) {
            found = p;
            break;
        }
    ctx.fonts.dejavu = false;
    if (found) {
        // Horizontal oversampling sharpens small text; big text does not need it, and each step
        // of it multiplies the start-up time spent rasterising glyphs.
        ImFontConfig small, big;
        small.OversampleH = 2;
        big.OversampleH = 1;
        ctx.fonts.body = io.Fonts->AddFontFromFileTTF(found, 18.0f * s, &small, ranges);
        ctx.fonts.large = io.Fonts->AddFontFromFileTTF(found, 23.0f * s, &big, ranges);
        ctx.fonts.title = io.Fonts->AddFontFromFileTTF(found, 46.0f * s, &big, io.Fonts->GetGlyphRangesDefault());
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

}  // namespace

AppShell::~AppShell() {
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

bool AppShell::init(bool headless, std::string& error, int width, int height) {
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
        // SDL_RENDER_DRIVER and SDL_RENDER_VSYNC in the environment override these (benchmarks
        // use them to measure the software renderer without waiting for the display).
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
    if (!headless) {
        progress_ = std::make_unique<ProgressStore>(default_data_dir());
        ctx.progress = progress_.get();
        if (!progress_->warning().empty()) std::cerr << "calmwaters: " << progress_->warning() << '\n';
        profiles_ = std::make_unique<ProfileDb>(default_data_dir() + "/profiles.sqlite");
        if (!profiles_->warning().empty()) std::cerr << "calmwaters: " << profiles_->warning() << '\n';
        if (profiles_->ok()) ctx.profiles = profiles_.get();
        else std::cerr << "calmwaters: attempts will not be kept: " << profiles_->error() << '\n';
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    imgui_ = true;
    ImGui::GetIO().IniFilename = nullptr;  // layouts are ours; no imgui.ini litter
    if (ctx.window) ImGui_ImplSDL2_InitForSDLRenderer(ctx.window);
    ImGui_ImplSDLRenderer_Init(ctx.renderer);
    theme::apply_imgui_style(ctx.settings.ui_scale);
    load_fonts(ctx);
    fonts_scale_ = ctx.settings.ui_scale;
    return true;
}

void AppShell::apply(const ScreenRequest& req) {
    switch (req.kind) {
        case ScreenRequest::none: break;
        case ScreenRequest::quit: ctx.quit = true; break;
        case ScreenRequest::menu: show(make_menu_screen(ctx)); break;
        case ScreenRequest::dock: {
            std::string error;
            auto dock = make_dock_screen(ctx, req.playlist, req.campaign_index, req.composure, error);
            if (dock) show(std::move(dock));
            else show(make_menu_screen(ctx, error));
            break;
        }
        case ScreenRequest::editor: show(make_editor_screen(ctx, req.level_path)); break;
        case ScreenRequest::host: show(make_host_screen(ctx, req.level_path)); break;
        case ScreenRequest::join: show(make_join_screen(ctx)); break;
        case ScreenRequest::progress: show(make_progress_screen(ctx)); break;
        case ScreenRequest::play: {
            std::string error;
            PlayOptions options;
            options.autopilot = demo.autopilot;
            options.speed = demo.speed;
            options.playlist = req.playlist;
            options.campaign_index = req.campaign_index;
            options.composure = req.composure;
            auto play = make_play_screen(ctx, req.level_path, error, options);
            if (play) show(std::move(play));
            else show(make_menu_screen(ctx, error));
            break;
        }
    }
}

void AppShell::poll_events() {
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        ImGui_ImplSDL2_ProcessEvent(&e);
        input_->handle_event(e);
        if (e.type == SDL_QUIT && (!screen_ || screen_->allow_close(ctx))) ctx.quit = true;
        if (e.type == SDL_KEYDOWN && e.key.keysym.scancode == SDL_SCANCODE_F11) toggle_fullscreen();
        if (screen_) screen_->event(ctx, e);
    }
}

void AppShell::toggle_fullscreen() {
    if (!ctx.window) return;
    ctx.settings.fullscreen = !ctx.settings.fullscreen;
    SDL_SetWindowFullscreen(ctx.window, ctx.settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

void AppShell::frame(double dt, bool present) {
    if (fonts_scale_ != ctx.settings.ui_scale) rebuild_fonts();
    SDL_GetRendererOutputSize(ctx.renderer, &ctx.width, &ctx.height);
    ImGui_ImplSDLRenderer_NewFrame();
    if (ctx.window) ImGui_ImplSDL2_NewFrame();
    if (ctx.headless) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(ctx.width), static_cast<float>(ctx.height));
        io.DeltaTime = static_cast<float>(dt > 0 ? dt : 1.0 / 60.0);
    }
    ImGui::NewFrame();
    if (!screen_ || !screen_->covers_screen()) {
        SDL_SetRenderDrawColor(ctx.renderer, theme::kLand.r, theme::kLand.g, theme::kLand.b, 255);
        SDL_RenderClear(ctx.renderer);
    }
    ScreenRequest req = screen_ ? screen_->frame(ctx, dt) : ScreenRequest{};
    ImGui::Render();
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    if (present && ctx.window) SDL_RenderPresent(ctx.renderer);
    apply(req);
}

void AppShell::rebuild_fonts() {
    theme::apply_imgui_style(ctx.settings.ui_scale);
    load_fonts(ctx);
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    fonts_scale_ = ctx.settings.ui_scale;
}

}  // namespace cw
