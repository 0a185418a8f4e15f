// Campaign progress kept between sessions: for each playlist, how far the player got and their
// best score on each call. It lives in the profile database (profiles.sqlite in the data
// folder), per profile, one transaction per finished call. The progress.toml that older builds
// wrote is imported once, into the profile in use, and kept beside it as progress.toml.imported.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "profile_db.hpp"

namespace cw {

class ProgressStore {
public:
    // `dir`: the data folder; created if missing. `profile`: whose progress this is.
    explicit ProgressStore(std::string dir, std::string profile = "player");
    ~ProgressStore();

    CampaignProgress get(const std::string& playlist, size_t calls) const;
    // Records a finished call; returns false (with `error` set) when it cannot be written.
    bool record(const std::string& playlist, size_t calls, size_t index, int score, std::string& error);
    // A message for the player when something was unreadable and has been moved aside (or "").
    const std::string& warning() const { return warning_; }
    // The database file (its folder is the data folder).
    std::string path() const { return dir_ + "/profiles.sqlite"; }
    std::string legacy_path() const { return dir_ + "/progress.toml"; }

    // Whose progress get() and record() use; the profile is created when it first records.
    void use_profile(const std::string& profile) { profile_ = profile; }
    const std::string& profile() const { return profile_; }
    ProfileDb* db() { return db_ && db_->ok() ? db_.get() : nullptr; }

private:
    void import_legacy();

    std::string dir_, profile_;
    std::unique_ptr<ProfileDb> db_;
    // What progress.toml held, when the database cannot be opened: shown, not lost.
    std::map<std::string, CampaignProgress> legacy_;
    std::string warning_;
};

// Reads an old progress.toml; throws on a file that is not one.
std::map<std::string, CampaignProgress> read_progress_toml(const std::string& path);

}  // namespace cw
