#include "profile_db.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "core/hash.hpp"
#include "profile_salvage.hpp"
#include "sqlite_stmt.hpp"

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
    // 2 -> 3: campaign progress moves in from progress.toml, one row per playlist and one per
    // call with a score; attempts are read per profile, so index them that way.
    "CREATE TABLE campaign (profile_id INTEGER NOT NULL REFERENCES profiles(id), playlist TEXT NOT NULL,"
    "  next_call INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (profile_id, playlist));"
    "CREATE TABLE campaign_best (profile_id INTEGER NOT NULL REFERENCES profiles(id), playlist TEXT NOT NULL,"
    "  call_index INTEGER NOT NULL, best INTEGER NOT NULL, PRIMARY KEY (profile_id, playlist, call_index));"
    "CREATE INDEX attempts_by_profile ON attempts (profile_id, id);",
    // 3 -> 4: the scoring changed (replies are worth their authored grade, not their tags), so
    // each attempt says which rules counted its score; every attempt kept so far was counted the
    // old way, as was every campaign best. And the exact level text each attempt was played on,
    // once per level hash, so a replay still plays after its level file is rewritten.
    "ALTER TABLE attempts ADD COLUMN scoring INTEGER NOT NULL DEFAULT 1;"
    "ALTER TABLE campaign_best ADD COLUMN scoring INTEGER NOT NULL DEFAULT 1;"
    "CREATE TABLE level_texts (hash TEXT PRIMARY KEY, text TEXT NOT NULL,"
    "  kept TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));",
    // 4 -> 5: the week's memory (`[week.vars]` of a playlist) per profile and playlist.
    "CREATE TABLE week_vars (profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,"
    "  playlist TEXT NOT NULL, name TEXT NOT NULL, value REAL NOT NULL,"
    "  PRIMARY KEY (profile_id, playlist, name));",
    // 5 -> 6: learning records (xAPI statements) waiting for the company's record store, queued
    // with the attempt they describe; a sent one keeps its id (so it is never sent twice) but
    // not its text. `refused`: the store said the statement itself was wrong; kept, not retried.
    "CREATE TABLE records (id TEXT PRIMARY KEY, statement TEXT NOT NULL,"
    "  queued TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')), sent TEXT, refused TEXT);"
    "CREATE INDEX records_waiting ON records (sent, refused);"
    "CREATE TABLE records_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == ProfileDb::kSchemaVersion,
              "one migration per schema version");

const char* kProfileId = "(SELECT id FROM profiles WHERE name = ?1)";

bool is_damage(int code) { return code == SQLITE_NOTADB || code == SQLITE_CORRUPT; }

}  // namespace

ProfileDb::ProfileDb(std::string path) : path_(std::move(path)) {
    std::error_code ec;
    if (fs::path(path_).has_parent_path()) fs::create_directories(fs::path(path_).parent_path(), ec);
    std::string aside, first_why;
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::string why;
        bool damaged = false;
        if (open_once(why, damaged)) {
            if (attempt == 1) {
                // A fresh database: what could still be read from the damaged one goes in it.
                SalvageCount saved = salvage_profiles(aside, db_);
                warning_ = "The profile database could not be read (" + first_why + "). It was moved to " + aside +
                           " and a new one started" +
                           (saved.any() ? " with what could still be read: " + std::to_string(saved.attempts) +
                                              " attempt(s) of " + std::to_string(saved.profiles) + " profile(s), and " +
                                              std::to_string(saved.other) + " other record(s)."
                                        : "; nothing in it could be read.");
            }
            return;
        }
        if (db_) sqlite3_close(db_);
        db_ = nullptr;
        error_ = why;
        // Only a file that is not a database (or is corrupt) is moved aside: a locked file, a
        // read-only folder or a newer game's database is left exactly as it is.
        if (!damaged || attempt == 1) return;
        first_why = why;
        aside = path_ + ".damaged";
        for (int n = 2; fs::exists(aside, ec) && n < 100; ++n) aside = path_ + ".damaged." + std::to_string(n);
        fs::rename(path_, aside, ec);
        if (ec) {
            error_ = "the profile database " + path_ + " is unreadable (" + why + ") and could not be moved aside (" +
                     ec.message() + ")";
            return;
        }
        for (const char* side : {"-journal", "-wal", "-shm"}) fs::remove(path_ + side, ec);
    }
}

