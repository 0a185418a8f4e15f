// The mark on a score counted under older scoring rules ("old scoring", or a label that says
// so), with what that means on hover: wherever a kept score is shown, an old one says it is old.
#pragma once

namespace cw {

void old_scoring_mark(const char* label = "old scoring");

}  // namespace cw
