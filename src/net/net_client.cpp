#include "net_client.hpp"

#include <enet/enet.h>

#include <algorithm>

#include "net_host.hpp"

namespace cw::net {

namespace {
constexpr uint32_t kConnectTimeoutMs = 5000;
constexpr uint32_t kStateEveryMs = 100;  // ten raft states a second
}  // namespace

bool split_address(const std::string& text, std::string& host, uint16_t& port, std::string& error) {
    port = kDefaultPort;
    host = text;
    size_t colon = text.rfind(':');
    if (colon != std::string::npos) {
        host = text.substr(0, colon);
        std::string digits = text.substr(colon + 1);
        if (digits.empty() || digits.size() > 5 || digits.find_first_not_of("0123456789") != std::string::npos ||
            std::stoi(digits) == 0 || std::stoi(digits) > 65535) {
            error = "\"" + text + "\": the port after the colon must be a number from 1 to 65535";
            return false;
        }
        port = static_cast<uint16_t>(std::stoi(digits));
    }
    if (host.empty()) {
        error = "\"" + text + "\" has no address: write it like 192.168.1.20:7777";
        return false;
    }
    return true;
}

NetClient::NetClient(TraineeSession& session, ReconnectPolicy reconnect) : session_(session), reconnect_(reconnect) {}

NetClient::~NetClient() {
    if (host_) enet_host_destroy(host_);
}

bool NetClient::connect(const std::string& address_text, std::string& error) {
    if (!library_.ok()) {
        error = "the network library could not start";
        return false;
    }
    std::string host_name;
    uint16_t port;
    if (!split_address(address_text, host_name, port, error)) return false;
    ENetAddress address{};
    if (enet_address_set_host(&address, host_name.c_str()) != 0) {
        error = "cannot find the address \"" + host_name + "\"";
        return false;
    }
    address.port = port;
    host_ip_ = address.host;
    host_port_ = address.port;
    host_ = enet_host_create(nullptr, 1, kChannelCount, 0, 0);
    if (!host_) {
        error = "could not open a network connection on this computer";
        return false;
    }
    host_->maximumPacketSize = kMaxHostPacket;
    peer_ = enet_host_connect(host_, &address, kChannelCount, kProtocolVersion);
    if (!peer_) {
        error = "could not start connecting to " + address_text;
        return false;
    }
    link_ = LinkState::connecting;
    connect_started_ = enet_time_get();
    return true;
}

void NetClient::service(uint32_t timeout_ms) {
    if (!host_) return;
    ENetEvent event;
    int got = enet_host_service(host_, &event, timeout_ms);
    while (got > 0) {
        switch (event.type) {
            case ENET_EVENT_TYPE_CONNECT:
                // Only now: configuring the throttle sends a command, which a peer still
                // connecting cannot carry.
                configure_class_peer(peer_);
                if (link_ == LinkState::reconnecting) {
                    session_.link_back();
                    ++reconnects_;
                }
                link_ = LinkState::connected;
                break;
            case ENET_EVENT_TYPE_RECEIVE: {
                bytes_in_ += event.packet->dataLength;
                Decoded d = decode(event.packet->data, event.packet->dataLength, /*from_trainee=*/false);
                enet_packet_destroy(event.packet);
                if (d.message) session_.receive(*d.message);
                else error_ = "the host sent " + d.error;  // ignored: a broken host cannot break us
                break;
            }
            case ENET_EVENT_TYPE_DISCONNECT:
                peer_ = nullptr;
                if (link_ == LinkState::connecting) {
                    link_ = LinkState::failed;
                    error_ = "the host did not answer";
                } else if (session_.phase() == TraineePhase::refused || session_.phase() == TraineePhase::over) {
                    link_ = LinkState::closed;
                } else if (link_ == LinkState::connected) {  // before the welcome too: the hello is sent again
                    start_reconnecting(enet_time_get());
                } else if (link_ == LinkState::reconnecting) {  // that attempt failed: wait longer
                    delay_ms_ = std::min(delay_ms_ * 2, reconnect_.max_delay_ms);
                    next_attempt_at_ = enet_time_get() + delay_ms_;
                } else {
                    link_ = LinkState::lost;
                    session_.host_lost();
                }
                break;
            case ENET_EVENT_TYPE_NONE: break;
        }
        if (!peer_) break;
        got = enet_host_check_events(host_, &event);
    }
    if (link_ == LinkState::connecting && enet_time_get() - connect_started_ > kConnectTimeoutMs) {
        link_ = LinkState::failed;
        error_ = "no class answered at that address (check the address, and that the trainer is hosting)";
        enet_peer_reset(peer_);
        peer_ = nullptr;
    }
    if (link_ == LinkState::reconnecting) try_reconnecting(enet_time_get());
    if (link_ != LinkState::connected) {
        if (link_ != LinkState::connecting) session_.take_outbox();  // nobody to send it to
        return;
    }
    uint32_t now = enet_time_get();
    bool tick_due = now - last_state_ms_ >= kStateEveryMs;
    if (tick_due) session_.flush_inputs();
    for (const Message& m : session_.take_outbox()) send(m);
    if (tick_due && session_.phase() == TraineePhase::playing) send(session_.raft_state());
    if (tick_due) last_state_ms_ = now;
    enet_host_flush(host_);
}

void NetClient::start_reconnecting(uint32_t now) {
    link_ = LinkState::reconnecting;
    session_.link_lost();
    lost_at_ = now;
    delay_ms_ = reconnect_.first_delay_ms;
    next_attempt_at_ = now + delay_ms_;
}

// One attempt at a time: wait, connect, and if the handshake has not finished in attempt_ms,
// let it go and wait longer. Past give_up_after_ms the class is gone, and the trainee finishes alone.
void NetClient::try_reconnecting(uint32_t now) {
    if (peer_ && now - connect_started_ > reconnect_.attempt_ms) {
        enet_peer_reset(peer_);
        peer_ = nullptr;
        delay_ms_ = std::min(delay_ms_ * 2, reconnect_.max_delay_ms);
        next_attempt_at_ = now + delay_ms_;
    }
    if (peer_) return;
    if (now - lost_at_ > reconnect_.give_up_after_ms) {
        link_ = LinkState::lost;
        error_ = "the class could not be reached again";
        session_.host_lost();
        return;
    }
    if (static_cast<int32_t>(now - next_attempt_at_) < 0) return;
    ENetAddress address{};
    address.host = host_ip_;
    address.port = host_port_;
    peer_ = enet_host_connect(host_, &address, kChannelCount, kProtocolVersion);
    connect_started_ = now;
    if (!peer_) next_attempt_at_ = now + delay_ms_;
}

void NetClient::send(const Message& m) { bytes_out_ += send_message(peer_, m); }

void NetClient::close(uint32_t wait_ms) {
    if (!host_ || !peer_) return;
    enet_peer_disconnect_later(peer_, 0);
    uint32_t start = enet_time_get();
    ENetEvent event;
    while (peer_ && enet_time_get() - start < wait_ms) {
        if (enet_host_service(host_, &event, 20) > 0) {
            if (event.type == ENET_EVENT_TYPE_RECEIVE) enet_packet_destroy(event.packet);
            if (event.type == ENET_EVENT_TYPE_DISCONNECT) peer_ = nullptr;
        }
    }
    if (peer_) enet_peer_reset(peer_);
    peer_ = nullptr;
    link_ = LinkState::closed;
}

}  // namespace cw::net
