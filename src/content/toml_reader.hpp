// Reads values out of a parsed TOML document and reports every problem with its place in the
// file: wrong types, missing keys, numbers out of range, keys the format does not know.
// Each getter returns nothing on trouble and records why, so a loader can carry on and report
// all problems at once instead of stopping at the first.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <toml.hpp>

#include "problems.hpp"

namespace cw {

class TomlReader {
public:
    TomlReader(const SourceText& text, std::vector<Problem>& out) : text_(text), out_(out) {}

    SourceLoc loc(const toml::value& v) const;
    void problem(const toml::value& at, const std::string& message);
    void problem(SourceLoc at, const std::string& message, int width = 1);

    // The value under `key` in `table`, or null (reported when required).
    const toml::value* find(const toml::value& table, const char* key, bool required);

    std::optional<std::string> string(const toml::value& table, const char* key, bool required,
                                      size_t max_len = 4000);
    std::optional<double> number(const toml::value& table, const char* key, bool required, double lo, double hi);
    std::optional<long long> integer(const toml::value& table, const char* key, bool required, long long lo,
                                     long long hi);
    // The value itself as a number / a point [x, y].
    std::optional<double> as_number(const toml::value& v, const std::string& what, double lo, double hi);
    std::optional<Vec2> as_point(const toml::value& v, const std::string& what, double limit);
    // An array of tables ([[name]]) or an array; null when absent and not required.
    const toml::array* array(const toml::value& table, const char* key, bool required, size_t max_items);
    const toml::value* table(const toml::value& table, const char* key, bool required);

    // Reports keys of `table` not in `known`, suggesting the closest known one.
    void unknown_keys(const toml::value& table, std::initializer_list<const char*> known, const std::string& where);

    int problem_count() const { return static_cast<int>(out_.size()); }

private:
    const SourceText& text_;
    std::vector<Problem>& out_;
    // (table, key) pairs an unknown key was taken for ("did you mean"): that key is then not
    // reported missing as well, so one typo gives one message, on its own line.
    std::vector<std::pair<const toml::value*, std::string>> suggested_;
};

// Parses TOML text; syntax errors become located problems. Null on failure.
std::optional<toml::value> parse_toml(const std::string& text, const std::string& file, std::vector<Problem>& out);

// Reads a whole file with the checks every loader needs (exists, is a regular file, not too big).
std::optional<std::string> read_text_file(const std::string& path, size_t max_bytes, std::vector<Problem>& out);

}  // namespace cw
