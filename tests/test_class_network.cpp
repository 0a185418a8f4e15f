// Class sessions on the loopback network (127.0.0.1 only): the real binary as host and as
// trainees, and a raw ENet peer that misbehaves on purpose.
#include "child_process.hpp"
#include "class_fixtures.hpp"
#include "fixtures.hpp"
#include "loopback_ports.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include <enet/enet.h>
#include <nlohmann/json.hpp>

#include "core/bot.hpp"
#include "core/build_id.hpp"
#include "net/class_session.hpp"
#include "net/lan.hpp"
#include "net/net_client.hpp"
#include "net/net_host.hpp"

namespace fs = std::filesystem;
using namespace cw::net;

namespace {

// A free UDP port on 127.0.0.1 (the kernel picks; we let go of it just before the host binds it).
uint16_t free_port() { return cwtest::free_loopback_port(SOCK_DGRAM); }

using cwtest::Child;

// The binary with a data folder of its own, its output going to files in `dir`.
Child spawn(const std::vector<std::string>& args, const fs::path& dir, const std::string& tag, const fs::path& home) {
    return cwtest::spawn_binary(args, dir / (tag + ".out"), dir / (tag + ".err"), {{"CALMWATERS_HOME=" + home.string()}});
}

fs::path write_level(const fs::path& dir) {
    fs::path p = dir / "fork.toml";
    std::ofstream(p) << cwtest::forked_river(3);
    return p;
}

std::vector<std::string> host_args(const fs::path& level, uint16_t port, int expect, const fs::path& report) {
    return {"host", level.string(), "--headless", "--bind", "127.0.0.1", "--port", std::to_string(port), "--code",
            "RIVER", "--expect", std::to_string(expect), "--report", report.string(), "--timeout", "90"};
}

std::vector<std::string> join_args(uint16_t port, const std::string& name, int seed, int speed,
                                   const std::string& code = "river") {
    return {"join", "127.0.0.1:" + std::to_string(port), "--code", code, "--name", name, "--headless", "--bot",
            "random", "--seed", std::to_string(seed), "--speed", std::to_string(speed)};
}

// The report's CSV as name -> (replies, result check).
std::map<std::string, std::pair<std::string, std::string>> csv_rows(const fs::path& report) {
    std::map<std::string, std::pair<std::string, std::string>> rows;
    std::ifstream in(report / "class-RIVER.csv");
    REQUIRE(in);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) f.push_back(cell);
        REQUIRE(f.size() >= 11);
        rows[f[2]] = {f[10], f[9]};
    }
    return rows;
}

std::string joined(const nlohmann::json& replies) {
    std::string s;
    for (const auto& r : replies) s += (s.empty() ? "" : " ") + r.get<std::string>();
    return s;
}

}  // namespace

TEST_CASE("class network: a host with ten headless trainees finishes, and the report holds all ten with their replies") {
    fs::path dir = cwtest::case_dir();
    fs::path level = write_level(dir);
    uint16_t port = free_port();
    Child host = spawn(host_args(level, port, 10, dir / "report"), dir, "host", dir / "home-host");
    REQUIRE_MESSAGE(host.said("Hosting a class on port"), host.stderr_text());
    std::vector<Child> trainees;
    for (int i = 0; i < 10; ++i)
        trainees.push_back(spawn(join_args(port, "Trainee " + std::to_string(i), i + 1, 40), dir,
                                 "t" + std::to_string(i), dir / ("home" + std::to_string(i))));
    std::map<std::string, std::string> said;  // name -> replies, as each trainee reported them
    for (int i = 0; i < 10; ++i) {
        INFO(trainees[i].stderr_text());
        REQUIRE(trainees[i].wait() == 0);
        auto j = nlohmann::json::parse(trainees[i].stdout_text());
        REQUIRE(j["calls"].size() == 1);
        CHECK(j["calls"][0]["confirmed"] == true);
        said[j["name"]] = joined(j["calls"][0]["replies"]);
    }
    INFO(host.stderr_text());
    REQUIRE(host.wait() == 0);
    auto summary = nlohmann::json::parse(host.stdout_text());
    CHECK(summary["trainees"] == 10);
    CHECK(summary["calls"][0]["finished"] == 10);
    CHECK(summary["reports"].size() == 3);
    auto rows = csv_rows(dir / "report");
    REQUIRE(rows.size() == 10);
    for (const auto& [name, replies] : said) {
        CHECK(rows[name].first == replies);
        CHECK(rows[name].second == "verified");
    }
    CHECK(fs::file_size(dir / "report" / "class-RIVER.html") > 1000);
    // The saved statements: each of the ten completed the call once, under one registration.
    auto statements = nlohmann::json::parse(cwtest::slurp(dir / "report" / "class-RIVER.xapi.json"));
    std::set<std::string> completed, registrations;
    for (const auto& st : statements) {
        registrations.insert(st["context"]["registration"].get<std::string>());
        if (st["verb"]["display"]["en-US"] == "completed") completed.insert(st["actor"]["name"].get<std::string>());
    }
    CHECK(completed.size() == 10);
    CHECK(registrations.size() == 1);
}

