// The steering bot: picks a reply at each fork by a policy and paddles the raft into that
// reply's channel, dodging rocks on the way. The headless runs, the tests and the solver use
// it, and the game's assist mode uses its steering to take the raft where the player clicked.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "rng.hpp"
#include "sim.hpp"

namespace cw {

enum class BotPolicy { calm, random, worst };
std::optional<BotPolicy> bot_policy_from_id(const std::string& id);
const char* bot_policy_id(BotPolicy p);

// The lateral position (metres right of the centreline) the raft should aim for now, to go
// through `channel` of the next question's fork (or -1: stay mid-water), clear of rocks.
double steering_target(const Simulation& sim, int channel);
// Paddle input that moves the raft toward `target_lateral`.
double paddle_toward(const Simulation& sim, double target_lateral);

class SteeringBot {
public:
    SteeringBot(BotPolicy policy, uint64_t seed) : policy_(policy), rng_(seed ^ 0xB07ull) {}
    Input decide(const Simulation& sim);
    // Which reply the bot takes at a question node (fixed once chosen).
    int choose(const Simulation& sim, int node_index);

private:
    BotPolicy policy_;
    Rng rng_;
    std::map<int, int> chosen_;  // node -> reply
};

}  // namespace cw
