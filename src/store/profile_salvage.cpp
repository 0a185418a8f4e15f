#include "profile_salvage.hpp"

#include <sqlite3.h>

#include <string>
#include <vector>

namespace cw {

namespace {

// Parents before children, so a kept attempt still has its profile (foreign keys stay on).
const char* kTables[] = {"profiles", "level_texts", "settings", "campaign", "campaign_best", "week_vars", "attempts",
                         "records", "records_state"};

std::vector<std::string> columns(sqlite3* db, const std::string& table) {
    std::vector<std::string> out;
    sqlite3_stmt* st = nullptr;
    const std::string sql = "PRAGMA table_info(" + table + ");";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK)
        while (sqlite3_step(st) == SQLITE_ROW)
            out.push_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
    sqlite3_finalize(st);
    return out;
}

// The rowids that read: in order until a damaged page stops the scan, then probed one by one
// past it (a lookup by rowid can step around a page the scan could not).
std::vector<sqlite3_int64> readable_rowids(sqlite3* old, const std::string& table) {
    std::vector<sqlite3_int64> ids;
    sqlite3_stmt* st = nullptr;
    const std::string scan = "SELECT rowid FROM " + table + " ORDER BY rowid;";
    if (sqlite3_prepare_v2(old, scan.c_str(), -1, &st, nullptr) != SQLITE_OK) return ids;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) ids.push_back(sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE) return ids;
    const std::string probe = "SELECT 1 FROM " + table + " WHERE rowid = ?1;";
    if (sqlite3_prepare_v2(old, probe.c_str(), -1, &st, nullptr) != SQLITE_OK) return ids;
    constexpr int kMissesBeforeGivingUp = 2000;
    for (sqlite3_int64 id = ids.empty() ? 1 : ids.back() + 1, misses = 0; misses < kMissesBeforeGivingUp; ++id) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, id);
        if (sqlite3_step(st) == SQLITE_ROW) ids.push_back(id), misses = 0;
        else ++misses;
    }
    sqlite3_finalize(st);
    return ids;
}

// Each row of `table` that reads whole from `old`, in the columns both databases have.
int copy_table(sqlite3* old, sqlite3* fresh, const std::string& table) {
    const std::vector<std::string> have = columns(old, table), want = columns(fresh, table);
    std::vector<std::string> shared;
    for (const std::string& c : want)
        for (const std::string& h : have)
            if (c == h) shared.push_back(c);
    if (shared.empty()) return 0;  // the table is gone, or its definition unreadable
    std::string list, marks;
    for (size_t i = 0; i < shared.size(); ++i) {
        list += (i ? ", " : "") + shared[i];
        marks += (i ? ", ?" : "?") + std::to_string(i + 1);
    }
    const std::string read_sql = "SELECT " + list + " FROM " + table + " WHERE rowid = ?1;";
    const std::string write_sql = "INSERT OR IGNORE INTO " + table + " (" + list + ") VALUES (" + marks + ");";
    sqlite3_stmt* read = nullptr;
    sqlite3_stmt* write = nullptr;
    int kept = 0;
    if (sqlite3_prepare_v2(old, read_sql.c_str(), -1, &read, nullptr) == SQLITE_OK &&
        sqlite3_prepare_v2(fresh, write_sql.c_str(), -1, &write, nullptr) == SQLITE_OK) {
        for (sqlite3_int64 id : readable_rowids(old, table)) {
            sqlite3_reset(read);
            sqlite3_bind_int64(read, 1, id);
            if (sqlite3_step(read) != SQLITE_ROW) continue;
            sqlite3_reset(write);
            for (int c = 0; c < static_cast<int>(shared.size()); ++c)
                sqlite3_bind_value(write, c + 1, sqlite3_column_value(read, c));  // copied by SQLite
            if (sqlite3_step(write) == SQLITE_DONE && sqlite3_changes(fresh) > 0) ++kept;
        }
    }
    sqlite3_finalize(read);
    sqlite3_finalize(write);
    return kept;
}

}  // namespace

SalvageCount salvage_profiles(const std::string& damaged, sqlite3* fresh) {
    SalvageCount count;
    // A connection of its own, read-only: the damaged file never joins a transaction of the
    // fresh one (committing would read its damaged pages again).
    sqlite3* old = nullptr;
    if (sqlite3_open_v2(damaged.c_str(), &old, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(old);
        return count;
    }
    sqlite3_exec(fresh, "BEGIN;", nullptr, nullptr, nullptr);
    for (const char* table : kTables) {
        const int kept = copy_table(old, fresh, table);
        if (std::string(table) == "profiles") count.profiles += kept;
        else if (std::string(table) == "attempts") count.attempts += kept;
        else count.other += kept;
    }
    if (sqlite3_exec(fresh, "COMMIT;", nullptr, nullptr, nullptr) != SQLITE_OK) {
        sqlite3_exec(fresh, "ROLLBACK;", nullptr, nullptr, nullptr);
        count = {};  // nothing was kept after all
    }
    sqlite3_close(old);
    return count;
}

}  // namespace cw
