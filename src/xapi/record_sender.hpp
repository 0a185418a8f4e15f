// Sending the learning records that wait in a profile database: `send_waiting` does it now, in
// batches, for `calmwaters xapi send` and the class host; a RecordSender does it on a thread of
// its own for the game, with backoff while the store cannot be reached, so no frame and no
// fixed step ever waits on the network.
#pragma once
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "lrs_config.hpp"
#include "store/record_outbox.hpp"

namespace cw::xapi {

struct SendOutcome {
    long long sent = 0, refused = 0;
    bool all_sent = true;  // nothing was left waiting
    std::string problem;   // why some wait, in plain words ("" when all went)
};

constexpr size_t kRecordsPerPost = 50;

SendOutcome send_waiting(RecordOutbox& outbox, const LrsConfig& config, size_t batch = kRecordsPerPost,
                         const std::atomic<bool>* cancel = nullptr);

class RecordSender {
public:
    // Opens its own connection to the profile database at `db_path` on its thread.
    RecordSender(std::string db_path, LrsConfig config);
    ~RecordSender();  // stops at once: a post under way is abandoned, its records wait
    RecordSender(const RecordSender&) = delete;
    RecordSender& operator=(const RecordSender&) = delete;

    void nudge();  // records were queued: try now rather than at the next retry
    RecordCounts counts() const;  // as of the thread's last look

private:
    void run();

    const std::string db_path_;
    const LrsConfig config_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool nudged_ = true;
    std::atomic<bool> stop_{false};
    RecordCounts counts_;
    std::thread thread_;
};

}  // namespace cw::xapi
