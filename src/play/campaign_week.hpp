// A campaign's week remembered in a profile: what the week's variables hold as each call of
// the playlist begins, and what a finished call leaves in them. The play screen and the tests
// both go through here, so the rule is written once.
#pragma once
#include <string>

#include "content/playlist_loader.hpp"
#include "core/sim.hpp"
#include "core/week.hpp"
#include "store/profile_db.hpp"

namespace cw {

// The week as call `index` of `week` begins: the first call starts the week afresh from the
// playlist's `[week.vars]`; every later one from what the profile's week remembers (a variable
// the playlist no longer declares is dropped). `db` may be null (no profile: the playlist's).
WeekValues week_for_call(const ProfileDb* db, const std::string& profile, const Playlist& week, int index);

// Keeps what `sim`'s finished call leaves in the week, which began as `before`.
bool keep_week(ProfileDb& db, const std::string& profile, const Playlist& week, const Simulation& sim,
               const WeekValues& before, std::string& error);

}  // namespace cw
