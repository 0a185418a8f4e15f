#include "lan.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <algorithm>

#include <enet/enet.h>

#include "protocol.hpp"

namespace cw::net {

namespace {
const char kQuestion[] = "CALMWATERS?1";
const char kAnswer[] = "CALMWATERS!1 ";  // then the class port, a space, and the title
constexpr size_t kMaxDatagram = 512;

ENetSocket as_socket(intptr_t s) { return static_cast<ENetSocket>(s); }
}  // namespace

std::vector<std::string> local_addresses() {
    std::vector<std::string> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return out;
    for (ifaddrs* a = list; a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        if ((a->ifa_flags & IFF_LOOPBACK) || !(a->ifa_flags & IFF_UP)) continue;
        char buf[INET_ADDRSTRLEN];
        auto* in = reinterpret_cast<sockaddr_in*>(a->ifa_addr);
        if (inet_ntop(AF_INET, &in->sin_addr, buf, sizeof buf)) out.push_back(buf);
    }
    freeifaddrs(list);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

DiscoveryResponder::~DiscoveryResponder() {
    if (socket_ != -1) enet_socket_destroy(as_socket(socket_));
}

bool DiscoveryResponder::open(const std::string& bind_address, uint16_t discovery_port, uint16_t class_port,
                              std::string title) {
    if (!library_.ok()) return false;
    ENetSocket s = enet_socket_create(ENET_SOCKET_TYPE_DATAGRAM);
    if (s == ENET_SOCKET_NULL) return false;
    enet_socket_set_option(s, ENET_SOCKOPT_NONBLOCK, 1);
    enet_socket_set_option(s, ENET_SOCKOPT_REUSEADDR, 1);
    ENetAddress a{};
    if (enet_address_set_host_ip(&a, bind_address.c_str()) != 0) {
        enet_socket_destroy(s);
        return false;
    }
    a.port = discovery_port;
    if (enet_socket_bind(s, &a) != 0) {
        enet_socket_destroy(s);
        return false;  // another class on this computer answers already; joining by address still works
    }
    socket_ = static_cast<intptr_t>(s);
    class_port_ = class_port;
    title_ = title.substr(0, 200);
    return true;
}

void DiscoveryResponder::poll() {
    if (socket_ == -1) return;
    for (int i = 0; i < 64; ++i) {  // a burst of questions cannot hold the host up
        char data[kMaxDatagram];
        ENetBuffer buf{};
        buf.data = data;
        buf.dataLength = sizeof data;
        ENetAddress from{};
        int n = enet_socket_receive(as_socket(socket_), &from, &buf, 1);
        if (n <= 0) return;
        if (static_cast<size_t>(n) != sizeof kQuestion - 1 || std::string(data, n) != kQuestion) continue;
        std::string reply = kAnswer + std::to_string(class_port_) + " " + title_;
        ENetBuffer out{};
        out.data = reply.data();
        out.dataLength = reply.size();
        enet_socket_send(as_socket(socket_), &from, &out, 1);
        ++answered_;
    }
}

DiscoveryFinder::~DiscoveryFinder() {
    if (socket_ != -1) enet_socket_destroy(as_socket(socket_));
}

bool DiscoveryFinder::ask(const std::string& target, uint16_t discovery_port) {
    if (!library_.ok()) return false;
    if (socket_ == -1) {
        ENetSocket s = enet_socket_create(ENET_SOCKET_TYPE_DATAGRAM);
        if (s == ENET_SOCKET_NULL) return false;
        enet_socket_set_option(s, ENET_SOCKOPT_NONBLOCK, 1);
        enet_socket_set_option(s, ENET_SOCKOPT_BROADCAST, 1);
        socket_ = static_cast<intptr_t>(s);
    }
    found_.clear();
    ENetAddress to{};
    if (enet_address_set_host_ip(&to, target.c_str()) != 0) return false;
    to.port = discovery_port;
    ENetBuffer buf{};
    buf.data = const_cast<char*>(kQuestion);
    buf.dataLength = sizeof kQuestion - 1;
    return enet_socket_send(as_socket(socket_), &to, &buf, 1) > 0;
}

void DiscoveryFinder::poll() {
    if (socket_ == -1) return;
    for (int i = 0; i < 64; ++i) {
        char data[kMaxDatagram];
        ENetBuffer buf{};
        buf.data = data;
        buf.dataLength = sizeof data;
        ENetAddress from{};
        int n = enet_socket_receive(as_socket(socket_), &from, &buf, 1);
        if (n <= 0) return;
        // Anything on the network may answer: check the shape, keep it short, take only digits.
        std::string text(data, static_cast<size_t>(n));
        if (text.rfind(kAnswer, 0) != 0) continue;
        std::string rest = text.substr(sizeof kAnswer - 1);
        size_t space = rest.find(' ');
        std::string port = rest.substr(0, space);
        if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) continue;
        if (std::stol(port) < 1 || std::stol(port) > 65535) continue;
        char ip[64];
        if (enet_address_get_host_ip(&from, ip, sizeof ip) != 0) continue;
        FoundClass f;
        f.address = std::string(ip) + ":" + port;
        f.title = space == std::string::npos ? "" : rest.substr(space + 1);
        if (!valid_utf8(f.title)) f.title.clear();
        for (char& c : f.title)
            if (static_cast<unsigned char>(c) < 0x20) c = ' ';
        bool seen = false;
        for (const FoundClass& g : found_) seen = seen || g.address == f.address;
        if (!seen) found_.push_back(f);
    }
}

}  // namespace cw::net
