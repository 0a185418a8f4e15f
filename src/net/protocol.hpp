// The class-session protocol: every message a trainer's host and a trainee's game exchange,
// how each is written, and a decoder that checks length and range before anything is trusted.
// A message that fails any check is refused whole; the host counts it and moves on.
//
// Channels: reliable messages (handshake, the level, inputs, results) go on channel 0 in order;
// the live raft state goes unreliable on channel 1, where a lost one is simply replaced.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/week.hpp"
#include "core/level.hpp"
#include "core/sim.hpp"

namespace cw::net {

// 2: the Hello carries the trainee's reading pace. A Hello from version 1 still decodes (with
// the normal pace) so that the host can tell that trainee plainly to update.
// 3: the host may end one trainee's call for them (Release).
// 4: the Hello carries the learner's id for the company's learning records.
constexpr uint16_t kProtocolVersion = 4;
constexpr uint16_t kDefaultPort = 7777;

// Sizes a peer may send. The host accepts nothing bigger from a trainee than kMaxTraineePacket.
constexpr size_t kMaxNameBytes = 64;        // a name is at most 24 characters; UTF-8 needs room
constexpr size_t kMaxNameChars = 24;
constexpr size_t kMaxCodeBytes = 16;
constexpr size_t kMaxBuildBytes = 64;
constexpr size_t kMaxReasonBytes = 400;
constexpr size_t kMaxLearnerIdBytes = 128;  // an email or an employee number
constexpr size_t kMaxLevelTextBytes = 256 * 1024;
constexpr uint16_t kMaxWeekVars = 64;          // a call's week, as sent with it
constexpr size_t kMaxWeekVarNameBytes = 64;
constexpr size_t kMaxLevelNameBytes = 256;
constexpr int kMaxInputsPerMessage = 600;    // ten seconds of ticks
constexpr int kMaxCalls = 64;                // calls in one session
constexpr int kMaxTicks = 60 * 60 * 30;      // half an hour: no call is longer
constexpr size_t kMaxTraineePacket = 4 * 1024;
constexpr size_t kMaxHostPacket = kMaxLevelTextBytes + 2 * kMaxTicks + 4096;  // a level, or a rejoin's inputs
constexpr int kChannelReliable = 0;
constexpr int kChannelState = 1;
constexpr int kChannelCount = 2;

// An input as it travels: the paddle in 1/127ths. Trainees step their own simulation with the
// quantized input too, so the host's re-simulation sees exactly the same numbers.
struct WireInput {
    int8_t paddle = 0;
    bool breath = false;
};
WireInput to_wire(const Input& in);
Input from_wire(const WireInput& w);

// --- trainee -> host -------------------------------------------------------------------------
struct Hello {
    uint16_t protocol = kProtocolVersion;
    std::string build;
    std::string code;
    std::string name;
    uint64_t rejoin_token = 0;  // 0: a first join; otherwise the token the host gave this name
    std::string breath = "box"; // the trainee's breathing options (they change the simulation)
    bool breath_holds = true;
    double reading_pace = kNormalReadingPace;  // so does the reading pace: 0.5 .. 2, sent exactly
    std::string learner_id = "";  // for the company's learning records ("" for none): never shown to the class
};
// The raft as the trainee sees it now: for the trainer's live view only; the host's own
// re-simulation of the inputs is what counts.
struct RaftState {
    uint16_t call = 0;
    uint32_t tick = 0;
    float progress = 0, lateral = 0, x = 0, y = 0, angle = 0;
    float intensity = 0, composure = 0;
    bool finished = false;
};
// Consecutive ticks of input, from `first_tick`.
struct Inputs {
    uint16_t call = 0;
    uint32_t first_tick = 0;
    std::vector<WireInput> ticks;
};
// The trainee's simulation ended: what it says happened.
struct Finished {
    uint16_t call = 0;
    uint32_t final_tick = 0;
    uint64_t final_hash = 0;
    uint8_t outcome = 0;
    int32_t score = 0;
};
// Projector mode: this trainee's vote at a question.
struct Vote {
    uint16_t call = 0;
    uint16_t node = 0;
    uint8_t reply = 0;
};

// --- host -> trainee -------------------------------------------------------------------------
struct Welcome {
    uint32_t trainee = 0;
    std::string shown_name;   // the name the class sees (a nickname in anonymous mode)
    uint64_t rejoin_token = 0;
    bool projector = false;   // the class steers one raft together; trainees vote
};
struct Refuse {
    std::string reason;
};
// The next call: the level itself (validated by the trainee like any untrusted file).
struct CallInfo {
    uint16_t call = 0;
    uint16_t call_count = 1;
    uint64_t seed = 1;
    std::string level_name;
    std::string level_text;
    WeekValues week = {};  // the trainee's week as this call starts (each trainee has their own)
};
struct Start {
    uint16_t call = 0;
};
struct Pause {
    bool paused = false;
};
// A rejoining trainee's run so far, so it picks up where the host last heard from it.
struct Resume {
    uint16_t call = 0;
    bool started = false;
    bool paused = false;
    std::vector<WireInput> ticks;  // from tick 0
};
// The host re-simulated the trainee's inputs: was the reported result the real one?
struct Confirm {
    uint16_t call = 0;
    bool verified = false;
    uint8_t outcome = 0;
    int32_t score = 0;
};
// Projector mode: the question the class is answering, and later the room's choice.
struct Question {
    uint16_t call = 0;
    uint16_t node = 0;
    bool open = true;            // false: voting closed, `chosen` is the room's reply
    uint8_t chosen = 0;
    std::vector<uint16_t> votes; // per reply, shown to everyone once voting closes
};
struct SessionOver {};
// The trainer ended this trainee's run of the call (it was holding the class): their river
// stops and they wait for the next call. Neither side keeps a result for the run.
struct Release {
    uint16_t call = 0;
};

using Message = std::variant<Hello, RaftState, Inputs, Finished, Vote, Welcome, Refuse, CallInfo, Start, Pause,
                             Resume, Confirm, Question, SessionOver, Release>;

std::vector<uint8_t> encode(const Message& m);

// Decodes one message, or says why not ("" on success). `from_trainee`: only trainee
// messages are accepted (what the host decodes); otherwise only host messages.
struct Decoded {
    std::optional<Message> message;
    std::string error;
};
Decoded decode(const uint8_t* data, size_t size, bool from_trainee);

// Names: trimmed, valid UTF-8, no control characters, 1..kMaxNameChars characters.
// Returns the cleaned name, or nothing with `why` set.
std::optional<std::string> clean_name(const std::string& raw, std::string& why);
bool valid_utf8(const std::string& s);
bool valid_learner_id(const std::string& id);  // UTF-8, no control characters, at most kMaxLearnerIdBytes
size_t utf8_length(const std::string& s);

// A session code: 4 to 8 letters and digits, compared without case.
bool valid_code(const std::string& code);
std::string normalise_code(const std::string& code);
std::string generate_code(uint64_t seed);  // 5 characters, no 0/O or 1/I to misread

const char* message_name(const Message& m);

}  // namespace cw::net
