#include "run_report.hpp"

#include "core/week.hpp"

#include <cmath>

#include "content/replay_file.hpp"

namespace cw {

namespace {
// Two decimals: readable, and still byte-stable for the same run.
double r2(double v) { return std::round(v * 100.0) / 100.0; }
}  // namespace

std::string reply_letter(int index) { return std::string(1, static_cast<char>('A' + index)); }

nlohmann::ordered_json run_report(const Simulation& sim, const std::string& level_path) {
    const SimState& st = sim.state();
    const Level& level = sim.level();
    Score score = sim.score();
    nlohmann::ordered_json j;
    j["level"] = level_path;
    j["title"] = level.title;
    j["seed"] = sim.seed();
    j["persona"] = level.caller.persona;  // the caller this run drew
    // The week as the call began and as it leaves it (names without "week."; {} for none).
    nlohmann::ordered_json week_start = nlohmann::ordered_json::object(), week_end = nlohmann::ordered_json::object();
    for (const auto& [name, value] : week_defaults(level)) week_start[name] = value;
    for (const auto& [name, value] : week_after(level, sim.call().vars(), {})) week_end[name] = value;
    j["week"] = week_start;
    j["week_after"] = week_end;
    j["outcome"] = outcome_id(st.outcome);
    j["score"] = score.total;
    j["score_parts"] = {{"conduct", r2(score.conduct)},
                        {"composure", r2(score.composure)},
                        {"steadiness", r2(score.steadiness)},
                        {"outcome", r2(score.outcome)}};
    j["composure_min"] = r2(st.composure_min);
    j["composure_end"] = r2(st.composure);
    j["intensity_end"] = r2(st.intensity);
    j["trust_end"] = r2(st.trust);
    j["jolts"] = st.jolts;
    auto choices = nlohmann::ordered_json::array();
    for (const ChoiceRecord& c : sim.call().choices()) {
        const Node& node = level.nodes[c.node];
        const Reply& reply = node.replies[c.reply];
        nlohmann::ordered_json cj;
        cj["node"] = node.id;
        cj["reply"] = reply_letter(c.authored);  // by its place in the level file
        cj["channel"] = reply_letter(c.reply);    // where this run laid it
        cj["grade"] = grade_id(reply.grade);
        cj["text"] = reply.text;
        std::vector<std::string> techniques = reply.techniques;
        if (c.breathed) techniques.push_back("breathe");  // a steady breath before answering
        cj["techniques"] = techniques;
        cj["breathed"] = c.breathed;
        if (!reply.caller_thinks.empty()) cj["caller_thinks"] = reply.caller_thinks;
        cj["seconds"] = r2(c.tick / 60.0);
        if (!reply.feedback.empty()) cj["feedback"] = reply.feedback;
        choices.push_back(cj);
    }
    j["choices"] = choices;
    j["ticks"] = st.tick;
    j["seconds"] = r2(sim.time());
    j["reading_pace"] = sim.reading_pace();  // 1 normal; 2 twice the time to read (the river at half speed)
    j["state_hash"] = sim.state_hash();
    return j;
}

Replay replay_header(const Simulation& sim, const std::string& level_path, const std::string& build) {
    Replay r;
    r.build = build;
    r.level = level_path;
    r.level_hash = sim.level().source_hash;
    r.seed = sim.seed();
    const BreathPattern& b = sim.breathing().pattern();
    r.breath = b.id;
    r.breath_holds = b.hold_in > 0 || b.hold_out > 0;
    r.start_composure = sim.level().composure;
    r.reading_pace = sim.reading_pace();
    r.week = week_defaults(sim.level());  // the run's level starts from the week's values
    return r;
}

Attempt attempt_of(const Simulation& sim, const std::string& level_path, const Replay& replay) {
    Attempt a;
    a.level = level_path;
    a.title = sim.level().title;
    a.level_hash = hash_hex(sim.level().source_hash);
    a.outcome = outcome_id(sim.state().outcome);
    a.score = sim.score().total;
    a.scoring = kScoringVersion;  // counted just now, by this build's rules
    a.composure_min = sim.state().composure_min;
    a.jolts = sim.state().jolts;
    a.choices_json = run_report(sim, level_path)["choices"].dump();
    nlohmann::json timeline = nlohmann::json::array();
    for (const TimelinePoint& p : sim.timeline()) timeline.push_back({p.t, p.intensity, p.composure});
    a.timeline_json = timeline.dump();
    a.replay_json = replay_to_json(replay);
    return a;
}

}  // namespace cw
