// Any bytes as a stream of network packets from up to four peers, into the class host's
// decoder and session (the host side), and into a trainee's decoder and session (the client
// side). Neither may crash, hang or grow without bound, whatever arrives in whatever order.
//
// Input layout, repeated: [peer u8][length u16][bytes...]. Peer values 0-3 are trainees
// talking to the host; 4-5 are the host talking to a trainee; 6-7 are the trainer's buttons.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "content/catalogue_loader.hpp"
#include "content/level_loader.hpp"
#include "content/toml_reader.hpp"
#include "net/class_session.hpp"
#include "net/protocol.hpp"
#include "net/trainee_session.hpp"

using namespace cw::net;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const cw::Catalogue catalogue = *cw::load_catalogue_dir(CW_SOURCE_DIR "/assets").catalogue;
    static const ClassCall call = [] {
        std::vector<cw::Problem> problems;
        ClassCall c;
        c.name = "01.toml";
        c.text = *cw::read_text_file(CW_SOURCE_DIR "/levels/campaign/01_mon_missing_parcel.toml", 1 << 20, problems);
        c.level = *cw::load_level_text(c.text, c.name, catalogue).level;
        return c;
    }();
    SessionSettings settings;
    settings.code = "ABCD";
    settings.build = "b";
    settings.projector = size > 0 && (data[0] & 1);
    ClassSession host({call, call}, catalogue, settings);
    Hello hello;
    hello.build = "b";
    hello.code = "ABCD";
    hello.name = "Trainee";
    TraineeSession trainee(catalogue, hello);
    std::optional<uint32_t> ids[4];

    size_t at = 1;
    while (at + 3 <= size) {
        uint8_t peer = data[at] & 7;
        size_t len = data[at + 1] | (data[at + 2] << 8);
        at += 3;
        len = std::min(len, size - at);
        const uint8_t* packet = data + at;
        at += len;
        if (peer < 4) {
            Decoded d = decode(packet, len, true);
            if (!d.message) continue;
            if (!ids[peer]) {
                if (auto* h = std::get_if<Hello>(&*d.message)) {
                    Hello in = *h;
                    if (len > 0 && (packet[0] & 1)) {  // help the fuzzer past the handshake half the time
                        in.build = "b";
                        in.code = "ABCD";
                        in.protocol = kProtocolVersion;
                    }
                    ids[peer] = host.hello(in).trainee;
                }
                continue;
            }
            (void)host.receive(*ids[peer], *d.message);
        } else if (peer < 6) {
            Decoded d = decode(packet, len, false);
            if (!d.message) continue;
            trainee.receive(*d.message);
            if (trainee.can_step() && len > 0) trainee.step(cw::Input{(packet[0] % 3) - 1.0, (packet[0] & 4) != 0});
            trainee.flush_inputs();
            (void)trainee.take_outbox();
        } else {
            uint8_t op = len > 0 ? packet[0] : 0;
            switch (op % 9) {
                case 0: host.start_call(); break;
                case 1: host.set_paused(op & 8); break;
                case 2: host.next_call(); break;
                case 3: host.open_vote(op >> 3); break;
                case 4: host.add_hands(op >> 4, (op & 8) ? 3 : -2); break;
                case 5: (void)host.close_vote(); break;
                case 6: host.end_call(); break;
                case 7:
                    if (ids[op >> 6]) host.disconnected(*ids[op >> 6]);
                    ids[op >> 6].reset();
                    break;
                case 8:
                    if (ids[op >> 6]) host.let_go(*ids[op >> 6]);
                    break;
            }
        }
        (void)host.take_outbox();
    }
    for (int c = 0; c < static_cast<int>(host.calls().size()); ++c) (void)host.reply_spread(c);
    return 0;
}
