// What can still be read from a damaged profile database, copied into a fresh one. A damaged
// page loses the rows on it, not the whole file: every table the game keeps (profiles, their
// attempts and replays, settings, campaign progress, the week's memory, kept level texts) is
// read row by row, and each row that reads whole is kept.
#pragma once
#include <string>

struct sqlite3;

namespace cw {

struct SalvageCount {
    int profiles = 0;
    int attempts = 0;
    int other = 0;  // settings, campaign rows, week variables, kept level texts
    bool any() const { return profiles + attempts + other > 0; }
};

// Copies what reads from the database file `damaged` into `fresh` (open, at the current schema).
SalvageCount salvage_profiles(const std::string& damaged, sqlite3* fresh);

}  // namespace cw
