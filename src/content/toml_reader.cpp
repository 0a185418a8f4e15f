#include "toml_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace cw {

namespace {
const char* type_name(const toml::value& v) {
    switch (v.type()) {
        case toml::value_t::boolean: return "a true/false";
        case toml::value_t::integer: return "a whole number";
        case toml::value_t::floating: return "a number";
        case toml::value_t::string: return "text";
        case toml::value_t::array: return "a list";
        case toml::value_t::table: return "a table";
        case toml::value_t::empty: return "nothing";
        default: return "a date or time";
    }
}

std::string fmt_num(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}
}  // namespace

namespace {
// Where toml11 read a value: its region of the file, or null for a value made in code.
// (toml11's own source_location counts lines from the top of the file and scans the whole line
// each time it is asked, which made a file of one long line with thousands of values take
// seconds; the byte offset and SourceText's line index answer the same in a few steps.)
const toml::detail::region* region_of(const toml::value& v) {
    return dynamic_cast<const toml::detail::region*>(toml::detail::get_region(v));
}
}  // namespace

SourceLoc TomlReader::loc(const toml::value& v) const {
    const toml::detail::region* r = region_of(v);
    if (!r) return {};
    return text_.at_offset(static_cast<size_t>(r->first() - r->begin()));
}

void TomlReader::problem(const toml::value& at, const std::string& message) {
    const toml::detail::region* r = region_of(at);
    int width = r ? static_cast<int>(std::min<std::size_t>(r->size(), 60)) : 1;
    problem(loc(at), message, std::max(width, 1));
}

void TomlReader::problem(SourceLoc at, const std::string& message, int width) {
    out_.push_back(text_.at(at, message, width));
}

const toml::value* TomlReader::find(const toml::value& table, const char* key, bool required) {
    if (table.is_table()) {
        const auto& t = table.as_table();
        auto it = t.find(key);
        if (it != t.end()) return &it->second;
    }
    const bool misspelt = std::find(suggested_.begin(), suggested_.end(), std::make_pair(&table, std::string(key))) !=
                          suggested_.end();
    if (required && !misspelt) problem(table, std::string("missing `") + key + "`: this key is required here");
    return nullptr;
}

std::optional<std::string> TomlReader::string(const toml::value& table, const char* key, bool required,
                                              size_t max_len) {
    const toml::value* v = find(table, key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        problem(*v, std::string("`") + key + "` should be text in quotes, not " + type_name(*v));
        return std::nullopt;
    }
    const std::string& s = v->as_string().str;
    if (s.size() > max_len) {
        problem(*v, std::string("`") + key + "` is too long (" + std::to_string(s.size()) + " characters; at most " +
                        std::to_string(max_len) + ")");
        return std::nullopt;
    }
    return s;
}

std::optional<double> TomlReader::as_number(const toml::value& v, const std::string& what, double lo, double hi) {
    double x;
    if (v.is_integer()) {
        x = static_cast<double>(v.as_integer());
    } else if (v.is_floating()) {
        x = v.as_floating();
    } else {
        problem(v, what + " should be a number, not " + type_name(v));
        return std::nullopt;
    }
    if (!std::isfinite(x)) {
        problem(v, what + " must be a finite number (nan and inf are not allowed)");
        return std::nullopt;
    }
    if (x < lo || x > hi) {
        problem(v, what + " is " + fmt_num(x) + ", out of range: use a value from " + fmt_num(lo) + " to " + fmt_num(hi));
        return std::nullopt;
    }
    return x;
}

std::optional<double> TomlReader::number(const toml::value& table, const char* key, bool required, double lo,
                                         double hi) {
    const toml::value* v = find(table, key, required);
    if (!v) return std::nullopt;
    return as_number(*v, std::string("`") + key + "`", lo, hi);
}

std::optional<long long> TomlReader::integer(const toml::value& table, const char* key, bool required, long long lo,
                                             long long hi) {
    const toml::value* v = find(table, key, required);
    if (!v) return std::nullopt;
    if (!v->is_integer()) {
        problem(*v, std::string("`") + key + "` should be a whole number, not " + type_name(*v));
        return std::nullopt;
    }
    long long x = v->as_integer();
    if (x < lo || x > hi) {
        problem(*v, std::string("`") + key + "` is " + std::to_string(x) + ", out of range: use a value from " +
                        std::to_string(lo) + " to " + std::to_string(hi));
        return std::nullopt;
    }
    return x;
}

std::optional<Vec2> TomlReader::as_point(const toml::value& v, const std::string& what, double limit) {
    if (!v.is_array() || v.as_array().size() != 2) {
        problem(v, what + " should be a pair of numbers like [3.5, 120]");
        return std::nullopt;
    }
    auto x = as_number(v.as_array()[0], what + " x", -limit, limit);
    auto y = as_number(v.as_array()[1], what + " y", -limit, limit);
    if (!x || !y) return std::nullopt;
    return Vec2{*x, *y};
}

