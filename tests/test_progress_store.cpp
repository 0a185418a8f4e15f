// Campaign progress and settings in the profile database: migrations from every older schema,
// round trips, the one-time import of progress.toml, and writes that a kill cannot tear.
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "child_process.hpp"
#include "fixtures.hpp"
#include "old_schemas.hpp"
#include "store/profile_db.hpp"
#include "store/progress.hpp"

using namespace cw;
namespace fs = std::filesystem;
using cwtest::sample_attempt;

namespace {

using cwtest::kProfileSchema1;
using cwtest::kProfileSchema2Step;

void run_sql(const fs::path& db_path, const std::string& sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db_path.c_str(), &raw) == SQLITE_OK);
    char* msg = nullptr;
    int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &msg);
    std::string why = msg ? msg : "";
    sqlite3_free(msg);
    sqlite3_close(raw);
    REQUIRE_MESSAGE(rc == SQLITE_OK, why);
}

}  // namespace

TEST_CASE("profile store: a schema 2 database is migrated to the latest, keeping attempts and settings") {
    fs::path db_path = cwtest::fresh_dir("db") / "profiles.sqlite";
    run_sql(db_path, std::string(kProfileSchema1) + kProfileSchema2Step +
                         "PRAGMA user_version = 2;"
                         "INSERT INTO profiles (name) VALUES ('dee');"
                         "INSERT INTO attempts (profile_id, level, title, level_hash, at, outcome, score, composure_min,"
                         " jolts, choices, timeline, replay) VALUES (1, 'l.toml', 'Two', 'h', '2024-03-01T10:00:00Z',"
                         " 'resolved', 81, 55, 1, '[]', '[]', '{\"r\":1}');"
                         "INSERT INTO settings VALUES (1, 'assist', 'true');");
    ProfileDb db(db_path.string());
    REQUIRE_MESSAGE(db.ok(), db.error());
    CHECK(db.warning().empty());
    CHECK(db.schema_version() == ProfileDb::kSchemaVersion);
    auto kept = db.attempts("dee");
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].score == 81);
    CHECK(kept[0].when == "2024-03-01T10:00:00Z");
    CHECK(kept[0].replay_json == "{\"r\":1}");
    CHECK(db.settings("dee") == std::map<std::string, std::string>{{"assist", "true"}});
    // The new tables work at once.
    std::string error;
    CHECK(db.record_campaign("dee", "first_week", 0, 64, error));
    CHECK(db.campaign("dee", "first_week").next == 1);
}

TEST_CASE("profile store: a schema 1 database is migrated step by step to the latest") {
    fs::path db_path = cwtest::fresh_dir("db") / "profiles.sqlite";
    run_sql(db_path, std::string(kProfileSchema1) +
                         "PRAGMA user_version = 1;"
                         "INSERT INTO profiles (name) VALUES ('old');"
                         "INSERT INTO attempts (profile_id, level, title, level_hash, outcome, score, composure_min,"
                         " jolts, choices, timeline) VALUES (1, 'l.toml', 'Old call', 'h', 'hung_up', 42, 30, 2, '[]',"
                         " '[]');");
    ProfileDb db(db_path.string());
    REQUIRE_MESSAGE(db.ok(), db.error());
    CHECK(db.schema_version() == ProfileDb::kSchemaVersion);
    REQUIRE(db.attempts("old").size() == 1);
    CHECK(db.attempts("old")[0].replay_json.empty());
    std::string error;
    CHECK(db.save_settings("old", {{"breath", "478"}}, error));
    CHECK(db.record_campaign("old", "first_week", 2, 70, error));
    CHECK(db.campaign("old", "first_week").best == std::vector<int>{-1, -1, 70});
}

TEST_CASE("profile store: a database from a newer game is refused and left exactly where it is") {
    fs::path db_path = cwtest::fresh_dir("db") / "profiles.sqlite";
    run_sql(db_path, std::string(kProfileSchema1) + "PRAGMA user_version = 99;");
    auto before = fs::file_size(db_path);
    ProfileDb db(db_path.string());
    CHECK_FALSE(db.ok());
    CHECK(db.error().find("newer version") != std::string::npos);
    CHECK(fs::exists(db_path));
    CHECK_FALSE(fs::exists(db_path.string() + ".damaged"));
    CHECK(fs::file_size(db_path) == before);
}

