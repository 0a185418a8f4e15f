// Placeholder until the class session lands.
#include <iostream>
#include "commands.hpp"
namespace cw {
int host_command(const Args&) { std::cerr << "calmwaters host: not built yet\n"; return 2; }
int join_command(const Args&) { std::cerr << "calmwaters join: not built yet\n"; return 2; }
}  // namespace cw
