#include "level_stats.hpp"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <map>
#include <set>

#include "call_run.hpp"

namespace cw {

LevelStats level_stats(const Level& level, const Catalogue& catalogue, int seeds) {
    LevelStats st;
    st.path = level.path;
    st.title = level.title;
    for (const Node& n : level.nodes) {
        if (n.say_variants.empty()) st.speech.push_back({n.id, n.say});
        for (const std::string& v : n.say_variants) st.speech.push_back({n.id, v});
    }
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

namespace {

// Lower-case words of letters, digits and apostrophes (a curly one counts as straight).
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) out.push_back(word);
        word.clear();
    };
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (std::isalnum(c)) {
            word += static_cast<char>(std::tolower(c));
        } else if (c == '\'') {
            word += '\'';
        } else if (text.compare(i, 3, "\xe2\x80\x99") == 0) {  // U+2019, the typographer's apostrophe
            word += '\'';
            i += 2;
        } else {
            flush();
        }
    }
    flush();
    return out;
}

}  // namespace

std::vector<SharedSpeech> shared_caller_speech(const std::vector<LevelStats>& levels, int run_words) {
    assert(run_words > 0);
    struct Seen {
        size_t level;
        std::string node;
    };
    std::map<std::string, Seen> first_said;  // a run of words -> the first call that says it
    std::set<std::string> reported;          // "a|node|b|node": one line per pair of lines
    std::vector<SharedSpeech> out;
    for (size_t li = 0; li < levels.size(); ++li) {
        for (const CallerLine& line : levels[li].speech) {
            std::vector<std::string> w = words_of(line.say);
            for (size_t i = 0; i + static_cast<size_t>(run_words) <= w.size(); ++i) {
                std::string run;
                for (int k = 0; k < run_words; ++k) run += (k ? " " : "") + w[i + static_cast<size_t>(k)];
                auto [it, fresh] = first_said.emplace(run, Seen{li, line.node});
                if (fresh || it->second.level == li) continue;
                const LevelStats& a = levels[it->second.level];
                std::string key = a.path + "|" + it->second.node + "|" + levels[li].path + "|" + line.node;
                if (reported.insert(key).second) out.push_back({a.path, it->second.node, levels[li].path, line.node, run});
            }
        }
    }
    return out;
}

}  // namespace cw