TEST_CASE("profile store: settings round-trip per profile, replacing only the keys given") {
    fs::path db_path = cwtest::fresh_dir("db") / "profiles.sqlite";
    std::string error;
    {
        ProfileDb db(db_path.string());
        REQUIRE(db.ok());
        CHECK(db.settings("ana").empty());
        CHECK(db.save_settings("ana", {{"assist", "true"}, {"breath", "box"}, {"ui_scale", "1.25"}}, error));
        CHECK(db.save_settings("ana", {{"breath", "478"}, {"touchstone_text", "Still water, \"steady\" hands\n"}}, error));
        CHECK(db.save_settings("ben", {{"assist", "false"}}, error));
        // Bad keys are refused whole: nothing of that save is written.
        CHECK_FALSE(db.save_settings("ana", {{"volume", "3"}, {"", "x"}}, error));
        CHECK(error.find("setting's name") != std::string::npos);
        CHECK_FALSE(db.save_settings("ana", {{"big", std::string(5000, 'x')}}, error));
    }
    ProfileDb db(db_path.string());
    std::map<std::string, std::string> want{{"assist", "true"},
                                            {"breath", "478"},
                                            {"touchstone_text", "Still water, \"steady\" hands\n"},
                                            {"ui_scale", "1.25"}};
    CHECK(db.settings("ana") == want);
    CHECK(db.settings("ben") == std::map<std::string, std::string>{{"assist", "false"}});
    CHECK(db.profiles() == std::vector<std::string>{"ana", "ben"});
}

TEST_CASE("profile store: campaign progress round-trips per profile through ProgressStore") {
    fs::path dir = cwtest::case_dir();
    std::string error;
    {
        ProgressStore store(dir.string());
        CHECK(store.profile() == "player");
        CHECK(store.record("first_week", 4, 0, 70, error));
        CHECK(store.record("first_week", 4, 1, 55, error));
        CHECK(store.record("first_week", 4, 1, 90, error));
        CHECK(store.record("first_week", 4, 1, 20, error));  // a worse go keeps the best
        store.use_profile("kai");
        CHECK(store.get("first_week", 4).next == 0);
        CHECK(store.record("first_week", 4, 0, 33, error));
        CHECK_FALSE(store.record("first_week", 4, 7, 33, error));  // no such call
    }
    ProgressStore again(dir.string());
    CampaignProgress p = again.get("first_week", 4);
    CHECK(p.next == 2);
    CHECK(p.best == std::vector<int>{70, 90, -1, -1});
    CHECK(again.get("first_week", 1).best == std::vector<int>{70});  // a shorter playlist clips
    CHECK(again.get("first_week", 1).next == 1);
    again.use_profile("kai");
    CHECK(again.get("first_week", 4).best == std::vector<int>{33, -1, -1, -1});
    CHECK_FALSE(fs::exists(dir / "progress.toml"));  // nothing is written there any more
    REQUIRE(again.db());
    CHECK(again.db()->campaigns("player").size() == 1);
}

TEST_CASE("profile store: an old progress.toml is imported once and kept as .imported") {
    fs::path dir = cwtest::case_dir();
    std::ofstream(dir / "progress.toml") << "# written by an older build\n"
                                            "[campaign.first_week]\nnext = 3\nbest = [61, 74, 80, -1]\n"
                                            "[campaign.extra]\nnext = 1\nbest = [12]\n";
    std::string error;
    {
        ProgressStore store(dir.string());
        CHECK(store.warning().empty());
        CHECK_FALSE(fs::exists(dir / "progress.toml"));
        CHECK(fs::exists(dir / "progress.toml.imported"));
        CampaignProgress p = store.get("first_week", 4);
        CHECK(p.next == 3);
        CHECK(p.best == std::vector<int>{61, 74, 80, -1});
        CHECK(p.best_scoring == std::vector<int>{kScoringByTags, kScoringByTags, kScoringByTags, 0});  // before grades
        CHECK(store.get("extra", 1).best == std::vector<int>{12});
        CHECK(store.record("first_week", 4, 1, 95, error));
    }
    // The same file appearing again (restored from a backup) merges without undoing anything.
    fs::copy_file(dir / "progress.toml.imported", dir / "progress.toml");
    ProgressStore again(dir.string());
    CampaignProgress p = again.get("first_week", 4);
    CHECK(p.next == 3);
    CHECK(p.best == std::vector<int>{61, 95, 80, -1});
    CHECK(fs::exists(dir / "progress.toml.imported.2"));
    // Another profile does not inherit the imported progress.
    again.use_profile("someone_else");
    CHECK(again.get("first_week", 4).next == 0);
}

