// A tiny HTTP server on 127.0.0.1 for the record store's failures that a real store will not
// stage on request: it answers every request with one status (401: a wrong secret), or holds
// every connection open without a word (a store that hangs mid-send).
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "loopback_ports.hpp"

namespace cwtest {

class HttpStub {
public:
    // `status` 0: accept and never answer.
    explicit HttpStub(int status) : status_(status) {
        listener_ = socket(AF_INET, SOCK_STREAM, 0);
        port_ = bind_loopback(listener_);
        listen(listener_, 16);
        thread_ = std::thread([this] { serve(); });
    }
    ~HttpStub() {
        stop_ = true;
        thread_.join();
        for (int fd : held_) close(fd);
        close(listener_);
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/xAPI/"; }
    int requests() const { return requests_.load(); }

private:
    void serve() {
        while (!stop_) {
            pollfd p{listener_, POLLIN, 0};
            if (poll(&p, 1, 50) <= 0) continue;
            int fd = accept(listener_, nullptr, nullptr);
            if (fd < 0) continue;
            ++requests_;
            if (status_ == 0) {
                held_.push_back(fd);
                continue;
            }
            char buf[8192];
            std::string got;
            for (int i = 0; i < 40 && got.find("\r\n\r\n") == std::string::npos; ++i) {
                pollfd r{fd, POLLIN, 0};
                if (poll(&r, 1, 50) > 0) {
                    ssize_t n = read(fd, buf, sizeof buf);
                    if (n <= 0) break;
                    got.append(buf, static_cast<size_t>(n));
                }
            }
            const std::string body = "{\"error\":\"unauthorised\"}";
            const std::string reply = "HTTP/1.1 " + std::to_string(status_) + " Stub\r\nContent-Type: application/json\r\n"
                                      "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
            (void)!write(fd, reply.data(), reply.size());
            close(fd);
        }
    }

    int status_;
    int listener_ = -1;
    uint16_t port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> requests_{0};
    std::vector<int> held_;
    std::thread thread_;
};

}  // namespace cwtest
