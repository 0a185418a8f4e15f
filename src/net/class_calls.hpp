// The calls a trainer hosts: level files, or one playlist naming them, read and checked once
// on the host before any trainee sees them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "class_session.hpp"

namespace cw::net {

// Null with `error` (located problems) when any file does not load.
std::optional<std::vector<ClassCall>> load_class_calls(const std::vector<std::string>& paths,
                                                       const Catalogue& catalogue, std::string& error);

}  // namespace cw::net
