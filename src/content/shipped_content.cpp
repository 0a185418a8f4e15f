#include "shipped_content.hpp"

#include <algorithm>
#include <filesystem>

#include "data_paths.hpp"
#include "level_loader.hpp"

namespace cw {

std::vector<LevelEntry> shipped_levels(const Catalogue& catalogue) {
    std::vector<LevelEntry> out;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(levels_dir(), ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec) || it->path().extension() != ".toml") continue;
        if (is_playlist_path(it->path().string())) continue;
        LevelLoad load = load_level_file(it->path().string(), catalogue);
        if (load.ok()) out.push_back({it->path().string(), load.level->title, load.level->summary});
    }
    std::sort(out.begin(), out.end(), [](const LevelEntry& a, const LevelEntry& b) { return a.path < b.path; });
    return out;
}

ShippedContent load_shipped_content(const Catalogue& catalogue) {
    ShippedContent c;
    c.levels = shipped_levels(catalogue);
    for (const std::string& week : {first_week_playlist(), second_week_playlist()})
        c.weeks.push_back(load_playlist_file(week, catalogue));
    return c;
}

}  // namespace cw
