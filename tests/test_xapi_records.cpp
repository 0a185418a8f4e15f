// Learning records without a network: the statements a call becomes, where the record store's
// settings come from (and that the secret stays out of sight), and the outbox that keeps
// records until they are sent.
#include "fixtures.hpp"
#include "scoped_env.hpp"

#include <sys/stat.h>
#include <sqlite3.h>

#include <fstream>
#include <set>

#include "play/call_run.hpp"
#include "store/profile_salvage.hpp"
#include "store/record_outbox.hpp"
#include "xapi/lrs_config.hpp"
#include "xapi/practice_records.hpp"
#include "xapi/statements.hpp"
#include "xapi/uuid.hpp"

namespace fs = std::filesystem;
using namespace cw;
using nlohmann::ordered_json;

namespace {

// The shipped shelf call played to its end by a bot, as `calmwaters run` plays it.
std::unique_ptr<CallRun> played_shelf(BotPolicy policy, int mastery = kDefaultMastery) {
    Level level = cwtest::shipped_level();
    level.mastery = mastery;
    auto run = std::make_unique<CallRun>(CallSetup{level, "levels/flatpack_shelf.toml", 7, {}}, cwtest::catalogue());
    BotInput input(policy, 7);
    while (!run->finished()) run->step(input);
    return run;
}

xapi::CallRecord record_for(const std::string& account) {
    xapi::CallRecord r;
    r.learner = {"https://training.example.com", account, "Ana"};
    r.registration = xapi::random_uuid();
    r.level_name = "flatpack_shelf.toml";
    r.ended_at = 1796300000;  // 2026-12-03
    return r;
}

std::vector<std::string> verbs(const std::vector<ordered_json>& statements) {
    std::vector<std::string> out;
    for (const ordered_json& s : statements) out.push_back(s["verb"]["display"]["en-US"]);
    return out;
}

}  // namespace

TEST_CASE("xapi: a finished call is initialized, one answered per reply, completed, passed or failed, terminated") {
    auto run = played_shelf(BotPolicy::calm);
    const Simulation& sim = run->sim();
    xapi::CallRecord record = record_for("ana@example.com");
    std::vector<ordered_json> st = xapi::call_statements(sim, record);
    const size_t replies = sim.call().choices().size();
    REQUIRE(replies >= 2);
    REQUIRE(st.size() == replies + 4);
    std::vector<std::string> v = verbs(st);
    CHECK(v.front() == "initialized");
    CHECK(v.back() == "terminated");
    CHECK(v[replies + 1] == "completed");
    CHECK(v[replies + 2] == (sim.score().total >= kDefaultMastery ? "passed" : "failed"));

    std::set<std::string> ids;
    std::string last_time;
    for (const ordered_json& s : st) {
        CHECK(xapi::looks_like_uuid(s["id"]));
        ids.insert(s["id"]);
        CHECK(s["context"]["registration"] == record.registration);
        CHECK(s["actor"]["account"]["name"] == "ana@example.com");
        CHECK(s["actor"]["account"]["homePage"] == "https://training.example.com");
        CHECK(s["timestamp"].get<std::string>() >= last_time);  // ISO 8601 in UTC sorts as time does
        last_time = s["timestamp"];
    }
    CHECK(ids.size() == st.size());
    CHECK(st.back()["timestamp"] == "2026-12-03T12:13:20.000Z");

    // Each reply: the question with every reply offered, the one given by its letter in the
    // file (not the channel), and the author's grade of it.
    for (size_t i = 0; i < replies; ++i) {
        const ordered_json& a = st[1 + i];
        const ChoiceRecord& c = sim.call().choices()[i];
        const Node& node = sim.level().nodes[c.node];
        CHECK(a["object"]["definition"]["interactionType"] == "choice");
        CHECK(a["object"]["definition"]["choices"].size() == node.replies.size());
        CHECK(a["result"]["response"] == std::string(1, static_cast<char>('A' + c.authored)));
        CHECK(a["result"]["extensions"]["urn:calmwaters:grade"] == grade_id(node.replies[c.reply].grade));
        CHECK(a["object"]["id"] == "urn:calmwaters:level:flatpack_shelf.toml:node:" + node.id);
    }
    const ordered_json& judged = st[replies + 2];
    CHECK(judged["result"]["score"]["raw"] == sim.score().total);
    CHECK(judged["result"]["score"]["scaled"] == doctest::Approx(sim.score().total / 100.0));
    CHECK(judged["result"]["extensions"]["urn:calmwaters:mastery"] == kDefaultMastery);
}