ProfileDb::~ProfileDb() {
    if (db_) sqlite3_close(db_);
}

bool ProfileDb::open_once(std::string& why, bool& damaged) {
    if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        why = "cannot open " + path_ + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory");
        return false;
    }
    sqlite3_extended_result_codes(db_, 0);
    sqlite3_busy_timeout(db_, 2000);
    // Reading the schema is the first thing that notices a file that is not a database; the
    // quick check finds damage inside one (it reads every page, which is fast at these sizes).
    if (!exec("PRAGMA foreign_keys = ON;") || schema_version() < 0) {
        why = error_;
        damaged = is_damage(last_code_) || is_damage(sqlite3_errcode(db_));
        return false;
    }
    {
        Stmt check(db_, "PRAGMA quick_check;");
        if (!check.row()) {
            why = sqlite3_errmsg(db_);
            damaged = is_damage(sqlite3_errcode(db_));
            return false;
        }
        std::string verdict = check.col_text(0);
        if (verdict != "ok") {
            // SQLite's verdict names pages, on several lines; one line of it is enough.
            const std::string header = "*** in database main ***\n";
            if (verdict.rfind(header, 0) == 0) verdict = verdict.substr(header.size());
            std::replace(verdict.begin(), verdict.end(), '\n', ' ');
            why = "part of the file is damaged; SQLite says: " + verdict.substr(0, 120);
            damaged = true;
            return false;
        }
    }
    if (!migrate(damaged)) {
        why = error_;
        return false;
    }
    // Every table the game keeps must be there: one dropped by hand or by damage would show an
    // empty history with no word of why.
    for (const char* table : {"profiles", "attempts", "settings", "campaign", "campaign_best", "level_texts", "week_vars"}) {
        Stmt st(db_, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1;");
        st.text(1, table);
        if (!st.row()) {
            why = "its table `" + std::string(table) + "` is missing";
            damaged = true;
            return false;
        }
    }
    return true;
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
    if (!db_) return -1;
    Stmt st(db_, "PRAGMA user_version;");
    if (!st.row()) {
        error_ = sqlite3_errmsg(db_);
        last_code_ = sqlite3_errcode(db_);
        return -1;
    }
    const long long v = st.col_int(0);
    if (v < 0) {  // no game writes that: the header was damaged or edited by hand
        error_ = "the profile database says its version is " + std::to_string(v) + ", which no game writes";
        last_code_ = SQLITE_CORRUPT;
        return -1;
    }
    return static_cast<int>(std::min<long long>(v, 1 << 30));
}

bool ProfileDb::migrate(bool& damaged) {
    for (;;) {
        // One transaction per step, taken before the version is read again: a crash
        // mid-migration leaves the previous version intact, and two games opening the same
        // file at once do not both run a step.
        if (!exec("BEGIN IMMEDIATE;")) {
            damaged = is_damage(sqlite3_errcode(db_));
            return false;
        }
        int v = schema_version();
        if (v < 0 || v > kSchemaVersion) {
            if (v > kSchemaVersion)
                error_ = "the profile database is from a newer version of the game (schema " + std::to_string(v) +
                         "; this game reads up to " + std::to_string(kSchemaVersion) + ")";
            exec("ROLLBACK;");
            return false;
        }
        if (v == kSchemaVersion) return exec("COMMIT;");
        std::string sql = std::string(kMigrations[v]) + "PRAGMA user_version = " + std::to_string(v + 1) + ";";
        if (!exec(sql.c_str())) {
            damaged = is_damage(sqlite3_errcode(db_));
            std::string why = "migrating the profile database from schema " + std::to_string(v) + ": " + error_;
            exec("ROLLBACK;");
            error_ = why;
            return false;
        }
        if (!exec("COMMIT;")) {
            exec("ROLLBACK;");
            return false;
        }
    }
}