const toml::array* TomlReader::array(const toml::value& table, const char* key, bool required, size_t max_items) {
    const toml::value* v = find(table, key, required);
    if (!v) return nullptr;
    if (!v->is_array()) {
        problem(*v, std::string("`") + key + "` should be a list, not " + type_name(*v));
        return nullptr;
    }
    if (v->as_array().size() > max_items) {
        problem(*v, std::string("`") + key + "` has " + std::to_string(v->as_array().size()) +
                        " entries; at most " + std::to_string(max_items) + " are allowed");
        return nullptr;
    }
    return &v->as_array();
}

const toml::value* TomlReader::table(const toml::value& t, const char* key, bool required) {
    const toml::value* v = find(t, key, required);
    if (!v) return nullptr;
    if (!v->is_table()) {
        problem(*v, std::string("`") + key + "` should be a table ([" + key + "]), not " + type_name(*v));
        return nullptr;
    }
    return v;
}

void TomlReader::unknown_keys(const toml::value& table, std::initializer_list<const char*> known,
                              const std::string& where) {
    if (!table.is_table()) return;
    std::vector<std::string> names(known.begin(), known.end());
    std::vector<std::pair<SourceLoc, std::string>> found;
    for (const auto& [key, value] : table.as_table()) {
        if (std::find(names.begin(), names.end(), key) != names.end()) continue;
        found.push_back({loc(value), key});
    }
    // The table is a hash map: sort so messages come out in file order, every time.
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first.line, a.first.column, a.second) < std::tie(b.first.line, b.first.column, b.second);
    });
    for (const auto& [l, key] : found) {
        std::string hint = closest_name(key, names);
        if (!hint.empty() && !table.as_table().count(hint)) suggested_.push_back({&table, hint});
        problem(l, "unknown key `" + key + "` in " + where +
                       (hint.empty() ? std::string("; see docs/level-format.md for the keys") : "; did you mean `" + hint + "`?"));
    }
}