TEST_CASE("class network: a wrong code is refused with a message") {
    fs::path dir = cwtest::case_dir();
    uint16_t port = free_port();
    Child host = spawn(host_args(write_level(dir), port, 1, dir / "report"), dir, "host", dir / "home");
    REQUIRE_MESSAGE(host.said("Hosting a class on port"), host.stderr_text());
    Child wrong = spawn(join_args(port, "Eve", 1, 40, "WRONG"), dir, "wrong", dir / "home-e");
    CHECK(wrong.wait() == 3);
    CHECK(wrong.stderr_text().find("code is not right") != std::string::npos);
    Child right = spawn(join_args(port, "Ana", 1, 40), dir, "right", dir / "home-a");
    CHECK(right.wait() == 0);
    CHECK(host.wait() == 0);
}

TEST_CASE("class network: a trainee killed mid-call and restarted rejoins and finishes") {
    fs::path dir = cwtest::case_dir();
    uint16_t port = free_port();
    Child host = spawn(host_args(write_level(dir), port, 2, dir / "report"), dir, "host", dir / "home-h");
    REQUIRE_MESSAGE(host.said("Hosting a class on port"), host.stderr_text());
    Child ben = spawn(join_args(port, "Ben", 2, 20), dir, "ben", dir / "home-b");
    Child ana = spawn(join_args(port, "Ana", 1, 4), dir, "ana1", dir / "home-a");
    REQUIRE_MESSAGE(host.said("Ana joined."), host.stderr_text());
    REQUIRE_MESSAGE(host.said("Ben joined."), host.stderr_text());
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // Ana is a little way into the river
    ana.kill_now();
    Child again = spawn(join_args(port, "Ana", 1, 20), dir, "ana2", dir / "home-a");  // same home: same token
    INFO(again.stderr_text());
    CHECK(again.wait() == 0);
    CHECK(ben.wait() == 0);
    REQUIRE(host.wait() == 0);
    auto rows = csv_rows(dir / "report");
    REQUIRE(rows.size() == 2);
    CHECK(rows["Ana"].second == "verified");
    CHECK(host.stderr_text().find("Ana is back") != std::string::npos);
}

TEST_CASE("class network: trainees finish and keep their result when the host vanishes") {
    fs::path dir = cwtest::case_dir();
    uint16_t port = free_port();
    Child host = spawn(host_args(write_level(dir), port, 2, dir / "report"), dir, "host", dir / "home-h");
    REQUIRE_MESSAGE(host.said("Hosting a class on port"), host.stderr_text());
    // They try to reach the class again for two seconds (not the usual 45) before finishing alone.
    auto joiner = [&](const std::string& name, int seed) {
        std::vector<std::string> args = join_args(port, name, seed, 12);
        args.insert(args.end(), {"--reconnect-for", "2"});
        return args;
    };
    Child ana = spawn(joiner("Ana", 1), dir, "ana", dir / "home-a");
    Child ben = spawn(joiner("Ben", 2), dir, "ben", dir / "home-b");
    // Both in, so the call has begun; at this speed it lasts about ten seconds.
    REQUIRE_MESSAGE(host.said("Ana joined."), host.stderr_text());
    REQUIRE_MESSAGE(host.said("Ben joined."), host.stderr_text());
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    host.kill_now();  // no goodbye
    for (Child* c : {&ana, &ben}) {
        INFO(c->stderr_text());
        CHECK(c->wait() == 5);
        auto j = nlohmann::json::parse(c->stdout_text());
        CHECK(j["host"] == "lost");
        CHECK(j["result"]["outcome"] == "resolved");
        CHECK(fs::exists(j["kept"].get<std::string>()));
    }
}

