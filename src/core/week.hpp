// The week's memory: variables a playlist carries from call to call (`[week.vars]`), such as a
// callback promised on Monday that comes due on Wednesday. A level declares the ones it reads
// or sets, with the value each takes when the call is played on its own; a run starts from the
// week's values instead, and what the call leaves in them goes on to the next call.
#pragma once
#include <map>
#include <string>

#include "level.hpp"

namespace cw {

// Week variables by name, without the "week." a level reads them by.
using WeekValues = std::map<std::string, double>;

// The level's own values for its week variables (what it runs with on its own).
WeekValues week_defaults(const Level& level);
// `level` starting from the week's values: each week variable it declares that `week` holds.
void start_from_week(Level& level, const WeekValues& week);
// What a call leaves in the week: `before`, with the values of the week variables the call
// declares as `vars` (its variables, in the level's order) holds them.
WeekValues week_after(const Level& level, const std::vector<double>& vars, WeekValues before);

}  // namespace cw
