// The build's id: the version and the source commit. Replays and class sessions refuse a
// different one, since another build may simulate the same inputs differently.
#pragma once

namespace cw {

const char* build_id();

}  // namespace cw
