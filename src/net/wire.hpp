// Bytes on the wire: a writer that appends little-endian values, and a reader that never reads
// past the end. Every read says whether it worked, so a decoder can refuse a short or
// overlong message instead of trusting it.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace cw::net {

class WireWriter {
public:
    void u8(uint8_t v) { bytes_.push_back(v); }
    void u16(uint16_t v) { put(v, 2); }
    void u32(uint32_t v) { put(v, 4); }
    void u64(uint64_t v) { put(v, 8); }
    void i8(int8_t v) { u8(static_cast<uint8_t>(v)); }
    void i32(int32_t v) { u32(static_cast<uint32_t>(v)); }
    void f32(float v) {
        uint32_t bits;
        std::memcpy(&bits, &v, 4);
        u32(bits);
    }
    // A double travels as its exact bits, so both ends simulate with the very same number.
    void f64(double v) {
        uint64_t bits;
        std::memcpy(&bits, &v, 8);
        u64(bits);
    }
    // A string: u32 length, then the bytes (no terminator).
    void str(const std::string& s) {
        u32(static_cast<uint32_t>(s.size()));
        bytes_.insert(bytes_.end(), s.begin(), s.end());
    }
    const std::vector<uint8_t>& bytes() const { return bytes_; }
    std::vector<uint8_t> take() { return std::move(bytes_); }

private:
    void put(uint64_t v, int n) {
        for (int i = 0; i < n; ++i) bytes_.push_back(static_cast<uint8_t>(v >> (8 * i)));
    }
    std::vector<uint8_t> bytes_;
};

class WireReader {
public:
    WireReader(const uint8_t* data, size_t size) : p_(data), left_(size) {}

    bool u8(uint8_t& v) { return get(v); }
    bool u16(uint16_t& v) { return get(v); }
    bool u32(uint32_t& v) { return get(v); }
    bool u64(uint64_t& v) { return get(v); }
    bool i8(int8_t& v) {
        uint8_t u;
        if (!get(u)) return false;
        v = static_cast<int8_t>(u);
        return true;
    }
    bool i32(int32_t& v) {
        uint32_t u;
        if (!get(u)) return false;
        v = static_cast<int32_t>(u);
        return true;
    }
    bool f32(float& v) {
        uint32_t bits;
        if (!get(bits)) return false;
        std::memcpy(&v, &bits, 4);
        return true;
    }
    bool f64(double& v) {
        uint64_t bits;
        if (!get(bits)) return false;
        std::memcpy(&v, &bits, 8);
        return true;
    }
    // A string no longer than `max` bytes; a longer one fails before anything is copied.
    bool str(std::string& s, size_t max) {
        uint32_t n;
        if (!get(n) || n > max || n > left_) return false;
        s.assign(reinterpret_cast<const char*>(p_), n);
        p_ += n;
        left_ -= n;
        return true;
    }
    size_t left() const { return left_; }
    bool at_end() const { return left_ == 0; }

private:
    template <typename T>
    bool get(T& v) {
        if (left_ < sizeof(T)) return false;
        uint64_t acc = 0;
        for (size_t i = 0; i < sizeof(T); ++i) acc |= static_cast<uint64_t>(p_[i]) << (8 * i);
        v = static_cast<T>(acc);
        p_ += sizeof(T);
        left_ -= sizeof(T);
        return true;
    }
    const uint8_t* p_;
    size_t left_;
};

}  // namespace cw::net
