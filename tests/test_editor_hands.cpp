// The editor's hands, end to end: the real editor screen on a copy of a shipped level, in a real
// SDL window (SDL's offscreen video driver) with ImGui and its SDL backend, driven by SDL events
// through the shell's own event loop. A river control point, a width handle, a rock and a node
// of the call graph are dragged with the mouse; Ctrl+S saves, and the saved file shows the
// thing moved (and nothing else); Ctrl+Z, Ctrl+S again, and the file is exactly what it was.
//
// Where things are on screen is worked out the way the editor works it out, from the level and
// the window: the layout of editor_screen.cpp (the canvas left of the inspector, under the top
// bar), the river canvas's first camera (EditorRiverCanvas::fit), the call graph's first view
// (EditorCallGraph::frame) and ImGui's style for the top bar. The editor exposes none of that;
// if its layout changes these tests fail (they drag nothing) rather than pass.
//
// How the hands work. Events go through SDL's queue and the shell's own loop (poll_events: ImGui's
// SDL backend, the input devices, the screen): keys and mouse buttons are SDL_PushEvent'ed, and
// the pointer is moved with SDL_WarpMouseInWindow, which sets SDL's mouse state and sends a real
// SDL_MOUSEMOTION. Two things a real mouse does that no public SDL call can:
//   - ImGui 1.86's SDL backend takes the pointer's position only while SDL says the window has
//     the mouse or keyboard focus, and SDL's offscreen driver never gives a window focus. So one
//     ImGui hook, run as each ImGui frame starts (just after the backend's part), hands ImGui the
//     pointer position from SDL's mouse state, as the backend does for a focused window.
//   - A held button the backend reads from SDL's state too, or from a SDL_MOUSEBUTTONDOWN seen
//     since the last frame; pushing an event does not change SDL's state. So a held button is a
//     SDL_MOUSEBUTTONDOWN pushed before every frame it is held, and letting go is a
//     SDL_MOUSEBUTTONUP and no more presses.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <SDL.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "app/app_shell.hpp"
#include "app/camera.hpp"
#include "app/screens.hpp"
#include "editor/call_graph.hpp"
#include "editor/draft_io.hpp"
#include "fixtures.hpp"
#include "scoped_env.hpp"

namespace {

namespace fs = std::filesystem;
using cw::Vec2;

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

cw::Draft draft_of(const fs::path& p) {
    cw::DraftLoad load = cw::load_draft_file(p.string(), cwtest::catalogue());
    REQUIRE_MESSAGE(load.draft, cw::format_problems(load.problems));
    return *load.draft;
}

// The editor on a copy of the shelf level, in an offscreen window of 1280x720, and a pair of
// hands for it.
class EditorAtHand {
    cwtest::ScopedEnv env_;  // first: set before the shell starts, put back once it has gone

public:
    EditorAtHand()
        : env_({{"SDL_VIDEODRIVER", "offscreen"},
                {"SDL_RENDER_DRIVER", "software"},
                {"SDL_FRAMEBUFFER_ACCELERATION", "0"},
                {"SDL_AUDIODRIVER", "dummy"},
                {"CALMWATERS_HOME", cwtest::fresh_dir("home").string()}}) {
        level = cwtest::case_dir() / "shelf.toml";
        fs::copy_file(cwtest::source_path("levels/flatpack_shelf.toml"), level);
        std::string error;
        REQUIRE_MESSAGE(shell.init(false, error, 1280, 720), error);
        REQUIRE(shell.ctx.window);
        // The pointer for ImGui, where SDL has it (see the top of the file).
        ImGuiContextHook pointer;
        pointer.Type = ImGuiContextHookType_NewFramePre;
        pointer.Callback = [](ImGuiContext*, ImGuiContextHook*) {
            int x = 0, y = 0;
            SDL_GetMouseState(&x, &y);
            ImGui::GetIO().MousePos = ImVec2(static_cast<float>(x), static_cast<float>(y));
        };
        ImGui::AddContextHook(ImGui::GetCurrentContext(), &pointer);
        shell.show(cw::make_editor_screen(shell.ctx, level.string()));
        frames(5);  // the windows placed, the river built
        REQUIRE(shell.ctx.width == 1280);
        REQUIRE(shell.ctx.height == 720);
    }

    // One frame of the game's loop: the events, then the frame. A held button is pressed
    // again before each (see the top of the file).
    void frames(int n = 1) {
        for (int i = 0; i < n; ++i) {
            if (held_) push_button(SDL_MOUSEBUTTONDOWN);
            shell.poll_events();
            shell.frame(1.0 / 60.0, false);
        }
    }