// Pumps a host and two well-behaved trainees in this thread while a raw ENet peer sends junk.
TEST_CASE("class network: malformed, oversized and flooding messages leave the host serving the others") {
    ClassSession session = cwtest::one_call_class();
    NetHost host(session);
    std::string error;
    REQUIRE_MESSAGE(host.listen("127.0.0.1", 0, error), error);

    struct Seat {
        std::unique_ptr<TraineeSession> session;
        std::unique_ptr<NetClient> client;
        cw::SteeringBot bot{cw::BotPolicy::calm, 1};
    };
    std::vector<Seat> seats(2);
    for (int i = 0; i < 2; ++i) {
        Hello h;
        h.build = "test-build";
        h.code = "RIVER";
        h.name = i == 0 ? "Ana" : "Ben";
        seats[i].session = std::make_unique<TraineeSession>(cwtest::catalogue(), h);
        seats[i].client = std::make_unique<NetClient>(*seats[i].session);
        REQUIRE(seats[i].client->connect("127.0.0.1:" + std::to_string(host.port()), error));
    }
    // The hostile peer: plain ENet, no manners.
    ENetHost* raw = enet_host_create(nullptr, 1, 2, 0, 0);
    REQUIRE(raw);
    raw->maximumPacketSize = 4 * 1024 * 1024;
    ENetAddress addr{};
    enet_address_set_host_ip(&addr, "127.0.0.1");
    addr.port = host.port();
    ENetPeer* evil = enet_host_connect(raw, &addr, 2, 0);
    auto evil_send = [&](const std::vector<uint8_t>& bytes, int channel = 0) {
        ENetPacket* p = enet_packet_create(bytes.data(), bytes.size(), ENET_PACKET_FLAG_RELIABLE);
        if (enet_peer_send(evil, static_cast<uint8_t>(channel), p) != 0) enet_packet_destroy(p);
    };
    bool evil_connected = false, evil_dropped = false;
    auto pump = [&](int ms) {
        host.service(static_cast<uint32_t>(ms));
        for (Seat& s : seats) s.client->service(0);
        ENetEvent e;
        while (enet_host_service(raw, &e, 0) > 0) {
            if (e.type == ENET_EVENT_TYPE_CONNECT) evil_connected = true;
            if (e.type == ENET_EVENT_TYPE_DISCONNECT) evil_dropped = true;
            if (e.type == ENET_EVENT_TYPE_RECEIVE) enet_packet_destroy(e.packet);
        }
    };
    for (int i = 0; i < 200 && (session.connected_count() < 2 || !evil_connected); ++i) pump(5);
    REQUIRE(session.connected_count() == 2);
    REQUIRE(evil_connected);

    // Junk before any hello: garbage, a message a host would send, an empty packet, a huge one.
    evil_send({0xFF, 0x00, 0x13});
    evil_send(encode(SessionOver{}));
    evil_send({});
    evil_send(std::vector<uint8_t>(200 * 1024, 0x41));
    // Then it gets in properly (it knows the code) and turns nasty.
    Hello mallory;
    mallory.build = "test-build";
    mallory.code = "RIVER";
    mallory.name = "Mallory";
    evil_send(encode(mallory));
    for (int i = 0; i < 100 && session.connected_count() < 3; ++i) pump(5);
    REQUIRE(session.connected_count() == 3);
    session.start_call();
    // Then a flood, while the class plays.
    std::vector<uint8_t> junk = encode(RaftState{0, 1, 1, 1, 1, 1, 1, 50, 50, false});
    junk[3] ^= 0xFF;
    int flooded = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        if (!evil_dropped && evil->state == ENET_PEER_STATE_CONNECTED)
            for (int k = 0; k < 50; ++k, ++flooded) evil_send(junk, k % 2);
        for (int k = 0; k < 30; ++k)  // trainees play half a second per pass
            for (Seat& s : seats)
                if (s.session->can_step()) s.session->step(s.bot.decide(*s.session->sim()));
        pump(1);
        if (session.call_done() || (evil_dropped && seats[0].session->phase() == TraineePhase::confirmed &&
                                    seats[1].session->phase() == TraineePhase::confirmed))
            break;
    }
    pump(20);
    for (Seat& s : seats) {
        CHECK(s.session->phase() == TraineePhase::confirmed);
        CHECK(s.session->results().at(0).verified);
    }
    CHECK(flooded > 600);
    CHECK(host.traffic().refused >= 4);
    CHECK(host.traffic().dropped_for_rate > 0);
    CHECK(evil_dropped);  // flooding ended its connection
    CHECK(host.traffic().peers_dropped >= 1);
    for (const Trainee& t : session.trainees())
        if (t.name == "Mallory") CHECK(t.runs.at(0).verdict == Verdict::playing);  // nothing of hers was believed
    enet_host_destroy(raw);
}

