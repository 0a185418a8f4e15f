// calmwaters solve LEVEL [--json] [--max-paths N]: every path through the call, for every
// persona, each steered by the bot at the roughness it produces and, on a shuffled call, with
// its replies laid on every pair of channels (see editor/solver.hpp for what that proves).
// Exit 0 when every path can be steered, 1 when one cannot, 2 when the level does not load or
// the arguments are wrong.
#include <cmath>
#include <iostream>
#include <map>

#include <nlohmann/json.hpp>

#include "content/command_line.hpp"
#include "commands.hpp"
#include "editor/solver.hpp"
#include "play/run_report.hpp"

namespace cw {

namespace {

double r2(double v) { return std::round(v * 100.0) / 100.0; }

nlohmann::ordered_json path_json(const Level& level, const SolvedPath& p) {
    nlohmann::ordered_json j;
    auto replies = nlohmann::ordered_json::array();
    for (const PathReply& r : p.replies) {
        const Node& node = level.nodes[static_cast<size_t>(r.node)];
        const Reply& reply = node.replies[static_cast<size_t>(r.reply)];
        replies.push_back({{"node", node.id},
                           {"reply", reply_letter(r.reply)},
                           {"text", reply.text},
                           {"techniques", reply.techniques}});
    }
    j["replies"] = replies;
    j["persona"] = p.persona;
    nlohmann::ordered_json week = nlohmann::ordered_json::object();
    for (const auto& [name, value] : p.week) week[name] = value;
    j["week"] = week;
    j["arrangements"] = p.arrangements;
    j["outcome"] = outcome_id(p.outcome);
    j["steerable"] = p.steerable;
    if (p.failed_at) {
        const PathFailure& f = *p.failed_at;
        j["failed_at"] = {{"node", f.node},
                          {"fork", f.fork.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(f.fork)},
                          {"progress", r2(f.progress)},
                          {"roughness", r2(f.roughness)},
                          {"reason", f.reason},
                          {"advice", f.advice},
                          {"arrangement", f.arrangement}};
        auto taken = nlohmann::ordered_json::array();
        for (const PathReply& r : p.taken)
            taken.push_back({{"node", level.nodes[static_cast<size_t>(r.node)].id}, {"reply", reply_letter(r.reply)}});
        j["taken"] = taken;
    } else {
        j["failed_at"] = nullptr;
    }
    j["ending"] = p.ending.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(p.ending);
    j["score"] = p.score;
    j["composure_min"] = r2(p.composure_min);
    j["jolts"] = p.jolts;
    j["seconds"] = r2(p.seconds);
    j["max_roughness"] = r2(p.max_roughness);
    return j;
}

nlohmann::ordered_json weeks_json(const SolveResult& result) {
    auto weeks = nlohmann::ordered_json::array();
    for (const WeekValues& w : result.weeks) {
        nlohmann::ordered_json one = nlohmann::ordered_json::object();
        for (const auto& [name, value] : w) one[name] = value;
        weeks.push_back(one);
    }
    return weeks;
}

std::string path_line(const Level& level, const SolvedPath& p) {
    std::string s;
    for (const PathReply& r : p.replies)
        s += (s.empty() ? "" : " > ") + level.nodes[static_cast<size_t>(r.node)].id + " " + reply_letter(r.reply);
    return s.empty() ? "(no questions)" : s;
}

}  // namespace

int solve_command(const Args& args) {
    if (args.empty() || args[0].rfind("--", 0) == 0) {
        std::cerr << "usage: calmwaters solve LEVEL [--json] [--max-paths N]\n";
        return 2;
    }
    SolveOptions options;
    if (auto m = flag_value(args, "--max-paths")) {
        try {
            size_t used = 0;
            int v = std::stoi(*m, &used);
            if (used != m->size() || v < 1 || v > 100000) throw std::invalid_argument("range");
            options.max_paths = v;
        } catch (const std::exception&) {
            std::cerr << "calmwaters solve: --max-paths wants a whole number from 1 to 100000, got \"" << *m << "\"\n";
            return 2;
        }
    }
    if (refuse_playlist(args[0], "solve")) return 2;
    auto catalogue = load_shipped_catalogue();
    if (!catalogue) return 2;
    LevelLoad load = load_level_file(args[0], *catalogue);
    if (!load.ok()) {
        std::cerr << format_problems(load.problems);
        return 2;
    }
    const Level& level = *load.level;
    SolveResult result = solve_level(level, *catalogue, options);
    int steerable = 0;
    std::map<std::string, int> outcomes;
    for (const SolvedPath& p : result.paths) {
        steerable += p.steerable;
        outcomes[outcome_id(p.outcome)] += 1;
    }
    int stuck = static_cast<int>(result.paths.size()) - steerable;

    if (has_flag(args, "--json")) {
        nlohmann::ordered_json out;
        out["level"] = args[0];
        out["title"] = level.title;
        auto paths = nlohmann::ordered_json::array();
        for (const SolvedPath& p : result.paths) paths.push_back(path_json(level, p));
        out["paths"] = paths;
        nlohmann::ordered_json by_outcome;
        for (const auto& [id, n] : outcomes) by_outcome[id] = n;
        out["summary"] = {{"paths", result.paths.size()},
                          {"steerable", steerable},
                          {"not_steerable", stuck},
                          {"capped", result.capped},
                          {"max_paths", options.max_paths},
                          {"outcomes", by_outcome},
                          {"personas", result.personas},
                          {"weeks", weeks_json(result)},
                          {"shuffled", result.shuffled},
                          {"runs", result.runs},
                          {"proved", stuck || result.capped ? nlohmann::ordered_json() : nlohmann::ordered_json(result.proved())}};
        std::cout << out.dump(2) << '\n';
    } else {
        std::cout << args[0] << ": " << result.paths.size() << " path(s) through the call"
                  << (result.capped ? " (stopped at --max-paths; there are more)" : "") << ", " << steerable
                  << " steerable, " << stuck << " not\n";
        const bool several = result.personas.size() > 1 || result.weeks.size() > 1;
        for (size_t i = 0; i < result.paths.size(); ++i) {
            const SolvedPath& p = result.paths[i];
            if (several && (i == 0 || result.paths[i - 1].persona != p.persona || result.paths[i - 1].week != p.week)) {
                std::cout << " as \"" << p.persona << "\"";
                for (const auto& [name, value] : p.week) std::cout << ", week." << name << " = " << value;
                std::cout << ":\n";
            }
            std::cout << "  " << (p.steerable ? "ok   " : "FAIL ") << "path " << i + 1 << ": " << path_line(level, p)
                      << "  ->  " << outcome_id(p.outcome) << " (score " << p.score << ", composure min "
                      << static_cast<int>(std::lround(p.composure_min)) << ", " << p.jolts << " jolt(s))\n";
            if (p.failed_at) {
                const PathFailure& f = *p.failed_at;
                std::cout << "         at " << (f.fork.empty() ? "" : "fork \"" + f.fork + "\", ") << "node `" << f.node
                          << "`, " << static_cast<int>(std::lround(f.progress)) << " m down the river: " << f.reason
                          << '\n';
                if (!f.arrangement.empty()) std::cout << "         with " << f.arrangement << '\n';
                if (!f.advice.empty()) std::cout << "         to fix it: " << f.advice << '\n';
            }
        }
        if (stuck)
            std::cout << "Not proved: the path(s) marked FAIL cannot be steered as shown.\n";
        else if (result.capped)
            std::cout << "Not proved: the walk stopped at --max-paths before it had seen every path.\n";
        else
            std::cout << result.proved() << '\n';
    }
    return stuck ? 1 : 0;
}

}  // namespace cw
