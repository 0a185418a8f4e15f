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

}  // namespace cw::net
