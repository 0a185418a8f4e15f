// Profiles and their attempts, in SQLite (profiles.sqlite in the data folder). The schema is
// versioned (PRAGMA user_version) and migrated forward step by step; every write is one
// transaction, so a crash or a kill loses at most the attempt being saved; a file that is
// not a readable database is moved aside with a message, never silently emptied.
#pragma once
#include <string>
#include <vector>

struct sqlite3;

namespace cw {

struct Attempt {
    long long id = 0;
    std::string level, title, level_hash;  // path, title, hash of the level file
    std::string when;                      // UTC, ISO 8601
    std::string outcome;
    int score = 0;
    double composure_min = 0;
    int jolts = 0;
    std::string choices_json;     // [{node, reply, techniques}, ...]
    std::string timeline_json;    // [[t, intensity, composure], ...]
    std::string replay_json;      // the replay file's text, so a trainer can open the run
};

class ProfileDb {
public:
    static constexpr int kSchemaVersion = 2;

    // Opens (creating or migrating) `path`. On failure ok() is false and error() says why.
    explicit ProfileDb(std::string path);
    ~ProfileDb();
    ProfileDb(const ProfileDb&) = delete;
    ProfileDb& operator=(const ProfileDb&) = delete;

    bool ok() const { return db_ != nullptr; }
    const std::string& error() const { return error_; }
    const std::string& warning() const { return warning_; }  // e.g. a damaged file moved aside

    bool add_attempt(const std::string& profile, const Attempt& a, std::string& error);
    std::vector<Attempt> attempts(const std::string& profile) const;
    std::vector<std::string> profiles() const;
    int schema_version() const;
    const std::string& path() const { return path_; }

private:
    bool migrate();
    bool exec(const char* sql);

    std::string path_;
    sqlite3* db_ = nullptr;
    std::string error_, warning_;
};

}  // namespace cw
