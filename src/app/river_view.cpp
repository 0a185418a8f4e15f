#include "river_view.hpp"

#include <algorithm>
#include <cmath>

#include "core/tuning.hpp"
#include "channel_badge.hpp"

namespace cw {

namespace {

SDL_Color col(theme::Rgba c) { return theme::sdl_colour(c); }
// The colour `a` opaque (0..1).
theme::Rgba with_opacity(theme::Rgba c, double a) {
    return {c.r, c.g, c.b, static_cast<Uint8>(clamp(a, 0.0, 1.0) * 255)};
}

}  // namespace

void RiverView::quad(const Camera& cam, Vec2 a, Vec2 b, Vec2 c, Vec2 d, theme::Rgba ca, theme::Rgba cb,
                     theme::Rgba cc, theme::Rgba cd) {
    int base = static_cast<int>(verts_.size());
    verts_.push_back({cam.to_screen(a), col(ca), {0, 0}});
    verts_.push_back({cam.to_screen(b), col(cb), {0, 0}});
    verts_.push_back({cam.to_screen(c), col(cc), {0, 0}});
    verts_.push_back({cam.to_screen(d), col(cd), {0, 0}});
    for (int i : {0, 1, 2, 0, 2, 3}) indices_.push_back(base + i);
}

namespace {

// As many segments as a circle of this size on screen needs to look round (about one per 3 px
// of rim), up to `most`: a raft seen from far away is a few pixels wide, and every triangle
// costs a software renderer its setup whatever its size.
int segments_for(const Camera& cam, double radius, int most) {
    double rim_px = 2 * kPi * radius * cam.pixels_per_metre;
    return std::clamp(static_cast<int>(rim_px / 3.0), 6, most);
}

}  // namespace

void RiverView::disc(const Camera& cam, Vec2 centre, double radius, theme::Rgba inner, theme::Rgba outer,
                     int segments) {
    segments = segments_for(cam, radius, segments);
    int base = static_cast<int>(verts_.size());
    verts_.push_back({cam.to_screen(centre), col(inner), {0, 0}});
    for (int i = 0; i < segments; ++i) {
        double a = 2 * kPi * i / segments;
        verts_.push_back({cam.to_screen(centre + Vec2{std::cos(a), std::sin(a)} * radius), col(outer), {0, 0}});
    }
    for (int i = 0; i < segments; ++i) {
        indices_.push_back(base);
        indices_.push_back(base + 1 + i);
        indices_.push_back(base + 1 + (i + 1) % segments);
    }
}

void RiverView::ring(const Camera& cam, Vec2 centre, double radius, double thickness, theme::Rgba c, int segments) {
    segments = segments_for(cam, radius, segments);
    for (int i = 0; i < segments; ++i) {
        double a0 = 2 * kPi * i / segments, a1 = 2 * kPi * (i + 1) / segments;
        Vec2 d0{std::cos(a0), std::sin(a0)}, d1{std::cos(a1), std::sin(a1)};
        quad(cam, centre + d0 * (radius - thickness / 2), centre + d0 * (radius + thickness / 2),
             centre + d1 * (radius + thickness / 2), centre + d1 * (radius - thickness / 2), c, c, c, c);
    }
}

void RiverView::flush(SDL_Renderer* r) {
    if (!indices_.empty())
        SDL_RenderGeometry(r, nullptr, verts_.data(), static_cast<int>(verts_.size()), indices_.data(),
                           static_cast<int>(indices_.size()));
    verts_.clear();
    indices_.clear();
}

void RiverView::draw_water(SDL_Renderer* r, const Camera& cam, const Simulation& sim) {
    const RiverGeometry& river = sim.river();
    const auto& samples = river.samples();
    double centre_s = river.project(cam.centre).s;
    double reach = cam.view_radius() + 10.0;
    double rough = sim.state().roughness;
    theme::Rgba deep = theme::mix(theme::kWaterDeep, theme::kWaterRough, rough * 0.8);
    theme::Rgba shallow = theme::mix(theme::kWaterShallow, theme::kWaterRough, rough * 0.5);
    constexpr double kSandWidth = 1.4;
    constexpr double kBankFoamWidth = 0.35;
    // Every second sample is plenty for drawing: the centreline is smooth at that scale.
    for (size_t i = 0; i + 1 < samples.size(); i += 2) {
        const RiverSample &a = samples[i], &b = samples[std::min(i + 2, samples.size() - 1)];
        if (b.s < centre_s - reach || a.s > centre_s + reach) continue;
        // Past the pool start the water stills and turns a clear shallow green-blue.
        double pa = smoothstep01((a.s - river.pool_start() + 10.0) / 25.0);
        double pb = smoothstep01((b.s - river.pool_start() + 10.0) / 25.0);
        theme::Rgba da = theme::mix(deep, theme::kPool, pa), db = theme::mix(deep, theme::kPool, pb);
        theme::Rgba sa = theme::mix(shallow, theme::kPool, pa), sb = theme::mix(shallow, theme::kPool, pb);
        Vec2 ra = right_of(a.tangent), rb = right_of(b.tangent);
        Vec2 la = a.pos - ra * a.half_width, lb = b.pos - rb * b.half_width;
        Vec2 rra = a.pos + ra * a.half_width, rrb = b.pos + rb * b.half_width;
        quad(cam, la, a.pos, b.pos, lb, sa, da, db, sb);
        quad(cam, a.pos, rra, rrb, b.pos, da, sa, sb, db);
        // Foam where the water laps the banks: a pale seam, whiter as the water roughens.
        theme::Rgba fa = theme::mix(sa, theme::kFoam, 0.35 + 0.35 * rough * (1 - pa));
        theme::Rgba fb = theme::mix(sb, theme::kFoam, 0.35 + 0.35 * rough * (1 - pb));
        double foam = kBankFoamWidth * (1.0 + rough);
        quad(cam, la, la + ra * foam, lb + rb * foam, lb, fa, sa, sb, fb);
        quad(cam, rra - ra * foam, rra, rrb, rrb - rb * foam, sa, fa, fb, sb);
        // Sandy banks, fading into the grass (opaque: the land colour itself, not a see-through edge).
        theme::Rgba sand = theme::kSand, grass = theme::kLand;
        quad(cam, la - ra * kSandWidth, la, lb, lb - rb * kSandWidth, grass, sand, sand, grass);
        quad(cam, rra, rra + ra * kSandWidth, rrb + rb * kSandWidth, rrb, sand, grass, grass, sand);
    }
    flush(r);
}

void RiverView::draw_islands(SDL_Renderer* r, const Camera& cam, const Simulation& sim) {
    const RiverGeometry& river = sim.river();
    double centre_s = river.project(cam.centre).s;
    double reach = cam.view_radius() + 10.0;
    for (size_t fi = 0; fi < river.forks().size(); ++fi) {
        const Fork& f = river.forks()[fi];
        if (f.at > centre_s + reach || f.at + f.length < centre_s - reach) continue;
        int steps = std::max(12, static_cast<int>(f.length / 2.0));
        for (int j = 1; j < f.channels; ++j) {
            // Sand rim first, then the grassy top inset from it.
            for (int pass = 0; pass < 2; ++pass) {
                double inset = pass == 0 ? 0.0 : 0.7;
                theme::Rgba c = pass == 0 ? theme::kSand : theme::kLand;
                for (int k = 0; k < steps; ++k) {
                    double s0 = f.at + f.length * k / steps, s1 = f.at + f.length * (k + 1) / steps;
                    double c0, h0, c1, h1;
                    river.island_at(static_cast<int>(fi), j, s0, c0, h0);
                    river.island_at(static_cast<int>(fi), j, s1, c1, h1);
                    h0 = std::max(0.0, h0 - inset);
                    h1 = std::max(0.0, h1 - inset);
                    quad(cam, river.point_at(s0, c0 - h0), river.point_at(s0, c0 + h0), river.point_at(s1, c1 + h1),
                         river.point_at(s1, c1 - h1), c, c, c, c);
                }
            }
            // A few shrubs so islands read as land at a glance.
            for (int k = 1; k < 4; ++k) {
                double s = f.at + f.length * k / 4.0, c, h;
                river.island_at(static_cast<int>(fi), j, s, c, h);
                if (h > 1.0) disc(cam, river.point_at(s, c), std::min(h * 0.6, 1.4), theme::kLandDark, theme::kLandDark, 10);
            }
        }
    }
    flush(r);
}

void RiverView::draw_rocks(SDL_Renderer* r, const Camera& cam, const Simulation& sim, double clock,
                           bool reduced_motion) {
    double reach = cam.view_radius() + 5.0;
    double rough = sim.state().roughness;
    for (const Rock& rock : sim.level().river.rocks) {
        if (length(rock.at - cam.centre) > reach) continue;
        double size = rock.radius > 0 ? rock.radius : 1.0;
        if (rock.polygon.empty() == false)
            for (Vec2 p : rock.polygon) size = std::max(size, length(p));
        // Foam where the current piles against the rock, livelier in rough water.
        double foam = 0.35 + 0.25 * std::sin(clock * 3.0 + rock.at.x) * (0.3 + rough);
        if (reduced_motion) foam = 0.4 + 0.1 * rough;
        disc(cam, rock.at + Vec2{0, 0.25}, size + 0.45 + 0.3 * rough, with_opacity(theme::kRockFoam, foam),
             with_opacity(theme::kRockFoam, 0.0), 24);
        // A wake of foam trailing downstream, longer and livelier in rough water.
        Vec2 down = sim.river().sample_at(sim.river().project(rock.at).s).tangent;
        Vec2 across = right_of(down);
        double wake = size * (1.6 + 2.4 * rough);
        double sway = reduced_motion ? 0.0 : 0.25 * std::sin(clock * 2.3 + rock.at.y) * (0.4 + rough);
        theme::Rgba head = with_opacity(theme::kFoam, 0.55 + 0.3 * rough), tail = with_opacity(theme::kFoam, 0.0);
        Vec2 root = rock.at + down * (size * 0.7), end = rock.at + down * (size * 0.7 + wake) + across * sway;
        quad(cam, root - across * (size * 0.75), root + across * (size * 0.75), end + across * (size * 0.2),
             end - across * (size * 0.2), head, head, tail, tail);
        if (rock.radius > 0) {
            disc(cam, rock.at, rock.radius, theme::kRockLight, theme::kRock, 20);
        } else {
            int base = static_cast<int>(verts_.size());
            verts_.push_back({cam.to_screen(rock.at), col(theme::kRockLight), {0, 0}});
            for (Vec2 p : rock.polygon) verts_.push_back({cam.to_screen(rock.at + p), col(theme::kRock), {0, 0}});
            int n = static_cast<int>(rock.polygon.size());
            for (int i = 0; i < n; ++i) {
                indices_.push_back(base);
                indices_.push_back(base + 1 + i);
                indices_.push_back(base + 1 + (i + 1) % n);
            }
        }
    }
    flush(r);
}

void RiverView::draw_channel_tints(SDL_Renderer* r, const Camera& cam, const Simulation& sim) {
    int fi = sim.call().question_fork();
    if (fi < 0) return;
    const RiverGeometry& river = sim.river();
    const Fork& f = river.forks()[fi];
    // Tint each channel in its colour, and float a lettered buoy of its shape at the entrance.
    int steps = 16;
    for (int c = 0; c < f.channels; ++c) {
        theme::Rgba tint = with_opacity(theme::channel_colour(c), 0.22);
        for (int k = 0; k < steps; ++k) {
            double s0 = f.at - 6.0 + (f.length + 6.0) * k / steps, s1 = f.at - 6.0 + (f.length + 6.0) * (k + 1) / steps;
            auto w0 = river.channel_walls(fi, clamp(s0, f.at, f.at + f.length));
            auto w1 = river.channel_walls(fi, clamp(s1, f.at, f.at + f.length));
            double fade0 = smoothstep01((s0 - (f.at - 6.0)) / 6.0), fade1 = smoothstep01((s1 - (f.at - 6.0)) / 6.0);
            quad(cam, river.point_at(s0, w0[c].first), river.point_at(s0, w0[c].second),
                 river.point_at(s1, w1[c].second), river.point_at(s1, w1[c].first), with_opacity(tint, 0.22 * fade0),
                 with_opacity(tint, 0.22 * fade0), with_opacity(tint, 0.22 * fade1), with_opacity(tint, 0.22 * fade1));
        }
    }
    // A log boom across each closed channel's entrance.
    for (int c = 0; c < f.channels; ++c) {
        if (sim.channel_open(c)) continue;
        double s_boom = f.at + 1.5;
        auto walls = river.channel_walls(fi, s_boom);
        Vec2 a = river.point_at(s_boom, walls[c].first - 0.3), b = river.point_at(s_boom, walls[c].second + 0.3);
        Vec2 along = normalized(b - a), across = right_of(along) * 0.35;
        quad(cam, a - across, b - across, b + across, a + across, theme::kWoodDark, theme::kWoodDark, theme::kWood,
             theme::kWood);
        for (int k = 1; k < 6; ++k) {
            Vec2 p = a + (b - a) * (k / 6.0);
            disc(cam, p, 0.45, theme::kWood, theme::kWoodDark, 10);
        }
    }
    flush(r);
}

void RiverView::draw_channel_buoys(const Camera& cam, const Simulation& sim, double clock, bool reduced_motion,
                                   ImDrawList* labels, ImFont* font, float size) {
    int fi = sim.call().question_fork();
    if (fi < 0) return;
    const RiverGeometry& river = sim.river();
    const Fork& f = river.forks()[fi];
    for (int c = 0; c < f.channels; ++c) {
        if (!sim.channel_open(c)) continue;  // a closed channel gets a boom, not a buoy
        auto walls = river.channel_walls(fi, f.at + 2.0);
        double lat = 0.5 * (walls[c].first + walls[c].second);
        Vec2 at = river.point_at(f.at - 3.0, lat);
        double bob = reduced_motion ? 0.0 : 0.08 * std::sin(clock * 2.2 + c);
        SDL_FPoint p = cam.to_screen(at + Vec2{0, bob});
        float rad = static_cast<float>(1.05 * cam.pixels_per_metre);
        draw_channel_badge(labels, ImVec2(p.x, p.y), rad, c, font, size);
    }
}

RaftLook raft_look(const Simulation& sim) {
    const SimState& st = sim.state();
    RaftLook look;
    look.pos = st.raft_pos;
    look.angle = st.raft_angle;
    look.stroke_phase = st.stroke_phase;
    look.paddle = st.paddle;
    look.composure = st.composure;
    look.calm = sim.breathing().calm();
    look.roughness = st.roughness;
    look.ticks_since_jolt = st.tick - st.last_jolt_tick;
    look.ticks_since_reply = st.tick - st.last_reply_tick;
    look.reply_quality = st.last_reply_quality;
    return look;
}

void RiverView::draw_raft(SDL_Renderer* r, const Camera& cam, const RaftLook& st, double clock, bool reduced_motion) {
    double rough = st.roughness;
    Vec2 pos = st.pos;
    double angle = st.angle;
    auto fade = [&](theme::Rgba c) { return with_opacity(c, c.a / 255.0 * st.alpha); };
    // Visual bob and tilt only: the simulation's raft is steady; this is the water's feel.
    bool still = reduced_motion;
    double bob = still ? 1.0 : 1.0 + 0.03 * std::sin(clock * 4.1) * (0.3 + rough);
    double tilt = still ? 0.0 : 0.05 * std::sin(clock * 2.7) * rough;
    Vec2 fwd = heading_from_angle(angle + tilt);
    Vec2 side = right_of(fwd);
    Vec2 c = pos;
    double hl = tuning::kRaftLength * 0.5 * bob, hw = tuning::kRaftWidth * 0.5 * bob;

    // Calm rings while breathing, spreading out across the water.
    double calm = st.calm;
    if (calm > 0.02) {
        for (int k = 0; k < 3; ++k) {
            double t = std::fmod((still ? 0.0 : clock * 0.35) + k / 3.0, 1.0);
            ring(cam, c, 1.5 + t * tuning::kCalmRadius, 0.18, with_opacity(theme::kCalmRing, calm * (1.0 - t) * 0.7));
        }
    }
    // The water answers a reply at once: calm rings spread for a calm one, chop for a sharp one.
    if (st.ticks_since_reply < 150) {
        double t = st.ticks_since_reply / 150.0;
        if (st.reply_quality > 0) {
            for (int k = 0; k < 3; ++k)
                ring(cam, c, 1.5 + (t + k * 0.18) * 10.0, 0.22, with_opacity(theme::kCalmReplyRing, (1.0 - t) * 0.8));
        } else {
            for (int k = 0; k < 12; ++k) {
                double a = k * kPi / 6 + t * 2.0;
                double d = 1.8 + t * 5.0 + (k % 3) * 0.6;
                disc(cam, c + Vec2{std::cos(a), std::sin(a)} * d, 0.28 * (1.0 - t) + 0.08,
                     with_opacity(theme::kChop, (1.0 - t) * 0.85), with_opacity(theme::kChop, 0.0), 8);
            }
        }
    }
    // Wake and shadow.
    disc(cam, c - fwd * 0.3 + Vec2{0.15, -0.15}, hl * 1.1, with_opacity(theme::kRaftShadow, 0.35),
         with_opacity(theme::kRaftShadow, 0.0), 18);
    // Splash on a fresh jolt.
    int since_jolt = st.ticks_since_jolt;
    if (since_jolt < 40) {
        double t = since_jolt / 40.0;
        for (int k = 0; k < 8; ++k) {
            double a = k * kPi / 4 + 0.3;
            disc(cam, c + Vec2{std::cos(a), std::sin(a)} * (1.4 + 1.6 * t), 0.35 * (1 - t),
                 with_opacity(theme::kSpray, 0.9 * (1 - t)), with_opacity(theme::kSpray, 0.2 * (1 - t)), 8);
        }
    }
    // The raft: planks on two logs.
    theme::Rgba wood = fade(theme::kWood), dark = fade(theme::kWoodDark);
    quad(cam, c - side * hw - fwd * hl, c + side * hw - fwd * hl, c + side * hw + fwd * hl, c - side * hw + fwd * hl,
         dark, dark, wood, wood);
    for (int k = -2; k <= 2; ++k) {
        Vec2 o = fwd * (k * hl * 0.38);
        quad(cam, c - side * hw + o - fwd * 0.04, c + side * hw + o - fwd * 0.04, c + side * hw + o + fwd * 0.04,
             c - side * hw + o + fwd * 0.04, dark, dark, dark, dark);
    }
    // The paddler, and the paddle sweeping on the side they are stroking.
    double phase = st.stroke_phase;
    double sgn = st.paddle > 0.05 ? 1.0 : (st.paddle < -0.05 ? -1.0 : 0.0);
    Vec2 hands = c + fwd * 0.1;
    Vec2 blade = sgn != 0.0 ? c + side * (sgn * (hw + 0.55)) + fwd * (0.7 * std::cos(2 * kPi * phase))
                            : c + side * (hw + 0.3) - fwd * 0.6;  // resting across the raft
    Vec2 dir = normalized(blade - hands), perp = right_of(dir);
    quad(cam, hands - perp * 0.05, hands + perp * 0.05, blade + perp * 0.05, blade - perp * 0.05, dark, dark, dark, dark);
    disc(cam, blade, 0.22, dark, dark, 8);
    disc(cam, c - fwd * 0.15, 0.5, fade(theme::kShirt), fade(theme::kShirt), 14);
    disc(cam, c + fwd * 0.05, 0.26, fade(theme::kPaddler), fade(theme::kPaddler), 12);
    // A red edge while composure is low, so the player feels it without reading a number.
    if (st.composure < 30) {
        double a = (30 - st.composure) / 30.0 * (still ? 0.8 : 0.5 + 0.5 * std::sin(clock * 6));
        ring(cam, c, hl + 0.5, 0.15, with_opacity(theme::kLowComposureEdge, a));
    }
    flush(r);
}

void RiverView::draw_static(SDL_Renderer* r, const Camera& cam, const Simulation& sim) {
    // Water, banks and islands are opaque and drawn without blending: with no GPU (Mesa's
    // llvmpipe draws on the CPU) every blended pixel costs about twice an opaque one, and a
    // textured one (a cached copy of the river) three times. The land under them is the clear.
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
    draw_water(r, cam, sim);
    draw_islands(r, cam, sim);
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    draw_channel_tints(r, cam, sim);
}

void RiverView::draw_live(SDL_Renderer* r, const Camera& cam, const Simulation& sim, double clock, ImDrawList* labels,
                          ImFont* label_font, float label_size, bool reduced_motion) {
    SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
    draw_rocks(r, cam, sim, clock, reduced_motion);
    draw_channel_buoys(cam, sim, clock, reduced_motion, labels, label_font, label_size);
}

}  // namespace cw
