// A prepared SQLite statement that finalizes itself, with chained binds: the store's one way
// of talking SQL (profile_db.cpp, record_outbox.cpp).
#pragma once
#include <sqlite3.h>

#include <string>

namespace cw {

class Stmt {
public:
    Stmt(sqlite3* db, const char* sql) { ok_ = db && sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) == SQLITE_OK; }
    ~Stmt() { sqlite3_finalize(st_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& text(int i, const std::string& v) {
        ok_ = ok_ && sqlite3_bind_text(st_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT) == SQLITE_OK;
        return *this;
    }
    Stmt& integer(int i, long long v) {
        ok_ = ok_ && sqlite3_bind_int64(st_, i, v) == SQLITE_OK;
        return *this;
    }
    Stmt& real(int i, double v) {
        ok_ = ok_ && sqlite3_bind_double(st_, i, v) == SQLITE_OK;
        return *this;
    }
    // Runs a statement that returns no rows.
    bool run() { return ok_ && (step_ = sqlite3_step(st_)) == SQLITE_DONE; }
    bool row() { return ok_ && (step_ = sqlite3_step(st_)) == SQLITE_ROW; }
    // After row() says no: false when there were simply no (more) rows.
    bool failed() const { return !ok_ || (step_ != SQLITE_ROW && step_ != SQLITE_DONE); }
    std::string col_text(int c) const {
        const unsigned char* t = sqlite3_column_text(st_, c);
        return t ? std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(st_, c)))
                 : std::string();
    }
    long long col_int(int c) const { return sqlite3_column_int64(st_, c); }
    double col_real(int c) const { return sqlite3_column_double(st_, c); }

private:
    sqlite3_stmt* st_ = nullptr;
    bool ok_ = false;
    int step_ = SQLITE_OK;  // what the last step returned
};

}  // namespace cw
