#include <algorithm>
#include <filesystem>
#include <iostream>

#include "content/command_line.hpp"
#include "commands.hpp"
#include "content/playlist_loader.hpp"

namespace cw {

namespace fs = std::filesystem;

int check_command(const Args& args) {
    if (args.empty()) {
        std::cerr << "usage: calmwaters check PATH...   (level files or folders of them)\n";
        return 2;
    }
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
        if (load.ok()) {
            std::cout << f << ": ok (" << load.level->nodes.size() << " nodes, " << load.level->river.forks.size()
                      << " forks)" << std::endl;
            std::cerr << format_problems(load.notes);  // warnings and notes never change the exit code
        } else {
            std::cerr << format_problems(load.problems);
            ++bad;
        }
    }
    if (bad) std::cerr << bad << " of " << files.size() << " level file(s) have problems\n";
    return bad ? 1 : 0;
}

}  // namespace cw
