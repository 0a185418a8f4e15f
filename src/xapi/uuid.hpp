// Statement ids and registrations for learning records: random (version 4) UUIDs, written in
// the usual 8-4-4-4-12 lower-case form. They are drawn from the system's random source, never
// from a game seed: an id must differ between two identical runs.
#pragma once
#include <string>

namespace cw::xapi {

std::string random_uuid();
bool looks_like_uuid(const std::string& text);  // 36 characters, hex digits and dashes in place

}  // namespace cw::xapi
