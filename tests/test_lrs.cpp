// Learning records against a real record store (xapi-statements on 127.0.0.1, see
// lrs_server.hpp) and against stubs that stage its failures. These start node and the game
// many times, so they run in the normal pass only.
#include "child_process.hpp"
#include "fixtures.hpp"
#include "http_stub.hpp"
#include "loopback_ports.hpp"
#include "lrs_server.hpp"
#include "store/record_outbox.hpp"
#include "xapi/lrs_client.hpp"
#include "xapi/record_sender.hpp"
#include "xapi/uuid.hpp"

#include <fstream>
#include <map>
#include <set>

namespace fs = std::filesystem;
using cwtest::run_cli;

namespace {

uint16_t free_tcp_port() { return cwtest::free_loopback_port(SOCK_STREAM); }

// The environment of a headless player whose records go to `endpoint`.
std::vector<std::string> player_env(const fs::path& home, const std::string& endpoint, const std::string& secret = "test") {
    return {"CALMWATERS_HOME=" + home.string(), "CALMWATERS_LRS_ENDPOINT=" + endpoint, "CALMWATERS_LRS_KEY=test",
            "CALMWATERS_LRS_SECRET=" + secret, "CALMWATERS_SYSTEM_SETTINGS=" + (home / "no-system-file").string()};
}

nlohmann::json status_of(const std::vector<std::string>& env) {
    cwtest::Finished f = run_cli({"xapi", "status", "--json"}, env);
    REQUIRE_MESSAGE(f.code == 0, f.err);
    return nlohmann::json::parse(f.out);
}

std::map<std::string, int> verb_counts(const std::vector<nlohmann::json>& statements) {
    std::map<std::string, int> n;
    for (const auto& s : statements) ++n[s["verb"]["id"].get<std::string>().substr(31)];  // after .../verbs/
    return n;
}

}  // namespace

TEST_CASE("lrs: a headless practice run lands its statements in a real record store" * cwtest::slow()) {
    fs::path home = cwtest::case_dir() / "home";
    cwtest::LrsServer lrs;
    lrs.start(free_tcp_port());
    auto env = player_env(home, lrs.url());
    cwtest::Finished run = run_cli({"run", cwtest::source_path("levels/flatpack_shelf.toml"), "--bot", "calm", "--profile", "Ana"}, env);
    REQUIRE_MESSAGE(run.code == 0, run.err);
    const int replies = static_cast<int>(nlohmann::json::parse(run.out)["choices"].size());

    std::vector<nlohmann::json> got = lrs.statements();
    REQUIRE(got.size() == static_cast<size_t>(replies + 4));
    std::map<std::string, int> verbs = verb_counts(got);
    CHECK(verbs["initialized"] == 1);
    CHECK(verbs["answered"] == replies);
    CHECK(verbs["completed"] == 1);
    CHECK(verbs["passed"] + verbs["failed"] == 1);
    CHECK(verbs["terminated"] == 1);
    std::set<std::string> registrations;
    for (const auto& s : got) {
        registrations.insert(s["context"]["registration"].get<std::string>());
        CHECK(s["actor"]["account"]["name"] == "Ana");
    }
    CHECK(registrations.size() == 1);
    nlohmann::json st = status_of(env);
    CHECK(st["queued"] == 0);
    CHECK(st["sent"] == replies + 4);
    CHECK(st["failed"] == 0);
    CHECK(st["last_error"] == "");
    CHECK(st.dump().find("CALMWATERS") == std::string::npos);
}