TEST_CASE("class network: a trainee's game finds a class on the network and ignores stray answers") {
    uint16_t discovery = free_port();
    DiscoveryResponder responder;
    REQUIRE(responder.open("127.0.0.1", discovery, 7777, "The Flat-Pack Shelf"));
    DiscoveryFinder finder;
    REQUIRE(finder.ask("127.0.0.1", discovery));
    for (int i = 0; i < 200 && finder.found().empty(); ++i) {
        responder.poll();
        finder.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(finder.found().size() == 1);
    CHECK(finder.found()[0].address == "127.0.0.1:7777");
    CHECK(finder.found()[0].title == "The Flat-Pack Shelf");
    CHECK(responder.answered() == 1);

    // Something else on the network answers in the wrong shape: that is not a class.
    int fake = socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in at{};
    at.sin_family = AF_INET;
    at.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(fake, reinterpret_cast<sockaddr*>(&at), sizeof at) == 0);
    socklen_t len = sizeof at;
    getsockname(fake, reinterpret_cast<sockaddr*>(&at), &len);
    DiscoveryFinder other;
    REQUIRE(other.ask("127.0.0.1", ntohs(at.sin_port)));
    char question[64];
    sockaddr_in from{};
    socklen_t from_len = sizeof from;
    REQUIRE(recvfrom(fake, question, sizeof question, 0, reinterpret_cast<sockaddr*>(&from), &from_len) > 0);
    for (const char* junk : {"HELLO", "CALMWATERS!1 notaport title", "CALMWATERS!1 999999 x", "CALMWATERS!1 99999 y", "CALMWATERS!1 7777 \xff\xfe"})
        sendto(fake, junk, std::strlen(junk), 0, reinterpret_cast<sockaddr*>(&from), from_len);
    for (int i = 0; i < 40; ++i) {
        other.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    close(fake);
    REQUIRE(other.found().size() == 1);  // only the well-formed answer, its broken title dropped
    CHECK(other.found()[0].address == "127.0.0.1:7777");
    CHECK(other.found()[0].title.empty());
}

TEST_CASE("class network: a headless trainee the trainer ends the call for says so, and the host reports it") {
    fs::path dir = cwtest::case_dir();
    // The trainer's game, in this process: the same build as the binary the trainee runs.
    ClassCall call;
    call.name = "fork.toml";
    call.text = cwtest::forked_river(3);
    call.level = cwtest::level_from(call.text, call.name);
    SessionSettings settings;
    settings.code = "RIVER";
    settings.build = cw::build_id();
    ClassSession session({call}, cwtest::catalogue(), settings);
    NetHost host(session);
    std::string error;
    REQUIRE_MESSAGE(host.listen("127.0.0.1", 0, error), error);
    Child ana = spawn(join_args(host.port(), "Ana", 1, 1), dir, "ana", dir / "home-a");  // real time: she holds the call
    for (int i = 0; i < 1000 && session.connected_count() < 1; ++i) host.service(10);
    REQUIRE(session.connected_count() == 1);
    session.start_call();
    for (int i = 0; i < 100; ++i) host.service(10);  // a second into the river
    const uint32_t ana_id = session.trainees().at(0).id;
    REQUIRE(session.still_playing(ana_id));
    host.let_go(ana_id);
    for (int i = 0; i < 50; ++i) host.service(10);
    CHECK(session.call_done());
    session.end_call();
    CHECK_FALSE(session.next_call());  // the last call: the session is over
    host.close(1000);
    INFO(ana.stderr_text());
    REQUIRE(ana.wait(30) == 0);
    auto out = nlohmann::json::parse(cwtest::slurp(dir / "ana.out"));
    REQUIRE(out["calls"].size() == 1);
    CHECK(out["calls"][0]["ended_by_trainer"] == true);
    CHECK_FALSE(out["calls"][0].contains("score"));
    CHECK(ana.stderr_text().find("the trainer ended 1 call for us") != std::string::npos);
    CHECK(session.trainees().at(0).runs.at(0).verdict == Verdict::ended);
}
