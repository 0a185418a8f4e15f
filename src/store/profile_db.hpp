// Profiles in SQLite (profiles.sqlite in the data folder): each profile's attempts (with their
// replays and the level text they were played on), its campaign progress and its settings. The schema is versioned
// (PRAGMA user_version) and migrated forward step by step; every write is one transaction, so a
// crash or a kill loses at most the write in progress; a file that is not a readable database is
// moved aside with a message, never silently emptied.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/score.hpp"

struct sqlite3;

namespace cw {

struct Attempt {
    long long id = 0;
    std::string level, title, level_hash;  // path, title, hash of the level file
    std::string when;                      // UTC, ISO 8601 (on saving: empty means now)
    std::string outcome;
    int score = 0;
    double composure_min = 0;
    int jolts = 0;
    std::string choices_json;     // [{node, reply, techniques}, ...]
    std::string timeline_json;    // [[t, intensity, composure], ...]
    std::string replay_json;      // the replay file's text, so a trainer can open the run
    int scoring = kScoringVersion;  // the scoring rules `score` was counted under (core/score.hpp)
    // On saving: the exact level text the call was played on, kept once per level_hash so the
    // replay still plays after the file changes (empty: not known). attempts() leaves it empty;
    // kept_level_text() reads it back.
    std::string level_text;
};

// A learning record (an xAPI statement) to send: its id, and its JSON text.
struct QueuedRecord {
    std::string id;
    std::string statement;
};

// A level text kept by its hash, or why there is none.
struct KeptLevelText {
    std::optional<std::string> text;
    std::string problem;  // plain words, when `text` is empty
};

// How far a profile got through one playlist, and its best score on each call.
struct CampaignProgress {
    int next = 0;              // index of the first call not yet finished
    std::vector<int> best;     // best score per call, -1 when not played
    // Per call, the scoring its best was counted under (0 where not played; see is_old_scoring).
    // A best under newer rules replaces one under older rules, better or not.
    std::vector<int> best_scoring;
    // Sizes both lists to `calls`.
    void resize(size_t calls) {
        best.resize(calls, -1);
        best_scoring.resize(calls, 0);
    }
};

using SettingsList = std::vector<std::pair<std::string, std::string>>;

class ProfileDb {
public:
    static constexpr int kSchemaVersion = 6;
    static constexpr size_t kMaxSettingKey = 64, kMaxSettingValue = 4096;

    // Opens (creating or migrating) `path`. On failure ok() is false and error() says why.
    explicit ProfileDb(std::string path);
    ~ProfileDb();
    ProfileDb(const ProfileDb&) = delete;
    ProfileDb& operator=(const ProfileDb&) = delete;

    bool ok() const { return db_ != nullptr; }
    const std::string& error() const { return error_; }
    const std::string& warning() const { return warning_; }  // e.g. a damaged file moved aside

    // Why `name` cannot be a profile's name ("" when it can): not empty, at most 40 characters,
    // no control characters.
    static std::string name_problem(const std::string& name);
    // Creates the profile if it does not exist yet.
    bool ensure_profile(const std::string& profile, std::string& error);

    // Saves the attempt and, in the same transaction, its level text (when given and it hashes
    // to a.level_hash; a text that does not is not the level played, so it is not kept) and the
    // learning records that describe it (see RecordOutbox), so neither is kept without the other.
    bool add_attempt(const std::string& profile, const Attempt& a, std::string& error,
                     const std::vector<QueuedRecord>& records = {});
    std::vector<Attempt> attempts(const std::string& profile) const;
    // The level text kept under `level_hash` (16 hex digits, as in Attempt::level_hash), checked
    // against that hash: a copy that no longer matches it is reported as damaged, never used.
    KeptLevelText kept_level_text(const std::string& level_hash) const;
    std::vector<std::string> profiles() const;
    int schema_version() const;
    const std::string& path() const { return path_; }

    // Campaign progress. `best` holds as many calls as the profile has scores for; callers size it.
    CampaignProgress campaign(const std::string& profile, const std::string& playlist) const;
    std::map<std::string, CampaignProgress> campaigns(const std::string& profile) const;
    // A finished call: moves `next` past it and keeps the better score (counted under this
    // build's scoring), in one transaction.
    bool record_campaign(const std::string& profile, const std::string& playlist, int index, int score,
                         std::string& error);
    // Merges progress kept elsewhere (the old progress.toml), its scores counted under
    // `scoring`: the further `next` and the better scores win, so merging twice changes nothing.
    // One transaction for the lot.
    bool merge_campaigns(const std::string& profile, const std::map<std::string, CampaignProgress>& progress,
                         int scoring, std::string& error);

    // Settings: text keys and values per profile. save_settings replaces the given keys (others
    // are kept) in one transaction; keys are at most 64 bytes and values 4096.
    bool save_settings(const std::string& profile, const SettingsList& values, std::string& error);
    std::map<std::string, std::string> settings(const std::string& profile) const;

    // The week's memory for one playlist (its `[week.vars]` by name, without "week."): empty
    // until the profile's first call of that week. save_week replaces the lot, in one transaction.
    bool save_week(const std::string& profile, const std::string& playlist, const std::map<std::string, double>& values,
                   std::string& error);
    std::map<std::string, double> week(const std::string& profile, const std::string& playlist) const;

private:
    friend class RecordOutbox;  // the learning records' queue, in this same database
    bool open_once(std::string& why, bool& damaged);
    bool migrate(bool& damaged);
    bool exec(const char* sql);
    // Runs `body` inside BEGIN IMMEDIATE ... COMMIT, rolling back when it fails.
    bool write(std::string& error, const std::function<bool()>& body);

    std::string path_;
    sqlite3* db_ = nullptr;
    mutable std::string error_;
    std::string warning_;
    mutable int last_code_ = 0;  // SQLite's code for the last failed read
};

}  // namespace cw