TEST_CASE("lrs: with the store down records wait, then go exactly once when it is back" * cwtest::slow()) {
    fs::path home = cwtest::case_dir() / "home";
    const uint16_t port = free_tcp_port();
    const std::string endpoint = "http://127.0.0.1:" + std::to_string(port) + "/xAPI/";
    auto env = player_env(home, endpoint);
    for (const char* bot : {"calm", "random"}) {
        cwtest::Finished run = run_cli({"run", cwtest::source_path("levels/flatpack_shelf.toml"), "--bot", bot, "--profile", "Ana"}, env);
        REQUIRE_MESSAGE(run.code == 0, run.err);  // the attempt is kept whatever the network does
        CHECK(run.err.find("kept to send later") != std::string::npos);
    }
    nlohmann::json waiting = status_of(env);
    const int queued = waiting["queued"];
    CHECK(queued > 8);
    CHECK(waiting["last_error"].get<std::string>().find("did not answer") != std::string::npos);
    cwtest::Finished down = run_cli({"xapi", "send"}, env);
    CHECK(down.code == 1);
    CHECK(down.err.find("still waiting") != std::string::npos);

    cwtest::LrsServer lrs;
    lrs.start(port);
    cwtest::Finished up = run_cli({"xapi", "send"}, env);
    CHECK_MESSAGE(up.code == 0, up.err);
    CHECK(lrs.statements().size() == static_cast<size_t>(queued));
    CHECK(run_cli({"xapi", "send"}, env).code == 0);  // nothing left, nothing sent twice
    std::vector<nlohmann::json> got = lrs.statements();
    std::set<std::string> ids;
    for (const auto& s : got) ids.insert(s["id"].get<std::string>());
    CHECK(ids.size() == static_cast<size_t>(queued));
    CHECK(status_of(env)["last_error"] == "");
}

