// A class against the network and the people on it, on loopback (127.0.0.1 only): a burst of
// forged connection attempts must not keep a real trainee out, a trainee who says hello and then
// nothing must not hold the call open, and loss and blackouts must not lose anyone's result.
// These are slow, so they run in the normal pass only.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include <enet/enet.h>
#include <enet/protocol.h>

#include "core/bot.hpp"
#include "class_fixtures.hpp"
#include "fault_relay.hpp"
#include "net/class_session.hpp"
#include "net/net_client.hpp"
#include "net/net_host.hpp"
#include "net/trainee_session.hpp"

using namespace cw::net;

namespace {

Hello hello_as(const std::string& name) {
    Hello h;
    h.build = "test-build";
    h.code = "RIVER";
    h.name = name;
    return h;
}

// The first datagram of an ENet handshake, as a forger would send it and never follow up.
std::vector<uint8_t> forged_connect(uint32_t connect_id) {
    struct {
        ENetProtocolHeader header;
        ENetProtocolConnect connect;
    } ENET_PACKED d{};
    d.header.peerID = htons(ENET_PROTOCOL_MAXIMUM_PEER_ID | ENET_PROTOCOL_HEADER_FLAG_SENT_TIME);
    d.header.sentTime = htons(1);
    d.connect.header.command = ENET_PROTOCOL_COMMAND_CONNECT | ENET_PROTOCOL_COMMAND_FLAG_ACKNOWLEDGE;
    d.connect.header.channelID = 0xFF;
    d.connect.header.reliableSequenceNumber = htons(1);
    d.connect.outgoingPeerID = htons(0);
    d.connect.mtu = htonl(1400);
    d.connect.windowSize = htonl(ENET_PROTOCOL_MAXIMUM_WINDOW_SIZE);
    d.connect.channelCount = htonl(2);
    d.connect.packetThrottleInterval = htonl(ENET_PEER_PACKET_THROTTLE_INTERVAL);
    d.connect.packetThrottleAcceleration = htonl(ENET_PEER_PACKET_THROTTLE_ACCELERATION);
    d.connect.packetThrottleDeceleration = htonl(ENET_PEER_PACKET_THROTTLE_DECELERATION);
    d.connect.connectID = htonl(connect_id);
    const auto* bytes = reinterpret_cast<const uint8_t*>(&d);
    return {bytes, bytes + sizeof d};
}

bool log_has(const NetHost& host, const std::string& words) {
    for (const std::string& line : host.log())
        if (line.find(words) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("class abuse: a burst of forged connection attempts does not keep a real trainee out" * cwtest::slow()) {
    ClassSession session = cwtest::one_call_class();
    NetHost host(session);
    std::string error;
    REQUIRE_MESSAGE(host.listen("127.0.0.1", 0, error), error);

    // More forged CONNECTs than the host has slots, from one address, all at once.
    int udp = socket(AF_INET, SOCK_DGRAM, 0);
    REQUIRE(udp >= 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    to.sin_port = htons(host.port());
    const int burst = kClassPeerSlots + 200;
    for (int i = 0; i < burst; ++i) {
        std::vector<uint8_t> d = forged_connect(static_cast<uint32_t>(1000 + i));
        sendto(udp, d.data(), d.size(), 0, reinterpret_cast<const sockaddr*>(&to), sizeof to);
        if (i % 64 == 63) host.service(0);  // the socket's buffer holds only so much at once
    }
    host.service(0);

    // A real trainee, from the same address (a class may share one), gets in within seconds.
    TraineeSession ana(cwtest::catalogue(), hello_as("Ana"));
    NetClient client(ana);
    REQUIRE(client.connect("127.0.0.1:" + std::to_string(host.port()), error));
    auto start = std::chrono::steady_clock::now();
    while (ana.phase() == TraineePhase::joining && std::chrono::steady_clock::now() - start < std::chrono::seconds(15)) {
        host.service(5);
        client.service(0);
    }
    const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string shown;
    for (const std::string& line : host.log()) shown += line + "\n";
    CHECK_MESSAGE(ana.phase() == TraineePhase::lobby, shown, " link ", static_cast<int>(client.link()), " ", client.error());
    CHECK(waited < 8.0);
    CHECK(session.connected_count() == 1);
    CHECK(host.traffic().handshakes_dropped > 0);
    CHECK(log_has(host, "connection attempts that did not finish"));  // the trainer can see it happened
    close(udp);
}

TEST_CASE("class abuse: a trainee who says hello and then nothing does not hold the call" * cwtest::slow()) {
    ClassSession session = cwtest::one_call_class();
    PeerLimits limits;
    limits.silent_trainee_ms = 2000;
    NetHost host(session, limits);
    std::string error;
    REQUIRE_MESSAGE(host.listen("127.0.0.1", 0, error), error);

    TraineeSession ana(cwtest::catalogue(), hello_as("Ana"));
    NetClient client(ana);
    REQUIRE(client.connect("127.0.0.1:" + std::to_string(host.port()), error));
    // The silent one: plain ENet, a hello, then only ENet's own keep-alives.
    ENetHost* raw = enet_host_create(nullptr, 1, 2, 0, 0);
    REQUIRE(raw);
    ENetAddress addr{};
    enet_address_set_host_ip(&addr, "127.0.0.1");
    addr.port = host.port();
    ENetPeer* quiet = enet_host_connect(raw, &addr, 2, 0);
    bool said_hello = false;
    auto pump = [&](uint32_t ms) {
        host.service(ms);
        client.service(0);
        ENetEvent e;
        while (enet_host_service(raw, &e, 0) > 0) {
            if (e.type == ENET_EVENT_TYPE_CONNECT && !said_hello) {
                std::vector<uint8_t> bytes = encode(hello_as("Quiet"));
                enet_peer_send(quiet, 0, enet_packet_create(bytes.data(), bytes.size(), ENET_PACKET_FLAG_RELIABLE));
                said_hello = true;
            }
            if (e.type == ENET_EVENT_TYPE_RECEIVE) enet_packet_destroy(e.packet);
        }
    };
    for (int i = 0; i < 400 && session.trainees().size() < 2; ++i) pump(5);
    REQUIRE(session.trainees().size() == 2);

    session.start_call();
    cw::SteeringBot bot(cw::BotPolicy::calm, 1);
    auto start = std::chrono::steady_clock::now();
    while (!session.call_done() && std::chrono::steady_clock::now() - start < std::chrono::seconds(30)) {
        for (int k = 0; k < 30; ++k)
            if (ana.can_step()) ana.step(bot.decide(*ana.sim()));
        pump(1);
    }
    REQUIRE(session.call_done());
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(took < 15.0);  // not the host's whole --timeout
    for (const Trainee& t : session.trainees()) {
        if (t.name == "Quiet") CHECK(t.runs.at(0).verdict == Verdict::left);
        if (t.name == "Ana") CHECK(t.runs.at(0).verdict == Verdict::verified);
    }
    CHECK(log_has(host, "Quiet sent nothing for 2 s and is marked as having left this call."));
    enet_host_destroy(raw);
}

TEST_CASE("class faults: at 20% loss and through a 10 s blackout mid-call, every trainee ends verified, as the host has it" *
          cwtest::slow()) {
    ClassSession session = cwtest::one_call_class();
    NetHost host(session);
    std::string error;
    REQUIRE_MESSAGE(host.listen("127.0.0.1", 0, error), error);
    constexpr int kTrainees = 10;
    cwtest::FaultRelay relay(host.port(), kTrainees, 7);

    struct Seat {
        std::unique_ptr<TraineeSession> session;
        std::unique_ptr<NetClient> client;
        std::unique_ptr<cw::SteeringBot> bot;
    };
    std::vector<Seat> seats(kTrainees);
    for (int i = 0; i < kTrainees; ++i) {
        seats[i].session = std::make_unique<TraineeSession>(cwtest::catalogue(), hello_as("Trainee " + std::to_string(i)));
        seats[i].client = std::make_unique<NetClient>(*seats[i].session);
        seats[i].bot = std::make_unique<cw::SteeringBot>(i % 2 ? cw::BotPolicy::random : cw::BotPolicy::calm, i + 1);
        REQUIRE(seats[i].client->connect("127.0.0.1:" + std::to_string(relay.port(i)), error));
    }
    auto pump = [&] {
        host.service(0);
        for (Seat& s : seats) s.client->service(0);
    };
    auto joined = std::chrono::steady_clock::now();
    while (session.connected_count() < kTrainees && std::chrono::steady_clock::now() - joined < std::chrono::seconds(30)) {
        pump();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    std::string seats_shown;
    for (const Seat& s : seats)
        seats_shown += s.session->hello().name + ": link " + std::to_string(static_cast<int>(s.client->link())) + ", " +
                       s.client->error() + ", " + trainee_phase_id(s.session->phase()) + ", " + s.session->problem() + "\n";
    INFO(seats_shown);
    REQUIRE(session.connected_count() == kTrainees);

    // The call, at four times real speed: the blackout runs from 4 s to 14 s of it (16 s to
    // 56 s of the river), so links drop mid-call and come back with the call still going.
    session.start_call();
    // A fifth of the datagrams each way for the rest of the call. To measure other points:
    // CW_FAULT_LOSS=0.3 CW_FAULT_BLACKOUT_S=20 build/tests/cw_tests -tc="class faults: at*"
    const double loss = std::getenv("CW_FAULT_LOSS") ? std::atof(std::getenv("CW_FAULT_LOSS")) : 0.2;
    const double blackout = std::getenv("CW_FAULT_BLACKOUT_S") ? std::atof(std::getenv("CW_FAULT_BLACKOUT_S")) : 10.0;
    relay.set_loss(loss, loss);
    const auto start = std::chrono::steady_clock::now();
    auto last = start;
    double owed = 0;
    while (!session.call_done() && std::chrono::steady_clock::now() - start < std::chrono::seconds(120)) {
        const auto now = std::chrono::steady_clock::now();
        const double t = std::chrono::duration<double>(now - start).count();
        relay.set_blackout(t > 4.0 && t < 4.0 + blackout);
        owed += std::chrono::duration<double>(now - last).count() * 60.0 * 4.0;
        last = now;
        for (; owed >= 1; owed -= 1)
            for (Seat& s : seats)
                if (s.session->can_step()) s.session->step(s.bot->decide(*s.session->sim()));
        pump();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    // The last confirmations are on their way, resent as often as the lossy link needs.
    auto all_confirmed = [&] {
        for (const Seat& s : seats)
            if (s.session->phase() != TraineePhase::confirmed) return false;
        return true;
    };
    const auto done = std::chrono::steady_clock::now();
    while (!all_confirmed() && std::chrono::steady_clock::now() - done < std::chrono::seconds(20)) {
        pump();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    std::string shown;
    for (const std::string& line : host.log()) shown += line + "\n";
    INFO(shown);
    REQUIRE(session.call_done());

    int reconnected = 0;
    for (int i = 0; i < kTrainees; ++i) {
        const Seat& s = seats[static_cast<size_t>(i)];
        CAPTURE(i);
        CAPTURE(static_cast<int>(s.client->link()));
        CAPTURE(s.client->reconnects());
        CAPTURE(trainee_phase_id(s.session->phase()));
        CAPTURE(s.client->error());
        CAPTURE(s.session->problem());
        reconnected += s.client->reconnects() > 0 ? 1 : 0;
        REQUIRE(s.session->phase() == TraineePhase::confirmed);
        const ConfirmedCall& kept = s.session->results().at(0);
        CHECK(kept.verified);
        // What the trainee keeps is the host's record of the same run.
        CHECK(kept.score == s.session->sim()->score().total);
        CHECK(kept.outcome == s.session->sim()->state().outcome);
        const Trainee* t = nullptr;
        for (const Trainee& candidate : session.trainees())
            if (candidate.name == s.session->hello().name) t = &candidate;
        REQUIRE(t);
        CHECK(t->runs.at(0).verdict == Verdict::verified);
        REQUIRE(t->runs.at(0).reported);
        CHECK(t->runs.at(0).reported->score == kept.score);
    }
    CHECK(reconnected == kTrainees);  // ten seconds is past every link's timeout
    MESSAGE("at " << loss * 100 << "% loss and a " << blackout << " s blackout: relay forwarded " << relay.forwarded() << " datagrams and dropped " << relay.dropped() << "; "
                               << reconnected << " of " << kTrainees << " trainees reconnected");
}

TEST_CASE("class faults: a trainee whose link drops and never comes back is marked unfinished after the grace period" *
          cwtest::slow()) {
    ClassSession session = cwtest::one_call_class();
    PeerLimits limits;
    limits.rejoin_grace_ms = 1500;
    NetHost host(session, limits);
    std::string error;
    REQUIRE_MESSAGE(host.listen("127.0.0.1", 0, error), error);
    cwtest::FaultRelay relay(host.port(), 1, 3);
    TraineeSession ana(cwtest::catalogue(), hello_as("Ana"));
    NetClient client(ana);
    REQUIRE(client.connect("127.0.0.1:" + std::to_string(relay.port(0)), error));
    for (int i = 0; i < 400 && session.connected_count() < 1; ++i) {
        host.service(5);
        client.service(0);
    }
    REQUIRE(session.connected_count() == 1);
    session.start_call();
    for (int i = 0; i < 400 && ana.phase() != TraineePhase::playing; ++i) {
        host.service(5);
        client.service(0);
    }
    REQUIRE(ana.phase() == TraineePhase::playing);
    relay.set_blackout(true);  // and it never lifts
    const auto start = std::chrono::steady_clock::now();
    while (!session.call_done() && std::chrono::steady_clock::now() - start < std::chrono::seconds(30)) {
        host.service(5);
        client.service(0);
        if (ana.can_step()) ana.step({});
    }
    REQUIRE(session.call_done());
    CHECK(session.trainees().at(0).runs.at(0).verdict == Verdict::unfinished);
    CHECK(log_has(host, "Ana did not come back within 1 s; their call is marked unfinished."));
    CHECK(ana.phase() == TraineePhase::playing);  // her game plays on, and keeps trying
}

TEST_CASE("class abuse: the trainer ends the call for a trainee who holds it, over the network") {
    ClassSession session = cwtest::one_call_class();
    NetHost host(session);
    std::string error;
    REQUIRE_MESSAGE(host.listen("127.0.0.1", 0, error), error);
    TraineeSession ana(cwtest::catalogue(), hello_as("Ana")), ben(cwtest::catalogue(), hello_as("Ben"));
    NetClient ana_link(ana), ben_link(ben);
    const std::string address = "127.0.0.1:" + std::to_string(host.port());
    REQUIRE(ana_link.connect(address, error));
    REQUIRE(ben_link.connect(address, error));
    auto pump = [&] {
        host.service(1);
        ana_link.service(0);
        ben_link.service(0);
    };
    for (int i = 0; i < 1000 && session.connected_count() < 2; ++i) pump();
    REQUIRE(session.connected_count() == 2);

    session.start_call();
    cw::SteeringBot bot(cw::BotPolicy::calm, 1);
    // Ana plays to the end; Ben's game is connected and talking, but he has stopped playing.
    for (int i = 0; i < 20000 && !(ana.phase() == TraineePhase::confirmed && ben.phase() == TraineePhase::playing); ++i) {
        for (int k = 0; k < 60; ++k)
            if (ana.can_step()) ana.step(bot.decide(*ana.sim()));
        pump();
    }
    REQUIRE(ana.phase() == TraineePhase::confirmed);
    CHECK_FALSE(session.call_done());
    auto trainee_named = [&](const std::string& name) -> const Trainee& {
        for (const Trainee& t : session.trainees())
            if (t.name == name) return t;
        FAIL("no trainee called " << name);
        return session.trainees().front();
    };
    const uint32_t ben_id = trainee_named("Ben").id;

    host.let_go(ben_id);
    for (int i = 0; i < 1000 && ben.phase() != TraineePhase::released; ++i) pump();
    CHECK(ben.phase() == TraineePhase::released);
    CHECK(session.call_done());
    CHECK(trainee_named("Ben").runs.at(0).verdict == Verdict::ended);
    CHECK(trainee_named("Ana").runs.at(0).verdict == Verdict::verified);
    CHECK(log_has(host, "You ended Ben's call for them"));
}
