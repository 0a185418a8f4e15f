// `calmwaters screenshot diagram`: a labelled picture of a river for docs/level-format.md, drawn
// by the game's own river renderer, so the picture is the river the format describes. On the
// left the whole river (metres along the centre line, the forks, the pool); on the right one
// fork close up (x and y, the centre line, `at`, `length`, an island, channels A to D).
#include <cmath>
#include <cstdio>

#include "content/level_loader.hpp"
#include "river_view.hpp"
#include "screens.hpp"
#include "theme.hpp"

namespace cw {

namespace {

// A small call laid out from its lines (no coordinates): two forks, the second of four channels.
const char* kDiagramLevel = R"(format = 2
title = "Diagram"
seed = 3
[caller]
name = "Diagram"
issue = "the parts of a river"
intensity = 30
[river]
current = 2.0
pool = 30
[[river.fork]]
id = "first"
channels = 2
[[river.fork]]
id = "second"
channels = 4
island = 3
[call]
start = "a"
[[call.node]]
id = "a"
say = "Hello."
next = "q1"
[[call.node]]
id = "q1"
say = "First?"
fork = "first"
[[call.node.reply]]
text = "One."
grade = "best"
techniques = ["listen"]
next = "q2"
[[call.node.reply]]
text = "Two."
grade = "slip"
techniques = ["listen"]
next = "q2"
[[call.node]]
id = "q2"
say = "Second?"
fork = "second"
[[call.node.reply]]
text = "A."
grade = "best"
techniques = ["listen"]
next = "end"
[[call.node.reply]]
text = "B."
grade = "good"
techniques = ["listen"]
next = "end"
[[call.node.reply]]
text = "C."
grade = "slip"
techniques = ["listen"]
next = "end"
[[call.node.reply]]
text = "D."
grade = "trap"
techniques = ["listen"]
next = "end"
[[call.node]]
id = "end"
say = "Bye."
end = "resolved"
)";

ImVec2 iv(SDL_FPoint p) { return {p.x, p.y}; }

std::string metres(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f m", v);
    return buf;
}

class DiagramScreen : public Screen {
public:
    explicit DiagramScreen(AppContext& ctx) {
        LevelLoad load = load_level_text(kDiagramLevel, "diagram.toml", *ctx.catalogue);
        assert(load.ok() && "the diagram's own level must load");
        sim_ = std::make_unique<Simulation>(*load.level, *ctx.catalogue, 1);
    }

