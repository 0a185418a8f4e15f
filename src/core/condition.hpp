// Conditions in a call: "intensity > 70", "found_step_six", "not promised and trust >= 40".
// A condition is a list of comparisons joined by `and` / `or` (`and` binds tighter); each
// compares a variable, or intensity, composure or trust, with a number (a bare name means
// "is not zero"; true and false are 1 and 0).
#pragma once
#include <string>
#include <vector>

namespace cw {

struct Comparison {
    std::string name;        // a variable, or "intensity", "composure", "trust"
    enum Op { truthy, lt, le, gt, ge, eq, ne } op = truthy;
    double value = 0;
    bool negate = false;     // "not ..."
};

struct Condition {
    // Disjunction of conjunctions: any group whose comparisons all hold makes it true.
    std::vector<std::vector<Comparison>> any_of;
    bool empty() const { return any_of.empty(); }
};

struct ConditionError {
    int column = 0;          // 0-based offset in the text
    std::string message;
};

// Parses `text`; on failure returns false and fills `error`.
bool parse_condition(const std::string& text, Condition& out, ConditionError& error);

// The values a condition reads: the three meters and the call's variables.
struct CallValues {
    double intensity = 0, composure = 0, trust = 0;
    const std::vector<std::string>* names = nullptr;
    const std::vector<double>* vars = nullptr;
    double get(const std::string& name) const;
};

bool evaluate(const Condition& c, const CallValues& v);

bool is_meter_name(const std::string& name);  // intensity, composure, trust

}  // namespace cw
