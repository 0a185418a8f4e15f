// The class protocol: every message survives the wire, and nothing malformed gets through.
#include "fixtures.hpp"

#include <cmath>
#include <limits>

#include "net/class_report.hpp"
#include "net/protocol.hpp"
#include "net/wire.hpp"

using namespace cw::net;

namespace {

Hello with_learner() {
    Hello h{kProtocolVersion, "0.1.0+abc", "ABCDE", "Ben", 0, "box", true};
    h.learner_id = "ben.okafor@example.com";
    return h;
}

std::vector<Message> one_of_each() {
    Inputs in;
    in.call = 1;
    in.first_tick = 60;
    in.ticks = {{127, false}, {-127, true}, {0, true}};
    Question q;
    q.call = 0;
    q.node = 3;
    q.open = false;
    q.chosen = 1;
    q.votes = {4, 9, 0};
    Resume r;
    r.call = 0;
    r.started = true;
    r.ticks = {{5, false}, {6, true}};
    return {Hello{kProtocolVersion, "0.1.0+abc", "ABCDE", "Ana", 77, "478", false},
            RaftState{0, 120, 10.5f, -1.25f, 3, 4, 0.5f, 55, 70, false},
            in,
            Finished{0, 9000, 0x1234567890abcdefull, 1, 88},
            Vote{0, 2, 1},
            Welcome{3, "Quiet Heron", 99, true},
            Refuse{"Wrong code."},
            CallInfo{0, 2, 21, "level.toml", "format = 1\n"},
            Start{1},
            Pause{true},
            r,
            Confirm{0, true, 1, 88},
            q,
            SessionOver{},
            Release{1},
            with_learner()};
}

bool is_trainee_message(const Message& m) { return m.index() <= 4; }

}  // namespace

TEST_CASE("class protocol: every message decodes to what was encoded") {
    for (const Message& m : one_of_each()) {
        std::vector<uint8_t> bytes = encode(m);
        Decoded d = decode(bytes.data(), bytes.size(), is_trainee_message(m));
        INFO(message_name(m));
        REQUIRE(d.message.has_value());
        CHECK(d.message->index() == m.index());
        CHECK(encode(*d.message) == bytes);
        // The other side's decoder refuses it: a trainee cannot send a host's message.
        CHECK_FALSE(decode(bytes.data(), bytes.size(), !is_trainee_message(m)).message.has_value());
    }
}

TEST_CASE("class protocol: a message cut short at any byte, or with bytes left over, is refused") {
    for (const Message& m : one_of_each()) {
        std::vector<uint8_t> bytes = encode(m);
        INFO(message_name(m));
        for (size_t n = 0; n < bytes.size(); ++n)
            CHECK_FALSE(decode(bytes.data(), n, is_trainee_message(m)).message.has_value());
        bytes.push_back(0);
        Decoded d = decode(bytes.data(), bytes.size(), is_trainee_message(m));
        CHECK_FALSE(d.message.has_value());
        CHECK(d.error.find("stray") != std::string::npos);
    }
}

