// A UDP relay on 127.0.0.1 between trainees and a host, for the network fault tests (this
// kernel has no netem). Each trainee gets a port of its own on the relay, so the host sees
// each as a separate peer; datagrams each way can be dropped at random, and a blackout holds
// back everything in both directions, as a pulled cable or a dead Wi-Fi access point would.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <random>
#include <thread>
#include <vector>

namespace cwtest {

class FaultRelay {
public:
    FaultRelay(uint16_t host_port, int links, uint64_t seed) : random_(seed) {
        for (int i = 0; i < links; ++i) {
            Link l;
            l.front = bound_socket();
            l.back = bound_socket();
            sockaddr_in host = loopback(host_port);
            ::connect(l.back, reinterpret_cast<const sockaddr*>(&host), sizeof host);
            links_.push_back(l);
        }
        thread_ = std::thread([this] { run(); });
    }
    ~FaultRelay() {
        stop_ = true;
        thread_.join();
        for (const Link& l : links_) ::close(l.front), ::close(l.back);
    }
    FaultRelay(const FaultRelay&) = delete;
    FaultRelay& operator=(const FaultRelay&) = delete;

    // Where trainee `link` connects.
    uint16_t port(int link) const {
        sockaddr_in a{};
        socklen_t len = sizeof a;
        getsockname(links_[static_cast<size_t>(link)].front, reinterpret_cast<sockaddr*>(&a), &len);
        return ntohs(a.sin_port);
    }
    // The share of datagrams lost on the way to the host and on the way back, 0 to 1.
    void set_loss(double to_host, double to_trainee) {
        loss_to_host_ = static_cast<int>(to_host * 1e6);
        loss_to_trainee_ = static_cast<int>(to_trainee * 1e6);
    }
    void set_blackout(bool on) { blackout_ = on; }
    uint64_t forwarded() const { return forwarded_; }
    uint64_t dropped() const { return dropped_; }

private:
    struct Link {
        int front = -1, back = -1;  // the trainee's side, the host's side
        sockaddr_in trainee{};
        bool trainee_known = false;
    };

    static sockaddr_in loopback(uint16_t port) {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons(port);
        return a;
    }
    static int bound_socket() {
        int s = socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in a = loopback(0);
        bind(s, reinterpret_cast<const sockaddr*>(&a), sizeof a);
        return s;
    }
    bool lose(int per_million) {
        if (blackout_) return true;
        return static_cast<int>(random_() % 1000000) < per_million;
    }

    void run() {
        std::vector<pollfd> fds;
        for (const Link& l : links_) {
            fds.push_back({l.front, POLLIN, 0});
            fds.push_back({l.back, POLLIN, 0});
        }
        std::vector<uint8_t> buf(65536);
        while (!stop_) {
            if (poll(fds.data(), fds.size(), 5) <= 0) continue;
            for (size_t i = 0; i < links_.size(); ++i) {
                Link& l = links_[i];
                if (fds[2 * i].revents & POLLIN) {  // from the trainee, to the host
                    sockaddr_in from{};
                    socklen_t len = sizeof from;
                    ssize_t n = recvfrom(l.front, buf.data(), buf.size(), 0, reinterpret_cast<sockaddr*>(&from), &len);
                    if (n > 0) {
                        l.trainee = from;
                        l.trainee_known = true;
                        if (lose(loss_to_host_)) ++dropped_;
                        else ++forwarded_, (void)send(l.back, buf.data(), static_cast<size_t>(n), 0);
                    }
                }
                if (fds[2 * i + 1].revents & POLLIN) {  // from the host, back to the trainee
                    ssize_t n = recv(l.back, buf.data(), buf.size(), 0);
                    if (n > 0 && l.trainee_known) {
                        if (lose(loss_to_trainee_)) ++dropped_;
                        else
                            ++forwarded_, (void)sendto(l.front, buf.data(), static_cast<size_t>(n), 0,
                                                      reinterpret_cast<const sockaddr*>(&l.trainee), sizeof l.trainee);
                    }
                }
            }
        }
    }

    std::vector<Link> links_;
    std::mt19937_64 random_;
    std::thread thread_;
    std::atomic<bool> stop_{false}, blackout_{false};
    std::atomic<int> loss_to_host_{0}, loss_to_trainee_{0};
    std::atomic<uint64_t> forwarded_{0}, dropped_{0};
};

}  // namespace cwtest
