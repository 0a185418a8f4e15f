// A sample trainee's profile: a few bot runs of shipped calls over the last days, kept like a
// player's attempts. The progress screen shows it when there is no player data (screenshots),
// and tests and benchmarks use the same one, so all three see the same trainee.
#pragma once
#include <string>

#include "core/catalogue.hpp"
#include "store/profile_db.hpp"

namespace cw {

constexpr const char* kSampleProfileName = "Sample trainee";

// Plays the sample runs on the levels under `levels_dir` and adds them to `profile` in `db`.
// Returns how many attempts were kept (a level that does not load is left out).
int fill_sample_profile(ProfileDb& db, const std::string& profile, const Catalogue& catalogue,
                        const std::string& levels_dir);

}  // namespace cw
