#include "class_calls.hpp"

#include <filesystem>

#include "content/level_loader.hpp"
#include "content/playlist_loader.hpp"
#include "content/toml_reader.hpp"

namespace cw::net {

std::optional<std::vector<ClassCall>> load_class_calls(const std::vector<std::string>& paths,
                                                       const Catalogue& catalogue, std::string& error) {
    std::vector<std::string> levels;
    for (const std::string& p : paths) {
        if (!is_playlist_path(p)) {
            levels.push_back(p);
            continue;
        }
        PlaylistLoad pl = load_playlist_file(p, catalogue);
        if (!pl.ok()) {
            error = format_problems(pl.problems);
            return std::nullopt;
        }
        for (const PlaylistEntry& e : pl.playlist->calls) levels.push_back(e.level);
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
    for (const std::string& path : levels) {
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
        calls.push_back(std::move(c));
    }
    return calls;
}

}  // namespace cw::net
