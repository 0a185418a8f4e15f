#include <algorithm>
#include <cmath>
#include <ctime>
#include <iostream>

#include <nlohmann/json.hpp>

#include "content/command_line.hpp"
#include "commands.hpp"
#include "core/week.hpp"
#include "content/replay_file.hpp"
#include "play/call_run.hpp"
#include "play/kept_level.hpp"
#include "store/profile_db.hpp"
#include "store/record_outbox.hpp"
#include "xapi/practice_records.hpp"
#include "xapi/record_sender.hpp"
#include "store/progress.hpp"
#include "content/data_paths.hpp"

namespace cw {

int run_command(const Args& args) {
    if (args.empty() || args[0].rfind("--", 0) == 0) {
        std::cerr << "usage: calmwaters run LEVEL --bot calm|random|worst [--seed N] [--week NAME=VALUE,...] [--pace X] [--record FILE] [--profile NAME]\n";
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
    if (refuse_playlist(args[0], "run")) return 2;
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

    // --week name=value,name=value: play the call as a week that remembers these (a promise
    // made on Monday, say), instead of the level's own values.
    Level level = *load.level;
    if (auto w = flag_value(args, "--week")) {
        WeekValues week;
        std::string problem;
        size_t at = 0;
        while (problem.empty() && at <= w->size()) {
            size_t comma = w->find(',', at);
            std::string item = w->substr(at, comma == std::string::npos ? std::string::npos : comma - at);
            size_t eq = item.find('=');
            const std::string name = item.substr(0, eq);
            bool declared = std::find(level.var_names.begin(), level.var_names.end(), kWeekPrefix + name) != level.var_names.end();
            try {
                if (eq == std::string::npos || !declared) throw std::invalid_argument("name");
                const std::string text = item.substr(eq + 1);
                double v = text == "true" ? 1 : text == "false" ? 0 : std::stod(text);
                if (!std::isfinite(v) || std::fabs(v) > 1000) throw std::invalid_argument("range");
                week[name] = v;
            } catch (const std::exception&) {
                problem = declared ? "\"" + item + "\" wants a value: true, false or a number from -1000 to 1000"
                                   : "\"" + name + "\" is not a week variable of this level (see its [week.vars])";
            }
            if (comma == std::string::npos) break;
            at = comma + 1;
        }
        if (!problem.empty()) {
            std::cerr << "calmwaters run: --week " << problem << '\n';
            return 2;
        }
        start_from_week(level, week);
    }
    CallRun run({std::move(level), args[0], seed, options}, *catalogue);
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
        // With a record store configured, its learning records go in with it, then out at once.
        Attempt a = run.attempt();
        ProfileDb db(default_data_dir() + "/profiles.sqlite");
        if (!db.warning().empty()) std::cerr << "calmwaters: " << db.warning() << '\n';
        xapi::LrsConfigLoad lrs = xapi::load_lrs_config(default_data_dir());
        for (const std::string& p : lrs.problems) std::cerr << p << '\n';
        std::vector<QueuedRecord> records;
        if (db.ok())
            records = xapi::practice_records(run.sim(), args[0], *profile, db.settings(*profile), lrs.config,
                                             std::time(nullptr));
        std::string error;
        if (!db.ok() || !db.add_attempt(*profile, a, error, records)) {
            std::cerr << "calmwaters run: the attempt could not be saved: " << (db.ok() ? error : db.error()) << '\n';
            return 1;
        }
        if (!records.empty()) {
            RecordOutbox outbox(db);
            xapi::SendOutcome sent = xapi::send_waiting(outbox, lrs.config);
            if (!sent.problem.empty())
                std::cerr << "calmwaters run: the learning records are kept to send later: " << sent.problem << '\n';
        }
    }
    std::cout << out.dump(2) << '\n';
    return 0;
}

}  // namespace cw
