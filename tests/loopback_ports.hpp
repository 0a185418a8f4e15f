// Ports on 127.0.0.1 for network tests: the kernel picks one that is free. Tests never use
// another address, so nothing they start is reachable from outside this computer.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>

namespace cwtest {

// Binds `fd` to a port of the kernel's choosing on 127.0.0.1; returns it (0 when it failed).
inline uint16_t bind_loopback(int fd) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) return 0;
    socklen_t len = sizeof a;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) return 0;
    return ntohs(a.sin_port);
}

// A port free just now (SOCK_DGRAM for a class, SOCK_STREAM for HTTP). It is let go of before
// returning, for the program under test to bind; the kernel does not hand it out again at once.
inline uint16_t free_loopback_port(int type) {
    int s = socket(AF_INET, type, 0);
    uint16_t port = bind_loopback(s);
    close(s);
    return port;
}

}  // namespace cwtest
