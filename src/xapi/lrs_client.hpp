// Posting statements to a record store over HTTP(S), with libcurl: certificates checked
// against the system's store (and the configured extra file), libcurl's usual proxy variables
// honoured, nothing followed elsewhere. Blocking: call it from the sender's thread, never from
// a frame or the fixed step.
#pragma once
#include <atomic>
#include <string>

#include "lrs_config.hpp"

namespace cw::xapi {

struct PostResult {
    enum class Kind {
        sent,         // the store took every statement (2xx)
        refused,      // the store said the statements themselves are wrong (400, 409, 413): do not retry as they are
        not_allowed,  // the key or secret was not accepted (401, 403): retry once they are fixed
        unavailable,  // no answer, or the store's own trouble (5xx, 429): retry later
    };
    Kind kind = Kind::unavailable;
    long http_status = 0;
    std::string words;  // what went wrong, for a person; never the secret
};

// POSTs `statements_json` (a JSON array) to the configured store. Setting `*cancel` makes a
// post under way give up at once (the game is closing); its records simply wait.
PostResult post_statements(const LrsConfig& config, const std::string& statements_json,
                           const std::atomic<bool>* cancel = nullptr);

}  // namespace cw::xapi