TEST_CASE("lrs: a send killed half-way loses nothing and duplicates nothing" * cwtest::slow()) {
    fs::path home = cwtest::case_dir() / "home";
    cwtest::HttpStub hangs(0);  // takes the records and never answers
    auto env = player_env(home, hangs.url());
    // The attempt and its records are saved, the send starts, the store says nothing, and the
    // game is killed in the middle of it.
    auto [out, err] = cwtest::child_output_files("send");
    cwtest::ChildOptions options;
    options.env = env;
    cwtest::Child first = cwtest::spawn_binary({"run", cwtest::source_path("levels/flatpack_shelf.toml"), "--bot", "calm",
                                                "--profile", "Ana"}, out, err, options);
    for (int i = 0; i < 500 && hangs.requests() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(hangs.requests() > 0);  // the records are on their way when the game is killed
    first.kill_now();
    nlohmann::json after_kill = status_of(env);
    const int queued = after_kill["queued"];
    REQUIRE(queued > 4);

    // Nothing was marked sent. Suppose the store did take the first few before the game died:
    // they are sent again, and the store keeps each once.
    cwtest::LrsServer lrs;
    lrs.start(free_tcp_port());
    auto real = player_env(home, lrs.url());
    {
        cw::ProfileDb db((home / "profiles.sqlite").string());
        std::vector<cw::QueuedRecord> first = cw::RecordOutbox(db).waiting(3);
        std::string body = "[" + first[0].statement + "," + first[1].statement + "," + first[2].statement + "]";
        cw::xapi::LrsConfig config;
        config.endpoint = lrs.url();
        REQUIRE(cw::xapi::post_statements(config, body).kind == cw::xapi::PostResult::Kind::sent);
        REQUIRE(lrs.statements().size() == 3);
    }
    cwtest::Finished sent = run_cli({"xapi", "send"}, real);
    CHECK_MESSAGE(sent.code == 0, sent.err);
    CHECK(run_cli({"xapi", "send"}, real).code == 0);
    std::vector<nlohmann::json> got = lrs.statements();
    std::set<std::string> ids;
    for (const auto& s : got) ids.insert(s["id"].get<std::string>());
    CHECK(got.size() == static_cast<size_t>(queued));
    CHECK(ids.size() == got.size());
}

TEST_CASE("lrs: a wrong secret or an unreachable store is said plainly and the records wait" * cwtest::slow()) {
    fs::path home = cwtest::case_dir() / "home";
    cwtest::HttpStub refuses(401);
    const std::string secret = "not-the-Secret-42";
    auto env = player_env(home, refuses.url(), secret);
    cwtest::Finished run = run_cli({"run", cwtest::source_path("levels/flatpack_shelf.toml"), "--bot", "calm", "--profile", "Ana"}, env);
    REQUIRE(run.code == 0);
    cwtest::Finished send = run_cli({"xapi", "send"}, env);
    CHECK(send.code == 1);
    CHECK(send.err.find("did not accept the key and secret") != std::string::npos);
    nlohmann::json st = status_of(env);
    CHECK(st["queued"].get<int>() > 4);
    CHECK(st["last_error"].get<std::string>().find("HTTP 401") != std::string::npos);
    for (const std::string& text : {run.all(), send.all(), st.dump()}) CHECK(text.find(secret) == std::string::npos);

    // No store at that address at all: the same queue, a different reason.
    auto nowhere = player_env(home, "http://127.0.0.1:" + std::to_string(free_tcp_port()) + "/xAPI/", secret);
    cwtest::Finished unreachable = run_cli({"xapi", "send"}, nowhere);
    CHECK(unreachable.code == 1);
    CHECK(unreachable.err.find("did not answer") != std::string::npos);
    CHECK(unreachable.all().find(secret) == std::string::npos);
    // Plain http to another computer is refused before anything is sent.
    auto far = player_env(home, "http://lrs.example.com/xAPI/", secret);
    cwtest::Finished plain = run_cli({"xapi", "send"}, far);
    CHECK(plain.code == 1);
    CHECK(plain.err.find("https") != std::string::npos);
    CHECK(status_of(env)["queued"] == st["queued"]);
}

TEST_CASE("lrs: a class of three through host lands every trainee's checked result" * cwtest::slow()) {
    fs::path dir = cwtest::case_dir();
    cwtest::LrsServer lrs;
    lrs.start(free_tcp_port());
    fs::path level = dir / "fork.toml";
    std::ofstream(level) << cwtest::forked_river(3);
    // The class's port: a UDP one the kernel says is free.
    const std::string port = std::to_string(cwtest::free_loopback_port(SOCK_DGRAM));

    cwtest::ChildOptions trainer;
    trainer.env = player_env(dir / "home-trainer", lrs.url());
    cwtest::Child host = cwtest::spawn_binary({"host", level.string(), "--headless", "--bind", "127.0.0.1", "--port", port,
                                               "--code", "RIVER", "--expect", "3", "--timeout", "90"},
                                              dir / "host.out", dir / "host.err", trainer);
    REQUIRE_MESSAGE(host.said("Hosting a class on port"), host.stderr_text());
    std::vector<cwtest::Child> trainees;
    for (const char* name : {"Ana", "Ben", "Cleo"}) {
        cwtest::ChildOptions o;
        o.env = {"CALMWATERS_HOME=" + (dir / name).string()};  // trainees' games have no store set up
        std::vector<std::string> args = {"join", "127.0.0.1:" + port, "--code", "river", "--name", name,
                                         "--headless", "--bot", "random", "--seed", "4", "--speed", "20"};
        if (std::string(name) == "Ana") args.insert(args.end(), {"--learner", "E1001"});  // her employee number
        trainees.push_back(cwtest::spawn_binary(args, dir / (std::string(name) + ".out"),
                                                dir / (std::string(name) + ".err"), o));
    }
    for (cwtest::Child& t : trainees) CHECK(t.wait() == 0);
    REQUIRE_MESSAGE(host.wait() == 0, host.stderr_text());
    CHECK(host.stderr_text().find("learning records to the record store") != std::string::npos);

    std::vector<nlohmann::json> got = lrs.statements();
    std::map<std::string, int> per_learner;
    std::set<std::string> registrations;
    for (const auto& s : got) {
        ++per_learner[s["actor"]["account"]["name"].get<std::string>()];
        registrations.insert(s["context"]["registration"].get<std::string>());
        CHECK(s["context"]["extensions"]["urn:calmwaters:session"] == "RIVER");
        const std::string verb = s["verb"]["display"]["en-US"];
        if (verb == "passed" || verb == "failed" || verb == "terminated")
            CHECK(s["result"]["extensions"]["urn:calmwaters:result-check"] == "verified");
    }
    CHECK(per_learner.size() == 3);
    CHECK(per_learner.count("E1001") == 1);  // Ana is known to the company by her learner id
    CHECK(per_learner.count("Ben") == 1);
    for (const auto& [name, n] : per_learner) CHECK_MESSAGE(n == 5, name);  // one reply each: 1 + 1 + 3
    CHECK(registrations.size() == 1);
    // The trainees' own games sent nothing: the host's checked copy is the one record.
    for (const char* name : {"Ana", "Ben", "Cleo"}) {
        cwtest::Finished st = run_cli({"xapi", "status", "--json"}, {"CALMWATERS_HOME=" + (dir / name).string()});
        CHECK(nlohmann::json::parse(st.out)["sent"] == 0);
    }
}

TEST_CASE("lrs: a store whose certificate this computer does not trust is refused until it is" * cwtest::slow()) {
    fs::path dir = cwtest::case_dir();
    const std::string cert = (dir / "store.pem").string(), key = (dir / "store.key").string();
    const std::string make = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
                             "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert + " 2>/dev/null";
    REQUIRE(std::system(make.c_str()) == 0);
    const uint16_t port = free_tcp_port();
    cwtest::Child store = cwtest::fork_child([&] {
        execlp("node", "node", cwtest::source_path("tests/lrs/tls_store.js").c_str(), cert.c_str(), key.c_str(),
               std::to_string(port).c_str(), static_cast<char*>(nullptr));
        return 127;
    });
    REQUIRE_MESSAGE(store.said("listening", 30), store.stderr_text());

    fs::path home = dir / "home";
    auto env = player_env(home, "https://127.0.0.1:" + std::to_string(port) + "/xAPI/");
    cwtest::Finished run = run_cli({"run", cwtest::source_path("levels/flatpack_shelf.toml"), "--bot", "calm", "--profile", "Ana"}, env);
    REQUIRE(run.code == 0);
    CHECK(run.err.find("certificate is not trusted") != std::string::npos);
    const int queued = status_of(env)["queued"];
    CHECK(queued > 4);

    env.push_back("CALMWATERS_LRS_CA_FILE=" + cert);  // the company's own certificate, trusted
    cwtest::Finished trusted = run_cli({"xapi", "send"}, env);
    CHECK_MESSAGE(trusted.code == 0, trusted.err);
    nlohmann::json st = status_of(env);
    CHECK(st["queued"] == 0);
    CHECK(st["sent"] == queued);
    store.kill_now();
}

TEST_CASE("lrs: the game's sender sends in the background and lets the game close while a store hangs" * cwtest::slow()) {
    fs::path dir = cwtest::case_dir();
    const std::string path = (dir / "profiles.sqlite").string();
    {
        cw::ProfileDb db(path);
        cw::RecordOutbox outbox(db);
        std::string error;
        REQUIRE(outbox.queue({{cw::xapi::random_uuid(), "{\"n\":1}"}}, error));
    }
    cwtest::HttpStub hangs(0);
    cw::xapi::LrsConfig config;
    config.endpoint = hangs.url();
    auto sender = std::make_unique<cw::xapi::RecordSender>(path, config);
    for (int i = 0; i < 500 && hangs.requests() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE(hangs.requests() == 1);  // it went by itself, on its own thread
    auto start = std::chrono::steady_clock::now();
    sender.reset();  // the game closes mid-post
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));  // not curl's whole 60 s
    cw::ProfileDb db(path);
    CHECK(cw::RecordOutbox(db).counts().queued == 1);  // and the record still waits
}
