#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "content/command_line.hpp"
#include "content/data_paths.hpp"
#include "content/voice_files.hpp"
#include "commands.hpp"
#include "content/pacing.hpp"
#include "content/playlist_loader.hpp"
#include "content/toml_reader.hpp"
#include "play/level_stats.hpp"

namespace cw {

namespace fs = std::filesystem;

namespace {

std::string percent(double share) { return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%"; }

// `check --stats`: how the calls' judgement reads to a quality team, level by level and overall.
void print_stats(const std::vector<LevelStats>& all) {
    int questions = 0, longest = 0, tempting = 0;
    int by_channel[4] = {0, 0, 0, 0};
    bool bots_ok = true;
    std::cout << "level                                   questions  best longest  tempting wrong  calm bot  worst bot\n";
    for (const LevelStats& st : all) {
        int q = static_cast<int>(st.questions.size()), l = 0, t = 0;
        for (const QuestionStats& qs : st.questions) {
            l += qs.best_is_longest;
            t += qs.tempting_wrong;
            if (qs.best_channel >= 0 && qs.best_channel < 4) ++by_channel[qs.best_channel];
        }
        questions += q;
        longest += l;
        tempting += t;
        bool ok = st.calm_min >= kCalmBotAtLeast && st.worst_max <= kWorstBotAtMost;
        bots_ok = bots_ok && ok;
        std::string name = std::filesystem::path(st.path).filename().string();
        char line[256];
        std::snprintf(line, sizeof line, "%-40s %9d  %12d  %14d  %3d..%-3d  %3d..%-3d%s\n", name.substr(0, 40).c_str(), q, l, t,
                      st.calm_min, st.calm_max, st.worst_min, st.worst_max, ok ? "" : "  <- bots out of range");
        std::cout << line;
    }
    if (questions == 0) return;
    auto share = [&](int n) { return static_cast<double>(n) / questions; };
    int most = *std::max_element(by_channel, by_channel + 4);
    std::cout << "\nOver " << questions << " questions in " << all.size() << " calls (bots over " << all.front().seeds
              << " seeds each):\n";
    auto verdict = [](bool ok) { return ok ? "meets" : "MISSES"; };
    std::cout << "  the best reply is the longest in " << percent(share(longest)) << " ("
              << verdict(share(longest) <= kMaxShareBestLongest) << " at most " << percent(kMaxShareBestLongest) << ")\n";
    std::cout << "  in the written order the best reply is in A/B/C/D " << by_channel[0] << "/" << by_channel[1] << "/"
              << by_channel[2] << "/" << by_channel[3] << " times; the most in one channel is " << percent(share(most))
              << " (" << verdict(share(most) <= kMaxShareBestInOneChannel) << " at most "
              << percent(kMaxShareBestInOneChannel) << ")\n";
    std::cout << "  a slip or trap built from a good technique in " << percent(share(tempting)) << " ("
              << verdict(share(tempting) >= kMinShareTemptingWrong) << " at least " << percent(kMinShareTemptingWrong)
              << ")\n";
    std::cout << "  calm bot at least " << kCalmBotAtLeast << " and worst bot at most " << kWorstBotAtMost
              << " on every call: " << (bots_ok ? "meets" : "MISSES") << "\n";
    std::vector<SharedSpeech> shared = shared_caller_speech(all, kSharedSpeechWords);
    std::cout << "  caller speech said in two calls (runs of " << kSharedSpeechWords << " words or more): "
              << shared.size() << " (" << verdict(shared.empty()) << " none)\n";
    for (const SharedSpeech& sh : shared)
        std::cout << "    \"" << sh.words << "\": " << fs::path(sh.path_a).filename().string() << " (" << sh.node_a
                  << ") and " << fs::path(sh.path_b).filename().string() << " (" << sh.node_b << ")\n";
}

// `check --voice`: every spoken line with its id and whether a recording of it was found.
void print_voice(const std::string& path, const Level& level, bool json) {
    const std::string home = default_data_dir();
    std::vector<SpokenLine> lines = spoken_lines(level);
    if (json) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const SpokenLine& l : lines)
            out.push_back({{"line", l.id}, {"node", l.node}, {"recorded", find_recording(path, l.id, home).has_value()}});
        std::cout << out.dump() << std::endl;
        return;
    }
    int recorded = 0;
    std::cout << "line id                  node                     recorded  words\n";
    for (const SpokenLine& l : lines) {
        bool found = find_recording(path, l.id, home).has_value();
        recorded += found;
        std::string words = l.text.size() > 48 ? l.text.substr(0, 45) + "..." : l.text;
        char row[320];
        std::snprintf(row, sizeof row, "%-24s %-24s %-9s %s\n", l.id.c_str(), l.node.c_str(), found ? "yes" : "-",
                      words.c_str());
        std::cout << row;
    }
    std::cout << recorded << " of " << lines.size() << " spoken lines recorded. Recordings are looked for as "
              << "<line id>.ogg or .wav in:\n";
    for (const std::string& folder : voice_folders(path, home)) std::cout << "  " << folder << "\n";
}

}  // namespace

