#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "content/bounded_json.hpp"
#include "content/command_line.hpp"
#include "commands.hpp"
#include "play/progress_stats.hpp"
#include "store/profile_db.hpp"
#include "store/progress.hpp"
#include "content/data_paths.hpp"

namespace cw {

int progress_command(const Args& args) {
    ProfileDb db(default_data_dir() + "/profiles.sqlite");
    if (!db.warning().empty()) std::cerr << "calmwaters: " << db.warning() << '\n';
    if (!db.ok()) {
        std::cerr << "calmwaters progress: " << db.error() << '\n';
        return 1;
    }
    auto profile = flag_value(args, "--profile");
    if (!profile) {
        std::cout << "Profiles in " << default_data_dir() << "/profiles.sqlite:\n";
        for (const auto& p : db.profiles()) std::cout << "  " << p << '\n';
        std::cout << "calmwaters progress --profile NAME [--json] lists one profile's attempts.\n";
        return 0;
    }
    std::vector<Attempt> attempts = db.attempts(*profile);
    if (has_flag(args, "--json")) {
        nlohmann::ordered_json out;
        out["profile"] = *profile;
        out["current_scoring"] = kScoringVersion;  // an attempt whose `scoring` is lower was counted the old way
        auto list = nlohmann::ordered_json::array();
        for (const Attempt& a : attempts) {
            nlohmann::ordered_json j;
            j["id"] = a.id;
            j["level"] = a.level;
            j["title"] = a.title;
            j["when"] = a.when;
            j["outcome"] = a.outcome;
            j["score"] = a.score;
            j["scoring"] = a.scoring;
            j["composure_min"] = a.composure_min;
            j["jolts"] = a.jolts;
            // Unreadable choices (a damaged profile) print as null: dump() of a discarded value is not JSON.
            auto choices = parse_json_or_discarded<nlohmann::ordered_json>(a.choices_json);
            j["choices"] = choices.is_discarded() ? nlohmann::ordered_json() : std::move(choices);
            j["has_replay"] = !a.replay_json.empty();
            list.push_back(j);
        }
        out["attempts"] = list;
        std::cout << out.dump(2) << '\n';
        return 0;
    }
    std::cout << *profile << ": " << attempts.size() << " attempt(s)\n";
    bool any_old = false;
    for (const Attempt& a : attempts) {
        const bool old = counted_under_old_scoring(a);
        any_old = any_old || old;
        char line[256];
        std::snprintf(line, sizeof line, "  %-20s  %-28s  %-10s  score %3d%s  lowest composure %3.0f  jolts %d\n",
                      a.when.c_str(), a.title.c_str(), a.outcome.c_str(), a.score, old ? " (old scoring)" : "",
                      a.composure_min, a.jolts);
        std::cout << line;
    }
    if (any_old) std::cout << "(old scoring): " << kOldScoringExplained << '\n';
    return 0;
}

}  // namespace cw
