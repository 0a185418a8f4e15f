// The profile database's tables exactly as each old version of the game created them, frozen
// here on purpose (not taken from src/store): a migration test must start from what players'
// disks really hold, even if someone edits a shipped migration step by mistake.
#pragma once

namespace cwtest {

inline const char* kProfileSchema1 =
    "CREATE TABLE profiles (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE TABLE attempts (id INTEGER PRIMARY KEY, profile_id INTEGER NOT NULL REFERENCES profiles(id),"
    "  level TEXT NOT NULL, title TEXT NOT NULL, level_hash TEXT NOT NULL,"
    "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  outcome TEXT NOT NULL, score INTEGER NOT NULL, composure_min REAL NOT NULL, jolts INTEGER NOT NULL,"
    "  choices TEXT NOT NULL, timeline TEXT NOT NULL);";

// What schema 2 added to schema 1.
inline const char* kProfileSchema2Step =
    "ALTER TABLE attempts ADD COLUMN replay TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE settings (profile_id INTEGER NOT NULL REFERENCES profiles(id), key TEXT NOT NULL,"
    "  value TEXT NOT NULL, PRIMARY KEY (profile_id, key));";

// What schema 3 added to schema 2 (the last schema before attempts kept their scoring and
// level text).
inline const char* kProfileSchema3Step =
    "CREATE TABLE campaign (profile_id INTEGER NOT NULL REFERENCES profiles(id), playlist TEXT NOT NULL,"
    "  next_call INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (profile_id, playlist));"
    "CREATE TABLE campaign_best (profile_id INTEGER NOT NULL REFERENCES profiles(id), playlist TEXT NOT NULL,"
    "  call_index INTEGER NOT NULL, best INTEGER NOT NULL, PRIMARY KEY (profile_id, playlist, call_index));"
    "CREATE INDEX attempts_by_profile ON attempts (profile_id, id);";

}  // namespace cwtest
