#include "progress_stats.hpp"

#include "content/bounded_json.hpp"
#include "core/score.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

namespace cw {

namespace {

using json = nlohmann::json;

bool is_mistake(const Catalogue& cat, const std::string& id) {
    const Technique* t = cat.find(id);
    return t && t->kind == TechniqueKind::anti_pattern;
}

// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm); false when not a date.
bool day_number(const std::string& ymd, long& out) {
    int y = 0, m = 0, d = 0;
    if (ymd.size() < 10 || std::sscanf(ymd.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    out = era * 146097 + doe - 719468;
    return true;
}

AttemptView read_attempt(const Attempt& a, const Catalogue& cat) {
    AttemptView v;
    v.attempt = &a;
    v.day = a.when.substr(0, 10);
    v.good = went_well(a);
    v.bad = went_badly(a);
    v.old_scoring = counted_under_old_scoring(a);
    json choices = parse_json_or_discarded(a.choices_json);
    if (choices.is_array())
        for (const json& c : choices) {
            if (!c.is_object()) continue;
            ChoiceView cv;
            if (c.contains("node") && c["node"].is_string()) cv.node = c["node"].get<std::string>();
            if (c.contains("reply") && c["reply"].is_string()) cv.reply = c["reply"].get<std::string>();
            if (c.contains("text") && c["text"].is_string()) cv.text = c["text"].get<std::string>();
            if (c.contains("techniques") && c["techniques"].is_array())
                for (const json& t : c["techniques"])
                    if (t.is_string()) {
                        cv.techniques.push_back(t.get<std::string>());
                        if (is_mistake(cat, cv.techniques.back())) cv.calm = false;
                    }
            // Attempts kept since grades were authored carry the reply's grade: a calm reply is
            // one graded best or good. Older ones are judged by their tags, as they were then.
            if (c.contains("grade") && c["grade"].is_string()) {
                cv.grade = c["grade"].get<std::string>();
                cv.calm = cv.grade == "best" || cv.grade == "good";
            }
            v.choices.push_back(std::move(cv));
        }
    json timeline = parse_json_or_discarded(a.timeline_json);
    if (timeline.is_array())
        for (const json& p : timeline)
            if (p.is_array() && p.size() >= 3 && p[0].is_number() && p[1].is_number() && p[2].is_number())
                v.timeline.push_back({p[0].get<double>(), p[1].get<double>(), p[2].get<double>()});
    return v;
}

}  // namespace

bool went_well(const Attempt& a) { return a.score >= kScoreWentWell && a.outcome != "capsized"; }
bool went_badly(const Attempt& a) { return a.score < kScoreWentBadly || a.outcome == "capsized"; }
bool counted_under_old_scoring(const Attempt& a) { return is_old_scoring(a.scoring); }

const char* const kOldScoringExplained =
    "Counted under the old scoring, from the techniques each reply was tagged with, before every "
    "reply had a grade (best, good, slip or trap). Scores counted then and now are not comparable, "
    "so they are kept apart.";

std::string utc_today() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

int days_between(const std::string& a, const std::string& b) {
    long da = 0, db = 0;
    if (!day_number(a, da) || !day_number(b, db)) return 0;
    return static_cast<int>(db - da);
}

ProgressSummary summarise_progress(const std::vector<Attempt>& attempts, const Catalogue& catalogue,
                                   const LevelLookup& levels, const std::string& today) {
    ProgressSummary out;
    for (const Attempt& a : attempts) out.attempts.push_back(read_attempt(a, catalogue));

    // Calm replies per attempt.
    for (const AttemptView& v : out.attempts) {
        if (v.choices.empty()) {
            out.calm_share.push_back(-1);
            continue;
        }
        int calm = 0;
        for (const ChoiceView& c : v.choices) calm += c.calm ? 1 : 0;
        out.calm_share.push_back(static_cast<double>(calm) / v.choices.size());
    }

    // Technique mastery: what was on offer at each fork the player reached, against what they said.
    std::map<std::string, TechniqueMastery> mastery;
    for (size_t i = 0; i < out.attempts.size(); ++i) {
        const AttemptView& v = out.attempts[i];
        if (v.choices.empty()) continue;
        const Level* level = levels ? levels(v.attempt->level) : nullptr;
        if (!level) {
            ++out.unreadable_levels;
            continue;
        }
        std::map<std::string, std::pair<int, int>> tally;  // id -> (used or avoided, offered)
        for (const ChoiceView& c : v.choices) {
            int n = level->node_index(c.node);
            if (n < 0) continue;
            std::set<std::string> offered{"breathe"};
            for (const Reply& r : level->nodes[n].replies) offered.insert(r.techniques.begin(), r.techniques.end());
            std::set<std::string> said(c.techniques.begin(), c.techniques.end());
            for (const std::string& t : offered) {
                if (!catalogue.find(t)) continue;
                auto& [hit, seen] = tally[t];
                ++seen;
                bool used = said.count(t) > 0;
                hit += is_mistake(catalogue, t) ? !used : used;
            }
        }
        for (const auto& [id, counts] : tally) {
            TechniqueMastery& m = mastery[id];
            m.id = id;
            m.attempt.push_back(static_cast<int>(i));
            m.share.push_back(static_cast<double>(counts.first) / counts.second);
            m.used += counts.first;
            m.offered += counts.second;
        }
    }
    for (auto& [id, m] : mastery) {
        const Technique* t = catalogue.find(id);
        m.name = t ? t->name : id;
        m.mistake = is_mistake(catalogue, id);
        size_t from = m.share.size() > 5 ? m.share.size() - 5 : 0;
        double sum = 0;
        for (size_t k = from; k < m.share.size(); ++k) sum += m.share[k];
        m.recent = m.share.empty() ? 0 : sum / static_cast<double>(m.share.size() - from);
        out.techniques.push_back(m);
    }
    // Calm techniques first, then mistakes; within each, the ones met most often first.
    std::stable_sort(out.techniques.begin(), out.techniques.end(), [](const TechniqueMastery& a, const TechniqueMastery& b) {
        if (a.mistake != b.mistake) return !a.mistake;
        if (a.offered != b.offered) return a.offered > b.offered;
        return a.name < b.name;
    });

    // Levels, best scores, first and latest.
    std::map<std::string, size_t> level_index;
    for (size_t i = 0; i < out.attempts.size(); ++i) {
        const Attempt& a = *out.attempts[i].attempt;
        auto [it, fresh] = level_index.emplace(a.level, out.levels.size());
        if (fresh) {
            LevelSummary fresh_level;
            fresh_level.level = a.level;
            fresh_level.first = static_cast<int>(i);
            out.levels.push_back(fresh_level);
        }
        LevelSummary& l = out.levels[it->second];
        ++l.attempts;
        int& best = out.attempts[i].old_scoring ? l.best_old_scoring : l.best;
        best = std::max(best, a.score);
        l.latest = static_cast<int>(i);
        l.title = a.title;  // the latest title, should a level be renamed
    }
    for (size_t k = 0; k < out.levels.size(); ++k)
        if (out.attempts[out.levels[k].latest].bad) out.try_again.push_back(static_cast<int>(k));

    // Streaks.
    Streaks& s = out.streaks;
    int run = 0;
    for (const AttemptView& v : out.attempts) {
        run = v.good ? run + 1 : 0;
        s.good_best = std::max(s.good_best, run);
    }
    s.good_now = run;
    std::set<long> days;
    for (const AttemptView& v : out.attempts) {
        long d = 0;
        if (day_number(v.day, d)) days.insert(d);
    }
    long prev = 0;
    run = 0;
    for (long d : days) {
        run = (run > 0 && d == prev + 1) ? run + 1 : 1;
        s.days_best = std::max(s.days_best, run);
        prev = d;
    }
    long t = 0;
    s.days_now = (!days.empty() && day_number(today, t) && (prev == t || prev == t - 1)) ? run : 0;
    return out;
}

}  // namespace cw
