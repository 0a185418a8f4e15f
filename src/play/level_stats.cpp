#include "level_stats.hpp"

#include <algorithm>

#include "call_run.hpp"

namespace cw {

LevelStats level_stats(const Level& level, const Catalogue& catalogue, int seeds) {
    LevelStats st;
    st.path = level.path;
    st.title = level.title;
    for (const Node& n : level.nodes) {
        if (!n.is_question()) continue;
        QuestionStats q;
        q.node = n.id;
        q.replies = static_cast<int>(n.replies.size());
        size_t longest = 0;
        for (const Reply& r : n.replies) longest = std::max(longest, r.text.size());
        for (size_t i = 0; i < n.replies.size(); ++i) {
            const Reply& r = n.replies[i];
            if (r.grade == Grade::best && q.best_channel < 0) {
                q.best_channel = static_cast<int>(i);
                q.best_is_longest = r.text.size() == longest;
            }
            if (r.grade == Grade::slip || r.grade == Grade::trap)
                for (const auto& id : r.techniques)
                    if (const Technique* t = catalogue.find(id); t && t->kind == TechniqueKind::in_call)
                        q.tempting_wrong = true;
        }
        st.questions.push_back(q);
    }
    for (int i = 0; i < seeds; ++i) {
        const uint64_t seed = i == 0 ? level.seed : static_cast<uint64_t>(i);
        for (BotPolicy policy : {BotPolicy::calm, BotPolicy::worst}) {
            CallRun run({level, level.path, seed, {}}, catalogue);
            BotInput bot(policy, seed);
            run.run_to_end(bot);
            const int score = run.sim().score().total;
            int& lo = policy == BotPolicy::calm ? st.calm_min : st.worst_min;
            int& hi = policy == BotPolicy::calm ? st.calm_max : st.worst_max;
            lo = std::min(lo, score);
            hi = std::max(hi, score);
        }
        ++st.seeds;
    }
    return st;
}

}  // namespace cw
