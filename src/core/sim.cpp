#include "sim.hpp"

#include "call_draw.hpp"

#include <cmath>

#include "roughness.hpp"
#include "tuning.hpp"

namespace cw {

using namespace tuning;

namespace {
constexpr int kTimelineEvery = 15;  // ticks between timeline points (4 a second)
constexpr int kHashEvery = 30;      // ticks between state checksums
}  // namespace

Vec2 raft_start_position(const RiverGeometry& river) { return river.point_at(kRaftStartMetres, 0.0); }

Simulation::Simulation(const Level& level, const Catalogue& catalogue, uint64_t seed, const SimOptions& options)
    : Simulation(level, catalogue, seed, options, draw_call(level, seed)) {}

Simulation::Simulation(const Level& level, const Catalogue& catalogue, uint64_t seed, const SimOptions& options,
                       const CallDraw& draw)
    : level_(apply_draw(level, draw)),
      catalogue_(catalogue),
      seed_(seed),
      clock_(options.reading_pace),
      river_(level_.river),
      flow_(river_, level_.river, seed),
      world_(river_, level_.river, raft_start_position(river_),
             angle_from_heading(river_.sample_at(kRaftStartMetres).tangent)),
      breathing_(options.breath),
      call_(level_),
      rng_(seed ^ 0x5EEDull) {
    state_.intensity = level_.caller.intensity;
    state_.composure = level_.composure;
    state_.composure_min = state_.composure;
    apply_line_changes();  // the opening line may already carry the week: a warmer or angrier caller
    state_.raft_pos = world_.raft_position();
    state_.raft_angle = world_.raft_angle();
    state_.roughness = roughness(level_.river.roughness, state_.intensity, state_.composure);
    spin_settle_ = 1.0 - std::exp(-kSpinDrag * clock_.dt());  // dt is fixed for the whole call
    raft_frame_ = river_.project(state_.raft_pos);
    state_.progress = raft_frame_.s;
    state_.lateral = raft_frame_.lateral;
    timeline_.push_back({0.0, state_.intensity, state_.composure, state_.roughness});
    for (const Rock& rock : level_.river.rocks) rock_frames_.push_back(river_.project(rock.at));
    // A threshold the call starts above waits until intensity has dipped below it once.
    for (const Threshold& th : level_.thresholds)
        thresholds_.push_back(state_.intensity < th.above ? Cut::armed : Cut::waiting_for_dip);
    gate_channels();  // a call that opens on a question has its channels set from tick 0
}

double Simulation::time() const { return state_.tick * kDt; }

double Simulation::river_time() const { return clock_.seconds(state_.tick); }

Vec2 Simulation::water_velocity(Vec2 p, int& hint) const {
    return flow_.velocity(p, river_time(), state_.roughness, calm_spot(), hint) * (1.0 / clock_.pace());
}

CalmSpot Simulation::calm_spot() const {
    return CalmSpot{state_.raft_pos, breathing_.calm(), kCalmRadius};
}

// The raft lives on the river's clock: every rate here is per second of river time (dt).
void Simulation::apply_water_and_paddle(const Input& input) {
    const double dt = clock_.dt();
    const double m = world_.raft_mass();
    const Vec2 pos = world_.raft_position();
    const Vec2 vel = world_.raft_velocity();
    const Vec2 heading = world_.raft_heading();
    const Vec2 side = right_of(heading);

    // Drag toward the water's velocity, in the exact form that is stable for any rate:
    // impulse = m * (1 - exp(-k dt)) * (u - v), separately along and across the keel.
    Vec2 water = flow_.velocity_at(raft_frame_, pos, river_time(), state_.roughness, calm_spot());
    Vec2 rel = water - vel;
    double along = dot(rel, heading), across = dot(rel, side);
    double k_along = kDragAlong + kDragAlongQuad * std::fabs(along);
    double k_across = kDragAcross + kDragAcrossQuad * std::fabs(across);
    Vec2 dv = heading * (along * (1.0 - std::exp(-k_along * dt))) +
              side * (across * (1.0 - std::exp(-k_across * dt)));
    world_.push_raft(dv * m);

    // The current turns the raft to face downstream; spin dies away.
    double inertia = m * (kRaftLength * kRaftLength + kRaftWidth * kRaftWidth) / 12.0;
    double target_spin = 0;
    if (length(water) > 0.2)
        target_spin = kWeathervane * std::atan2(cross(heading, water), dot(heading, water));
    double dspin = (target_spin - world_.raft_spin()) * spin_settle_;
    world_.twist_raft(dspin * inertia);

    // Paddle strokes: a cycle of pull and recovery while the paddle is held.
    double paddle = clamp(input.paddle, -1.0, 1.0);
    state_.paddle = paddle;
    if (std::fabs(paddle) > 0.05) {
        state_.stroke_phase = std::fmod(state_.stroke_phase + dt / kStrokePeriod, 1.0);
        double power = 0.6 + 0.4 * std::sin(2.0 * kPi * state_.stroke_phase);
        double strength = kStrengthAtZeroComposure + (1.0 - kStrengthAtZeroComposure) * state_.composure / 100.0;
        if (breathing_.active()) strength *= kStrengthWhileBreathing;
        double push = kPaddleAccel * strength * power * std::fabs(paddle) * dt;
        Vec2 dir = normalized(side * ((paddle > 0 ? 1.0 : -1.0) * (1.0 - kPaddleForwardShare)) +
                              heading * kPaddleForwardShare);
        world_.push_raft(dir * (m * push));
        world_.twist_raft(-paddle * kPaddleTurn * strength * power * dt * inertia);
    } else {
        state_.stroke_phase = 0;
    }

    // Waves: random shoves in rough water, tamed inside the breathing calm.
    double r = state_.roughness;
    double chance = clock_.per_tick(kWaveChancePerTick) * r * r * (1.0 - breathing_.calm());
    double roll = rng_.uniform();
    double angle = rng_.uniform(0.0, 2.0 * kPi);
    if (roll < chance) {
        Vec2 kick{std::cos(angle), std::sin(angle)};
        world_.push_raft(kick * (m * kWaveKick * r));
    }
}

void Simulation::handle_contacts() {
    double impact = world_.hardest_impact();
    if (impact > kJoltSpeed && state_.tick - state_.last_jolt_tick > clock_.stretch(kJoltCooldownTicks)) {
        state_.jolts += 1;
        state_.last_jolt_tick = state_.tick;
        state_.composure -= kJoltComposure + 3.0 * (impact - kJoltSpeed);
        state_.intensity += kJoltIntensity;
    }
    for (const ChannelEntry& e : world_.channel_entries())
        if (call_.question_fork() == e.fork) give_reply(e.fork, e.channel);
}

bool Simulation::channel_open(int channel) const {
    if (channel < 0 || channel >= static_cast<int>(open_channels_.size())) return true;
    return open_channels_[channel];
}

// When a question comes up, its conditional replies are checked once: a reply whose condition
// fails closes its channel with a boom. When the question is answered the booms lift.
void Simulation::gate_channels() {
    int node = call_.node().is_question() ? call_.node_index() : -1;
    if (node == gated_node_) return;
    if (gated_node_ >= 0) {
        int fork = level_.fork_index(level_.nodes[gated_node_].fork);
        for (size_t c = 0; c < open_channels_.size(); ++c) world_.set_channel_closed(fork, static_cast<int>(c), false);
    }
    open_channels_.clear();
    gated_node_ = node;
    if (node < 0) return;
    const Node& q = level_.nodes[node];
    int fork = level_.fork_index(q.fork);
    CallValues v = call_.values({state_.intensity, state_.composure, state_.trust, nullptr, nullptr});
    for (size_t c = 0; c < q.replies.size(); ++c) {
        bool open = !q.replies[c].conditional() || evaluate(q.replies[c].condition, v);
        open_channels_.push_back(open);
        if (!open) world_.set_channel_closed(fork, static_cast<int>(c), true);
    }
}

void Simulation::give_reply(int fork, int channel) {
    if (!channel_open(channel)) return;
    const Reply& reply = call_.node().replies[channel];
    Effects fx = reply_effects(reply, catalogue_, level_.caller.persona);
    int quality = grade_tone(reply.grade);
    // A steady breath just before answering is a technique of its own: it adds its effects,
    // once per breath (a breath taken before the last reply does not count again).
    bool breathed = false;
    int last_reply = call_.choices().empty() ? -1 : call_.choices().back().tick;
    if (state_.tick - last_breath_tick_ <= clock_.ticks(kBreathBeforeReplySeconds) && last_breath_tick_ > last_reply) {
        if (const Technique* t = catalogue_.find("breathe")) {
            Effects b = technique_effects(*t, catalogue_.persona(level_.caller.persona));
            fx.intensity += b.intensity;
            fx.composure += b.composure;
            fx.trust += b.trust;
            breathed = true;
            quality = std::min(quality + 1, 2);
        }
    }
    if (!call_.answer(fork, channel, state_.tick, fx, state_.intensity, breathed, open_channels_)) return;
    if (reply.later) {
        int due = state_.tick + clock_.ticks(reply.later->after);
        pending_later_.push_back({due, static_cast<int>(call_.choices().size()) - 1, *reply.later});
    }
    state_.intensity += fx.intensity;
    state_.composure += fx.composure;
    state_.trust += fx.trust;
    state_.last_reply_tick = state_.tick;
    state_.last_reply_quality = quality;
}

void Simulation::apply_line_changes() {
    Effects fx = call_.take_line_changes();
    state_.intensity = clamp(state_.intensity + fx.intensity, 0.0, 100.0);
    state_.trust = clamp(state_.trust + fx.trust, 0.0, 100.0);
}

void Simulation::end(Outcome o) {
    if (state_.finished) return;
    state_.finished = true;
    state_.outcome = o;
}

void Simulation::fold_hash() {
    hash_.add(static_cast<int64_t>(state_.tick));
    hash_.add(state_.raft_pos.x);
    hash_.add(state_.raft_pos.y);
    hash_.add(state_.raft_angle);
    hash_.add(state_.raft_vel.x);
    hash_.add(state_.raft_vel.y);
    hash_.add(state_.intensity);
    hash_.add(state_.composure);
    hash_.add(state_.trust);
    hash_.add(static_cast<int64_t>(call_.node_index()));
}

void Simulation::step(const Input& input) {
    if (state_.finished) return;

    state_.roughness = roughness(level_.river.roughness, state_.intensity, state_.composure);
    gate_channels();
    breathing_.step(input.breath, kDt);  // the player's own rhythm: real seconds, whatever the pace
    if (breathing_.breaths() != breaths_seen_) {  // one slow breath in rhythm, not a whole cycle
        breaths_seen_ = breathing_.breaths();
        last_breath_tick_ = state_.tick;
    }
    apply_water_and_paddle(input);
    world_.step(clock_.dt());
    ++state_.tick;

    state_.raft_pos = world_.raft_position();
    state_.raft_vel = world_.raft_velocity();
    state_.raft_angle = world_.raft_angle();
    raft_frame_ = river_.project(state_.raft_pos, raft_frame_.segment);
    state_.progress = raft_frame_.s;
    state_.lateral = raft_frame_.lateral;

    handle_contacts();

    // A question still open once the raft is past its fork (it slipped by a sensor): the
    // channel the raft is in is the answer.
    int qf = call_.question_fork();
    if (qf >= 0) {
        const Fork& fork = river_.forks()[qf];
        if (state_.progress > fork.at + fork.length * 0.5 + 2.0) {
            auto walls = river_.channel_walls(qf, fork.at + fork.length * 0.5);
            int nearest = 0;
            double best = 1e9;
            for (size_t c = 0; c < walls.size(); ++c) {
                if (!channel_open(static_cast<int>(c))) continue;
                double d = std::fabs(state_.lateral - 0.5 * (walls[c].first + walls[c].second));
                if (d < best) { best = d; nearest = static_cast<int>(c); }
            }
            give_reply(qf, nearest);
        }
    }

    CallValues meters{state_.intensity, state_.composure, state_.trust, nullptr, nullptr};
    const double dt = clock_.dt();  // the call, the caller and composure: river time
    call_.step(dt, state_.progress, river_, meters);
    if (!call_.node().is_end()) state_.intensity += level_.caller.drift * dt;
    if (call_.node().hold) state_.intensity += level_.caller.hold_rate * dt;  // waiting on hold
    // Consequences that catch up with an earlier reply.
    for (size_t i = 0; i < pending_later_.size();) {
        if (pending_later_[i].due_tick > state_.tick) {
            ++i;
            continue;
        }
        const Pending& p = pending_later_[i];
        state_.intensity += p.later.effects.intensity;
        state_.composure += p.later.effects.composure;
        state_.trust += p.later.effects.trust;
        later_applied_.push_back({p.choice, state_.tick, p.later.effects, p.later.note});
        pending_later_.erase(pending_later_.begin() + static_cast<long>(i));
    }
    // The caller cuts in when their intensity rises past a threshold during a line.
    for (size_t i = 0; i < level_.thresholds.size(); ++i) {
        const Threshold& th = level_.thresholds[i];
        if (thresholds_[i] == Cut::waiting_for_dip && state_.intensity < th.above) {
            thresholds_[i] = Cut::armed;
        } else if (thresholds_[i] == Cut::armed && state_.intensity >= th.above &&
                   call_.cut_in(level_.node_index(th.node))) {
            thresholds_[i] = Cut::done;
        }
    }
    apply_line_changes();
    state_.composure -= kRoughWear * state_.roughness * dt;
    if (breathing_.in_rhythm()) state_.composure += kBreathRestore * dt;
    state_.intensity = clamp(state_.intensity, 0.0, 100.0);
    state_.composure = clamp(state_.composure, 0.0, 100.0);
    state_.trust = clamp(state_.trust, 0.0, 100.0);
    state_.composure_min = std::min(state_.composure_min, state_.composure);
    state_.composure_sum += state_.composure;

    if (state_.tick % kTimelineEvery == 0)
        timeline_.push_back({time(), state_.intensity, state_.composure, state_.roughness});
    if (state_.tick % kHashEvery == 0) fold_hash();

    // How the call ends. A caller who hangs up gets their last line heard first.
    // An ending that closes the line (the caller hangs up, or the agent ends an abusive call)
    // ends the call once its last line has been heard, wherever the raft is.
    bool line_closes = call_.ending() == Outcome::hung_up || call_.ending() == Outcome::agent_ended;
    if (line_closes && hangup_tick_ < 0) hangup_tick_ = state_.tick;
    if (state_.composure <= 0.0) {
        end(Outcome::capsized);
    } else if (state_.intensity >= 100.0) {
        end(Outcome::hung_up);
    } else if (hangup_tick_ >= 0 && state_.tick - hangup_tick_ >= clock_.ticks(2.0)) {
        end(call_.ending());
    } else if (state_.progress >= river_.pool_start()) {
        call_.finish_lines();
        end(call_.ending() != Outcome::none ? call_.ending() : Outcome::timed_out);
    } else if (state_.tick >= kMaxTicks) {  // a safety stop in real ticks, not a rule of the call
        end(Outcome::timed_out);
    }
    gate_channels();  // so whoever looks next (a bot, the screen) sees this question's open channels
    if (state_.finished) {
        timeline_.push_back({time(), state_.intensity, state_.composure, state_.roughness});
        fold_hash();
    }
}

double Simulation::mean_composure() const {
    return state_.tick > 0 ? state_.composure_sum / state_.tick : state_.composure;
}

Score Simulation::score() const {
    const Outcome outcome = state_.finished ? state_.outcome : call_.ending();
    // The level's judgement of the ending holds when the call ended there (not when the raft
    // capsized or the caller hung up on the way).
    std::optional<Grade> ending_grade;
    if (call_.node().is_end() && call_.node().end == outcome) ending_grade = call_.node().ending_grade;
    return compute_score(level_, call_.choices(), mean_composure(), state_.jolts, outcome, ending_grade);
}

}  // namespace cw
