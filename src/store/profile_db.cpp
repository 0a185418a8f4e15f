#include "profile_db.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>

namespace cw {

namespace fs = std::filesystem;

namespace {

// Each step takes the schema from version i to i+1. Never edit a step once shipped: add one.
const char* kMigrations[] = {
    // 0 -> 1: profiles and their attempts.
    "CREATE TABLE profiles (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
    "  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE TABLE attempts (id INTEGER PRIMARY KEY, profile_id INTEGER NOT NULL REFERENCES profiles(id),"
    "  level TEXT NOT NULL, title TEXT NOT NULL, level_hash TEXT NOT NULL,"
    "  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  outcome TEXT NOT NULL, score INTEGER NOT NULL, composure_min REAL NOT NULL, jolts INTEGER NOT NULL,"
    "  choices TEXT NOT NULL, timeline TEXT NOT NULL);",
    // 1 -> 2: each attempt keeps its replay, and profiles keep their settings.
    "ALTER TABLE attempts ADD COLUMN replay TEXT NOT NULL DEFAULT '';"
    "CREATE TABLE settings (profile_id INTEGER NOT NULL REFERENCES profiles(id), key TEXT NOT NULL,"
    "  value TEXT NOT NULL, PRIMARY KEY (profile_id, key));",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == ProfileDb::kSchemaVersion,
              "one migration per schema version");

}  // namespace

ProfileDb::ProfileDb(std::string path) : path_(std::move(path)) {
    std::error_code ec;
    fs::create_directories(fs::path(path_).parent_path(), ec);
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
            error_ = std::string("cannot open ") + path_ + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory");
            sqlite3_close(db_);
            db_ = nullptr;
            return;
        }
        sqlite3_busy_timeout(db_, 2000);
        // Reading the schema is the first thing that notices a file that is not a database.
        if (exec("PRAGMA foreign_keys = ON;") && schema_version() >= 0 && migrate()) return;
        std::string why = error_;
        sqlite3_close(db_);
        db_ = nullptr;
        if (attempt == 1) return;
        std::string aside = path_ + ".damaged";
        fs::rename(path_, aside, ec);
        if (ec) {
            error_ = "the profile database " + path_ + " is unreadable (" + why + ") and could not be moved aside";
            return;
        }
        warning_ = "The profile database could not be read (" + why + "). It was moved to " + aside +
                   " and a new one has been started.";
    }
}

ProfileDb::~ProfileDb() {
    if (db_) sqlite3_close(db_);
}

bool ProfileDb::exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
        error_ = msg ? msg : "unknown SQLite error";
        sqlite3_free(msg);
        return false;
    }
    return true;
}

int ProfileDb::schema_version() const {
    sqlite3_stmt* st = nullptr;
    int v = -1;
    if (sqlite3_prepare_v2(db_, "PRAGMA user_version;", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (v < 0) const_cast<ProfileDb*>(this)->error_ = sqlite3_errmsg(db_);
    return v;
}

bool ProfileDb::migrate() {
    int v = schema_version();
    if (v > kSchemaVersion) {
        error_ = "the profile database is from a newer version of the game (schema " + std::to_string(v) + ")";
        return false;
    }
    for (; v < kSchemaVersion; ++v) {
        // One transaction per step: a crash mid-migration leaves the previous version intact.
        std::string sql = std::string("BEGIN;") + kMigrations[v] + "PRAGMA user_version = " + std::to_string(v + 1) +
                          ";COMMIT;";
        if (!exec(sql.c_str())) {
            exec("ROLLBACK;");
            return false;
        }
    }
    return true;
}

bool ProfileDb::add_attempt(const std::string& profile, const Attempt& a, std::string& error) {
    if (!db_) {
        error = error_;
        return false;
    }
    if (!exec("BEGIN IMMEDIATE;")) {
        error = error_;
        return false;
    }
    sqlite3_stmt* st = nullptr;
    bool ok = sqlite3_prepare_v2(db_, "INSERT OR IGNORE INTO profiles (name) VALUES (?1);", -1, &st, nullptr) == SQLITE_OK &&
              sqlite3_bind_text(st, 1, profile.c_str(), -1, SQLITE_TRANSIENT) == SQLITE_OK && sqlite3_step(st) == SQLITE_DONE;
    sqlite3_finalize(st);
    const char* insert =
        "INSERT INTO attempts (profile_id, level, title, level_hash, outcome, score, composure_min, jolts, choices,"
        " timeline, replay) VALUES ((SELECT id FROM profiles WHERE name = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11);";
    ok = ok && sqlite3_prepare_v2(db_, insert, -1, &st, nullptr) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(st, 1, profile.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, a.level.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, a.title.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 4, a.level_hash.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 5, a.outcome.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(st, 6, a.score);
        sqlite3_bind_double(st, 7, a.composure_min);
        sqlite3_bind_int(st, 8, a.jolts);
        sqlite3_bind_text(st, 9, a.choices_json.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 10, a.timeline_json.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 11, a.replay_json.c_str(), -1, SQLITE_TRANSIENT);
        ok = sqlite3_step(st) == SQLITE_DONE;
    }
    if (!ok) error = sqlite3_errmsg(db_);
    sqlite3_finalize(st);
    if (!ok) {
        exec("ROLLBACK;");
        return false;
    }
    if (!exec("COMMIT;")) {
        error = error_ + " (is the disk full or the folder read-only?)";
        exec("ROLLBACK;");
        return false;
    }
    return true;
}

std::vector<Attempt> ProfileDb::attempts(const std::string& profile) const {
    std::vector<Attempt> out;
    if (!db_) return out;
    sqlite3_stmt* st = nullptr;
    const char* sql =
        "SELECT a.id, a.level, a.title, a.level_hash, a.at, a.outcome, a.score, a.composure_min, a.jolts, a.choices,"
        " a.timeline, a.replay FROM attempts a JOIN profiles p ON p.id = a.profile_id WHERE p.name = ?1 ORDER BY a.id;";
    if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK) return out;
    sqlite3_bind_text(st, 1, profile.c_str(), -1, SQLITE_TRANSIENT);
    auto text = [&](int col) {
        const unsigned char* t = sqlite3_column_text(st, col);
        return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
    };
    while (sqlite3_step(st) == SQLITE_ROW) {
        Attempt a;
        a.id = sqlite3_column_int64(st, 0);
        a.level = text(1);
        a.title = text(2);
        a.level_hash = text(3);
        a.when = text(4);
        a.outcome = text(5);
        a.score = sqlite3_column_int(st, 6);
        a.composure_min = sqlite3_column_double(st, 7);
        a.jolts = sqlite3_column_int(st, 8);
        a.choices_json = text(9);
        a.timeline_json = text(10);
        a.replay_json = text(11);
        out.push_back(a);
    }
    sqlite3_finalize(st);
    return out;
}

std::vector<std::string> ProfileDb::profiles() const {
    std::vector<std::string> out;
    if (!db_) return out;
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, "SELECT name FROM profiles ORDER BY name;", -1, &st, nullptr) != SQLITE_OK) return out;
    while (sqlite3_step(st) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return out;
}

}  // namespace cw
