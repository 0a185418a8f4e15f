#include "lrs_client.hpp"

#include <curl/curl.h>

namespace cw::xapi {

namespace {

size_t keep_body(char* data, size_t size, size_t count, void* into) {
    std::string& body = *static_cast<std::string*>(into);
    const size_t n = size * count;
    if (body.size() < 2000) body.append(data, std::min(n, 2000 - body.size()));  // enough to explain a refusal
    return n;
}

// The store's own explanation, if it gave one in words: the first line, short.
std::string short_reply(const std::string& body) {
    std::string line = body.substr(0, body.find('\n'));
    if (line.size() > 200) line = line.substr(0, 200) + "...";
    for (char& c : line)
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    return line;
}

int give_up_when_asked(void* cancel, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return static_cast<std::atomic<bool>*>(cancel)->load() ? 1 : 0;  // non-zero aborts the transfer
}

}  // namespace

PostResult post_statements(const LrsConfig& config, const std::string& statements_json,
                           const std::atomic<bool>* cancel) {
    // Process-wide set-up, done once; curl_global_init is thread-safe in this libcurl (7.84+).
    static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    PostResult result;
    if (!ready) {
        result.words = "the network library could not start";
        return result;
    }
    if (std::string why = endpoint_problem(config.endpoint); !why.empty()) {
        result.kind = PostResult::Kind::not_allowed;
        result.words = why;
        return result;
    }
    CURL* curl = curl_easy_init();
    if (!curl) {
        result.words = "the network library could not start";
        return result;
    }
    const std::string url = config.statements_url();
    std::string body;
    char curl_error[CURL_ERROR_SIZE] = "";
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "X-Experience-API-Version: 1.0.3");
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, statements_json.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(statements_json.size()));
    curl_easy_setopt(curl, CURLOPT_USERNAME, config.key.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, config.secret.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // a redirect would carry the secret elsewhere
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);  // never off: a company's own CA is added, not skipped
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!config.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, config.ca_file.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // safe on a worker thread
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, curl_error);
    if (cancel) {
        curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, give_up_when_asked);
        curl_easy_setopt(curl, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(cancel));
        curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    }
    const CURLcode rc = curl_easy_perform(curl);
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.http_status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);

    const long s = result.http_status;
    if (rc != CURLE_OK) {
        const std::string detail = *curl_error ? curl_error : curl_easy_strerror(rc);
        if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE || rc == CURLE_SSL_CONNECT_ERROR) {
            result.kind = PostResult::Kind::not_allowed;
            result.words = "the record store's certificate is not trusted on this computer (" + detail +
                           "); ask IT to add the company's certificate, or set its file in the settings";
        } else {
            result.words = "the record store did not answer (" + detail + "); the records wait and are sent later";
        }
    } else if (s >= 200 && s < 300) {
        result.kind = PostResult::Kind::sent;
    } else if (s == 401 || s == 403) {
        result.kind = PostResult::Kind::not_allowed;
        result.words = "the record store did not accept the key and secret (HTTP " + std::to_string(s) +
                       "); check them in Settings, Learning records";
    } else if (s == 400 || s == 409 || s == 413) {
        result.kind = PostResult::Kind::refused;
        result.words = "the record store refused the records (HTTP " + std::to_string(s) + ": " + short_reply(body) + ")";
    } else {
        result.words = "the record store answered HTTP " + std::to_string(s) + "; the records wait and are sent later";
    }
    return result;
}

}  // namespace cw::xapi
