#include "class_records.hpp"

#include "xapi/practice_records.hpp"
#include "xapi/statements.hpp"

namespace cw::net {

std::string class_learner_home(const ClassSession& session, const xapi::LrsConfig& config) {
    return config.configured() ? config.learner_home() : "urn:calmwaters:class:" + session.settings().code;
}

std::vector<nlohmann::ordered_json> class_call_statements(const ClassSession& session, int call,
                                                          const std::string& home_page,
                                                          const std::string& registration, std::time_t ended_at) {
    std::vector<nlohmann::ordered_json> out;
    if (call < 0 || call >= static_cast<int>(session.calls().size())) return out;
    const bool anonymous = session.settings().anonymous;
    for (const Trainee& t : session.trainees()) {
        if (call >= static_cast<int>(t.runs.size()) || !t.runs[call].shadow) continue;
        const TraineeRun& run = t.runs[call];
        xapi::CallRecord r;
        r.learner.home_page = home_page;
        // The id the trainee gave for the company's records; else their name, or in an anonymous
        // class an id that lasts only for this session.
        r.learner.account = !t.learner_id.empty() ? t.learner_id
                            : anonymous          ? "anonymous:" + session.settings().code + ":" + t.shown_name
                                                 : t.name;
        r.learner.display_name = anonymous ? "" : t.name;
        r.registration = registration;
        r.level_name = session.calls()[call].name;
        r.ended_at = ended_at;
        r.session_code = session.settings().code;
        r.call_number = call + 1;
        r.result_check = verdict_id(run.verdict);
        std::vector<nlohmann::ordered_json> mine = xapi::call_statements(run.shadow->sim(), r);
        out.insert(out.end(), mine.begin(), mine.end());
    }
    return out;
}

std::vector<QueuedRecord> class_call_records(const ClassSession& session, int call, const xapi::LrsConfig& config,
                                             const std::string& registration, std::time_t ended_at) {
    if (!config.configured()) return {};
    return xapi::as_records(
        class_call_statements(session, call, class_learner_home(session, config), registration, ended_at));
}

}  // namespace cw::net