TEST_CASE("xapi: the level's mastery score decides passed or failed") {
    auto easy = played_shelf(BotPolicy::random, 0);
    CHECK(verbs(xapi::call_statements(easy->sim(), record_for("a")))[easy->sim().call().choices().size() + 2] == "passed");
    auto hard = played_shelf(BotPolicy::random, 100);
    if (hard->sim().score().total < 100)
        CHECK(verbs(xapi::call_statements(hard->sim(), record_for("a")))[hard->sim().call().choices().size() + 2] == "failed");
    // The file's key, and a value out of range said plainly.
    std::string text = cwtest::straight_river();
    Level level = cwtest::level_from("mastery = 85\n" + text);
    CHECK(level.mastery == 85);
    LevelLoad bad = load_level_text("mastery = 101\n" + text, "bad.toml", cwtest::catalogue());
    REQUIRE_FALSE(bad.ok());
    CHECK(format_problems(bad.problems).find("bad.toml:1:") != std::string::npos);
}

TEST_CASE("xapi: activity ids escape what an IRI cannot hold") {
    CHECK(xapi::level_activity_id("my call (v2).toml") == "urn:calmwaters:level:my%20call%20%28v2%29.toml");
    CHECK(xapi::iso_time(0, 1.9996) == "1970-01-01T00:00:02.000Z");
}

TEST_CASE("xapi: a record store's address must be https, or http to this computer, with no secret inside") {
    CHECK(xapi::endpoint_problem("https://lrs.example.com/xAPI/").empty());
    CHECK(xapi::endpoint_problem("http://127.0.0.1:8080/xAPI/").empty());
    CHECK(xapi::endpoint_problem("http://localhost/xAPI").empty());
    CHECK(xapi::endpoint_problem("http://lrs.example.com/xAPI/").find("only allowed to this computer") != std::string::npos);
    CHECK(xapi::endpoint_problem("https://key:secret@lrs.example.com/").find("not in the address") != std::string::npos);
    CHECK_FALSE(xapi::endpoint_problem("ftp://lrs.example.com/").empty());
    CHECK_FALSE(xapi::endpoint_problem("lrs.example.com").empty());
    xapi::LrsConfig c;
    c.endpoint = "https://lrs.example.com:8443/xAPI";
    CHECK(c.statements_url() == "https://lrs.example.com:8443/xAPI/statements");
    CHECK(c.learner_home() == "https://lrs.example.com");
}

