// Any bytes as a condition, parsed and, when it parses, evaluated.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/condition.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    cw::Condition c;
    cw::ConditionError e;
    if (cw::parse_condition(text, c, e)) {
        std::vector<std::string> names = {"found", "tries"};
        std::vector<double> vars = {1, 2};
        cw::CallValues v{50, 60, 40, &names, &vars};
        (void)cw::evaluate(c, v);
    }
    return 0;
}
