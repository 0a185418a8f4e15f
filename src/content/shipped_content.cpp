#include "shipped_content.hpp"

#include <algorithm>
#include <filesystem>

#include "data_paths.hpp"
#include "level_loader.hpp"

namespace cw {

namespace {
std::vector<LevelEntry> levels_in(const std::string& dir, const Catalogue& catalogue, bool yours) {
    std::vector<LevelEntry> out;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec) || it->path().extension() != ".toml") continue;
        if (is_playlist_path(it->path().string())) continue;
        LevelLoad load = load_level_file(it->path().string(), catalogue);
        if (load.ok()) out.push_back({it->path().string(), load.level->title, load.level->summary, yours});
    }
    std::sort(out.begin(), out.end(), [](const LevelEntry& a, const LevelEntry& b) { return a.path < b.path; });
    return out;
}
}  // namespace

std::vector<LevelEntry> shipped_levels(const Catalogue& catalogue) { return levels_in(levels_dir(), catalogue, false); }
std::vector<LevelEntry> user_levels(const Catalogue& catalogue) { return levels_in(user_levels_dir(), catalogue, true); }

std::vector<LevelEntry> listed_levels(const Catalogue& catalogue) {
    std::vector<LevelEntry> all = shipped_levels(catalogue);
    std::error_code ec;  // an equivalent() that fails means the user's folder is not there yet
    if (!std::filesystem::equivalent(user_levels_dir(), levels_dir(), ec)) {
        std::vector<LevelEntry> mine = user_levels(catalogue);
        all.insert(all.end(), mine.begin(), mine.end());
    }
    return all;
}

ShippedContent load_shipped_content(const Catalogue& catalogue) {
    ShippedContent c;
    c.levels = listed_levels(catalogue);
    for (const std::string& week : {first_week_playlist(), second_week_playlist()})
        c.weeks.push_back(load_playlist_file(week, catalogue));
    return c;
}

}  // namespace cw