bool ProfileDb::write(std::string& error, const std::function<bool()>& body) {
    if (!db_) {
        error = error_.empty() ? "the profile database is not open" : error_;
        return false;
    }
    if (!exec("BEGIN IMMEDIATE;")) {
        error = error_;
        return false;
    }
    if (!body()) {
        error = sqlite3_errmsg(db_);
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

std::string ProfileDb::name_problem(const std::string& name) {
    if (name.empty()) return "a profile needs a name";
    if (name.size() > 40) return "a profile's name can be at most 40 characters";
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f) return "a profile's name cannot hold control characters";
    return "";
}

bool ProfileDb::ensure_profile(const std::string& profile, std::string& error) {
    if (std::string why = name_problem(profile); !why.empty()) {
        error = why;
        return false;
    }
    return write(error, [&] {
        return Stmt(db_, "INSERT OR IGNORE INTO profiles (name) VALUES (?1);").text(1, profile).run();
    });
}

bool ProfileDb::add_attempt(const std::string& profile, const Attempt& a, std::string& error,
                            const std::vector<QueuedRecord>& records) {
    return write(error, [&] {
        for (const QueuedRecord& r : records)
            if (!Stmt(db_, "INSERT OR IGNORE INTO records (id, statement) VALUES (?1, ?2);")
                     .text(1, r.id)
                     .text(2, r.statement)
                     .run())
                return false;
        if (!Stmt(db_, "INSERT OR IGNORE INTO profiles (name) VALUES (?1);").text(1, profile).run()) return false;
        if (!a.level_text.empty() && level_text_hash(a.level_text).hex() == a.level_hash &&
            !Stmt(db_, "INSERT OR IGNORE INTO level_texts (hash, text) VALUES (?1, ?2);")
                 .text(1, a.level_hash)
                 .text(2, a.level_text)
                 .run())
            return false;
        // An empty `when` is now; a given one (an imported or sample attempt) is kept.
        Stmt st(db_,
                "INSERT INTO attempts (profile_id, level, title, level_hash, outcome, score, composure_min, jolts,"
                " choices, timeline, replay, scoring, at) VALUES ((SELECT id FROM profiles WHERE name = ?1), ?2, ?3,"
                " ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                " coalesce(nullif(?13, ''), strftime('%Y-%m-%dT%H:%M:%SZ','now')));");
        return st.text(1, profile)
            .text(2, a.level)
            .text(3, a.title)
            .text(4, a.level_hash)
            .text(5, a.outcome)
            .integer(6, a.score)
            .real(7, a.composure_min)
            .integer(8, a.jolts)
            .text(9, a.choices_json)
            .text(10, a.timeline_json)
            .text(11, a.replay_json)
            .integer(12, a.scoring)
            .text(13, a.when)
            .run();
    });
}

std::vector<Attempt> ProfileDb::attempts(const std::string& profile) const {
    std::vector<Attempt> out;
    Stmt st(db_,
            "SELECT a.id, a.level, a.title, a.level_hash, a.at, a.outcome, a.score, a.composure_min, a.jolts, a.choices,"
            " a.timeline, a.replay, a.scoring FROM attempts a JOIN profiles p ON p.id = a.profile_id WHERE p.name = ?1"
            " ORDER BY a.id;");
    st.text(1, profile);
    while (st.row()) {
        Attempt a;
        a.id = st.col_int(0);
        a.level = st.col_text(1);
        a.title = st.col_text(2);
        a.level_hash = st.col_text(3);
        a.when = st.col_text(4);
        a.outcome = st.col_text(5);
        a.score = static_cast<int>(st.col_int(6));
        a.composure_min = st.col_real(7);
        a.jolts = static_cast<int>(st.col_int(8));
        a.choices_json = st.col_text(9);
        a.timeline_json = st.col_text(10);
        a.replay_json = st.col_text(11);
        a.scoring = static_cast<int>(st.col_int(12));
        out.push_back(std::move(a));
    }
    return out;
}

KeptLevelText ProfileDb::kept_level_text(const std::string& level_hash) const {
    KeptLevelText out;
    if (!db_) {
        out.problem = "the profile database is not open" + (error_.empty() ? "" : " (" + error_ + ")");
        return out;
    }
    Stmt st(db_, "SELECT text FROM level_texts WHERE hash = ?1;");
    st.text(1, level_hash);
    if (!st.row()) {
        out.problem = st.failed() ? "the copy of that level (hash " + level_hash + ") could not be read from " +
                                        path_ + ": " + sqlite3_errmsg(db_)
                                  : "no copy of that level (hash " + level_hash + ") is kept in " + path_;
        return out;
    }
    std::string text = st.col_text(0);
    if (level_text_hash(text).hex() != level_hash) {
        out.problem = "the copy of that level (hash " + level_hash + ") kept in " + path_ +
                      " is damaged: its text no longer matches its hash, so it is not used";
        return out;
    }
    out.text = std::move(text);
    return out;
}

std::vector<std::string> ProfileDb::profiles() const {
    std::vector<std::string> out;
    Stmt st(db_, "SELECT name FROM profiles ORDER BY name;");
    while (st.row()) out.push_back(st.col_text(0));
    return out;
}

CampaignProgress ProfileDb::campaign(const std::string& profile, const std::string& playlist) const {
    auto all = campaigns(profile);
    auto it = all.find(playlist);
    return it == all.end() ? CampaignProgress{} : it->second;
}

std::map<std::string, CampaignProgress> ProfileDb::campaigns(const std::string& profile) const {
    std::map<std::string, CampaignProgress> out;
    {
        Stmt st(db_, "SELECT playlist, next_call FROM campaign WHERE profile_id = (SELECT id FROM profiles WHERE name = ?1);");
        st.text(1, profile);
        while (st.row()) out[st.col_text(0)].next = static_cast<int>(std::max(0LL, st.col_int(1)));
    }
    Stmt st(db_,
            "SELECT playlist, call_index, best, scoring FROM campaign_best WHERE profile_id = (SELECT id FROM profiles"
            " WHERE name = ?1) AND call_index >= 0 AND call_index < 10000 ORDER BY playlist, call_index;");
    st.text(1, profile);
    while (st.row()) {
        CampaignProgress& p = out[st.col_text(0)];
        size_t index = static_cast<size_t>(st.col_int(1));
        if (p.best.size() <= index) p.resize(index + 1);
        p.best[index] = static_cast<int>(st.col_int(2));
        p.best_scoring[index] = static_cast<int>(st.col_int(3));
    }
    return out;
}

namespace {

bool upsert_next(sqlite3* db, const std::string& profile, const std::string& playlist, int next) {
    std::string sql = std::string("INSERT INTO campaign (profile_id, playlist, next_call) VALUES (") + kProfileId +
                      ", ?2, ?3) ON CONFLICT (profile_id, playlist) DO UPDATE SET next_call ="
                      " max(next_call, excluded.next_call);";
    return Stmt(db, sql.c_str()).text(1, profile).text(2, playlist).integer(3, next).run();
}

// Scores under the same rules: the better stays. Under newer rules: the newer replaces the older,
// better or not, since the two are not comparable (and an older never replaces a newer).
bool upsert_best(sqlite3* db, const std::string& profile, const std::string& playlist, int index, int score,
                 int scoring) {
    std::string sql =
        std::string("INSERT INTO campaign_best (profile_id, playlist, call_index, best, scoring) VALUES (") +
        kProfileId +
        ", ?2, ?3, ?4, ?5) ON CONFLICT (profile_id, playlist, call_index) DO UPDATE SET"
        " best = CASE WHEN excluded.scoring > scoring THEN excluded.best"
        "             WHEN excluded.scoring = scoring THEN max(best, excluded.best) ELSE best END,"
        " scoring = max(scoring, excluded.scoring);";
    return Stmt(db, sql.c_str())
        .text(1, profile)
        .text(2, playlist)
        .integer(3, index)
        .integer(4, score)
        .integer(5, scoring)
        .run();
}

}  // namespace

bool ProfileDb::record_campaign(const std::string& profile, const std::string& playlist, int index, int score,
                                std::string& error) {
    if (index < 0 || index >= 10000) {
        error = "no call " + std::to_string(index) + " in a playlist";
        return false;
    }
    return write(error, [&] {
        return Stmt(db_, "INSERT OR IGNORE INTO profiles (name) VALUES (?1);").text(1, profile).run() &&
               upsert_next(db_, profile, playlist, index + 1) &&
               upsert_best(db_, profile, playlist, index, score, kScoringVersion);
    });
}

bool ProfileDb::merge_campaigns(const std::string& profile, const std::map<std::string, CampaignProgress>& progress,
                                int scoring, std::string& error) {
    return write(error, [&] {
        if (!Stmt(db_, "INSERT OR IGNORE INTO profiles (name) VALUES (?1);").text(1, profile).run()) return false;
        for (const auto& [playlist, p] : progress) {
            if (!upsert_next(db_, profile, playlist, std::max(0, p.next))) return false;
            for (size_t i = 0; i < p.best.size() && i < 10000; ++i)
                if (p.best[i] >= 0 && !upsert_best(db_, profile, playlist, static_cast<int>(i), p.best[i], scoring))
                    return false;
        }
        return true;
    });
}

bool ProfileDb::save_settings(const std::string& profile, const SettingsList& values, std::string& error) {
    for (const auto& [key, value] : values) {
        if (key.empty() || key.size() > kMaxSettingKey) {
            error = "a setting's name must be 1 to " + std::to_string(kMaxSettingKey) + " bytes (\"" + key.substr(0, 80) + "\")";
            return false;
        }
        if (value.size() > kMaxSettingValue) {
            error = "the setting " + key + " is longer than " + std::to_string(kMaxSettingValue) + " bytes";
            return false;
        }
    }
    return write(error, [&] {
        if (!Stmt(db_, "INSERT OR IGNORE INTO profiles (name) VALUES (?1);").text(1, profile).run()) return false;
        std::string sql = std::string("INSERT INTO settings (profile_id, key, value) VALUES (") + kProfileId +
                          ", ?2, ?3) ON CONFLICT (profile_id, key) DO UPDATE SET value = excluded.value;";
        for (const auto& [key, value] : values)
            if (!Stmt(db_, sql.c_str()).text(1, profile).text(2, key).text(3, value).run()) return false;
        return true;
    });
}

bool ProfileDb::save_week(const std::string& profile, const std::string& playlist,
                          const std::map<std::string, double>& values, std::string& error) {
    return write(error, [&] {
        if (!Stmt(db_, "INSERT OR IGNORE INTO profiles (name) VALUES (?1);").text(1, profile).run()) return false;
        std::string clear = std::string("DELETE FROM week_vars WHERE profile_id = ") + kProfileId + " AND playlist = ?2;";
        if (!Stmt(db_, clear.c_str()).text(1, profile).text(2, playlist).run()) return false;
        std::string sql = std::string("INSERT INTO week_vars (profile_id, playlist, name, value) VALUES (") + kProfileId +
                          ", ?2, ?3, ?4);";
        for (const auto& [name, value] : values)
            if (!Stmt(db_, sql.c_str()).text(1, profile).text(2, playlist).text(3, name).real(4, value).run()) return false;
        return true;
    });
}

std::map<std::string, double> ProfileDb::week(const std::string& profile, const std::string& playlist) const {
    std::map<std::string, double> out;
    Stmt st(db_, "SELECT name, value FROM week_vars WHERE playlist = ?2 AND "
                 "profile_id = (SELECT id FROM profiles WHERE name = ?1);");
    st.text(1, profile).text(2, playlist);
    while (st.row()) out[st.col_text(0)] = st.col_real(1);
    return out;
}

std::map<std::string, std::string> ProfileDb::settings(const std::string& profile) const {
    std::map<std::string, std::string> out;
    Stmt st(db_, "SELECT key, value FROM settings WHERE profile_id = (SELECT id FROM profiles WHERE name = ?1);");
    st.text(1, profile);
    while (st.row()) out[st.col_text(0)] = st.col_text(1);
    return out;
}

}  // namespace cw