int check_command(const Args& args_in) {
    Args args;
    bool stats = false, pacing = false, voice = false, json = false;
    int seeds = 5;
    for (size_t i = 0; i < args_in.size(); ++i) {
        if (args_in[i] == "--stats") stats = true;
        else if (args_in[i] == "--pacing") pacing = true;
        else if (args_in[i] == "--voice") voice = true;
        else if (args_in[i] == "--json") json = true;
        else if (args_in[i] == "--seeds" && i + 1 < args_in.size()) seeds = std::clamp(std::atoi(args_in[++i].c_str()), 1, 100);
        else args.push_back(args_in[i]);
    }
    if (args.empty()) {
        std::cerr << "usage: calmwaters check PATH... [--pacing] [--stats [--seeds N]] [--voice [--json]]\n"
                     "       (level files or folders of them)\n";
        return 2;
    }
    std::vector<LevelStats> all_stats;
    auto catalogue = load_shipped_catalogue();
    if (!catalogue) return 1;

    std::vector<std::string> files;
    int missing = 0;
    for (const std::string& a : args) {
        std::error_code ec;
        if (fs::is_directory(a, ec)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(a, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec))
                if (it->is_regular_file(ec) && it->path().extension() == ".toml") found.push_back(it->path().string());
            std::sort(found.begin(), found.end());
            if (found.empty()) std::cerr << a << ": no .toml level files in this folder\n";
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(a);  // a missing file is reported by the loader, located
        }
    }
    int bad = missing;
    for (const std::string& f : files) {
        if (is_playlist_path(f)) {
            PlaylistLoad pl = load_playlist_file(f, *catalogue);
            if (pl.ok()) {
                std::cout << f << ": ok (playlist of " << pl.playlist->calls.size() << " calls)\n";
            } else {
                std::cerr << format_problems(pl.problems);
                ++bad;
            }
            continue;
        }
        LevelLoad load = load_level_file(f, *catalogue);
        if (load.ok() && voice) {  // the list alone, so --json output is one JSON value per level
            std::cerr << format_problems(load.notes);
            print_voice(f, *load.level, json);
        } else if (load.ok()) {
            std::cout << f << ": ok (" << load.level->nodes.size() << " nodes, " << load.level->river.forks.size()
                      << " forks)" << std::endl;
            std::cerr << format_problems(load.notes);  // warnings and notes never change the exit code
            if (stats) all_stats.push_back(level_stats(*load.level, *catalogue, seeds));
            if (pacing) {
                auto text = read_text_file(f, kMaxLevelBytes, load.problems);
                Pacing p = level_pacing(*load.level, *catalogue, SourceText(f, text ? *text : ""));
                std::cout << pacing_table(p) << std::flush;
                std::cerr << format_problems(p.warnings);
            }
        } else {
            std::cerr << format_problems(load.problems);
            ++bad;
        }
    }
    if (stats && !all_stats.empty()) print_stats(all_stats);
    if (bad) std::cerr << bad << " of " << files.size() << " level file(s) have problems\n";
    return bad ? 1 : 0;
}

}  // namespace cw
