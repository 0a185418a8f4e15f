// The trainer's end of the network: an ENet host that accepts trainees, checks every packet
// (size, rate, shape) before the session sees it, and sends what the session says. One thread:
// call service() from the host's loop (the trainer's screen calls it every frame).
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>

#include "class_session.hpp"
#include "enet_library.hpp"
#include "rate_limit.hpp"

struct _ENetHost;
struct _ENetPeer;

namespace cw::net {

// Limits per peer. A class's real traffic is far below them (see bench/).
struct PeerLimits {
    double messages_per_second = 240, message_burst = 480;
    double bytes_per_second = 32 * 1024, byte_burst = 96 * 1024;
    int drops_before_disconnect = 600;  // sustained flooding ends the connection
    uint32_t hello_within_ms = 5000;    // a peer that never says hello is let go
    // A connection attempt that never finishes its handshake (a burst of forged CONNECTs) holds
    // one of ENet's slots until ENet gives up, half a minute later: the host lets it go sooner.
    uint32_t handshake_within_ms = 5000;
    int handshakes_per_address = 32;    // unfinished at once from one address (a class may share one)
    // A trainee still connected but sending nothing during a call (a real game sends its raft
    // every few ticks) is marked as having left, so the call can end without them.
    uint32_t silent_trainee_ms = 60000;
    // A trainee whose link dropped keeps their place this long (their game keeps trying, see
    // ReconnectPolicy); after it, their run of the call ends as unfinished.
    uint32_t rejoin_grace_ms = 40000;
};

// ENet's connection slots: the largest class (kMaxClassSize) with room to spare for rejoins and
// for attempts still shaking hands, so a burst of them cannot keep a real trainee out.
constexpr int kClassPeerSlots = 512;

struct HostTraffic {
    uint64_t bytes_in = 0, bytes_out = 0;
    uint64_t messages_in = 0, refused = 0, dropped_for_rate = 0, peers_dropped = 0;
    uint64_t handshakes_dropped = 0;  // connection attempts let go before they finished
};

class NetHost {
public:
    explicit NetHost(ClassSession& session, PeerLimits limits = {});
    ~NetHost();
    NetHost(const NetHost&) = delete;
    NetHost& operator=(const NetHost&) = delete;

    // Listen on `bind_address` ("0.0.0.0" for the whole LAN, "127.0.0.1" for this machine only).
    bool listen(const std::string& bind_address, uint16_t port, std::string& error);
    uint16_t port() const { return port_; }

    // Take in everything that has arrived (waiting up to `timeout_ms` for the first event),
    // hand it to the session, and send the session's outbox.
    void service(uint32_t timeout_ms);
    // Send what is queued and say goodbye to everyone, waiting up to `wait_ms`.
    void close(uint32_t wait_ms);

    // The trainer ends a trainee's call for them (see ClassSession::let_go), and the log says so.
    void let_go(uint32_t trainee);

    const HostTraffic& traffic() const { return traffic_; }
    // What happened, newest last, for the trainer's screen and the headless log.
    const std::deque<std::string>& log() const { return log_; }

private:
    struct Peer;
    void on_connect(_ENetPeer* peer);
    void on_receive(_ENetPeer* peer, const uint8_t* data, size_t size, uint8_t channel);
    void on_disconnect(_ENetPeer* peer);
    void send_outbox();
    void send_to(_ENetPeer* peer, const Message& m);
    void refuse(_ENetPeer* peer, const std::string& reason);
    void note(std::string line);
    void drop_silent_peers();
    void drop_unfinished_handshakes();

    ClassSession& session_;
    PeerLimits limits_;
    EnetLibrary library_;
    _ENetHost* host_ = nullptr;
    uint16_t port_ = 0;
    std::map<_ENetPeer*, std::unique_ptr<Peer>> peers_;
    std::map<uint32_t, _ENetPeer*> by_trainee_;
    std::map<_ENetPeer*, uint32_t> handshake_since_;
    std::map<uint32_t, uint32_t> dropped_at_;  // trainees whose link dropped, and when  // half-open slots, and when each was first seen
    HostTraffic traffic_;
    std::deque<std::string> log_;
};

// Sets the ENet options every class connection uses: LAN-length timeouts, and a throttle that
// never drops the unreliable raft states (at 40 trainees the default would).
void configure_class_peer(_ENetPeer* peer);

}  // namespace cw::net