TEST_CASE("class protocol: out-of-range values and oversized strings are refused") {
    auto refused = [](const Message& m) {
        std::vector<uint8_t> b = encode(m);
        return !decode(b.data(), b.size(), true).message.has_value();
    };
    CHECK(refused(RaftState{0, 1, std::numeric_limits<float>::quiet_NaN(), 0, 0, 0, 0, 50, 50, false}));
    CHECK(refused(RaftState{0, 1, 0, 0, 0, 0, std::numeric_limits<float>::infinity(), 50, 50, false}));
    CHECK(refused(RaftState{0, 1, 0, 0, 0, 0, 0, 150, 50, false}));  // intensity over 100
    CHECK(refused(Finished{0, 100, 1, 9, 50}));                      // no outcome 9
    CHECK(refused(Finished{0, 100, 1, 1, 101}));                     // score over 100
    CHECK(refused(Finished{kMaxCalls, 100, 1, 1, 50}));
    CHECK(refused(Inputs{0, 0, {}}));                                 // no ticks at all
    CHECK(refused(Inputs{0, 0, std::vector<WireInput>(kMaxInputsPerMessage + 1)}));
    CHECK(refused(Inputs{0, 0, {{-128, false}}}));                    // paddle beyond -127
    CHECK(refused(Hello{kProtocolVersion, "b", "CODE", std::string(kMaxNameBytes + 1, 'x'), 0, "box", true}));
    CHECK(refused(Vote{0, 1, 200}));
    Hello odd = with_learner();
    odd.learner_id = "ben\x1b[31m";  // a control character in the learner id
    CHECK(refused(odd));
    odd.learner_id = std::string(kMaxLearnerIdBytes + 1, 'x');
    CHECK(refused(odd));
    // A length field that claims more bytes than the message has.
    WireWriter w;
    w.u8(1);
    w.u16(kProtocolVersion);
    w.u32(0xFFFFFFFFu);
    std::vector<uint8_t> b = w.take();
    CHECK_FALSE(decode(b.data(), b.size(), true).message.has_value());
    // Too big to be a trainee's message at all.
    std::vector<uint8_t> huge(kMaxTraineePacket + 1, 3);
    CHECK(decode(huge.data(), huge.size(), true).error.find("over the limit") != std::string::npos);
    CHECK_FALSE(decode(nullptr, 0, true).message.has_value());
}

TEST_CASE("class protocol: inputs are quantized so host and trainee simulate the same numbers") {
    cw::Input in;
    in.paddle = 0.333333;
    in.breath = true;
    WireInput w = to_wire(in);
    CHECK(w.paddle == 42);
    CHECK(from_wire(w).paddle == doctest::Approx(42 / 127.0));
    CHECK(to_wire(from_wire(w)).paddle == w.paddle);  // stable once quantized
    in.paddle = 7.0;
    CHECK(to_wire(in).paddle == 127);
    in.paddle = std::numeric_limits<double>::quiet_NaN();
    CHECK(to_wire(in).paddle == 0);
}

TEST_CASE("class protocol: names are trimmed, capped, valid UTF-8 and free of control characters") {
    std::string why;
    CHECK(clean_name("  Ana  ", why).value() == "Ana");
    CHECK(clean_name("Zoë Ōkubo", why).value() == "Zoë Ōkubo");
    CHECK_FALSE(clean_name("", why));
    CHECK_FALSE(clean_name("   ", why));
    CHECK_FALSE(clean_name("bad\xff", why));
    CHECK(why.find("UTF-8") != std::string::npos);
    CHECK_FALSE(clean_name("\xc0\x80", why));          // an overlong NUL
    CHECK_FALSE(clean_name("\xed\xa0\x80", why));      // a surrogate
    CHECK_FALSE(clean_name("line\nbreak", why));
    CHECK_FALSE(clean_name(std::string(25, 'a'), why));
    CHECK(clean_name(std::string(24, 'a'), why));
    CHECK(clean_name("ééééééééééééééééééééééé", why));  // 23 characters, 46 bytes
}

TEST_CASE("class protocol: session codes are short, readable and compared without case") {
    std::string code = generate_code(42);
    CHECK(code.size() == 5);
    CHECK(valid_code(code));
    CHECK(code.find_first_of("01OI") == std::string::npos);
    CHECK(generate_code(42) == code);
    CHECK(generate_code(43) != code);
    CHECK(normalise_code("ab3d") == "AB3D");
    CHECK_FALSE(valid_code("abc"));
    CHECK_FALSE(valid_code("abc def"));
    CHECK_FALSE(valid_code("ABCDEFGHI"));
}

TEST_CASE("class report: names stay names in a spreadsheet and in a web page") {
    CHECK(csv_field("Ana") == "Ana");
    CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_field("+1") == "'+1");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(html_escape("<script>alert('x')</script> & \"q\"") ==
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
}