namespace {

constexpr int kMaxNesting = 32;
constexpr int kMaxListEntries = 1000;  // in one list or inline table; a long call uses a few dozen
constexpr int kMaxFileEntries = 20000;  // keys and list items in the whole file; the longest shipped call has about 400
constexpr size_t kMaxLineBytes = 20000;  // room for 4,000 characters of text; the longest shipped line is under 300

// A quick scan (skipping strings and comments) before toml11 sees the text, so a file it would
// choke on is refused with a located message instead:
// - toml11 parses nested lists and inline tables recursively, so a million `[` would overflow
//   the stack; nothing real nests more than a few levels.
// - Its work on a list or line grows faster than the list or line does (8,000 inline entries
//   took seconds), so one list, one line and the whole file have limits far above any real call.
bool structure_ok(const std::string& t, const SourceText& src, std::vector<Problem>& out) {
    int line = 1, col = 1;
    size_t i = 0, line_start = 0;
    int file_entries = 0;
    struct Open {
        SourceLoc at;
        int entries;
    };
    std::vector<Open> open;
    auto refuse = [&](SourceLoc at, const std::string& message) {
        out.push_back(src.at(at, message));
        return false;
    };
    auto advance = [&](size_t n) {
        for (size_t k = 0; k < n && i < t.size(); ++k, ++i) {
            if (t[i] == '\n') ++line, col = 1, line_start = i + 1;
            else ++col;
        }
    };
    auto starts = [&](const char* w) { return t.compare(i, std::char_traits<char>::length(w), w) == 0; };
    while (i < t.size()) {
        if (i - line_start > kMaxLineBytes)
            return refuse({line, 1}, "line " + std::to_string(line) + " is longer than " + std::to_string(kMaxLineBytes) +
                                         " characters; break a long list over several lines, one entry to a line");
        char c = t[i];
        if (c == '#') {
            while (i < t.size() && t[i] != '\n') advance(1);
        } else if (starts("\"\"\"") || starts("'''")) {
            std::string close = t.substr(i, 3);
            advance(3);
            while (i < t.size() && !starts(close.c_str())) advance(t[i] == '\\' && close[0] == '"' ? 2 : 1);
            advance(3);
        } else if (c == '"' || c == '\'') {
            advance(1);
            while (i < t.size() && t[i] != c && t[i] != '\n') advance(t[i] == '\\' && c == '"' ? 2 : 1);
            advance(1);
        } else {
            if (c == '[' || c == '{') {
                open.push_back({{line, col}, 1});
                if (static_cast<int>(open.size()) > kMaxNesting)
                    return refuse({line, col}, "lists or tables nested more than " + std::to_string(kMaxNesting) +
                                                   " deep; no level needs that, so the file is refused");
            } else if ((c == ']' || c == '}') && !open.empty()) {
                open.pop_back();
            } else if (c == ',' || c == '=') {
                if (++file_entries > kMaxFileEntries)
                    return refuse({line, col}, "this file has more than " + std::to_string(kMaxFileEntries) +
                                                   " keys and list entries; no call needs that many, so the file is refused");
                if (c == ',' && !open.empty() && ++open.back().entries > kMaxListEntries)
                    return refuse(open.back().at, "this list has more than " + std::to_string(kMaxListEntries) +
                                                      " entries; no call needs that many, so the file is refused");
            }
            advance(1);
        }
    }
    return true;
}

// TOML is UTF-8, and toml11 reads past its buffer on some invalid bytes (the fuzzer found
// `'\xff'`), so invalid UTF-8 is refused here, at the first bad byte.
bool utf8_ok(const std::string& t, const SourceText& src, std::vector<Problem>& out) {
    int line = 1, col = 1;
    for (size_t i = 0; i < t.size();) {
        unsigned char c = static_cast<unsigned char>(t[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool good = n > 0 && i + n <= t.size();
        uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (size_t k = 1; good && k < n; ++k) {
            unsigned char cc = static_cast<unsigned char>(t[i + k]);
            good = (cc >> 6) == 0x2;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // No overlong forms, no surrogates, nothing past U+10FFFF.
        if (good && ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
                     (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF))
            good = false;
        if (!good) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", c);
            out.push_back(src.at({line, col}, std::string("this file is not valid UTF-8 (byte ") + hex +
                                                  "); save it as UTF-8 text"));
            return false;
        }
        if (c == '\n') ++line, col = 1;
        else ++col;
        i += n;
    }
    return true;
}

// The first string that opens and is not closed on its line: toml11 reports such a mistake at
// the start of the line or further on, but the trainer's mistake is the opening quote.
std::optional<SourceLoc> unclosed_quote(const std::string& text) {
    int line = 1;
    size_t start = 0;
    std::string multi;  // the triple quote of a multi-line string we are inside
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string l = text.substr(start, end - start);
        for (size_t i = 0; i < l.size(); ++i) {
            if (!multi.empty()) {
                if (l.compare(i, 3, multi) == 0) i += 2, multi.clear();
                else if (multi == "\"\"\"" && l[i] == '\\') ++i;
                continue;
            }
            const char c = l[i];
            if (c == '#') break;
            if (c != '"' && c != '\'') continue;
            if (l.compare(i, 3, std::string(3, c)) == 0) {
                multi = std::string(3, c);
                i += 2;
                continue;
            }
            size_t j = i + 1;
            for (; j < l.size() && l[j] != c; ++j)
                if (c == '"' && l[j] == '\\') ++j;
            if (j >= l.size()) return SourceLoc{line, static_cast<int>(i) + 1};
            i = j;
        }
        if (end == text.size()) break;
        start = end + 1;
        ++line;
    }
    return std::nullopt;
}

}  // namespace

std::optional<toml::value> parse_toml(const std::string& text, const std::string& file, std::vector<Problem>& out) {
    SourceText src(file, text);
    if (!utf8_ok(text, src, out)) return std::nullopt;
    if (!structure_ok(text, src, out)) return std::nullopt;
    try {
        std::istringstream in(text);
        return toml::parse(in, file);
    } catch (const toml::syntax_error& e) {
        const toml::source_location& l = e.location();
        if (auto quote = unclosed_quote(text); quote && quote->line <= static_cast<int>(l.line())) {
            out.push_back(src.at(*quote, "this text has no closing quote: end it with the same quote mark on the "
                                         "same line (or use \"\"\" for text over several lines)"));
            return std::nullopt;
        }
        // toml11's message spans several lines; its first line says what went wrong.
        std::string what = e.what();
        std::string first = what.substr(0, what.find('\n'));
        for (const char* prefix : {"[error] ", "toml::parse_"}) {
            if (first.rfind(prefix, 0) == 0) first = first.substr(std::string(prefix).size());
        }
        auto colon = first.find(": ");
        if (colon != std::string::npos && first.find(' ') > colon) first = first.substr(colon + 2);
        out.push_back(src.at({static_cast<int>(l.line()), static_cast<int>(l.column())},
                             "TOML syntax error: " + first));
    } catch (const std::exception& e) {
        out.push_back(src.at({1, 1}, std::string("could not read this file as TOML: ") + e.what()));
    }
    return std::nullopt;
}

std::optional<std::string> read_text_file(const std::string& path, size_t max_bytes, std::vector<Problem>& out) {
    Problem p;
    p.file = path;
    p.line = 1;
    p.column = 1;
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        p.message = "no such file";
    } else if (std::filesystem::is_directory(status)) {
        p.message = "this is a folder, not a level file";
    } else if (!std::filesystem::is_regular_file(status)) {
        p.message = "this is not a regular file (a device or a pipe?)";
    } else if (std::filesystem::file_size(path, ec) > max_bytes) {
        p.message = "the file is too large (over " + std::to_string(max_bytes / 1024) + " KiB)";
    } else {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            p.message = "cannot open the file for reading (permissions?)";
        } else {
            std::ostringstream ss;
            ss << in.rdbuf();
            return ss.str();
        }
    }
    out.push_back(p);
    return std::nullopt;
}

}  // namespace cw
