#include "practice_records.hpp"

#include <filesystem>

#include "statements.hpp"
#include "uuid.hpp"

namespace cw::xapi {

std::vector<QueuedRecord> as_records(const std::vector<nlohmann::ordered_json>& statements) {
    std::vector<QueuedRecord> out;
    for (const nlohmann::ordered_json& s : statements) out.push_back({s["id"].get<std::string>(), s.dump()});
    return out;
}

std::vector<QueuedRecord> practice_records(const Simulation& sim, const std::string& level_path,
                                           const std::string& profile,
                                           const std::map<std::string, std::string>& profile_settings,
                                           const LrsConfig& config, std::time_t ended_at) {
    if (!config.configured()) return {};
    CallRecord r;
    auto id = profile_settings.find(kLearnerIdSetting);
    r.learner.home_page = config.learner_home();
    r.learner.account = id != profile_settings.end() && !id->second.empty() ? id->second : profile;
    r.learner.display_name = profile;
    r.registration = random_uuid();  // one per practice attempt
    r.level_name = std::filesystem::path(level_path).filename().string();
    r.ended_at = ended_at;
    return as_records(call_statements(sim, r));
}

}  // namespace cw::xapi
