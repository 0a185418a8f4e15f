#include "protocol.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>

#include "core/rng.hpp"
#include "wire.hpp"

namespace cw::net {

namespace {

// The first byte of every message says what it is. Numbers are never reused.
enum Tag : uint8_t {
    tag_hello = 1, tag_raft_state = 2, tag_inputs = 3, tag_finished = 4, tag_vote = 5,
    tag_welcome = 20, tag_refuse = 21, tag_call = 22, tag_start = 23, tag_pause = 24, tag_resume = 25,
    tag_confirm = 26, tag_question = 27, tag_session_over = 28, tag_release = 29,
};

constexpr size_t kMaxVoteReplies = 8;

void put_ticks(WireWriter& w, const std::vector<WireInput>& ticks) {
    w.u32(static_cast<uint32_t>(ticks.size()));
    for (const WireInput& t : ticks) {
        w.i8(t.paddle);
        w.u8(t.breath ? 1 : 0);
    }
}

bool get_ticks(WireReader& r, std::vector<WireInput>& ticks, size_t max) {
    uint32_t n;
    if (!r.u32(n) || n > max || r.left() < size_t(n) * 2) return false;
    ticks.resize(n);
    for (WireInput& t : ticks) {
        uint8_t b;
        if (!r.i8(t.paddle) || !r.u8(b) || b > 1 || t.paddle == -128) return false;
        t.breath = b == 1;
    }
    return true;
}

bool finite_in(float v, float lo, float hi) { return std::isfinite(v) && v >= lo && v <= hi; }

struct Encoder {
    WireWriter& w;
    void operator()(const Hello& m) {
        w.u8(tag_hello);
        w.u16(m.protocol);
        w.str(m.build);
        w.str(m.code);
        w.str(m.name);
        w.u64(m.rejoin_token);
        w.str(m.breath);
        w.u8(m.breath_holds ? 1 : 0);
        if (m.protocol >= 2) w.f64(m.reading_pace);  // as the decoder reads it
        if (m.protocol >= 4) w.str(m.learner_id);
    }
    void operator()(const RaftState& m) {
        w.u8(tag_raft_state);
        w.u16(m.call);
        w.u32(m.tick);
        for (float f : {m.progress, m.lateral, m.x, m.y, m.angle, m.intensity, m.composure}) w.f32(f);
        w.u8(m.finished ? 1 : 0);
    }
    void operator()(const Inputs& m) {
        w.u8(tag_inputs);
        w.u16(m.call);
        w.u32(m.first_tick);
        put_ticks(w, m.ticks);
    }
    void operator()(const Finished& m) {
        w.u8(tag_finished);
        w.u16(m.call);
        w.u32(m.final_tick);
        w.u64(m.final_hash);
        w.u8(m.outcome);
        w.i32(m.score);
    }
    void operator()(const Vote& m) {
        w.u8(tag_vote);
        w.u16(m.call);
        w.u16(m.node);
        w.u8(m.reply);
    }
    void operator()(const Welcome& m) {
        w.u8(tag_welcome);
        w.u32(m.trainee);
        w.str(m.shown_name);
        w.u64(m.rejoin_token);
        w.u8(m.projector ? 1 : 0);
    }
    void operator()(const Refuse& m) {
        w.u8(tag_refuse);
        w.str(m.reason);
    }
    void operator()(const CallInfo& m) {
        w.u8(tag_call);
        w.u16(m.call);
        w.u16(m.call_count);
        w.u64(m.seed);
        w.str(m.level_name);
        w.str(m.level_text);
        w.u16(static_cast<uint16_t>(m.week.size()));
        for (const auto& [name, value] : m.week) {
            w.str(name);
            w.f64(value);
        }
    }
    void operator()(const Start& m) {
        w.u8(tag_start);
        w.u16(m.call);
    }
    void operator()(const Pause& m) {
        w.u8(tag_pause);
        w.u8(m.paused ? 1 : 0);
    }
    void operator()(const Resume& m) {
        w.u8(tag_resume);
        w.u16(m.call);
        w.u8(m.started ? 1 : 0);
        w.u8(m.paused ? 1 : 0);
        put_ticks(w, m.ticks);
    }
    void operator()(const Confirm& m) {
        w.u8(tag_confirm);
        w.u16(m.call);
        w.u8(m.verified ? 1 : 0);
        w.u8(m.outcome);
        w.i32(m.score);
    }
    void operator()(const Question& m) {
        w.u8(tag_question);
        w.u16(m.call);
        w.u16(m.node);
        w.u8(m.open ? 1 : 0);
        w.u8(m.chosen);
        w.u8(static_cast<uint8_t>(m.votes.size()));
        for (uint16_t v : m.votes) w.u16(v);
    }
    void operator()(const SessionOver&) { w.u8(tag_session_over); }
    void operator()(const Release& m) {
        w.u8(tag_release);
        w.u16(m.call);
    }
};

bool get_bool(WireReader& r, bool& b) {
    uint8_t v;
    if (!r.u8(v) || v > 1) return false;
    b = v == 1;
    return true;
}

// Each decoder reads its fields and checks their ranges; the caller checks nothing is left over.
std::optional<Message> decode_trainee(uint8_t tag, WireReader& r) {
    switch (tag) {
        case tag_hello: {
            Hello m;
            if (!r.u16(m.protocol) || !r.str(m.build, kMaxBuildBytes) || !r.str(m.code, kMaxCodeBytes) ||
                !r.str(m.name, kMaxNameBytes) || !r.u64(m.rejoin_token) || !r.str(m.breath, 8) ||
                !get_bool(r, m.breath_holds))
                return std::nullopt;
            // Version 1 had no pace; its Hello is read so the host can refuse it by version.
            if (m.protocol >= 2 && (!r.f64(m.reading_pace) || !reading_pace_valid(m.reading_pace)))
                return std::nullopt;
            if (m.protocol >= 4 && (!r.str(m.learner_id, kMaxLearnerIdBytes) || !valid_learner_id(m.learner_id)))
                return std::nullopt;
            return m;
        }
        case tag_raft_state: {
            RaftState m;
            if (!r.u16(m.call) || !r.u32(m.tick)) return std::nullopt;
            float* fields[] = {&m.progress, &m.lateral, &m.x, &m.y, &m.angle, &m.intensity, &m.composure};
            for (float* f : fields)
                if (!r.f32(*f)) return std::nullopt;
            if (!get_bool(r, m.finished)) return std::nullopt;
            if (m.call >= kMaxCalls || m.tick > kMaxTicks) return std::nullopt;
            if (!finite_in(m.progress, -1e5f, 1e5f) || !finite_in(m.lateral, -1e4f, 1e4f) ||
                !finite_in(m.x, -1e6f, 1e6f) || !finite_in(m.y, -1e6f, 1e6f) || !finite_in(m.angle, -1e4f, 1e4f) ||
                !finite_in(m.intensity, 0, 100) || !finite_in(m.composure, 0, 100))
                return std::nullopt;
            return m;
        }
        case tag_inputs: {
            Inputs m;
            if (!r.u16(m.call) || !r.u32(m.first_tick) || !get_ticks(r, m.ticks, kMaxInputsPerMessage))
                return std::nullopt;
            if (m.call >= kMaxCalls || m.first_tick > kMaxTicks || m.ticks.empty()) return std::nullopt;
            return m;
        }
        case tag_finished: {
            Finished m;
            if (!r.u16(m.call) || !r.u32(m.final_tick) || !r.u64(m.final_hash) || !r.u8(m.outcome) || !r.i32(m.score))
                return std::nullopt;
            if (m.call >= kMaxCalls || m.final_tick > kMaxTicks || m.outcome > static_cast<uint8_t>(kLastOutcome) || m.score < 0 || m.score > 100)
                return std::nullopt;
            return m;
        }
        case tag_vote: {
            Vote m;
            if (!r.u16(m.call) || !r.u16(m.node) || !r.u8(m.reply)) return std::nullopt;
            if (m.call >= kMaxCalls || m.reply >= kMaxVoteReplies) return std::nullopt;
            return m;
        }
        default: return std::nullopt;
    }
}

std::optional<Message> decode_host(uint8_t tag, WireReader& r) {
    switch (tag) {
        case tag_welcome: {
            Welcome m;
            if (!r.u32(m.trainee) || !r.str(m.shown_name, kMaxNameBytes) || !r.u64(m.rejoin_token) ||
                !get_bool(r, m.projector))
                return std::nullopt;
            return m;
        }
        case tag_refuse: {
            Refuse m;
            if (!r.str(m.reason, kMaxReasonBytes)) return std::nullopt;
            return m;
        }
        case tag_call: {
            CallInfo m;
            if (!r.u16(m.call) || !r.u16(m.call_count) || !r.u64(m.seed) || !r.str(m.level_name, kMaxLevelNameBytes) ||
                !r.str(m.level_text, kMaxLevelTextBytes))
                return std::nullopt;
            if (m.call_count == 0 || m.call_count > kMaxCalls || m.call >= m.call_count) return std::nullopt;
            uint16_t week = 0;
            if (!r.u16(week) || week > kMaxWeekVars) return std::nullopt;
            for (uint16_t i = 0; i < week; ++i) {
                std::string name;
                double value = 0;
                if (!r.str(name, kMaxWeekVarNameBytes) || name.empty() || !r.f64(value) || !std::isfinite(value) ||
                    std::fabs(value) > 1000)
                    return std::nullopt;
                m.week[name] = value;
            }
            return m;
        }
        case tag_start: {
            Start m;
            if (!r.u16(m.call) || m.call >= kMaxCalls) return std::nullopt;
            return m;
        }
        case tag_pause: {
            Pause m;
            if (!get_bool(r, m.paused)) return std::nullopt;
            return m;
        }
        case tag_resume: {
            Resume m;
            if (!r.u16(m.call) || !get_bool(r, m.started) || !get_bool(r, m.paused) ||
                !get_ticks(r, m.ticks, kMaxTicks) || m.call >= kMaxCalls)
                return std::nullopt;
            return m;
        }
        case tag_confirm: {
            Confirm m;
            if (!r.u16(m.call) || !get_bool(r, m.verified) || !r.u8(m.outcome) || !r.i32(m.score)) return std::nullopt;
            if (m.call >= kMaxCalls || m.outcome > static_cast<uint8_t>(kLastOutcome) || m.score < 0 || m.score > 100) return std::nullopt;
            return m;
        }
        case tag_question: {
            Question m;
            uint8_t n;
            if (!r.u16(m.call) || !r.u16(m.node) || !get_bool(r, m.open) || !r.u8(m.chosen) || !r.u8(n)) return std::nullopt;
            if (m.call >= kMaxCalls || n > kMaxVoteReplies || m.chosen >= kMaxVoteReplies) return std::nullopt;
            m.votes.resize(n);
            for (uint16_t& v : m.votes)
                if (!r.u16(v)) return std::nullopt;
            return m;
        }
        case tag_session_over: return SessionOver{};
        case tag_release: {
            Release m;
            if (!r.u16(m.call) || m.call >= kMaxCalls) return std::nullopt;
            return m;
        }
        default: return std::nullopt;
    }
}

}  // namespace

WireInput to_wire(const Input& in) {
    double p = std::isfinite(in.paddle) ? std::max(-1.0, std::min(1.0, in.paddle)) : 0.0;
    return WireInput{static_cast<int8_t>(std::lround(p * 127.0)), in.breath};
}

Input from_wire(const WireInput& w) {
    Input in;
    in.paddle = w.paddle / 127.0;
    in.breath = w.breath;
    return in;
}

std::vector<uint8_t> encode(const Message& m) {
    WireWriter w;
    std::visit(Encoder{w}, m);
    return w.take();
}

Decoded decode(const uint8_t* data, size_t size, bool from_trainee) {
    Decoded d;
    if (size == 0 || data == nullptr) {
        d.error = "an empty message";
        return d;
    }
    if (size > (from_trainee ? kMaxTraineePacket : kMaxHostPacket)) {
        d.error = "a message of " + std::to_string(size) + " bytes, over the limit";
        return d;
    }
    WireReader r(data + 1, size - 1);
    d.message = from_trainee ? decode_trainee(data[0], r) : decode_host(data[0], r);
    if (!d.message) {
        d.error = "a malformed message (tag " + std::to_string(data[0]) + ", " + std::to_string(size) + " bytes)";
    } else if (!r.at_end()) {
        d.message.reset();
        d.error = "a message with " + std::to_string(r.left()) + " stray bytes at its end";
    }
    return d;
}

bool valid_learner_id(const std::string& id) {
    if (id.size() > kMaxLearnerIdBytes || !valid_utf8(id)) return false;
    for (unsigned char c : id)
        if (c < 0x20 || c == 0x7F) return false;
    return true;
}

bool valid_utf8(const std::string& s) {
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int extra;
        uint32_t cp;
        if (c < 0x80) { extra = 0; cp = c; }
        else if ((c & 0xE0) == 0xC0) { extra = 1; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { extra = 2; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { extra = 3; cp = c & 0x07; }
        else return false;
        if (i + extra >= s.size()) return false;  // cut short
        for (int k = 1; k <= extra; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Overlong forms, surrogates and values past Unicode are all refused.
        static const uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += extra + 1;
    }
    return true;
}

size_t utf8_length(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::optional<std::string> clean_name(const std::string& raw, std::string& why) {
    if (!valid_utf8(raw)) {
        why = "the name is not valid UTF-8 text";
        return std::nullopt;
    }
    for (unsigned char c : raw)
        if (c < 0x20 || c == 0x7F) {
            why = "the name has a control character in it";
            return std::nullopt;
        }
    size_t b = raw.find_first_not_of(' ');
    size_t e = raw.find_last_not_of(' ');
    std::string name = b == std::string::npos ? "" : raw.substr(b, e - b + 1);
    if (name.empty()) {
        why = "the name is empty";
        return std::nullopt;
    }
    if (utf8_length(name) > kMaxNameChars) {
        why = "the name is longer than " + std::to_string(kMaxNameChars) + " characters";
        return std::nullopt;
    }
    return name;
}

bool valid_code(const std::string& code) {
    if (code.size() < 4 || code.size() > 8) return false;
    for (char c : code)
        if (!std::isalnum(static_cast<unsigned char>(c))) return false;
    return true;
}

std::string normalise_code(const std::string& code) {
    std::string out = code;
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string generate_code(uint64_t seed) {
    static const char kLetters[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // no 0/O, 1/I
    std::string code;
    Rng rng(seed);
    for (int i = 0; i < 5; ++i) code += kLetters[rng.below(sizeof(kLetters) - 1)];
    return code;
}

const char* message_name(const Message& m) {
    static const char* kNames[] = {"hello", "raft state", "inputs", "finished", "vote", "welcome", "refuse", "call",
                                   "start", "pause", "resume", "confirm", "question", "session over", "release"};
    static_assert(std::size(kNames) == std::variant_size_v<Message>, "a name for every message");
    return kNames[m.index()];
}

}  // namespace cw::net