    void move_to(SDL_Point p) {
        SDL_WarpMouseInWindow(shell.ctx.window, p.x, p.y);
        frames();
    }
    void press() {
        held_ = true;
        frames();
    }
    void release() {
        held_ = false;
        push_button(SDL_MOUSEBUTTONUP);
        frames();
    }
    void click(SDL_Point p) {
        move_to(p);
        press();
        release();
        frames(2);
    }
    // Press at `from`, move to `to` in a few steps, let go.
    void drag(SDL_Point from, SDL_Point to, int steps = 6) {
        move_to(from);
        frames();
        press();
        for (int k = 1; k <= steps; ++k)
            move_to({from.x + (to.x - from.x) * k / steps, from.y + (to.y - from.y) * k / steps});
        release();
        frames(2);
    }
    void key(SDL_Scancode code, Uint16 mod) {
        for (Uint32 type : {SDL_KEYDOWN, SDL_KEYUP}) {
            SDL_Event e{};
            e.type = type;
            e.key.windowID = SDL_GetWindowID(shell.ctx.window);
            e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
            e.key.keysym.scancode = code;
            e.key.keysym.sym = SDL_GetKeyFromScancode(code);
            e.key.keysym.mod = mod;
            REQUIRE(SDL_PushEvent(&e) == 1);
            frames();
        }
        frames();
    }
    void ctrl(SDL_Scancode code) { key(code, KMOD_LCTRL); }

    // Ctrl+S, and the file as saved.
    std::string save() {
        ctrl(SDL_SCANCODE_S);
        return read_text(level);
    }

    // ---- where the editor puts things (see the top of the file) ----------------------------

    float scale() const { return shell.ctx.settings.ui_scale; }
    float bar_height() const { return 46 * scale(); }
    // The river canvas, or the call graph's window: left of the inspector, between the top bar
    // and the problems panel (EditorScreen::frame).
    SDL_FRect canvas() const {
        float s = scale();
        float side_w = std::clamp(shell.ctx.width * 0.38f, 380.0f * s, 560.0f * s);
        return {0, bar_height(), shell.ctx.width - side_w, shell.ctx.height - bar_height() - 128 * s};
    }
    // The river canvas's camera when it first shows a level (EditorRiverCanvas::fit).
    cw::Camera river_camera(const cw::Level& l) const {
        cw::Camera cam;
        cam.viewport = canvas();
        double widest = 0;
        for (const cw::RiverPoint& p : l.river.points) widest = std::max(widest, p.width);
        cam.pixels_per_metre = std::clamp(cam.viewport.w / (5.0 * std::max(widest, 10.0)), 2.0, 24.0);
        double half_h = cam.viewport.h * 0.5 / cam.pixels_per_metre;
        const auto& pts = l.river.points;
        Vec2 dir = pts.size() > 1 ? cw::normalized(pts[1].pos - pts[0].pos) : Vec2{0, 1};
        cam.centre = pts[0].pos + dir * (half_h - 12.0);
        return cam;
    }
    // The "Call" tab of the top bar: the radio button after the buttons (EditorScreen::top_bar),
    // measured with ImGui's own style and font.
    SDL_Point call_tab() const {
        const ImGuiStyle& st = ImGui::GetStyle();
        auto text = [](const char* t) { return ImGui::CalcTextSize(t).x; };
        auto button = [&](const char* t) { return text(t) + st.FramePadding.x * 2; };
        float frame_h = ImGui::GetFrameHeight();
        float x = st.WindowPadding.x;
        for (const char* b : {"Back to menu", "New level", "Open...", "Save", "Save as...", "Undo", "Redo"})
            x += button(b) + st.ItemSpacing.x;
        x += 24 - st.ItemSpacing.x;                                                  // SameLine(0, 24)
        x += frame_h + st.ItemInnerSpacing.x + text("River") + st.ItemSpacing.x;  // the River radio
        return {static_cast<int>(std::lround(x + frame_h * 0.5f)), static_cast<int>(std::lround(st.WindowPadding.y + frame_h * 0.5f))};
    }
    // The call graph's canvas (under its toolbar) and its first view (EditorCallGraph::frame).
    struct GraphView {
        ImVec2 origin, size;
        float zoom;
    };
    GraphView graph_view(const cw::Draft& d) const {
        const ImGuiStyle& st = ImGui::GetStyle();
        SDL_FRect c = canvas();
        GraphView v;
        v.origin = ImVec2(st.WindowPadding.x, c.y + st.WindowPadding.y + ImGui::GetFrameHeight() + st.ItemSpacing.y);
        v.size = ImVec2(c.w - 2 * st.WindowPadding.x, c.y + c.h - st.WindowPadding.y - v.origin.y);
        std::vector<Vec2> pos = cw::layout_call(d, false);
        const double box_w = 210, box_h = 74;
        Vec2 lo = pos[0], hi = pos[0];
        for (Vec2 p : pos) {
            lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
            hi = {std::max(hi.x, p.x + box_w), std::max(hi.y, p.y + box_h)};
        }
        float zx = v.size.x / static_cast<float>(hi.x - lo.x + 80), zy = v.size.y / static_cast<float>(hi.y - lo.y + 80);
        v.zoom = std::max(std::clamp(std::min(zx, zy), 0.15f, 1.5f), 0.6f);
        return v;
    }

