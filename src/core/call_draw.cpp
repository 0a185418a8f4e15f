#include "call_draw.hpp"

#include <numeric>

#include "rng.hpp"

namespace cw {

namespace {
// Its own stream, so the draw never shifts the waves or the bots a seed already gives.
constexpr uint64_t kDrawStream = 0xD4A3C0FFEEull;
}  // namespace

CallDraw draw_call(const Level& level, uint64_t seed) {
    Rng rng(seed ^ kDrawStream);
    CallDraw d;
    const auto& personas = level.caller.personas;
    d.persona = personas.empty() ? level.caller.persona : personas[static_cast<size_t>(rng.below(static_cast<int>(personas.size())))];
    for (const Node& n : level.nodes) {
        d.variant.push_back(n.say_variants.size() > 1 ? rng.below(static_cast<int>(n.say_variants.size())) : 0);
        std::vector<int> order(n.replies.size());
        std::iota(order.begin(), order.end(), 0);
        if (level.shuffle && n.is_question())
            for (int i = static_cast<int>(order.size()) - 1; i > 0; --i)  // Fisher-Yates, from our own Rng
                std::swap(order[static_cast<size_t>(i)], order[static_cast<size_t>(rng.below(i + 1))]);
        d.arrangement.push_back(std::move(order));
    }
    return d;
}

Level apply_draw(const Level& level, const CallDraw& draw) {
    Level out = level;
    out.caller.persona = draw.persona;
    for (size_t i = 0; i < out.nodes.size() && i < draw.variant.size(); ++i) {
        Node& n = out.nodes[i];
        if (!n.say_variants.empty()) n.say = n.say_variants[static_cast<size_t>(draw.variant[i])];
        const std::vector<int>& order = draw.arrangement[i];
        std::vector<Reply> laid;
        for (int authored : order) {
            Reply r = level.nodes[i].replies[static_cast<size_t>(authored)];
            r.authored = authored;
            laid.push_back(std::move(r));
        }
        n.replies = std::move(laid);
    }
    return out;
}

}  // namespace cw
