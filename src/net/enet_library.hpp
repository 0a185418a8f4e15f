// ENet wants enet_initialize() before use and enet_deinitialize() after; hosts and clients
// hold one of these so the library is up exactly while any of them lives.
#pragma once
#include <cstddef>

#include "protocol.hpp"

struct _ENetPeer;

namespace cw::net {

// Sends one message on the channel its kind goes on (raft states unreliable, the rest
// reliable). Returns the bytes queued, or 0 when ENet would not take it.
size_t send_message(_ENetPeer* peer, const Message& m);

class EnetLibrary {
public:
    EnetLibrary();
    ~EnetLibrary();
    EnetLibrary(const EnetLibrary&) = delete;
    EnetLibrary& operator=(const EnetLibrary&) = delete;
    bool ok() const { return ok_; }

private:
    bool ok_ = false;
};

}  // namespace cw::net
