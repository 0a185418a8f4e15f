// Placeholder until the solver lands (owned by the editor/solver work).
#include <iostream>
#include "commands.hpp"
namespace cw {
int solve_command(const Args&) { std::cerr << "calmwaters solve: not built yet\n"; return 2; }
}  // namespace cw
