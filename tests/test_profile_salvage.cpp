// A damaged profile database keeps what can be read: the file is moved aside, and a fresh one
// starts with every row that still reads whole, and a message that says how many.
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "fixtures.hpp"
#include "store/profile_db.hpp"

using namespace cw;
namespace fs = std::filesystem;

namespace {

// Two trainees' history: attempts with replays big enough to spread over many pages, their
// settings and their week.
fs::path kept_history(int attempts) {
    fs::path db_path = cwtest::fresh_dir("salvage") / "profiles.sqlite";
    ProfileDb db(db_path.string());
    REQUIRE(db.ok());
    std::string error;
    for (int i = 0; i < attempts; ++i) {
        Attempt a = cwtest::sample_attempt(i % 100, 3000);
        a.replay_json.replace(0, 40, "replay of attempt " + std::to_string(i) + ".");
        REQUIRE(db.add_attempt(i % 2 ? "ben" : "ana", a, error));
    }
    REQUIRE(db.save_settings("ana", {{"breath", "box"}}, error));
    REQUIRE(db.save_week("ana", "first_week", {{"promised_refund", 1.0}}, error));
    return db_path;
}

void exec(const fs::path& db_path, const std::string& sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db_path.c_str(), &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
}

}  // namespace

TEST_CASE("profile salvage: a damaged page loses the attempts on it, and the rest are kept") {
    const fs::path db_path = kept_history(300);
    {
        // Scribble over the page that holds one attempt's replay (each fills most of a page).
        std::ifstream in(db_path, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const size_t at = bytes.find("replay of attempt 150.");
        REQUIRE(at != std::string::npos);
        std::fstream f(db_path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(at / 4096 * 4096));
        const std::string junk(4096, '\x5a');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    ProfileDb db(db_path.string());
    REQUIRE_MESSAGE(db.ok(), db.error());
    MESSAGE(db.warning());
    CHECK(db.warning().find("It was moved to " + db_path.string() + ".damaged") != std::string::npos);
    CHECK(db.warning().find("with what could still be read") != std::string::npos);
    CHECK(db.warning().find("of 2 profile(s)") != std::string::npos);
    const size_t kept = db.attempts("ana").size() + db.attempts("ben").size();
    CHECK(kept >= 250);  // one page lost holds a few attempts at most
    CHECK(kept < 300);
    CHECK(db.warning().find(std::to_string(kept) + " attempt(s)") != std::string::npos);
    CHECK(db.settings("ana").at("breath") == "box");
    CHECK(db.week("ana", "first_week").at("promised_refund") == 1.0);
    CHECK(fs::exists(db_path.string() + ".damaged"));  // and the damaged file itself is kept
}

TEST_CASE("profile salvage: a version no game writes, or a missing table, is damage with a message") {
    const fs::path negative = kept_history(4);
    exec(negative, "PRAGMA user_version = -1;");
    {
        ProfileDb db(negative.string());
        REQUIRE_MESSAGE(db.ok(), db.error());
        CHECK(db.warning().find("says its version is -1, which no game writes") != std::string::npos);
        CHECK(db.warning().find("another row available") == std::string::npos);
        CHECK(db.attempts("ana").size() == 2);
    }

    const fs::path dropped = kept_history(4);
    exec(dropped, "DROP TABLE attempts;");
    ProfileDb db(dropped.string());
    REQUIRE_MESSAGE(db.ok(), db.error());
    CHECK(db.warning().find("its table `attempts` is missing") != std::string::npos);
    CHECK(db.warning().find("0 attempt(s) of 2 profile(s)") != std::string::npos);
    CHECK(db.settings("ana").at("breath") == "box");
}
