#include "record_outbox.hpp"

#include "sqlite_stmt.hpp"

namespace cw {

bool RecordOutbox::queue(const std::vector<QueuedRecord>& records, std::string& error) {
    return db_.write(error, [&] {
        for (const QueuedRecord& r : records)
            if (!Stmt(db_.db_, "INSERT OR IGNORE INTO records (id, statement) VALUES (?1, ?2);")
                     .text(1, r.id)
                     .text(2, r.statement)
                     .run())
                return false;
        return true;
    });
}

std::vector<QueuedRecord> RecordOutbox::waiting(size_t limit) const {
    std::vector<QueuedRecord> out;
    Stmt st(db_.db_, "SELECT id, statement FROM records WHERE sent IS NULL AND refused IS NULL ORDER BY rowid LIMIT ?1;");
    st.integer(1, static_cast<long long>(limit));
    while (st.row()) out.push_back({st.col_text(0), st.col_text(1)});
    return out;
}

bool RecordOutbox::mark_sent(const std::vector<std::string>& ids, std::string& error) {
    return db_.write(error, [&] {
        for (const std::string& id : ids)
            if (!Stmt(db_.db_,
                      "UPDATE records SET sent = strftime('%Y-%m-%dT%H:%M:%SZ','now'), statement = '' WHERE id = ?1;")
                     .text(1, id)
                     .run())
                return false;
        return Stmt(db_.db_, "INSERT OR REPLACE INTO records_state (key, value) VALUES ('last_error', '');").run();
    });
}

bool RecordOutbox::mark_refused(const std::vector<std::string>& ids, const std::string& why, std::string& error) {
    return db_.write(error, [&] {
        for (const std::string& id : ids)
            if (!Stmt(db_.db_, "UPDATE records SET refused = ?2 WHERE id = ?1;").text(1, id).text(2, why).run())
                return false;
        return Stmt(db_.db_, "INSERT OR REPLACE INTO records_state (key, value) VALUES ('last_error', ?1);")
            .text(1, why)
            .run();
    });
}

bool RecordOutbox::note_error(const std::string& why, std::string& error) {
    return db_.write(error, [&] {
        return Stmt(db_.db_, "INSERT OR REPLACE INTO records_state (key, value) VALUES ('last_error', ?1);")
            .text(1, why)
            .run();
    });
}

RecordCounts RecordOutbox::counts() const {
    RecordCounts c;
    Stmt st(db_.db_,
            "SELECT count(*) FILTER (WHERE sent IS NULL AND refused IS NULL), count(sent),"
            " count(*) FILTER (WHERE sent IS NULL AND refused IS NOT NULL) FROM records;");
    if (st.row()) {
        c.queued = st.col_int(0);
        c.sent = st.col_int(1);
        c.failed = st.col_int(2);
    }
    Stmt e(db_.db_, "SELECT value FROM records_state WHERE key = 'last_error';");
    if (e.row()) c.last_error = e.col_text(0);
    return c;
}

}  // namespace cw
