#include "score.hpp"

#include <algorithm>
#include <cmath>

namespace cw {

namespace {
double outcome_points(Outcome o) {
    switch (o) {
        case Outcome::resolved: return 15;
        case Outcome::follow_up: return 13;
        case Outcome::escalated: return 11;
        case Outcome::hung_up: return 6;
        case Outcome::timed_out: return 3;
        case Outcome::capsized:
        case Outcome::none: return 0;
    }
    return 0;
}
}  // namespace

Score compute_score(const Level& level, const Catalogue& catalogue, const std::vector<ChoiceRecord>& choices,
                    double mean_composure, int jolts, Outcome outcome) {
    Score s;
    if (choices.empty()) {
        s.conduct = 25;
    } else {
        double sum = 0;
        for (const ChoiceRecord& c : choices) {
            const Reply& r = level.nodes[c.node].replies[c.reply];
            sum += std::clamp(reply_quality(r, catalogue) + (c.breathed ? 1 : 0), -2, 2) / 2.0;
        }
        double mean = sum / static_cast<double>(choices.size());  // -1 .. 1
        s.conduct = 50.0 * (mean + 1.0) / 2.0;
    }
    s.composure = 25.0 * std::clamp(mean_composure, 0.0, 100.0) / 100.0;
    s.steadiness = 10.0 * std::max(0.0, 1.0 - jolts / 5.0);
    s.outcome = outcome_points(outcome);
    s.total = static_cast<int>(std::lround(s.conduct + s.composure + s.steadiness + s.outcome));
    return s;
}

}  // namespace cw
