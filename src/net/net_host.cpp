#include "net_host.hpp"

#include <enet/enet.h>

#include <algorithm>
#include <vector>

namespace cw::net {

struct NetHost::Peer {
    std::optional<uint32_t> trainee;
    TokenBucket messages, bytes;
    int drops = 0;
    uint32_t connected_at = 0;
    uint32_t last_heard = 0;  // the last message that decoded
    bool closing = false;
    Peer(const PeerLimits& l, uint32_t now)
        : messages(l.messages_per_second, l.message_burst), bytes(l.bytes_per_second, l.byte_burst), connected_at(now), last_heard(now) {}
};

void configure_class_peer(ENetPeer* peer) {
    enet_peer_timeout(peer, 32, 3000, 8000);  // a vanished peer is noticed in seconds, not half a minute
    enet_peer_throttle_configure(peer, 1000, ENET_PEER_PACKET_THROTTLE_SCALE, 0);
}

NetHost::NetHost(ClassSession& session, PeerLimits limits) : session_(session), limits_(limits) {}

NetHost::~NetHost() {
    if (host_) enet_host_destroy(host_);
}

bool NetHost::listen(const std::string& bind_address, uint16_t port, std::string& error) {
    if (!library_.ok()) {
        error = "the network library could not start";
        return false;
    }
    ENetAddress address{};
    if (enet_address_set_host_ip(&address, bind_address.c_str()) != 0) {
        error = "\"" + bind_address + "\" is not an IP address to listen on";
        return false;
    }
    address.port = port;
    host_ = enet_host_create(&address, kClassPeerSlots, kChannelCount, 0, 0);
    if (!host_) {
        error = "could not listen on " + bind_address + ":" + std::to_string(port) +
                " (is another class or program using that port?)";
        return false;
    }
    // Big enough for a level or a rejoin's inputs going out; what comes in is capped again,
    // much lower, once it is whole (kMaxTraineePacket).
    host_->maximumPacketSize = kMaxHostPacket;
    host_->maximumWaitingData = 1024 * 1024;
    ENetAddress bound{};
    port_ = enet_socket_get_address(host_->socket, &bound) == 0 ? bound.port : host_->address.port;  // port 0: the one given
    note("Listening on " + bind_address + ":" + std::to_string(port_) + ".");
    return true;
}

void NetHost::note(std::string line) {
    log_.push_back(std::move(line));
    while (log_.size() > 200) log_.pop_front();
}

void NetHost::service(uint32_t timeout_ms) {
    if (!host_) return;
    ENetEvent event;
    // Wait only for the first event; then drain whatever else is queued without waiting.
    int got = enet_host_service(host_, &event, timeout_ms);
    int handled = 0;
    while (got > 0) {
        switch (event.type) {
            case ENET_EVENT_TYPE_CONNECT: on_connect(event.peer); break;
            case ENET_EVENT_TYPE_RECEIVE:
                on_receive(event.peer, event.packet->data, event.packet->dataLength, event.channelID);
                enet_packet_destroy(event.packet);
                break;
            case ENET_EVENT_TYPE_DISCONNECT: on_disconnect(event.peer); break;
            case ENET_EVENT_TYPE_NONE: break;
        }
        if (++handled > 4096) break;  // come back next frame rather than starve the screen
        got = enet_host_check_events(host_, &event);
    }
    drop_unfinished_handshakes();
    drop_silent_peers();
    send_outbox();
    enet_host_flush(host_);
}

void NetHost::drop_unfinished_handshakes() {
    const uint32_t now = enet_time_get();
    // Half-open slots by address, newest first: a real trainee finishes its handshake within
    // milliseconds, so the ones that have waited longest are the likeliest to be forged.
    std::map<enet_uint32, std::vector<std::pair<uint32_t, ENetPeer*>>> by_address;
    for (size_t i = 0; i < host_->peerCount; ++i) {
        ENetPeer* peer = &host_->peers[i];
        if (peer->state != ENET_PEER_STATE_ACKNOWLEDGING_CONNECT) continue;
        auto seen = handshake_since_.find(peer);
        by_address[peer->address.host].push_back({seen != handshake_since_.end() ? seen->second : now, peer});
    }
    std::map<_ENetPeer*, uint32_t> still;
    int dropped = 0;
    for (auto& [address, waiting] : by_address) {
        std::stable_sort(waiting.begin(), waiting.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (size_t k = 0; k < waiting.size(); ++k) {
            const auto [since, peer] = waiting[k];
            if (now - since > limits_.handshake_within_ms || k >= static_cast<size_t>(limits_.handshakes_per_address)) {
                enet_peer_disconnect_now(peer, 0);  // frees the slot; a real client hears it and may try again
                ++dropped;
            } else {
                still[peer] = since;
            }
        }
    }
    handshake_since_ = std::move(still);
    if (dropped > 0) {
        traffic_.handshakes_dropped += static_cast<uint64_t>(dropped);
        note("Let go of " + std::to_string(dropped) + " connection attempt" + (dropped == 1 ? "" : "s") +
             " that did not finish (" + std::to_string(traffic_.handshakes_dropped) + " so far).");
    }
}

void NetHost::on_connect(ENetPeer* peer) {
    configure_class_peer(peer);
    auto p = std::make_unique<Peer>(limits_, enet_time_get());
    peer->data = p.get();
    peers_[peer] = std::move(p);
}

void NetHost::drop_silent_peers() {
    uint32_t now = enet_time_get();
    for (auto it = dropped_at_.begin(); it != dropped_at_.end();) {
        const Trainee* t = session_.trainee(it->first);
        if (!t || t->connected || !session_.still_playing(it->first)) {
            it = dropped_at_.erase(it);
        } else if (now - it->second > limits_.rejoin_grace_ms) {
            session_.end_run(it->first, Verdict::unfinished);
            note(t->shown_name + " did not come back within " + std::to_string(limits_.rejoin_grace_ms / 1000) +
                 " s; their call is marked unfinished.");
            it = dropped_at_.erase(it);
        } else {
            ++it;
        }
    }
    for (auto& [peer, p] : peers_) {
        if (p->closing) continue;
        if (p->trainee) {
            // Silence counts only while their call runs: in the lobby, in a pause or after
            // finishing, a trainee's game has nothing to send.
            if (!session_.still_playing(*p->trainee) || session_.paused()) {
                p->last_heard = now;
                continue;
            }
            if (now - p->last_heard > limits_.silent_trainee_ms) {
                session_.end_run(*p->trainee, Verdict::left);
                if (const Trainee* t = session_.trainee(*p->trainee))
                    note(t->shown_name + " sent nothing for " + std::to_string(limits_.silent_trainee_ms / 1000) +
                         " s and is marked as having left this call.");
                p->closing = true;
                ++traffic_.peers_dropped;
                enet_peer_disconnect(peer, 0);
            }
            continue;
        }
        if (now - p->connected_at > limits_.hello_within_ms) {
            p->closing = true;
            ++traffic_.peers_dropped;
            enet_peer_disconnect(peer, 0);
        }
    }
}

void NetHost::refuse(ENetPeer* peer, const std::string& reason) {
    send_to(peer, Refuse{reason});
    enet_peer_disconnect_later(peer, 0);  // after the refusal is delivered
    if (auto it = peers_.find(peer); it != peers_.end()) it->second->closing = true;
}

void NetHost::on_receive(ENetPeer* peer, const uint8_t* data, size_t size, uint8_t channel) {
    auto it = peers_.find(peer);
    if (it == peers_.end()) return;
    Peer& p = *it->second;
    traffic_.bytes_in += size;
    ++traffic_.messages_in;
    if (p.closing) return;
    uint32_t now = enet_time_get();
    if (!p.messages.take(1, now) || !p.bytes.take(static_cast<double>(size), now)) {
        ++traffic_.dropped_for_rate;
        if (++p.drops > limits_.drops_before_disconnect) {
            note("Disconnected a connection that kept flooding the host.");
            ++traffic_.peers_dropped;
            p.closing = true;
            enet_peer_disconnect(peer, 0);
        }
        return;
    }
    Decoded d = decode(data, size, /*from_trainee=*/true);
    if (!d.message) {
        ++traffic_.refused;
        if (p.trainee) session_.malformed_from(*p.trainee);
        return;
    }
    p.last_heard = now;
    bool is_state = std::holds_alternative<RaftState>(*d.message);
    if (is_state != (channel == kChannelState)) {  // states only unreliable, the rest only reliable
        ++traffic_.refused;
        return;
    }
    if (!p.trainee) {
        // A raft state travels unreliably, so on a lossy link a reconnecting trainee's may
        // overtake the hello sent just before it: that is no reason to refuse them.
        if (is_state) return;
        auto* hello = std::get_if<Hello>(&*d.message);
        if (!hello) {
            ++traffic_.refused;
            refuse(peer, "Say hello first: this is a Calm Waters class.");
            return;
        }
        ClassSession::HelloResult r = session_.hello(*hello);
        if (!r.trainee) {
            note("Refused a trainee: " + r.refusal);
            refuse(peer, r.refusal);
            return;
        }
        // A rejoin: the trainee's old connection, if ENet still thinks it is alive, is closed.
        if (auto old = by_trainee_.find(*r.trainee); old != by_trainee_.end() && old->second != peer) {
            if (auto op = peers_.find(old->second); op != peers_.end()) {
                op->second->trainee.reset();
                op->second->closing = true;
            }
            enet_peer_disconnect(old->second, 0);
        }
        p.trainee = r.trainee;
        by_trainee_[*r.trainee] = peer;
        const Trainee* t = session_.trainee(*r.trainee);
        note(t->shown_name + (r.rejoined ? " is back." : " joined."));
        return;
    }
    std::string why = session_.receive(*p.trainee, *d.message);
    if (!why.empty()) ++traffic_.refused;
}

void NetHost::on_disconnect(ENetPeer* peer) {
    auto it = peers_.find(peer);
    if (it == peers_.end()) return;
    if (auto id = it->second->trainee) {
        auto bt = by_trainee_.find(*id);
        if (bt != by_trainee_.end() && bt->second == peer) {
            by_trainee_.erase(bt);
            session_.disconnected(*id);
            const bool playing = session_.still_playing(*id);
            if (playing) dropped_at_[*id] = enet_time_get();
            if (const Trainee* t = session_.trainee(*id))
                note(t->shown_name + (playing ? "'s link dropped; their place is kept while their game reconnects."
                                              : " left."));
        }
    }
    peer->data = nullptr;
    peers_.erase(it);
}

void NetHost::let_go(uint32_t trainee) {
    if (!session_.still_playing(trainee)) return;
    session_.let_go(trainee);
    if (const Trainee* t = session_.trainee(trainee))
        note("You ended " + t->shown_name + "'s call for them; the report marks it \"ended\".");
    send_outbox();
}

void NetHost::send_to(ENetPeer* peer, const Message& m) { traffic_.bytes_out += send_message(peer, m); }

void NetHost::send_outbox() {
    for (Outgoing& o : session_.take_outbox()) {
        if (o.to) {
            auto it = by_trainee_.find(*o.to);
            if (it != by_trainee_.end()) send_to(it->second, o.message);
        } else {
            for (auto& [id, peer] : by_trainee_) send_to(peer, o.message);
        }
    }
}

void NetHost::close(uint32_t wait_ms) {
    if (!host_) return;
    send_outbox();
    for (auto& [peer, p] : peers_) enet_peer_disconnect_later(peer, 0);
    uint32_t start = enet_time_get();
    ENetEvent event;
    while (!peers_.empty() && enet_time_get() - start < wait_ms) {
        if (enet_host_service(host_, &event, 20) > 0) {
            if (event.type == ENET_EVENT_TYPE_RECEIVE) enet_packet_destroy(event.packet);
            if (event.type == ENET_EVENT_TYPE_DISCONNECT) on_disconnect(event.peer);
        }
    }
}

}  // namespace cw::net
