#include "bot.hpp"

#include <cmath>

namespace cw {

namespace {
constexpr double kLookAhead = 90.0;   // metres before a fork to start lining up
constexpr double kRockLookAhead = 22.0;
constexpr double kRockClearance = 2.2;

}  // namespace

std::optional<BotPolicy> bot_policy_from_id(const std::string& id) {
    if (id == "calm") return BotPolicy::calm;
    if (id == "random") return BotPolicy::random;
    if (id == "worst") return BotPolicy::worst;
    return std::nullopt;
}

const char* bot_policy_id(BotPolicy p) {
    switch (p) {
        case BotPolicy::calm: return "calm";
        case BotPolicy::random: return "random";
        case BotPolicy::worst: return "worst";
    }
    return "calm";
}

double steering_target(const Simulation& sim, int channel) {
    const RiverGeometry& river = sim.river();
    const SimState& st = sim.state();
    double s = st.progress;
    double target = 0.0;

    // The next fork not yet passed.
    for (size_t fi = 0; fi < river.forks().size(); ++fi) {
        const Fork& f = river.forks()[fi];
        double mid = f.at + 0.5 * f.length;
        if (s > mid + 1.0 || f.at - s > kLookAhead) continue;
        int c = channel;
        if (c < 0 || c >= f.channels) {
            // No reply wanted here: keep to whichever channel is nearest.
            double best = 1e9;
            for (int k = 0; k < f.channels; ++k) {
                double d = std::fabs(river.channel_centre(static_cast<int>(fi), k) - st.lateral);
                if (d < best) { best = d; c = k; }
            }
        }
        double probe = clamp(s, f.at + 1.0, f.at + f.length - 1.0);
        auto walls = river.channel_walls(static_cast<int>(fi), probe);
        double centre = 0.5 * (walls[c].first + walls[c].second);
        // Ease over from mid-river as the fork approaches.
        double blend = smoothstep01((kLookAhead - (f.at - s)) / (kLookAhead * 0.6));
        target = lerp(0.0, centre, blend);
        break;
    }

    // Rocks just ahead: pass them on the side with more room.
    const auto& rocks = sim.level().river.rocks;
    for (size_t i = 0; i < rocks.size(); ++i) {
        const Rock& rock = rocks[i];
        const RiverFrame& rf = sim.rock_frames()[i];
        if (rf.s < s - 3.0 || rf.s > s + kRockLookAhead) continue;
        double reach = rock_reach(rock) + kRockClearance;
        if (std::fabs(target - rf.lateral) >= reach) continue;
        double left = rf.lateral - reach, right = rf.lateral + reach;
        double room_left = left + rf.half_width, room_right = rf.half_width - right;
        target = room_left > room_right ? left : right;
    }
    return target;
}

double paddle_toward(const Simulation& sim, double target_lateral) {
    const SimState& st = sim.state();
    RiverSample here = sim.river().sample_at(st.progress);
    double lateral_speed = dot(st.raft_vel, right_of(here.tangent));
    double cmd = 0.7 * (target_lateral - st.lateral) - 1.6 * lateral_speed;
    return clamp(cmd, -1.0, 1.0);
}

int SteeringBot::choose(const Simulation& sim, int node_index) {
    auto it = chosen_.find(node_index);
    if (it != chosen_.end()) return it->second;
    const Node& node = sim.level().nodes[node_index];
    int n = static_cast<int>(node.replies.size());
    int pick = 0;
    if (policy_ == BotPolicy::random) {
        std::vector<int> open;
        for (int i = 0; i < n; ++i)
            if (sim.channel_open(i)) open.push_back(i);
        pick = open.empty() ? 0 : open[static_cast<size_t>(rng_.below(static_cast<int>(open.size())))];
    } else {
        int best_q = 0;
        double best_i = 0;
        bool any = false;
        for (int i = 0; i < n; ++i) {
            if (!sim.channel_open(i)) continue;  // a closed channel is not on offer
            const Reply& r = node.replies[i];
            int q = grade_tone(r.grade);  // calm takes the best there is, worst the trap
            double di = reply_effects(r, sim.catalogue(), sim.level().caller.persona).intensity;
            if (policy_ == BotPolicy::worst) { q = -q; di = -di; }
            if (!any || q > best_q || (q == best_q && di < best_i)) {
                any = true;
                best_q = q;
                best_i = di;
                pick = i;
            }
        }
    }
    chosen_[node_index] = pick;
    return pick;
}

Input SteeringBot::decide(const Simulation& sim) {
    Input in;
    int channel = -1;
    if (sim.call().node().is_question()) channel = choose(sim, sim.call().node_index());
    in.paddle = paddle_toward(sim, steering_target(sim, channel));

    // The calm bot steadies itself when composure sags and no fork needs its hands.
    if (policy_ == BotPolicy::calm) {
        const Breathing& b = sim.breathing();
        bool fork_near = false;
        for (const Fork& f : sim.river().forks())
            if (f.at - sim.state().progress < 50.0 && sim.state().progress < f.at + f.length) fork_near = true;
        bool want = sim.state().composure < 60.0 || (b.active() && sim.state().composure < 85.0);
        if (want && !fork_near) in.breath = b.active() ? b.expects_key_down() : true;
    }
    return in;
}

}  // namespace cw
