#include "sample_profile.hpp"

#include <cstdio>
#include <ctime>

#include "call_run.hpp"
#include "kept_level.hpp"

namespace cw {

namespace {

struct SampleRun {
    const char* level;
    BotPolicy bot;
    int days_ago;
    uint64_t seed;
};

// A sample run's time stamp: `days_ago` days before now, at `hour` (UTC). The date is real so
// streaks and "this week" read naturally; it plays no part in any run.
std::string sample_when(int days_ago, int hour) {
    std::time_t t = std::time(nullptr) - static_cast<std::time_t>(days_ago) * 86400;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, hour,
                  (days_ago * 17) % 60);
    return buf;
}

}  // namespace

int fill_sample_profile(ProfileDb& db, const std::string& profile, const Catalogue& catalogue,
                        const std::string& levels_dir) {
    const SampleRun runs[] = {
        {"flatpack_shelf.toml", BotPolicy::worst, 8, 3},
        {"campaign/01_mon_missing_parcel.toml", BotPolicy::random, 6, 5},
        {"flatpack_shelf.toml", BotPolicy::random, 5, 7},
        {"campaign/03_tue_double_charge.toml", BotPolicy::worst, 3, 2},
        {"campaign/01_mon_missing_parcel.toml", BotPolicy::calm, 2, 5},
        {"campaign/05_wed_in_a_hurry.toml", BotPolicy::random, 1, 9},
        {"flatpack_shelf.toml", BotPolicy::calm, 1, 7},
        {"campaign/03_tue_double_charge.toml", BotPolicy::random, 0, 4},
    };
    int hour = 9, kept = 0;
    for (const SampleRun& sample : runs) {
        std::string path = levels_dir + "/" + sample.level;
        LevelFileText read = load_level_file_with_text(path, catalogue);
        if (!read.load.ok()) continue;
        CallRun run({*read.load.level, path, sample.seed, {}}, catalogue);
        run.set_level_text(std::move(read.text));
        BotInput bot(sample.bot, sample.seed);
        run.run_to_end(bot);
        Attempt a = run.attempt();
        a.when = sample_when(sample.days_ago, hour);
        hour = hour % 8 + 9;
        std::string error;
        if (db.add_attempt(profile, a, error)) ++kept;
    }
    return kept;
}

}  // namespace cw