    // A pixel of the frame last drawn.
    SDL_Color pixel(SDL_Point p) const {
        Uint32 px = 0;
        SDL_Rect r{p.x, p.y, 1, 1};
        REQUIRE(SDL_RenderReadPixels(shell.ctx.renderer, &r, SDL_PIXELFORMAT_RGBA8888, &px, 4) == 0);
        return {static_cast<Uint8>(px >> 24), static_cast<Uint8>(px >> 16), static_cast<Uint8>(px >> 8), 255};
    }

    fs::path level;
    cw::AppShell shell;

private:
    void push_button(Uint32 type) {
        SDL_Event e{};
        e.type = type;
        e.button.windowID = SDL_GetWindowID(shell.ctx.window);
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        SDL_GetMouseState(&e.button.x, &e.button.y);
        REQUIRE(SDL_PushEvent(&e) == 1);
    }

    bool held_ = false;
};

SDL_Point on_screen(const cw::Camera& cam, Vec2 world) {
    SDL_FPoint p = cam.to_screen(world);
    return {static_cast<int>(std::lround(p.x)), static_cast<int>(std::lround(p.y))};
}

// Where the canvas puts a dragged thing: the world point under the mouse, to a tenth of a metre.
Vec2 dropped_at(const cw::Camera& cam, SDL_Point p) {
    Vec2 w = cam.to_world({static_cast<float>(p.x), static_cast<float>(p.y)});
    return {std::round(w.x * 10) / 10, std::round(w.y * 10) / 10};
}

bool same(Vec2 a, Vec2 b, double tol = 0.051) { return std::fabs(a.x - b.x) <= tol && std::fabs(a.y - b.y) <= tol; }

}  // namespace

TEST_CASE("editor hands: dragging a river control point moves it, and Ctrl+Z puts it back") {
    EditorAtHand ed;
    const std::string before = ed.save();
    const cw::Level was = draft_of(ed.level).level;
    cw::Camera cam = ed.river_camera(was);
    const int i = 1;  // the second point: in view, clear of the rocks and the fork
    SDL_Point from = on_screen(cam, was.river.points[i].pos), to{from.x + 30, from.y - 25};
    ed.drag(from, to);

    cw::Level moved = draft_of(ed.level).level;  // not saved yet: the file is as it was
    CHECK(same(moved.river.points[i].pos, was.river.points[i].pos));
    moved = cwtest::level_from(ed.save());
    CHECK_MESSAGE(same(moved.river.points[i].pos, dropped_at(cam, to)),
                  "point " << i << " is at " << moved.river.points[i].pos.x << ", " << moved.river.points[i].pos.y);
    CHECK(moved.river.points[i].width == was.river.points[i].width);
    for (size_t k = 0; k < was.river.points.size(); ++k)
        if (static_cast<int>(k) != i) CHECK(same(moved.river.points[k].pos, was.river.points[k].pos, 0));

    ed.ctrl(SDL_SCANCODE_Z);
    CHECK(ed.save() == before);  // the whole drag was one step, and undoing it undid all of it
}

TEST_CASE("editor hands: dragging a width handle widens the river there, and Ctrl+Z puts it back") {
    EditorAtHand ed;
    const std::string before = ed.save();
    const cw::Level was = draft_of(ed.level).level;
    cw::Camera cam = ed.river_camera(was);
    const int i = 2;
    const auto& pts = was.river.points;
    // The handle on the right bank: half the width out, across the river (EditorRiverCanvas).
    Vec2 across = cw::right_of(cw::normalized(pts[i + 1].pos - pts[i - 1].pos));
    SDL_Point from = on_screen(cam, pts[i].pos + across * (pts[i].width * 0.5)), to{from.x + 20, from.y};
    ed.drag(from, to);

    cw::Level wider = cwtest::level_from(ed.save());
    double half = std::fabs(cw::dot(dropped_at(cam, to) - pts[i].pos, across));
    double want = std::clamp(std::round(half * 2 * 2) / 2, 4.0, 80.0);
    CHECK(want > pts[i].width + 5);  // a real change, not rounding
    CHECK(wider.river.points[i].width == doctest::Approx(want));
    CHECK(same(wider.river.points[i].pos, pts[i].pos, 0));  // the point itself stays put

    ed.ctrl(SDL_SCANCODE_Z);
    CHECK(ed.save() == before);
}

