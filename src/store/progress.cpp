#include "progress.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <toml.hpp>

namespace cw {

namespace fs = std::filesystem;

std::map<std::string, CampaignProgress> read_progress_toml(const std::string& path) {
    std::map<std::string, CampaignProgress> out;
    toml::value doc = toml::parse(path);
    for (const auto& [id, value] : toml::find(doc, "campaign").as_table()) {
        CampaignProgress p;
        p.next = static_cast<int>(std::clamp<long long>(toml::find<long long>(value, "next"), 0, 10000));
        for (long long b : toml::find<std::vector<long long>>(value, "best")) {
            p.best.push_back(static_cast<int>(std::clamp<long long>(b, -1, 1000000)));
            p.best_scoring.push_back(p.best.back() >= 0 ? kScoringByTags : 0);  // written before grades
        }
        out[id] = p;
    }
    return out;
}

ProgressStore::ProgressStore(std::string dir, std::string profile) : dir_(std::move(dir)), profile_(std::move(profile)) {
    db_ = std::make_unique<ProfileDb>(path());
    warning_ = db_->warning();
    import_legacy();
}

ProgressStore::~ProgressStore() = default;

void ProgressStore::import_legacy() {
    std::error_code ec;
    if (!fs::exists(legacy_path(), ec)) return;
    std::map<std::string, CampaignProgress> old;
    try {
        old = read_progress_toml(legacy_path());
    } catch (const std::exception& e) {
        // Never silently start over: keep the damaged file beside the database and say so.
        std::string aside = legacy_path() + ".damaged";
        fs::rename(legacy_path(), aside, ec);
        warning_ = "Your saved progress could not be read (" + std::string(e.what()).substr(0, 120) +
                   "). It was moved to " + aside + " and a fresh record has been started.";
        return;
    }
    if (!db()) {
        legacy_ = std::move(old);  // shown read-only until the database can be opened
        return;
    }
    std::string error;
    if (!db_->merge_campaigns(profile_, old, kScoringByTags, error)) {  // written before grades
        legacy_ = std::move(old);
        warning_ = "Your saved progress could not be moved into " + path() + " (" + error + "); it is still in " +
                   legacy_path() + ".";
        return;
    }
    // Merging keeps the better of each, so if this rename fails the next start merges again
    // and changes nothing.
    std::string kept = legacy_path() + ".imported";
    for (int n = 2; fs::exists(kept, ec) && n < 100; ++n) kept = legacy_path() + ".imported." + std::to_string(n);
    fs::rename(legacy_path(), kept, ec);
}

CampaignProgress ProgressStore::get(const std::string& playlist, size_t calls) const {
    CampaignProgress p;
    if (db_ && db_->ok()) {
        p = db_->campaign(profile_, playlist);
    } else if (auto it = legacy_.find(playlist); it != legacy_.end()) {
        p = it->second;
    }
    p.resize(calls);
    p.next = std::clamp(p.next, 0, static_cast<int>(calls));
    return p;
}

bool ProgressStore::record(const std::string& playlist, size_t calls, size_t index, int score, std::string& error) {
    if (index >= calls) {
        error = "call " + std::to_string(index) + " is not in the playlist " + playlist;
        return false;
    }
    if (!db()) {
        error = "cannot write your progress to " + path() + ": " + db_->error();
        return false;
    }
    if (!db_->record_campaign(profile_, playlist, static_cast<int>(index), score, error)) {
        error = "cannot write your progress to " + path() + ": " + error;
        return false;
    }
    return true;
}

}  // namespace cw
