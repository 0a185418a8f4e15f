// A real learning record store for the tests: xapi-statements (npm, pinned by scripts/test-lrs)
// in memory on 127.0.0.1, started for one test and stopped after it; and a plain HTTP GET to
// read back what it holds.
#pragma once
#include <curl/curl.h>
#include <signal.h>
#include <sys/wait.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "fixtures.hpp"

namespace cwtest {

// GET `url` with the test store's headers; the body, and the status in `status`.
inline std::string http_get(const std::string& url, long& status) {
    std::string body;
    CURL* curl = curl_easy_init();
    curl_slist* headers = curl_slist_append(nullptr, "X-Experience-API-Version: 1.0.3");
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_USERPWD, "test:test");
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, +[](char* d, size_t s, size_t n, void* out) {
        static_cast<std::string*>(out)->append(d, s * n);
        return s * n;
    });
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    status = 0;
    if (curl_easy_perform(curl) == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return body;
}

// The path of the store's server script, installing it first if needed (scripts/test-lrs).
inline std::string lrs_server_script() {
    static const std::string path = [] {
        std::string cmd = "bash " + source_path("scripts/test-lrs");
        FILE* p = popen(cmd.c_str(), "r");
        REQUIRE(p);
        std::array<char, 4096> buf{};
        std::string out;
        while (fgets(buf.data(), buf.size(), p)) out += buf.data();
        const int rc = pclose(p);
        REQUIRE_MESSAGE(rc == 0, "scripts/test-lrs could not install the test record store");
        while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
        return out;
    }();
    return path;
}

class LrsServer {
public:
    LrsServer() = default;
    LrsServer(const LrsServer&) = delete;
    LrsServer& operator=(const LrsServer&) = delete;
    ~LrsServer() { stop(); }

    // Starts the store on `port` and waits until it answers. It writes its access log under
    // its working folder, so it runs in the case's own.
    void start(uint16_t port) {
        port_ = port;
        const std::string dir = (case_dir() / ("lrs-" + std::to_string(port))).string();
        std::filesystem::create_directories(dir);
        const std::string script = lrs_server_script();
        const std::string preload = source_path("tests/lrs/loopback_only.js");
        child_ = fork_child([&] {
            setenv("MODELS_REPO", "memory", 1);
            setenv("STORAGE_REPO", "memory", 1);
            setenv("AUTH_REPO", "test", 1);
            setenv("EVENTS_REPO", "test", 1);
            setenv("EXPRESS_PORT", std::to_string(port).c_str(), 1);
            if (chdir(dir.c_str()) != 0) return 126;
            execlp("node", "node", "-r", preload.c_str(), script.c_str(), static_cast<char*>(nullptr));
            return 127;
        });
        for (int i = 0; i < 600; ++i) {
            long status = 0;
            http_get(url() + "about", status);
            if (status == 200) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        FAIL("the test record store did not start: " << child_.stderr_text());
    }
    void stop() {
        if (child_.pid > 0) child_.kill_now();
        child_.pid = -1;
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/xAPI/"; }

    // Every statement it holds, following its pages.
    std::vector<nlohmann::json> statements() const {
        std::vector<nlohmann::json> all;
        std::string next = url() + "statements?limit=500";
        while (!next.empty()) {
            long status = 0;
            nlohmann::json page = nlohmann::json::parse(http_get(next, status));
            REQUIRE(status == 200);
            for (auto& s : page["statements"]) all.push_back(s);
            std::string more = page.value("more", "");
            next = more.empty() ? "" : "http://127.0.0.1:" + std::to_string(port_) + more;
        }
        return all;
    }

private:
    uint16_t port_ = 0;
    Child child_;
};

}  // namespace cwtest