// In a child process only: SQLite's writes go through these, and the n-th one writes half its
// bytes and then kills the process (SIGKILL), so the kill lands exactly inside a save: a torn
// write in the journal or in the database itself, depending on n.
namespace killtrap {
using pwrite_fn = ssize_t (*)(int, const void*, size_t, off_t);
using write_fn = ssize_t (*)(int, const void*, size_t);
pwrite_fn real_pwrite = nullptr, real_pwrite64 = nullptr;
write_fn real_write = nullptr;
int countdown = 0;
bool fire() { return countdown > 0 && --countdown == 0; }
ssize_t trap_pwrite(int fd, const void* buf, size_t n, off_t off) {
    if (fire()) real_pwrite(fd, buf, n / 2, off), raise(SIGKILL);
    return real_pwrite(fd, buf, n, off);
}
ssize_t trap_pwrite64(int fd, const void* buf, size_t n, off_t off) {
    if (fire()) real_pwrite64(fd, buf, n / 2, off), raise(SIGKILL);
    return real_pwrite64(fd, buf, n, off);
}
ssize_t trap_write(int fd, const void* buf, size_t n) {
    if (fire()) real_write(fd, buf, n / 2), raise(SIGKILL);
    return real_write(fd, buf, n);
}
void install() {
    sqlite3_vfs* vfs = sqlite3_vfs_find(nullptr);
    if (!vfs || vfs->iVersion < 3) return;
    if (auto f = vfs->xGetSystemCall(vfs, "pwrite")) {
        real_pwrite = reinterpret_cast<pwrite_fn>(f);
        vfs->xSetSystemCall(vfs, "pwrite", reinterpret_cast<sqlite3_syscall_ptr>(&trap_pwrite));
    }
    if (auto f = vfs->xGetSystemCall(vfs, "pwrite64")) {
        real_pwrite64 = reinterpret_cast<pwrite_fn>(f);
        vfs->xSetSystemCall(vfs, "pwrite64", reinterpret_cast<sqlite3_syscall_ptr>(&trap_pwrite64));
    }
    if (auto f = vfs->xGetSystemCall(vfs, "write")) {
        real_write = reinterpret_cast<write_fn>(f);
        vfs->xSetSystemCall(vfs, "write", reinterpret_cast<sqlite3_syscall_ptr>(&trap_write));
    }
}
}  // namespace killtrap

TEST_CASE("profile store: a child killed while saving attempts and progress leaves both whole") {
    // Each round the child saves three attempts (and campaign records), reporting each, then is
    // killed at the n-th write of the next save: early (inside the journal), later (inside the
    // database file), or in the campaign record after the attempt. With SQLite's journal turned
    // off this test fails at once (checked), so it does test the transactions.
    for (int nth : {1, 2, 3, 5, 8, 20, 60, 100}) {
        CAPTURE(nth);
        fs::path db_path = cwtest::fresh_dir("db") / "profiles.sqlite";
        int pipe_fd[2];
        REQUIRE(pipe(pipe_fd) == 0);
        cwtest::Child child = cwtest::fork_child([&] {
            close(pipe_fd[0]);
            killtrap::install();
            ProfileDb db(db_path.string());
            std::string error;
            for (int i = 0; i < 1000; ++i) {
                if (i == 3) killtrap::countdown = nth;
                if (!db.add_attempt("kim", sample_attempt(i % 100, 64 * 1024 + i), error)) return 3;
                if (!db.record_campaign("kim", "first_week", i % 9, i, error)) return 3;
                char c = 1;
                if (write(pipe_fd[1], &c, 1) != 1) return 4;
            }
            return 5;  // the trap never fired
        });
        close(pipe_fd[1]);
        int committed = 0;
        char c;
        while (read(pipe_fd[0], &c, 1) == 1) ++committed;
        close(pipe_fd[0]);
        int ended = child.wait();
        REQUIRE_MESSAGE(ended == 128 + SIGKILL, "the child exited with " << ended << ": " << child.stderr_text());
        CHECK(committed >= 3);

        ProfileDb db(db_path.string());
        REQUIRE_MESSAGE(db.ok(), db.error());
        CHECK_MESSAGE(db.warning().empty(), db.warning());
        auto kept = db.attempts("kim");
        // The save that was cut off is not there; if the cut came in the campaign record, the
        // attempt before it was already committed.
        REQUIRE(static_cast<int>(kept.size()) >= committed);
        CHECK(static_cast<int>(kept.size()) <= committed + 1);
        for (size_t i = 0; i < kept.size(); ++i) {
            CHECK(kept[i].replay_json.size() == 64 * 1024 + i);  // every one whole, none half-written
            CHECK(kept[i].score == static_cast<int>(i % 100));
        }
        CHECK(db.campaign("kim", "first_week").next == std::min(9, committed));
    }
}
