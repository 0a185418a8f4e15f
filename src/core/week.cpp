#include "week.hpp"

#include <cassert>
#include <cstring>

namespace cw {

namespace {
std::string short_name(const std::string& full) { return full.substr(std::strlen(kWeekPrefix)); }
}  // namespace

WeekValues week_defaults(const Level& level) {
    WeekValues out;
    for (size_t i = 0; i < level.var_names.size(); ++i)
        if (is_week_var(level.var_names[i])) out[short_name(level.var_names[i])] = level.var_initial[i];
    return out;
}

void start_from_week(Level& level, const WeekValues& week) {
    for (size_t i = 0; i < level.var_names.size(); ++i) {
        if (!is_week_var(level.var_names[i])) continue;
        auto it = week.find(short_name(level.var_names[i]));
        if (it != week.end()) level.var_initial[i] = it->second;
    }
}

WeekValues week_after(const Level& level, const std::vector<double>& vars, WeekValues before) {
    assert(vars.size() == level.var_names.size() && "the call's variables, one per declared name");
    for (size_t i = 0; i < level.var_names.size() && i < vars.size(); ++i)
        if (is_week_var(level.var_names[i])) before[short_name(level.var_names[i])] = vars[i];
    return before;
}

}  // namespace cw
