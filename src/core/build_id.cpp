#include "build_id.hpp"

namespace cw {

const char* build_id() { return CALMWATERS_BUILD_ID; }

}  // namespace cw
