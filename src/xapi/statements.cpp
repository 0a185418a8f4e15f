#include "statements.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/tuning.hpp"
#include "play/run_report.hpp"
#include "uuid.hpp"

namespace cw::xapi {

namespace {

using nlohmann::ordered_json;

ordered_json verb_named(const char* id, const char* word) { return {{"id", id}, {"display", {{"en-US", word}}}}; }

ordered_json en(const std::string& text) { return {{"en-US", text}}; }

// xAPI durations are ISO 8601: "PT73.25S".
std::string duration(double seconds) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "PT%.2fS", std::max(0.0, seconds));
    return buf;
}

ordered_json actor_of(const Learner& l) {
    ordered_json a = {{"objectType", "Agent"}};
    if (!l.display_name.empty()) a["name"] = l.display_name;
    a["account"] = {{"homePage", l.home_page}, {"name", l.account}};
    return a;
}

}  // namespace

std::string level_activity_id(const std::string& level_name) {
    static const char* kHex = "0123456789ABCDEF";
    std::string id = "urn:calmwaters:level:";
    for (unsigned char c : level_name) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            id += static_cast<char>(c);
        } else {
            id += '%';
            id += kHex[c >> 4];
            id += kHex[c & 15];
        }
    }
    return id;
}

std::string iso_time(std::time_t at, double plus_seconds) {
    double whole = std::floor(plus_seconds);
    std::time_t t = at + static_cast<std::time_t>(whole);
    int millis = static_cast<int>(std::lround((plus_seconds - whole) * 1000.0));
    if (millis >= 1000) {
        ++t;
        millis -= 1000;
    }
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
    return buf;
}

std::vector<ordered_json> call_statements(const Simulation& sim, const CallRecord& r) {
    const Level& level = sim.level();
    const SimState& st = sim.state();
    const double seconds = sim.time();
    const std::string activity = level_activity_id(r.level_name);
    // The call's times, counted back from its end: the records say when things happened.
    auto at = [&](double since_start) { return iso_time(r.ended_at, since_start - seconds); };

    ordered_json call_activity = {{"objectType", "Activity"},
                                  {"id", activity},
                                  {"definition",
                                   {{"name", en(level.title)},
                                    {"type", "http://adlnet.gov/expapi/activities/simulation"}}}};
    if (!level.summary.empty()) call_activity["definition"]["description"] = en(level.summary);

    ordered_json context = {{"registration", r.registration}, {"platform", "Calm Waters"}};
    ordered_json context_ext = {{"urn:calmwaters:reading-pace", sim.reading_pace()}};
    if (!r.session_code.empty()) {
        context_ext["urn:calmwaters:session"] = r.session_code;
        context_ext["urn:calmwaters:call"] = r.call_number;
    }
    context["extensions"] = context_ext;

    std::vector<ordered_json> out;
    auto statement = [&](const char* verb_id, const char* word, ordered_json object, double when) {
        ordered_json s;
        s["id"] = random_uuid();
        s["actor"] = actor_of(r.learner);
        s["verb"] = verb_named(verb_id, word);
        s["object"] = std::move(object);
        s["context"] = context;
        s["timestamp"] = at(when);
        out.push_back(std::move(s));
        return out.size() - 1;  // an index: the next push may move the others
    };

    statement(verb::kInitialized, "initialized", call_activity, 0);

    // Each reply given, as its question with the replies open to the player then (a reply whose
    // condition failed was never offered). Letters are the replies' places in the level file
    // (A first written), not the channel this run used.
    for (const ChoiceRecord& c : sim.call().choices()) {
        const Node& node = level.nodes[c.node];
        const Reply& given = node.replies[c.reply];
        ordered_json choices = ordered_json::array(), best = ordered_json::array();
        for (size_t ch = 0; ch < node.replies.size(); ++ch) {
            if (ch < c.offered.size() && !c.offered[ch]) continue;
            const Reply& reply = node.replies[ch];
            choices.push_back({{"id", reply_letter(reply.authored)}, {"description", en(reply.text)}});
            if (reply.grade == Grade::best) best.push_back(reply_letter(reply.authored));
        }
        ordered_json question = {
            {"objectType", "Activity"},
            {"id", activity + ":node:" + node.id},
            {"definition",
             {{"name", en(level.title + ": " + node.id)},
              {"description", en(node.say)},
              {"type", "http://adlnet.gov/expapi/activities/cmi.interaction"},
              {"interactionType", "choice"},
              {"correctResponsesPattern", best},
              {"choices", choices}}}};
        std::vector<std::string> techniques = given.techniques;
        if (c.breathed) techniques.push_back("breathe");
        const size_t s = statement(verb::kAnswered, "answered", question, c.tick * tuning::kDt);
        out[s]["result"] = {{"response", reply_letter(given.authored)},
                          {"success", given.grade == Grade::best || given.grade == Grade::good},
                          {"extensions",
                           {{"urn:calmwaters:grade", grade_id(given.grade)},
                            {"urn:calmwaters:techniques", techniques},
                            {"urn:calmwaters:breathed", c.breathed}}}};
        out[s]["context"]["contextActivities"] = {{"parent", ordered_json::array({{{"id", activity}}})}};
    }

    if (st.finished) {
        const Score score = sim.score();
        const bool passed = score.total >= level.mastery;
        const size_t done = statement(verb::kCompleted, "completed", call_activity, seconds);
        out[done]["result"] = {{"completion", true}, {"duration", duration(seconds)}};
        const size_t judged = passed ? statement(verb::kPassed, "passed", call_activity, seconds)
                                      : statement(verb::kFailed, "failed", call_activity, seconds);
        ordered_json ext = {{"urn:calmwaters:outcome", outcome_id(st.outcome)},
                            {"urn:calmwaters:mastery", level.mastery},
                            {"urn:calmwaters:composure-min", std::round(st.composure_min * 10) / 10},
                            {"urn:calmwaters:jolts", st.jolts}};
        if (!r.result_check.empty()) ext["urn:calmwaters:result-check"] = r.result_check;
        out[judged]["result"] = {{"score", {{"scaled", score.total / 100.0}, {"raw", score.total}, {"min", 0}, {"max", 100}}},
                               {"success", passed},
                               {"completion", true},
                               {"duration", duration(seconds)},
                               {"extensions", ext}};
    }
    const size_t end = statement(verb::kTerminated, "terminated", call_activity, seconds);
    out[end]["result"] = {{"duration", duration(seconds)}};
    if (!r.result_check.empty()) out[end]["result"]["extensions"] = {{"urn:calmwaters:result-check", r.result_check}};
    return out;
}

}  // namespace cw::xapi
