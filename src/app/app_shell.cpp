#include "app_shell.hpp"
#include "startup_trace.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <future>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <vector>

#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>

#include "content/command_line.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "content/data_paths.hpp"

namespace cw {

namespace {

// The profile database keeps a profile's settings as one value: the same text as settings.toml,
// read by the same checked reader.
const char* const kSettingsKey = "settings.toml";


const char* kFontPaths[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                            "/usr/share/fonts/dejavu/DejaVuSans.ttf"};

// Bigger than any font we could want (DejaVu Sans is under 1 MB, a CJK collection some 30 MB).
constexpr std::uintmax_t kMaxFontBytes = 64u << 20;

std::uint32_t be32(const std::vector<unsigned char>& d, std::size_t at) {
    return std::uint32_t(d[at]) << 24 | std::uint32_t(d[at + 1]) << 16 | std::uint32_t(d[at + 2]) << 8 | d[at + 3];
}
std::uint32_t be16(const std::vector<unsigned char>& d, std::size_t at) { return std::uint32_t(d[at]) << 8 | d[at + 1]; }

// Why ImGui cannot be given these bytes as a font, or "" when it can. ImGui and its stb_truetype
// trust the file completely: on a foreign one ImGui asserts, and a truncated one makes
// stb_truetype read past the end. So the sfnt table directory is checked first, and every table
// stb_truetype looks up must be there and lie inside the file.
std::string font_data_problem(const std::vector<unsigned char>& d) {
    const std::string foreign = "is not a TrueType or OpenType font";
    if (d.size() < 12) return foreign + " (too short to be one)";
    std::size_t start = 0;
    std::uint32_t magic = be32(d, 0);
    if (magic == 0x74746366) {  // 'ttcf': a collection; ImGui takes its first font
        std::uint32_t version = be32(d, 4);
        if ((version != 0x00010000 && version != 0x00020000) || be32(d, 8) == 0 || d.size() < 16)
            return "is a damaged font collection (its header is wrong)";
        start = be32(d, 12);
        if (start > d.size() - 12) return "is a damaged font collection (its first font lies past the end of the file)";
        magic = be32(d, start);
    }
    if (magic != 0x00010000 && magic != 0x74727565 /* 'true' */ && magic != 0x4F54544F /* 'OTTO' */)
        return foreign + " (it does not start like one)";
    std::uint32_t tables = be16(d, start + 4);
    if (tables == 0 || start + 12 + 16u * tables > d.size())
        return "is a damaged font (its table directory runs past the end of the file)";
    auto find = [&](const char* tag, std::uint32_t& offset, std::uint32_t& length) {
        for (std::uint32_t i = 0; i < tables; ++i) {
            std::size_t rec = start + 12 + 16u * i;
            if (std::memcmp(&d[rec], tag, 4) != 0) continue;
            offset = be32(d, rec + 8);
            length = be32(d, rec + 12);
            return true;
        }
        return false;
    };
    // What stb_truetype reads without checking: the tables, and in them at least these bytes.
    struct Need {
        const char* tag;
        std::uint32_t min_length;
        bool required;  // maxp is read only when it is there
    };
    const Need needed[] = {{"cmap", 4, true}, {"head", 54, true}, {"hhea", 36, true}, {"hmtx", 4, true}, {"maxp", 6, false}};
    std::uint32_t offset = 0, length = 0;
    for (const Need& n : needed) {
        if (!find(n.tag, offset, length)) {
            if (!n.required) continue;
            return "is a damaged font (it has no '" + std::string(n.tag) + "' table)";
        }
        if (length < n.min_length || offset > d.size() || length > d.size() - offset)
            return "is a damaged font (its '" + std::string(n.tag) + "' table lies past the end of the file)";
    }
    // The character map's encoding records, which stb_truetype walks to pick one.
    find("cmap", offset, length);
    std::uint32_t encodings = be16(d, offset + 2);
    if (4 + 8u * encodings > length) return "is a damaged font (its character map is cut short)";
    for (std::uint32_t i = 0; i < encodings; ++i)
        if (be32(d, offset + 4 + 8u * i + 4) >= length) return "is a damaged font (its character map points outside itself)";
    // Outlines: TrueType glyphs (glyf with its loca index) or OpenType's CFF.
    std::uint32_t o2 = 0, l2 = 0;
    bool truetype = find("glyf", offset, length) && find("loca", o2, l2);
    bool inside = truetype ? offset <= d.size() && length <= d.size() - offset && o2 <= d.size() && l2 <= d.size() - o2
                           : find("CFF ", offset, length) && offset <= d.size() && length <= d.size() - offset;
    if (!inside) return "is a damaged font (its glyph outlines are missing or lie past the end of the file)";
    return "";
}

// Reads the font at `path`; false with `problem` (completing "PATH ...") when it will not do.
bool read_font_file(const std::string& path, std::vector<unsigned char>& data, std::string& problem) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (st.type() == fs::file_type::not_found) {
        problem = "does not exist";
        return false;
    }
    if (ec) {
        problem = "cannot be read (" + ec.message() + ")";
        return false;
    }
    if (fs::is_directory(st)) {
        problem = "is a folder, not a font file";
        return false;
    }
    if (!fs::is_regular_file(st)) {
        problem = "is not a regular file";
        return false;
    }
    std::uintmax_t size = fs::file_size(path, ec);
    if (!ec && size > kMaxFontBytes) {
        problem = "is too big to be a font (" + std::to_string(size >> 20) + " MB; at most " +
                  std::to_string(kMaxFontBytes >> 20) + " MB)";
        return false;
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problem = std::string("cannot be read (") + (errno ? std::strerror(errno) : "open failed") + ")";
        return false;
    }
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
        problem = "cannot be read (a read error)";
        return false;
    }
    if (data.empty()) {
        problem = "is empty";
        return false;
    }
    problem = font_data_problem(data);
    return problem.empty();
}

