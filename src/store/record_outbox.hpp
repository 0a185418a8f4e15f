// The learning records waiting for the company's record store (an LRS), kept in the profile
// database beside the attempts they describe. Records go in with their attempt
// (ProfileDb::add_attempt) or on their own (a class host's, queue()); a sender takes them in
// order, and marks each sent or refused. Nothing here touches the network.
//
// A record's id is fixed when it is queued, so sending it again after a crash is harmless: the
// store keeps one statement per id. A sent record keeps its id and drops its text.
#pragma once
#include <string>
#include <vector>

#include "profile_db.hpp"

namespace cw {

struct RecordCounts {
    long long queued = 0;   // waiting to be sent
    long long sent = 0;
    long long failed = 0;   // refused by the store as wrong in themselves: kept, not retried
    std::string last_error; // why the last attempt to send did not work ("" after a success)
};

class RecordOutbox {
public:
    explicit RecordOutbox(ProfileDb& db) : db_(db) {}

    bool queue(const std::vector<QueuedRecord>& records, std::string& error);
    // The oldest waiting records, at most `limit` of them.
    std::vector<QueuedRecord> waiting(size_t limit) const;
    bool mark_sent(const std::vector<std::string>& ids, std::string& error);
    bool mark_refused(const std::vector<std::string>& ids, const std::string& why, std::string& error);
    // What went wrong with the last try, in plain words ("" once a send works).
    bool note_error(const std::string& why, std::string& error);
    RecordCounts counts() const;

private:
    ProfileDb& db_;
};

}  // namespace cw