    ScreenRequest frame(AppContext& ctx, double) override {
        const float s = ctx.settings.ui_scale, W = static_cast<float>(ctx.width), H = static_cast<float>(ctx.height);
        const float split = std::round(W * 0.28f);
        SDL_SetRenderDrawColor(ctx.renderer, theme::kLand.r, theme::kLand.g, theme::kLand.b, 255);
        SDL_RenderClear(ctx.renderer);
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        const RiverGeometry& river = sim_->river();

        // The whole river, fitted into the left part.
        Camera whole;
        whole.viewport = {0, 40 * s, split, H - 70 * s};
        whole.pixels_per_metre = (whole.viewport.h - 20 * s) / river.length();
        whole.centre = river.point_at(river.length() / 2, 0);
        draw_view(ctx, whole);
        const ImU32 ink = theme::im(theme::kLightInk), soft = theme::im(theme::kLightInk, 0.65f);
        const ImU32 mark = theme::im(theme::kTense);
        dl->AddText(ImVec2(14 * s, 12 * s), ink, "The whole river");
        for (double m = 0; m <= river.pool_start(); m += 100) {
            SDL_FPoint p = whole.to_screen(river.point_at(m, river.half_width_at(m)));
            dl->AddLine(ImVec2(p.x + 2 * s, p.y), ImVec2(p.x + 12 * s, p.y), soft, 1.5f * s);
            dl->AddText(ImVec2(p.x + 16 * s, p.y - 8 * s), soft, (metres(m) + (m == 0 ? " (start)" : "")).c_str());
        }
        for (const Fork& f : river.forks()) {
            SDL_FPoint p = whole.to_screen(river.point_at(f.at, -river.half_width_at(f.at)));
            dl->AddLine(ImVec2(p.x - 14 * s, p.y), ImVec2(p.x - 2 * s, p.y), mark, 2 * s);
            std::string label = "fork \"" + f.id + "\"";
            ImVec2 size = ImGui::CalcTextSize(label.c_str());
            dl->AddText(ImVec2(p.x - 18 * s - size.x, p.y - 20 * s), mark, label.c_str());
            std::string at = "at = " + metres(f.at);
            size = ImGui::CalcTextSize(at.c_str());
            dl->AddText(ImVec2(p.x - 18 * s - size.x, p.y - 2 * s), mark, at.c_str());
        }
        {
            const double ps = river.pool_start();
            SDL_FPoint a = whole.to_screen(river.point_at(ps, -river.half_width_at(ps) - 2));
            SDL_FPoint b = whole.to_screen(river.point_at(ps, river.half_width_at(ps) + 2));
            dl->AddLine(iv(a), iv(b), ink, 2 * s);
            dl->AddText(ImVec2(b.x + 6 * s, b.y - 26 * s), ink, "the pool");
            dl->AddText(ImVec2(b.x + 6 * s, b.y - 8 * s), soft, ("from " + metres(ps)).c_str());
        }

        // One fork close up, in the rest.
        const Fork& f = river.forks().back();
        Camera near;
        near.viewport = {split, 0, W - split, H};
        near.pixels_per_metre = std::min(near.viewport.h / (f.length + 60.0), near.viewport.w / 80.0);
        near.centre = river.point_at(f.at + f.length / 2, 0);
        SDL_Rect clip{static_cast<int>(split), 0, static_cast<int>(W - split), static_cast<int>(H)};
        SDL_RenderSetClipRect(ctx.renderer, &clip);
        draw_view(ctx, near);
        SDL_RenderSetClipRect(ctx.renderer, nullptr);
        dl->AddLine(ImVec2(split, 0), ImVec2(split, H), theme::im(theme::kDeepShade), 3 * s);
        dl->PushClipRect(ImVec2(split, 0), ImVec2(W, H));
        dl->AddText(ImVec2(split + 14 * s, 12 * s), ink, ("Fork \"" + f.id + "\" close up").c_str());

        // The centre line, dashed, with its name.
        const double from = f.at - 30, to = f.at + f.length + 30;
        for (double m = from; m < to; m += 4) {
            SDL_FPoint a = near.to_screen(river.point_at(m, 0)), b = near.to_screen(river.point_at(m + 2, 0));
            dl->AddLine(iv(a), iv(b), soft, 1.5f * s);
        }
        SDL_FPoint cl = near.to_screen(river.point_at(f.at - 22, 0));
        dl->AddText(ImVec2(cl.x + 8 * s, cl.y - 8 * s), soft, "the centre line: metres along it are the river's distances");

        // `at` and the end of the islands, across the river; `length` beside them.
        const double hw = river.half_width_at(f.at + f.length / 2);
        auto across = [&](double m, const std::string& label) {
            SDL_FPoint a = near.to_screen(river.point_at(m, -hw - 3)), b = near.to_screen(river.point_at(m, hw + 3));
            dl->AddLine(iv(a), iv(b), mark, 2 * s);
            dl->AddText(ImVec2(b.x + 8 * s, b.y - 9 * s), mark, label.c_str());
        };
        across(f.at, "at = " + metres(f.at) + ": where the islands begin");
        across(f.at + f.length, "at + length = " + metres(f.at + f.length));
        SDL_FPoint l0 = near.to_screen(river.point_at(f.at, -hw - 6)), l1 = near.to_screen(river.point_at(f.at + f.length, -hw - 6));
        dl->AddLine(iv(l0), iv(l1), mark, 2 * s);
        const std::string length = "length = " + metres(f.length);
        ImVec2 size = ImGui::CalcTextSize(length.c_str());
        dl->AddText(ImVec2(l0.x - size.x - 8 * s, (l0.y + l1.y) / 2 - 8 * s), mark, length.c_str());

        // The channels, A on the left of the raft looking downstream, and one island named.
        const auto walls = river.channel_walls(static_cast<int>(river.forks().size()) - 1, f.at + f.length / 2);
        for (size_t c = 0; c < walls.size(); ++c) {
            SDL_FPoint p = near.to_screen(river.point_at(f.at + f.length * 0.3, (walls[c].first + walls[c].second) / 2));
            const char letter[2] = {static_cast<char>('A' + c), 0};
            ImGui::PushFont(ctx.fonts.large);
            ImVec2 ls = ImGui::CalcTextSize(letter);
            dl->AddText(ImVec2(p.x - ls.x / 2, p.y - ls.y / 2), theme::im(theme::channel_colour(static_cast<int>(c))), letter);
            ImGui::PopFont();
        }
        SDL_FPoint chan = near.to_screen(river.point_at(f.at + f.length * 0.3, walls.back().second));
        dl->AddText(ImVec2(chan.x + 14 * s, chan.y - 8 * s), ink, "channels A to D, one reply each");
        double ic = 0, ih = 0;
        river.island_at(static_cast<int>(river.forks().size()) - 1, 1, f.at + f.length * 0.7, ic, ih);
        SDL_FPoint isl = near.to_screen(river.point_at(f.at + f.length * 0.7, walls.back().second + 1));
        SDL_FPoint isl_at = near.to_screen(river.point_at(f.at + f.length * 0.7, ic));
        dl->AddLine(ImVec2(isl.x + 8 * s, isl.y), iv(isl_at), soft, 1.2f * s);
        char island[64];
        std::snprintf(island, sizeof island, "an island (island = %.0f m wide)", f.island);
        dl->AddText(ImVec2(isl.x + 12 * s, isl.y - 8 * s), ink, island);

        // x and y: y runs downstream (up the screen), x across.
        const ImVec2 o(split + 40 * s, H - 40 * s);
        dl->AddLine(o, ImVec2(o.x + 70 * s, o.y), ink, 2 * s);
        dl->AddTriangleFilled(ImVec2(o.x + 78 * s, o.y), ImVec2(o.x + 68 * s, o.y - 5 * s), ImVec2(o.x + 68 * s, o.y + 5 * s), ink);
        dl->AddLine(o, ImVec2(o.x, o.y - 70 * s), ink, 2 * s);
        dl->AddTriangleFilled(ImVec2(o.x, o.y - 78 * s), ImVec2(o.x - 5 * s, o.y - 68 * s), ImVec2(o.x + 5 * s, o.y - 68 * s), ink);
        dl->AddText(ImVec2(o.x + 84 * s, o.y - 9 * s), ink, "x (metres)");
        dl->AddText(ImVec2(o.x + 8 * s, o.y - 96 * s), ink, "y (metres): the river flows this way");
        dl->PopClipRect();
        return {};
    }

    Motion motion(const AppContext&) const override { return Motion::still; }

private:
    void draw_view(AppContext& ctx, const Camera& cam) {
        SDL_Rect clip{static_cast<int>(cam.viewport.x), static_cast<int>(cam.viewport.y), static_cast<int>(cam.viewport.w),
                      static_cast<int>(cam.viewport.h)};
        SDL_RenderSetClipRect(ctx.renderer, &clip);
        view_.draw_static(ctx.renderer, cam, *sim_);
        SDL_RenderSetClipRect(ctx.renderer, nullptr);
    }

    std::unique_ptr<Simulation> sim_;
    RiverView view_;
};

}  // namespace

std::unique_ptr<Screen> make_diagram_screen(AppContext& ctx) { return std::make_unique<DiagramScreen>(ctx); }

}  // namespace cw
