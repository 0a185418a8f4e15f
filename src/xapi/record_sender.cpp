#include "record_sender.hpp"

#include <algorithm>
#include <chrono>

#include "lrs_client.hpp"

namespace cw::xapi {

namespace {

std::string as_array(const std::vector<QueuedRecord>& records) {
    std::string body = "[";
    for (size_t i = 0; i < records.size(); ++i) body += (i ? "," : "") + records[i].statement;
    return body + "]";
}

std::vector<std::string> ids_of(const std::vector<QueuedRecord>& records) {
    std::vector<std::string> ids;
    for (const QueuedRecord& r : records) ids.push_back(r.id);
    return ids;
}

}  // namespace

SendOutcome send_waiting(RecordOutbox& outbox, const LrsConfig& config, size_t batch, const std::atomic<bool>* cancel) {
    SendOutcome out;
    std::string db_error;
    for (;;) {
        if (cancel && cancel->load()) break;
        std::vector<QueuedRecord> records = outbox.waiting(batch);
        if (records.empty()) break;
        PostResult r = post_statements(config, as_array(records), cancel);
        if (r.kind == PostResult::Kind::sent) {
            if (!outbox.mark_sent(ids_of(records), db_error)) {
                out.problem = "the records were sent but could not be marked as sent: " + db_error;
                break;
            }
            out.sent += static_cast<long long>(records.size());
            continue;
        }
        if (r.kind == PostResult::Kind::refused && records.size() > 1) {
            // One bad statement spoils a batch: send these one at a time to find it.
            bool stuck = false;
            for (const QueuedRecord& one : records) {
                PostResult single = post_statements(config, as_array({one}), cancel);
                if (single.kind == PostResult::Kind::sent) {
                    outbox.mark_sent({one.id}, db_error);
                    ++out.sent;
                } else if (single.kind == PostResult::Kind::refused) {
                    outbox.mark_refused({one.id}, single.words, db_error);
                    ++out.refused;
                    out.problem = single.words;
                } else {
                    out.problem = single.words;
                    outbox.note_error(single.words, db_error);
                    stuck = true;
                    break;
                }
            }
            if (stuck) break;
            continue;
        }
        if (r.kind == PostResult::Kind::refused) {
            outbox.mark_refused(ids_of(records), r.words, db_error);
            out.refused += static_cast<long long>(records.size());
            out.problem = r.words;
            continue;
        }
        out.problem = r.words;
        outbox.note_error(r.words, db_error);
        break;
    }
    out.all_sent = outbox.counts().queued == 0;
    return out;
}

RecordSender::RecordSender(std::string db_path, LrsConfig config)
    : db_path_(std::move(db_path)), config_(std::move(config)), thread_([this] { run(); }) {}

RecordSender::~RecordSender() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void RecordSender::nudge() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        nudged_ = true;
    }
    wake_.notify_all();
}

RecordCounts RecordSender::counts() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return counts_;
}

void RecordSender::run() {
    ProfileDb db(db_path_);  // this thread's own connection
    RecordOutbox outbox(db);
    // After a failure, wait longer each time (5 s doubling to 5 minutes); a nudge tries at once.
    std::chrono::seconds retry_in(5), backoff(5);
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait_for(lock, retry_in, [&] { return stop_.load() || nudged_; });
            if (stop_) return;
            nudged_ = false;
        }
        if (!db.ok()) return;
        SendOutcome sent = send_waiting(outbox, config_, kRecordsPerPost, &stop_);
        if (sent.problem.empty()) {
            backoff = std::chrono::seconds(5);
            retry_in = std::chrono::seconds(60);  // a look now and then, for records another game queued
        } else {
            retry_in = backoff;
            backoff = std::min(backoff * 2, std::chrono::seconds(300));
        }
        RecordCounts now = outbox.counts();
        std::lock_guard<std::mutex> lock(mutex_);
        counts_ = now;
    }
}

}  // namespace cw::xapi
