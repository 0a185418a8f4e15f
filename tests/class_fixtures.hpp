// A class of one call for the network tests: the forked river, hosted with code RIVER by a
// build every test trainee shares.
#pragma once
#include "fixtures.hpp"
#include "net/class_session.hpp"

namespace cwtest {

inline cw::net::ClassSession one_call_class() {
    cw::net::ClassCall call;
    call.name = "fork.toml";
    call.text = forked_river(2);
    call.level = level_from(call.text, "fork.toml");
    cw::net::SessionSettings settings;
    settings.code = "RIVER";
    settings.build = "test-build";
    return cw::net::ClassSession({call}, catalogue(), settings);
}

}  // namespace cwtest
