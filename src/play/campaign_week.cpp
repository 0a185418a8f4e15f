#include "campaign_week.hpp"

namespace cw {

WeekValues week_for_call(const ProfileDb* db, const std::string& profile, const Playlist& week, int index) {
    WeekValues values = week.week;
    if (index == 0 || !db) return values;
    for (const auto& [name, value] : db->week(profile, week.id))
        if (values.count(name)) values[name] = value;
    return values;
}

bool keep_week(ProfileDb& db, const std::string& profile, const Playlist& week, const Simulation& sim,
               const WeekValues& before, std::string& error) {
    return db.save_week(profile, week.id, week_after(sim.level(), sim.call().vars(), before), error);
}

}  // namespace cw
