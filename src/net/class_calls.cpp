#include "class_calls.hpp"

#include <filesystem>

#include "content/level_loader.hpp"
#include "content/playlist_loader.hpp"
#include "content/toml_reader.hpp"

namespace cw::net {

std::optional<std::vector<ClassCall>> load_class_calls(const std::vector<std::string>& paths,
                                                       const Catalogue& catalogue, std::string& error) {
    std::vector<std::string> levels;
    std::vector<WeekValues> weeks;  // per level: its playlist's week, if it came from one
    for (const std::string& p : paths) {
        if (!is_playlist_path(p)) {
            levels.push_back(p);
            weeks.emplace_back();
            continue;
        }
        PlaylistLoad pl = load_playlist_file(p, catalogue);
        if (!pl.ok()) {
            error = format_problems(pl.problems);
            return std::nullopt;
        }
        for (const PlaylistEntry& e : pl.playlist->calls) {
            levels.push_back(e.level);
            weeks.push_back(pl.playlist->week);
        }
    }
    if (levels.empty()) {
        error = "no level to host: name a level file or a playlist\n";
        return std::nullopt;
    }
    if (levels.size() > static_cast<size_t>(kMaxCalls)) {
        error = "a class session holds at most " + std::to_string(kMaxCalls) + " calls\n";
        return std::nullopt;
    }
    std::vector<ClassCall> calls;
    for (size_t i = 0; i < levels.size(); ++i) {
        const std::string& path = levels[i];
        std::vector<Problem> problems;
        auto text = read_text_file(path, kMaxLevelTextBytes, problems);
        if (!text) {
            error = format_problems(problems);
            return std::nullopt;
        }
        // Checked from the very text the trainees will get, so host and trainees agree.
        LevelLoad load = load_level_text(*text, path, catalogue);
        if (!load.ok()) {
            error = format_problems(load.problems);
            return std::nullopt;
        }
        ClassCall c;
        c.name = std::filesystem::path(path).filename().string();
        c.text = std::move(*text);
        c.level = std::move(*load.level);
        c.week_start = weeks[i];
        calls.push_back(std::move(c));
    }
    return calls;
}

}  // namespace cw::net
