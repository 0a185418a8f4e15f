#include "score.hpp"

#include <algorithm>
#include <cmath>

namespace cw {

double reply_points(Grade grade, bool breathed) {
    double p = 0;
    switch (grade) {
        case Grade::best: p = 1.0; break;
        case Grade::good: p = 0.75; break;
        case Grade::slip: p = 0.35; break;
        case Grade::trap: p = 0.0; break;
    }
    return std::min(1.0, p + (breathed ? 0.25 : 0.0));
}

double ending_points(Outcome outcome, std::optional<Grade> ending_grade) {
    if (ending_grade) {
        switch (*ending_grade) {
            case Grade::best: return 15;
            case Grade::good: return 12;
            case Grade::slip: return 6;
            case Grade::trap: return 2;
        }
    }
    switch (outcome) {
        case Outcome::resolved: return 15;
        case Outcome::follow_up: return 13;
        case Outcome::escalated: return 11;
        case Outcome::agent_ended: return 11;
        case Outcome::hung_up: return 6;
        case Outcome::timed_out: return 3;
        case Outcome::capsized:
        case Outcome::none: return 0;
    }
    return 0;
}

Score compute_score(const Level& level, const std::vector<ChoiceRecord>& choices, double mean_composure, int jolts,
                    Outcome outcome, std::optional<Grade> ending_grade) {
    Score s;
    if (choices.empty()) {
        s.conduct = 25;
    } else {
        double sum = 0;
        for (const ChoiceRecord& c : choices) sum += reply_points(level.nodes[c.node].replies[c.reply].grade, c.breathed);
        s.conduct = 50.0 * sum / static_cast<double>(choices.size());
    }
    s.composure = 25.0 * std::clamp(mean_composure, 0.0, 100.0) / 100.0;
    s.steadiness = 10.0 * std::max(0.0, 1.0 - jolts / 5.0);
    s.outcome = ending_points(outcome, ending_grade);
    s.total = static_cast<int>(std::lround(s.conduct + s.composure + s.steadiness + s.outcome));
    return s;
}

}  // namespace cw