TEST_CASE("editor hands: dragging a rock moves it, and Ctrl+Z puts it back") {
    EditorAtHand ed;
    const std::string before = ed.save();
    const cw::Level was = draft_of(ed.level).level;
    REQUIRE_FALSE(was.river.rocks.empty());
    cw::Camera cam = ed.river_camera(was);
    const cw::Rock& rock = was.river.rocks[0];  // 60 m down, in view
    SDL_Point from = on_screen(cam, rock.at), to{from.x + 25, from.y + 15};
    ed.drag(from, to);

    cw::Level moved = cwtest::level_from(ed.save());
    REQUIRE(moved.river.rocks.size() == was.river.rocks.size());
    CHECK_MESSAGE(same(moved.river.rocks[0].at, dropped_at(cam, to)),
                  "the rock is at " << moved.river.rocks[0].at.x << ", " << moved.river.rocks[0].at.y);
    CHECK(moved.river.rocks[0].radius == rock.radius);
    for (size_t k = 0; k < was.river.points.size(); ++k) CHECK(same(moved.river.points[k].pos, was.river.points[k].pos, 0));

    ed.ctrl(SDL_SCANCODE_Z);
    CHECK(ed.save() == before);
}

TEST_CASE("editor hands: dragging a node of the call graph moves it, and Ctrl+Z puts it back") {
    EditorAtHand ed;
    const std::string before = ed.save();
    const cw::Draft was = draft_of(ed.level);
    int start = was.level.node_index(was.level.start);
    REQUIRE(start >= 0);
    std::vector<Vec2> laid_out = cw::layout_call(was, false);

    // To the Call tab: the graph's dark background where the river's land was.
    SDL_Point probe{100, static_cast<int>(ed.canvas().y + ed.canvas().h * 0.8f)};
    SDL_Color land = ed.pixel(probe);
    REQUIRE_MESSAGE(land.r > 90, "no land at " << probe.x << ", " << probe.y << " of the river canvas");
    ed.click(ed.call_tab());
    SDL_Color bg = ed.pixel(probe);
    REQUIRE_MESSAGE(bg.r < 60, "the call graph is not showing (the pixel at " << probe.x << ", " << probe.y << " is "
                                   << int(bg.r) << ", " << int(bg.g) << ", " << int(bg.b) << ")");

    // The first view puts the start node's box at the left, level with the middle of the
    // canvas: 30 graph units in, at any zoom it may choose (0.6 to 1.5).
    EditorAtHand::GraphView view = ed.graph_view(was);
    SDL_Point from{static_cast<int>(view.origin.x + 100), static_cast<int>(view.origin.y + view.size.y * 0.5f)};
    SDL_Point to{from.x + 60, from.y + 40};
    ed.drag(from, to);

    cw::Draft moved = draft_of(ed.level);  // (not saved yet)
    CHECK_FALSE(moved.nodes[static_cast<size_t>(start)].pos);
    ed.save();
    moved = draft_of(ed.level);
    REQUIRE_MESSAGE(moved.nodes[static_cast<size_t>(start)].pos, "the start node has no place in the file: it was not moved");
    Vec2 now = *moved.nodes[static_cast<size_t>(start)].pos;
    Vec2 want = laid_out[static_cast<size_t>(start)] + Vec2{60 / view.zoom, 40 / view.zoom};
    CHECK_MESSAGE(same(now, want, 1.01), "the start node is at " << now.x << ", " << now.y << ", not " << want.x << ", "
                                                                  << want.y << " (zoom " << view.zoom << ")");
    // The others are written down where they were laid out, so they stay put.
    for (size_t k = 0; k < moved.nodes.size(); ++k)
        if (static_cast<int>(k) != start) {
            REQUIRE(moved.nodes[k].pos);
            CHECK(same(*moved.nodes[k].pos, laid_out[k], 0.51));
        }

    ed.ctrl(SDL_SCANCODE_Z);
    CHECK(ed.save() == before);
}
