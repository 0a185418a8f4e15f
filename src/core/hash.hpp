// FNV-1a over raw bytes: the state checksum that proves two runs took the same course, and the
// hash a level file is known by.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>

namespace cw {

class StateHash {
public:
    void add_bytes(const void* data, size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (size_t i = 0; i < n; ++i) {
            h_ ^= p[i];
            h_ *= 0x100000001B3ull;
        }
    }
    void add(double v) { add_bytes(&v, sizeof v); }
    void add(int64_t v) { add_bytes(&v, sizeof v); }
    uint64_t value() const { return h_; }
    std::string hex() const {
        static const char* digits = "0123456789abcdef";
        std::string s(16, '0');
        for (int i = 0; i < 16; ++i) s[15 - i] = digits[(h_ >> (4 * i)) & 0xF];
        return s;
    }

private:
    uint64_t h_ = 0xCBF29CE484222325ull;
};

// The hash a level is known by: Level::source_hash, Replay::level_hash and, in hex,
// Attempt::level_hash. Over the file's exact bytes, so any edit at all makes a new level.
inline StateHash level_text_hash(const std::string& text) {
    StateHash h;
    h.add_bytes(text.data(), text.size());
    return h;
}

}  // namespace cw
