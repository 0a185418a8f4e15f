#include "condition.hpp"

#include <cctype>
#include <cstdlib>

namespace cw {

bool is_meter_name(const std::string& n) { return n == "intensity" || n == "composure" || n == "trust"; }

namespace {

struct Lexer {
    const std::string& s;
    size_t i = 0;
    void skip() {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    }
    bool word(std::string& out) {
        skip();
        size_t start = i;
        while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
        // One "week." may lead a name: a week variable (see kWeekPrefix in level.hpp).
        if (s.compare(start, i - start, "week") == 0 && i < s.size() && s[i] == '.') {
            ++i;
            while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
        }
        out = s.substr(start, i - start);
        return !out.empty() && !std::isdigit(static_cast<unsigned char>(out[0]));
    }
    bool peek_word(const char* w) {
        skip();
        size_t n = std::char_traits<char>::length(w);
        if (s.compare(i, n, w) != 0) return false;
        size_t after = i + n;
        return after >= s.size() || !(std::isalnum(static_cast<unsigned char>(s[after])) || s[after] == '_');
    }
};

}  // namespace

bool parse_condition(const std::string& text, Condition& out, ConditionError& error) {
    out = Condition{};
    if (text.size() > 300) {
        error = {0, "the condition is too long (at most 300 characters)"};
        return false;
    }
    Lexer lx{text};
    std::vector<Comparison> group;
    while (true) {
        Comparison c;
        if (lx.peek_word("not")) {
            lx.i += 3;
            c.negate = true;
        }
        size_t at = (lx.skip(), lx.i);
        if (!lx.word(c.name)) {
            error = {static_cast<int>(at), "expected a name (a variable, intensity, composure or trust)"};
            return false;
        }
        lx.skip();
        static const struct { const char* text; Comparison::Op op; } ops[] = {
            {"<=", Comparison::le}, {">=", Comparison::ge}, {"==", Comparison::eq}, {"!=", Comparison::ne},
            {"<", Comparison::lt},  {">", Comparison::gt}};
        for (const auto& o : ops) {
            size_t n = std::char_traits<char>::length(o.text);
            if (text.compare(lx.i, n, o.text) == 0) {
                c.op = o.op;
                lx.i += n;
                break;
            }
        }
        if (c.op != Comparison::truthy) {
            lx.skip();
            if (lx.peek_word("true") || lx.peek_word("false")) {
                c.value = text.compare(lx.i, 4, "true") == 0 ? 1 : 0;
                lx.i += c.value ? 4 : 5;
            } else {
                const char* begin = text.c_str() + lx.i;
                char* end = nullptr;
                c.value = std::strtod(begin, &end);
                if (end == begin) {
                    error = {static_cast<int>(lx.i), "expected a number (or true/false) after the comparison"};
                    return false;
                }
                lx.i += static_cast<size_t>(end - begin);
            }
        }
        group.push_back(c);
        lx.skip();
        if (lx.i >= text.size()) break;
        if (lx.peek_word("and")) {
            lx.i += 3;
        } else if (lx.peek_word("or")) {
            lx.i += 2;
            out.any_of.push_back(group);
            group.clear();
        } else {
            error = {static_cast<int>(lx.i), "expected `and`, `or` or the end of the condition"};
            return false;
        }
    }
    out.any_of.push_back(group);
    return true;
}

double CallValues::get(const std::string& name) const {
    if (name == "intensity") return intensity;
    if (name == "composure") return composure;
    if (name == "trust") return trust;
    if (names && vars)
        for (size_t i = 0; i < names->size(); ++i)
            if ((*names)[i] == name) return (*vars)[i];
    return 0;
}

bool evaluate(const Condition& c, const CallValues& v) {
    for (const auto& group : c.any_of) {
        bool all = true;
        for (const Comparison& cmp : group) {
            double x = v.get(cmp.name);
            bool r = false;
            switch (cmp.op) {
                case Comparison::truthy: r = x != 0; break;
                case Comparison::lt: r = x < cmp.value; break;
                case Comparison::le: r = x <= cmp.value; break;
                case Comparison::gt: r = x > cmp.value; break;
                case Comparison::ge: r = x >= cmp.value; break;
                case Comparison::eq: r = x == cmp.value; break;
                case Comparison::ne: r = x != cmp.value; break;
            }
            if (cmp.negate) r = !r;
            if (!r) {
                all = false;
                break;
            }
        }
        if (all) return true;
    }
    return false;
}

}  // namespace cw