TEST_CASE("xapi: settings come from IT's file, then the user's own, then the environment; the secret stays private") {
    fs::path dir = cwtest::case_dir();
    fs::path system = dir / "etc-settings.toml";
    std::ofstream(system) << "[learning_records]\nendpoint = \"https://lrs.corp.example/xAPI/\"\nhome_page = \"https://corp.example\"\n";
    fs::path data = dir / "data";
    cwtest::ScopedEnv env({{"CALMWATERS_SYSTEM_SETTINGS", system.string()}});
    unsetenv("CALMWATERS_LRS_ENDPOINT");
    unsetenv("CALMWATERS_LRS_KEY");
    unsetenv("CALMWATERS_LRS_SECRET");
    xapi::LrsConfigLoad it = xapi::load_lrs_config(data.string());
    CHECK(it.problems.empty());
    CHECK(it.config.endpoint == "https://lrs.corp.example/xAPI/");
    CHECK(it.config.learner_home() == "https://corp.example");

    xapi::LrsConfig mine = it.config;
    mine.key = "ana-key";
    mine.secret = "s3cret\"with\\quotes";
    std::string error;
    REQUIRE_MESSAGE(xapi::save_lrs_config(data.string(), mine, error), error);
    struct stat st{};
    REQUIRE(stat((data / xapi::kUserLrsFile).c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);  // only its owner can read the secret
    xapi::LrsConfigLoad back = xapi::load_lrs_config(data.string());
    CHECK(back.config.secret == mine.secret);
    CHECK(back.config.home_page == "https://corp.example");

    {
        cwtest::ScopedEnv headless({{"CALMWATERS_LRS_ENDPOINT", "http://127.0.0.1:9/xAPI/"}, {"CALMWATERS_LRS_SECRET", "env"}});
        xapi::LrsConfigLoad over = xapi::load_lrs_config(data.string());
        CHECK(over.config.endpoint == "http://127.0.0.1:9/xAPI/");
        CHECK(over.config.secret == "env");
        CHECK(over.config.key == "ana-key");
    }
    // A damaged file is named with its place, and its text (which holds the secret) is never quoted.
    std::ofstream(data / xapi::kUserLrsFile) << "[learning_records]\nsecret = \"hunter2\nendpoint = 5\n";
    xapi::LrsConfigLoad broken = xapi::load_lrs_config(data.string());
    REQUIRE_FALSE(broken.problems.empty());
    for (const std::string& p : broken.problems) {
        CHECK(p.find(xapi::kUserLrsFile) != std::string::npos);
        CHECK(p.find("hunter2") == std::string::npos);
    }
}

TEST_CASE("xapi: records are queued with their attempt, in one transaction, and a sent one is never sent again") {
    fs::path dir = cwtest::case_dir();
    const std::string path = (dir / "profiles.sqlite").string();
    auto run = played_shelf(BotPolicy::calm);
    xapi::LrsConfig config;
    config.endpoint = "http://127.0.0.1:9/xAPI/";
    std::vector<QueuedRecord> records =
        xapi::practice_records(run->sim(), "levels/flatpack_shelf.toml", "Ana", {{"learner_id", "E1234"}}, config, 1796300000);
    REQUIRE(records.size() == run->sim().call().choices().size() + 4);
    CHECK(nlohmann::json::parse(records[0].statement)["actor"]["account"]["name"] == "E1234");
    CHECK(xapi::practice_records(run->sim(), "x.toml", "Ana", {}, xapi::LrsConfig{}, 0).empty());  // no store: none

    {
        // The attempt cannot be written: neither are its records.
        ProfileDb db(path);
        REQUIRE(db.ok());
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "CREATE TRIGGER no_attempts BEFORE INSERT ON attempts BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
        std::string error;
        CHECK_FALSE(db.add_attempt("Ana", run->attempt(), error, records));
        RecordOutbox outbox(db);
        CHECK(outbox.counts().queued == 0);
        REQUIRE(sqlite3_exec(raw, "DROP TRIGGER no_attempts;", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
        REQUIRE_MESSAGE(db.add_attempt("Ana", run->attempt(), error, records), error);
        CHECK(outbox.counts().queued == static_cast<long long>(records.size()));
    }
    ProfileDb db(path);
    RecordOutbox outbox(db);
    std::vector<QueuedRecord> first = outbox.waiting(3);
    REQUIRE(first.size() == 3);
    CHECK(first[0].id == records[0].id);  // oldest first
    std::string error;
    REQUIRE(outbox.mark_sent({first[0].id, first[1].id, first[2].id}, error));
    CHECK(outbox.waiting(100).size() == records.size() - 3);
    REQUIRE(outbox.queue({records[0]}, error));  // queued again by mistake: still sent, not resent
    CHECK(outbox.waiting(100).size() == records.size() - 3);
    REQUIRE(outbox.mark_refused({records[3].id}, "HTTP 400", error));
    REQUIRE(outbox.note_error("the record store did not answer", error));
    RecordCounts c = outbox.counts();
    CHECK(c.sent == 3);
    CHECK(c.failed == 1);
    CHECK(c.queued == static_cast<long long>(records.size()) - 4);
    CHECK(c.last_error == "the record store did not answer");
}

TEST_CASE("xapi: a damaged profile database keeps the records still waiting") {
    fs::path dir = cwtest::case_dir();
    const std::string old_path = (dir / "old.sqlite").string(), fresh_path = (dir / "fresh.sqlite").string();
    std::vector<QueuedRecord> records;
    for (int i = 0; i < 5; ++i) records.push_back({xapi::random_uuid(), "{\"n\":" + std::to_string(i) + "}"});
    {
        ProfileDb old(old_path);
        RecordOutbox outbox(old);
        std::string error;
        REQUIRE(outbox.queue(records, error));
        REQUIRE(outbox.mark_sent({records[0].id}, error));
    }
    ProfileDb fresh(fresh_path);
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(fresh_path.c_str(), &raw) == SQLITE_OK);
    SalvageCount saved = salvage_profiles(old_path, raw);
    sqlite3_close(raw);
    CHECK(saved.other >= 5);
    RecordOutbox outbox(fresh);
    CHECK(outbox.counts().queued == 4);
    CHECK(outbox.counts().sent == 1);  // and the sent one is still known as sent
}
