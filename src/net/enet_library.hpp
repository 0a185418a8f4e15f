// ENet wants enet_initialize() before use and enet_deinitialize() after; hosts and clients
// hold one of these so the library is up exactly while any of them lives.
#pragma once

namespace cw::net {

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
