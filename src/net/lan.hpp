// Finding each other on a classroom network: the host's own addresses (to show on its screen),
// and a small UDP exchange so a trainee's game can list the classes being hosted nearby
// without anyone typing an address. Discovery only tells where a class is; joining still needs
// its code.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "enet_library.hpp"

namespace cw::net {

constexpr uint16_t kDiscoveryPort = 7778;

// This computer's IPv4 addresses on its networks (not loopback), e.g. "192.168.1.20".
std::vector<std::string> local_addresses();

// The host's side: answers "where is a class?" with its port and title.
class DiscoveryResponder {
public:
    DiscoveryResponder() = default;
    ~DiscoveryResponder();
    DiscoveryResponder(const DiscoveryResponder&) = delete;
    DiscoveryResponder& operator=(const DiscoveryResponder&) = delete;
    bool open(const std::string& bind_address, uint16_t discovery_port, uint16_t class_port, std::string title);
    void poll();  // answer every question waiting, without blocking
    int answered() const { return answered_; }

private:
    EnetLibrary library_;
    intptr_t socket_ = -1;
    uint16_t class_port_ = 0;
    std::string title_;
    int answered_ = 0;
};

struct FoundClass {
    std::string address;  // "192.168.1.20:7777"
    std::string title;
};

// The trainee's side: asks the network (broadcast) and collects answers over a few frames.
class DiscoveryFinder {
public:
    DiscoveryFinder() = default;
    ~DiscoveryFinder();
    DiscoveryFinder(const DiscoveryFinder&) = delete;
    DiscoveryFinder& operator=(const DiscoveryFinder&) = delete;
    // Sends the question to `target` (the broadcast address on a LAN, 127.0.0.1 in tests).
    bool ask(const std::string& target = "255.255.255.255", uint16_t discovery_port = kDiscoveryPort);
    void poll();  // collect answers, without blocking
    const std::vector<FoundClass>& found() const { return found_; }

private:
    EnetLibrary library_;
    intptr_t socket_ = -1;
    std::vector<FoundClass> found_;
};

}  // namespace cw::net
