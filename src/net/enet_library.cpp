#include "enet_library.hpp"

#include <atomic>

#include <enet/enet.h>

namespace cw::net {

namespace {
std::atomic<int> users{0};  // ENet's own state is process-wide; count who needs it
}

EnetLibrary::EnetLibrary() {
    if (users.fetch_add(1) == 0) ok_ = enet_initialize() == 0;
    else ok_ = true;
}

EnetLibrary::~EnetLibrary() {
    if (users.fetch_sub(1) == 1) enet_deinitialize();
}

size_t send_message(ENetPeer* peer, const Message& m) {
    if (!peer) return 0;
    std::vector<uint8_t> bytes = encode(m);
    bool state = std::holds_alternative<RaftState>(m);
    ENetPacket* packet = enet_packet_create(bytes.data(), bytes.size(), state ? 0 : ENET_PACKET_FLAG_RELIABLE);
    if (!packet) return 0;
    if (enet_peer_send(peer, state ? kChannelState : kChannelReliable, packet) != 0) {
        enet_packet_destroy(packet);  // not queued, so still ours
        return 0;
    }
    return bytes.size();
}

}  // namespace cw::net
