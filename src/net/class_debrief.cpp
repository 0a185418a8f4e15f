#include "class_debrief.hpp"

#include <algorithm>
#include <map>

#include "core/catalogue.hpp"

namespace cw::net {

namespace {
std::string letter(int i) { return std::string(1, static_cast<char>('A' + i)); }
}  // namespace

CallDebrief class_debrief(const ClassSession& session, int call) {
    CallDebrief d;
    d.call = call;
    const ClassCall& cc = session.calls()[call];
    const Level& level = cc.level;
    const Catalogue& catalogue = session.catalogue();
    d.level_name = cc.name;
    d.title = level.title;

    std::map<int, size_t> question_of_node;
    for (size_t n = 0; n < level.nodes.size(); ++n) {
        const Node& node = level.nodes[n];
        if (!node.is_question()) continue;
        QuestionTally q;
        q.node = static_cast<int>(n);
        q.id = node.id;
        q.say = node.say;
        q.discuss = node.discuss;
        for (size_t r = 0; r < node.replies.size(); ++r) {
            ReplyTally t;
            t.letter = letter(static_cast<int>(r));
            t.text = node.replies[r].text;
            t.techniques = node.replies[r].techniques;
            // The spread's colours follow the author's grade: best and good calm, slip mixed, trap a mistake.
            t.quality = std::clamp(grade_tone(node.replies[r].grade), -1, 1);
            if (node.replies[r].grade == Grade::slip) t.quality = 0;
            t.grade = node.replies[r].grade;
            q.replies.push_back(t);
        }
        question_of_node[q.node] = d.questions.size();
        d.questions.push_back(std::move(q));
    }

    std::map<std::string, std::pair<int, double>> technique_sums;  // id -> uses, summed change
    double score_sum = 0;
    for (const Trainee& t : session.trainees()) {
        TraineeResult r;
        r.name = t.name;
        r.shown_name = t.shown_name;
        r.connected = t.connected;
        if (call < static_cast<int>(t.runs.size()) && t.runs[call].shadow) {
            const TraineeRun& run = t.runs[call];
            const Simulation& sim = run.shadow->sim();
            const SimState& s = sim.state();
            r.played = true;
            r.verdict = run.verdict;
            r.outcome = outcome_id(s.outcome);
            r.score = s.finished ? sim.score().total : 0;
            r.composure_min = s.composure_min;
            r.jolts = s.jolts;
            r.seconds = sim.time();
            r.progress = s.progress;
            if (s.finished) {
                ++d.finished;
                score_sum += r.score;
                if (s.outcome == Outcome::resolved) ++d.resolved;
            }
            for (const ChoiceRecord& c : sim.call().choices()) {
                const Node& node = level.nodes[c.node];
                r.replies.push_back(node.id + ":" + letter(c.authored));
                auto q = question_of_node.find(c.node);
                if (q != question_of_node.end() && c.authored < static_cast<int>(d.questions[q->second].replies.size())) {
                    QuestionTally& qt = d.questions[q->second];
                    ReplyTally& rt = qt.replies[c.authored];
                    rt.mean_intensity_change += c.effects.intensity;  // summed here, divided below
                    ++rt.chosen;
                    ++qt.answered;
                }
                for (const std::string& tech : node.replies[c.authored].techniques) {
                    r.techniques.push_back(tech);
                    auto& sum = technique_sums[tech];
                    ++sum.first;
                    sum.second += c.effects.intensity;
                }
            }
        }
        d.trainees.push_back(std::move(r));
    }
    // Projector mode: the room answered together, by vote.
    if (session.settings().projector && call == session.call_index()) {
        for (QuestionTally& q : d.questions) {
            auto v = session.room_votes().find(q.node);
            if (v == session.room_votes().end()) continue;
            for (size_t r = 0; r < q.replies.size() && r < v->second.size(); ++r) {
                q.replies[r].chosen = v->second[r];
                q.answered += v->second[r];
            }
        }
    }
    for (QuestionTally& q : d.questions)
        for (ReplyTally& r : q.replies)
            if (r.chosen > 0) r.mean_intensity_change /= r.chosen;
    for (const auto& [id, sum] : technique_sums) {
        TechniqueTally t;
        t.id = id;
        const Technique* tech = catalogue.find(id);
        t.name = tech ? tech->name : id;
        t.uses = sum.first;
        t.mean_intensity_change = sum.second / sum.first;
        d.techniques.push_back(t);
    }
    std::stable_sort(d.techniques.begin(), d.techniques.end(),
                     [](const TechniqueTally& a, const TechniqueTally& b) { return a.uses > b.uses; });
    d.mean_score = d.finished > 0 ? score_sum / d.finished : 0;
    return d;
}

}  // namespace cw::net
