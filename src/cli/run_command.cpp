#include <cmath>
#include <iostream>

#include <nlohmann/json.hpp>

#include "content/command_line.hpp"
#include "commands.hpp"
#include "content/replay_file.hpp"
#include "play/call_run.hpp"
#include "play/kept_level.hpp"
#include "store/profile_db.hpp"
#include "store/progress.hpp"

namespace cw {

int run_command(const Args& args) {
    if (args.empty() || args[0].rfind("--", 0) == 0) {
        std::cerr << "usage: calmwaters run LEVEL --bot calm|random|worst [--seed N] [--pace X] [--record FILE] [--profile NAME]\n";
        return 2;
    }
    std::string bot_id = flag_value(args, "--bot").value_or("calm");
    auto policy = bot_policy_from_id(bot_id);
    if (!policy) {
        std::cerr << "calmwaters run: unknown bot \"" << bot_id << "\"; use calm, random or worst\n";
        return 2;
    }
    SimOptions options;
    if (!pace_flag(args, "run", options.reading_pace)) return 2;
    auto catalogue = load_shipped_catalogue();
    if (!catalogue) return 1;
    LevelFileText read = load_level_file_with_text(args[0], *catalogue);
    const LevelLoad& load = read.load;
    if (!load.ok()) {
        std::cerr << format_problems(load.problems);
        return 1;
    }
    uint64_t seed = load.level->seed;
    if (auto s = flag_value(args, "--seed")) {
        try {
            size_t used = 0;
            unsigned long long v = std::stoull(*s, &used);
            if (used != s->size()) throw std::invalid_argument("trailing");
            seed = v;
        } catch (const std::exception&) {
            std::cerr << "calmwaters run: --seed wants a whole number, got \"" << *s << "\"\n";
            return 2;
        }
    }

    CallRun run({*load.level, args[0], seed, options}, *catalogue);
    run.set_level_text(std::move(read.text));
    BotInput bot(*policy, seed);
    run.run_to_end(bot);
    Replay replay = run.replay();
    if (auto path = flag_value(args, "--record")) {
        std::string error;
        if (!save_replay_file(replay, *path, error)) {
            std::cerr << "calmwaters run: " << error << '\n';
            return 1;
        }
    }

    nlohmann::ordered_json out = run.report();
    out["bot"] = bot_id;
    if (auto profile = flag_value(args, "--profile")) {
        // The attempt, with its choices, its timeline and its replay, kept in the profile.
        Attempt a = run.attempt();
        ProfileDb db(default_data_dir() + "/profiles.sqlite");
        if (!db.warning().empty()) std::cerr << "calmwaters: " << db.warning() << '\n';
        std::string error;
        if (!db.ok() || !db.add_attempt(*profile, a, error)) {
            std::cerr << "calmwaters run: the attempt could not be saved: " << (db.ok() ? error : db.error()) << '\n';
            return 1;
        }
    }
    std::cout << out.dump(2) << '\n';
    return 0;
}

}  // namespace cw
