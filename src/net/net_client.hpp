// The trainee's end of the network: connects to the host, passes what arrives to the
// TraineeSession (after the same length and range checks the host makes), and sends the
// session's messages plus the raft's state ten times a second. One thread, like the host.
#pragma once
#include <cstdint>
#include <string>

#include "enet_library.hpp"
#include "trainee_session.hpp"

struct _ENetHost;
struct _ENetPeer;

namespace cw::net {

// `reconnecting`: the link dropped mid-class; the call goes on and the client keeps trying, with
// the place's rejoin token, until `ReconnectPolicy::give_up_after_ms` (then `lost`).
enum class LinkState { connecting, connected, reconnecting, failed, lost, closed };

struct ReconnectPolicy {
    uint32_t first_delay_ms = 250;    // then doubling, up to max_delay_ms
    uint32_t max_delay_ms = 4000;
    uint32_t attempt_ms = 3000;       // one attempt's handshake, before the next is tried
    uint32_t give_up_after_ms = 45000;  // beyond the host's grace period (net_host.hpp)
};

class NetClient {
public:
    explicit NetClient(TraineeSession& session, ReconnectPolicy reconnect = {});
    ~NetClient();
    NetClient(const NetClient&) = delete;
    NetClient& operator=(const NetClient&) = delete;

    // Starts connecting to "ADDRESS:PORT" (or ADDRESS with the default port).
    bool connect(const std::string& address, std::string& error);
    // Take in what arrived (waiting up to `timeout_ms`), then send what the session has queued.
    void service(uint32_t timeout_ms);
    void close(uint32_t wait_ms);

    LinkState link() const { return link_; }
    int reconnects() const { return reconnects_; }  // links made again after a drop
    const std::string& error() const { return error_; }
    uint64_t bytes_in() const { return bytes_in_; }
    uint64_t bytes_out() const { return bytes_out_; }

private:
    void send(const Message& m);
    void start_reconnecting(uint32_t now);
    void try_reconnecting(uint32_t now);

    TraineeSession& session_;
    EnetLibrary library_;
    _ENetHost* host_ = nullptr;
    _ENetPeer* peer_ = nullptr;
    LinkState link_ = LinkState::closed;
    std::string error_;
    uint32_t connect_started_ = 0;
    ReconnectPolicy reconnect_;
    uint32_t host_ip_ = 0;  // the class's address, kept for reconnecting (ENet's byte order)
    uint16_t host_port_ = 0;
    uint32_t lost_at_ = 0, next_attempt_at_ = 0, delay_ms_ = 0;
    int reconnects_ = 0;
    uint32_t last_state_ms_ = 0;
    uint64_t bytes_in_ = 0, bytes_out_ = 0;
};

// "192.168.1.20:7777" -> host and port; the port is optional. False with `error` when malformed.
bool split_address(const std::string& text, std::string& host, uint16_t& port, std::string& error);

}  // namespace cw::net