// Glyphs are rasterised at the size they take on the screen in pixels (UI scale times the
// screen's pixels per point) and drawn at 1/dpi, so text is sharp on HiDPI screens too.
// CALMWATERS_FONT names a .ttf/.otf to use instead of DejaVu Sans; when it is set (and not
// empty), it is the only file tried. A font that cannot be used is named on stderr, with what is
// wrong with it, and ImGui's built-in font is used.
void load_fonts(AppContext& ctx) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    float s = ctx.settings.ui_scale * ctx.dpi;
    io.FontGlobalScale = 1.0f / ctx.dpi;
    // Latin-1 plus typographic punctuation (dashes, curly quotes, ellipsis) for the dialogue.
    static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x205E, 0};
    // Rebuilt fonts (a new UI scale, another screen's DPI) do not repeat the same complaint.
    static std::string said;
    auto say = [](const std::string& message) {
        if (message != said) std::cerr << "calmwaters: " << message << '\n';
        said = message;
    };
    const char* chosen = std::getenv("CALMWATERS_FONT");
    bool override_font = chosen && *chosen;
    std::vector<std::string> candidates;
    if (override_font) candidates.push_back(chosen);
    else candidates.assign(std::begin(kFontPaths), std::end(kFontPaths));

    std::vector<unsigned char> data;
    std::string found, problem, complaint;
    for (const std::string& p : candidates) {
        if (read_font_file(p, data, problem)) {
            found = p;
            break;
        }
        if (override_font) complaint = "CALMWATERS_FONT names " + p + ", which " + problem;
        // The usual places differ between systems: one not being there is no news.
        else if (problem != "does not exist" && complaint.empty()) complaint = p + " " + problem;
    }
    ctx.fonts.dejavu = false;
    ctx.fonts.fallback_why.clear();
    if (!found.empty()) {
        // ImGui frees the font data it is given, so each size gets its own copy.
        auto copy = [&data] {
            void* p = ImGui::MemAlloc(data.size());
            std::memcpy(p, data.data(), data.size());
            return p;
        };
        const int bytes = static_cast<int>(data.size());
        // Horizontal oversampling sharpens small text; big text does not need it, and each step
        // of it multiplies the start-up time spent rasterising glyphs.
        ImFontConfig small, big;
        small.OversampleH = 2;
        big.OversampleH = 1;
        ctx.fonts.body = io.Fonts->AddFontFromMemoryTTF(copy(), bytes, 18.0f * s, &small, ranges);
        ctx.fonts.large = io.Fonts->AddFontFromMemoryTTF(copy(), bytes, 23.0f * s, &big, ranges);
        ctx.fonts.title = io.Fonts->AddFontFromMemoryTTF(copy(), bytes, 46.0f * s, &big, io.Fonts->GetGlyphRangesDefault());
        // Built now rather than at the first frame, so a font stb_truetype still refuses falls
        // back here too instead of leaving the atlas empty.
        ctx.fonts.dejavu = ctx.fonts.body && ctx.fonts.large && ctx.fonts.title && io.Fonts->Build();
        if (!ctx.fonts.dejavu)
            complaint = (override_font ? "CALMWATERS_FONT names " + found + ", which" : found) + " could not be rasterised";
    }
    if (!ctx.fonts.dejavu) {
        ctx.fonts.fallback_why = !complaint.empty() ? complaint : "DejaVu Sans not found (install fonts-dejavu-core)";
        say(ctx.fonts.fallback_why + "; using ImGui's built-in font");
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

void AppShell::start_record_sender() {
    ctx.lrs_changed = false;
    ctx.records = nullptr;
    records_.reset();  // a sender for the old store stops first (a post under way is abandoned)
    if (!ctx.profiles || !ctx.lrs.configured()) return;
    records_ = std::make_unique<xapi::RecordSender>(ctx.profiles->path(), ctx.lrs);
    ctx.records = records_.get();
}

AppShell::~AppShell() {
    screen_.reset();
    ctx.records = nullptr;
    records_.reset();
    if (imgui_) {
        ImGui_ImplSDLRenderer_Shutdown();
        if (ctx.window) ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    input_.reset();
    audio_.reset();
    if (ctx.renderer) SDL_DestroyRenderer(ctx.renderer);
    if (ctx.window) SDL_DestroyWindow(ctx.window);
    if (surface_) SDL_FreeSurface(surface_);
    if (sdl_) SDL_Quit();
}

bool AppShell::init(bool headless, std::string& error, int width, int height, float dpi) {
    startup_mark("main");
    // Reading and checking the catalogue and the shipped levels is pure parsing, and opening a
    // window and a renderer is mostly waiting on the system and loading the GL driver: do both
    // at once. The worker touches no SDL and nothing else of the shell.
    struct Loaded {
        std::optional<Catalogue> catalogue;
        ShippedContent shipped;
    };
    std::future<Loaded> loading = std::async(std::launch::async, [] {
        Loaded l;
        l.catalogue = load_shipped_catalogue();
        if (l.catalogue) l.shipped = load_shipped_content(*l.catalogue);
        return l;
    });
    if (!init_display(headless, error, width, height, dpi)) {
        loading.wait();  // it reads files only; let it finish before the shell goes away
        return false;
    }
    Loaded loaded = loading.get();
    startup_mark("content read");
    if (!loaded.catalogue) {
        error = "the technique catalogue could not be loaded";
        return false;
    }
    catalogue_ = std::move(*loaded.catalogue);
    ctx.catalogue = &catalogue_;
    ctx.preloaded = std::make_unique<ShippedContent>(std::move(loaded.shipped));
    return true;
}

bool AppShell::init_display(bool headless, std::string& error, int width, int height, float dpi) {
    ctx.headless = headless;
    if (SDL_Init(headless ? SDL_INIT_EVENTS : SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("cannot start the display (") + SDL_GetError() +
                "). The headless commands still work: calmwaters run, check, techniques, screenshot";
        return false;
    }
    sdl_ = true;
    startup_mark("SDL started");
    if (!headless) {
        // The player's settings first: the window, the fonts and the sound follow them.
        // IT's defaults for this machine, then the player's own file over them.
        SettingsLoad machine = load_system_settings();
        ctx.machine_settings = machine.settings;
        if (!machine.warning.empty()) std::cerr << "calmwaters: " << machine.warning << '\n';
        settings_file_ = settings_path(default_data_dir());
        SettingsLoad load = load_settings(settings_file_, ctx.machine_settings);
        ctx.settings = load.settings;
        ctx.settings_warning = machine.warning;
        if (!load.warning.empty()) ctx.settings_warning += (ctx.settings_warning.empty() ? "" : "\n") + load.warning;
        if (!load.warning.empty()) std::cerr << "calmwaters: " << load.warning << '\n';
        saved_ = ctx.settings;
    }
    if (headless) {
        ctx.dpi = std::clamp(dpi, 1.0f, 4.0f);
        surface_ = SDL_CreateRGBSurfaceWithFormat(0, static_cast<int>(width * ctx.dpi), static_cast<int>(height * ctx.dpi),
                                                  32, SDL_PIXELFORMAT_RGBA32);
        if (surface_) ctx.renderer = SDL_CreateSoftwareRenderer(surface_);
        if (!ctx.renderer) {
            error = std::string("cannot create an offscreen renderer (") + SDL_GetError() + ")";
            return false;
        }
        SDL_RenderSetScale(ctx.renderer, ctx.dpi, ctx.dpi);
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
        startup_mark("window open");
        // SDL_RENDER_DRIVER and SDL_RENDER_VSYNC in the environment override these (benchmarks
        // use them to measure the software renderer without waiting for the display).
        ctx.renderer = SDL_CreateRenderer(ctx.window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        if (!ctx.renderer) ctx.renderer = SDL_CreateRenderer(ctx.window, -1, SDL_RENDERER_SOFTWARE);
        if (!ctx.renderer) {
            error = std::string("cannot create a renderer (") + SDL_GetError() + ")";
            return false;
        }
        startup_mark("renderer made");
        if (ctx.settings.fullscreen) SDL_SetWindowFullscreen(ctx.window, SDL_WINDOW_FULLSCREEN_DESKTOP);
        update_dpi();
        // Sound opens once the first frame is on screen (see frame()): connecting to a sound
        // server can take a while, and a window that appears at once matters more.
        audio_pending_ = true;
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
        // The profile's own settings, when it has them, win over the file (which mirrors the
        // last profile's, so a damaged database still leaves the player's choices in place).
        if (ctx.profiles) {
            auto kept = ctx.profiles->settings(ctx.profile);
            if (auto it = kept.find(kSettingsKey); it != kept.end()) {
                SettingsLoad load = settings_from_toml(it->second, "profiles.sqlite (settings of " + ctx.profile + ")",
                                                       ctx.machine_settings);
                if (load.warning.empty() && !(load.settings == ctx.settings)) {
                    ctx.settings = load.settings;
                    saved_ = ctx.settings;
                    if (ctx.window) SDL_SetWindowFullscreen(ctx.window, ctx.settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
                }
            }
        }
    }

    if (!headless) {
        xapi::LrsConfigLoad lrs = xapi::load_lrs_config(default_data_dir());
        for (const std::string& p : lrs.problems)
            ctx.settings_warning += (ctx.settings_warning.empty() ? "" : "\n") + p;
        ctx.lrs = lrs.config;
        start_record_sender();
    }
    startup_mark("profiles open");
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    imgui_ = true;
    ImGui::GetIO().IniFilename = nullptr;  // layouts are ours; no imgui.ini litter
    // Menus, settings and dialogs work from the keyboard (Tab, arrows, Space) and a gamepad too.
    // (Headless there is no platform backend to map the keys, so no navigation either.)
    if (ctx.window) ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard | ImGuiConfigFlags_NavEnableGamepad;
    if (ctx.window) ImGui_ImplSDL2_InitForSDLRenderer(ctx.window);
    ImGui_ImplSDLRenderer_Init(ctx.renderer);
    theme::apply_imgui_style(ctx.settings.ui_scale);
    load_fonts(ctx);
    fonts_scale_ = ctx.settings.ui_scale * ctx.dpi;
    startup_mark("fonts built");
    return true;
}

void AppShell::apply(const ScreenRequest& req) {
    switch (req.kind) {
        case ScreenRequest::none: break;
        case ScreenRequest::quit: ctx.quit = true; break;
        case ScreenRequest::menu: show(make_menu_screen(ctx)); break;
        case ScreenRequest::dock: {
            std::string error;
            auto dock = make_dock_screen(ctx, req.week, req.campaign_index, req.composure, error);
            if (dock) show(std::move(dock));
            else show(make_menu_screen(ctx, error));
            break;
        }
        case ScreenRequest::editor: show(make_editor_screen(ctx, req.level_path)); break;
        case ScreenRequest::host: show(make_host_screen(ctx, req.level_path)); break;
        case ScreenRequest::join: show(make_join_screen(ctx)); break;
        case ScreenRequest::progress: show(make_progress_screen(ctx)); break;
        case ScreenRequest::settings: show(make_settings_screen(ctx)); break;
        case ScreenRequest::play: {
            std::string error;
            PlayOptions options;
            options.autopilot = demo.autopilot;
            options.speed = demo.speed;
            options.campaign = req.week;
            options.campaign_index = req.campaign_index;
            options.composure = req.composure;
            options.dock_note = req.note;
            auto play = open_play_screen(ctx, req.level_path, error, options);
            if (play) show(std::move(play));
            else show(make_menu_screen(ctx, error));
            break;
        }
    }
}

bool AppShell::poll_events() {
    SDL_Event e;
    bool any = false;
    while (SDL_PollEvent(&e)) {
        any = true;
        ImGui_ImplSDL2_ProcessEvent(&e);
        input_->handle_event(e);
        if (e.type == SDL_QUIT && (!screen_ || screen_->allow_close(ctx))) ctx.quit = true;
        if (e.type == SDL_KEYDOWN && e.key.keysym.scancode == SDL_SCANCODE_F11) toggle_fullscreen();
        if (screen_) screen_->event(ctx, e);
    }
    return any;
}

bool AppShell::wait_for_input(double seconds) {
    if (seconds <= 0) return false;
    // A null event leaves what arrived in the queue for poll_events().
    return SDL_WaitEventTimeout(nullptr, std::max(1, static_cast<int>(seconds * 1000.0))) == 1;
}

double AppShell::refresh_hz() const {
    if (!ctx.window) return 0;
    SDL_DisplayMode mode{};
    if (SDL_GetWindowDisplayMode(ctx.window, &mode) != 0) return 0;
    return mode.refresh_rate;
}

void AppShell::toggle_fullscreen() {
    if (!ctx.window) return;
    ctx.settings.fullscreen = !ctx.settings.fullscreen;
    SDL_SetWindowFullscreen(ctx.window, ctx.settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

// HiDPI: the renderer draws in points and SDL scales them to the screen's pixels, so every
// screen lays out the same on any display; only the fonts are rasterised for the pixels.
void AppShell::update_dpi() {
    if (!ctx.window) return;
    int ww = 0, wh = 0, pw = 0, ph = 0;
    SDL_GetWindowSize(ctx.window, &ww, &wh);
    SDL_GetRendererOutputSize(ctx.renderer, &pw, &ph);
    float ratio = ww > 0 && pw > 0 ? static_cast<float>(pw) / static_cast<float>(ww) : 1.0f;
    ratio = std::clamp(std::round(ratio * 4.0f) / 4.0f, 1.0f, 4.0f);  // whole quarters: no blur from 1.98
    if (ratio != ctx.dpi) {
        ctx.dpi = ratio;
        SDL_RenderSetScale(ctx.renderer, ratio, ratio);
    }
}

void AppShell::open_audio() {
    audio_pending_ = false;
    // Without a device the game plays silently and the settings screen says why.
    audio_ = std::make_unique<AudioDevice>();
    if (!audio_->open()) std::cerr << "calmwaters: " << audio_->status() << '\n';
    ctx.audio = audio_.get();
}

void AppShell::frame(double dt, bool present) {
    if (audio_pending_ && frames_ > 0) open_audio();
    ++frames_;
    update_dpi();
    if (fonts_scale_ != ctx.settings.ui_scale * ctx.dpi) rebuild_fonts();
    int pw = 0, ph = 0;
    SDL_GetRendererOutputSize(ctx.renderer, &pw, &ph);
    ctx.width = static_cast<int>(pw / ctx.dpi);
    ctx.height = static_cast<int>(ph / ctx.dpi);
    ImGui_ImplSDLRenderer_NewFrame();
    if (ctx.window) ImGui_ImplSDL2_NewFrame();
    if (ctx.headless) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(ctx.width), static_cast<float>(ctx.height));
        io.DisplayFramebufferScale = ImVec2(ctx.dpi, ctx.dpi);
        io.DeltaTime = static_cast<float>(dt > 0 ? dt : 1.0 / 60.0);
    }
    if (audio_) {
        audio_->set_volume(ctx.settings.volume);
        audio_->set_muted(ctx.settings.muted);
    }
    ImGui::NewFrame();
    // An ambient screen left alone, whose panel the back buffer still shows: only the strips
    // around the panel are painted again (frame_reuse.hpp).
    const bool reusable = ctx.window && screen_ && screen_->motion(ctx) == Motion::ambient;
    std::vector<SDL_FRect> strips;
    if (reusable && settled)
        if (std::optional<SDL_FRect> panel = reuse_.panel_still_shown(ctx.renderer))
            strips = strips_around(*panel, static_cast<float>(ctx.width), static_cast<float>(ctx.height));
    const bool strips_only = !strips.empty();
    painted_around_panel_ = strips_only;
    // Always clear: a clear is the cheapest way to paint every pixel, even with no GPU, and the
    // river's land is this colour, so the river draws only its water on top.
    theme::set_draw_colour(ctx.renderer, theme::kLand);
    if (strips_only) SDL_RenderFillRectsF(ctx.renderer, strips.data(), static_cast<int>(strips.size()));
    else SDL_RenderClear(ctx.renderer);
    Screen* drawn = screen_.get();
    ScreenRequest req = screen_ ? screen_->frame(ctx, dt) : ScreenRequest{};
    input_->end_frame();  // this frame's presses have been seen
    if (audio_) audio_->frame_done();
    keep_settings();
    if (ctx.lrs_changed) start_record_sender();
    ImGui::Render();
    if (strips_only) {
        for (const SDL_FRect& strip : strips) render_draw_data_within(ImGui::GetDrawData(), strip);
    } else {
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    }
    if (reusable && present) reuse_.presenting(ctx.renderer, ctx.dpi, drawn->still_panel());
    else reuse_.forget();
    if (present && ctx.window) SDL_RenderPresent(ctx.renderer);
    apply(req);
}

void AppShell::rebuild_fonts() {
    theme::apply_imgui_style(ctx.settings.ui_scale);
    load_fonts(ctx);
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    ImGui_ImplSDLRenderer_CreateFontsTexture();
    fonts_scale_ = ctx.settings.ui_scale * ctx.dpi;
}

// Settings are written as soon as they change (not while a slider is being dragged), wherever
// they were changed: the settings screen, the pause menu, F11.
void AppShell::keep_settings() {
    if (settings_file_.empty() || ctx.settings == saved_ || ImGui::IsAnyItemActive()) return;
    std::string error;
    if (!save_settings(settings_file_, ctx.settings, error, &ctx.machine_settings)) {
        ctx.settings_warning = "Your settings could not be saved: " + error;
        std::cerr << "calmwaters: " << ctx.settings_warning << '\n';
    }
    // And in the profile, so each person's choices go with their profile.
    if (ctx.profiles && !ctx.profiles->save_settings(ctx.profile, {{kSettingsKey, settings_to_toml(ctx.settings, &ctx.machine_settings)}}, error))
        std::cerr << "calmwaters: the profile's settings could not be saved: " << error << '\n';
    saved_ = ctx.settings;  // do not retry every frame; the next change tries again
}

}  // namespace cw
