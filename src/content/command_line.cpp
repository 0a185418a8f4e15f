#include "command_line.hpp"

#include <algorithm>
#include <iostream>

#include "playlist_loader.hpp"

#include "content/data_paths.hpp"
#include "core/reading_pace.hpp"

namespace cw {

std::optional<Catalogue> load_shipped_catalogue() {
    CatalogueLoad cat = load_catalogue_dir(data_root() + "/assets");
    if (!cat.ok()) {
        std::cerr << format_problems(cat.problems);
        std::cerr << "calmwaters: the technique catalogue is broken; the game cannot check levels without it\n";
        return std::nullopt;
    }
    return cat.catalogue;
}

std::optional<std::string> flag_value(const std::vector<std::string>& args, const std::string& name) {
    for (size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == name) return args[i + 1];
    return std::nullopt;
}

bool has_flag(const std::vector<std::string>& args, const std::string& name) {
    return std::find(args.begin(), args.end(), name) != args.end();
}

bool pace_flag(const std::vector<std::string>& args, const char* command, double& pace) {
    pace = kNormalReadingPace;
    if (!has_flag(args, "--pace")) return true;
    std::string v = flag_value(args, "--pace").value_or("");  // `--pace` as the last word has no value
    try {
        size_t used = 0;
        double p = std::stod(v, &used);
        if (used == v.size() && reading_pace_valid(p)) {
            pace = p;
            return true;
        }
    } catch (const std::exception&) {
    }
    std::cerr << "calmwaters " << command << ": --pace wants a number from 0.5 to 2 (1 is normal, 2 gives twice "
              << "the time to read), got \"" << v << "\"\n";
    return false;
}

}  // namespace cw

namespace cw {

bool refuse_playlist(const std::string& path, const char* command) {
    if (!is_playlist_path(path)) return false;
    std::cerr << "calmwaters " << command << ": " << path << " is a playlist (a week of calls), not a level.\n";
    auto catalogue = load_shipped_catalogue();
    PlaylistLoad pl = catalogue ? load_playlist_file(path, *catalogue) : PlaylistLoad{};
    if (pl.ok() && !pl.playlist->calls.empty()) {
        std::cerr << "Give it one of its calls, for example:\n  calmwaters " << command << ' '
                  << pl.playlist->calls.front().level << (std::string(command) == "run" ? " --bot calm" : "") << '\n'
                  << "Its calls:\n";
        for (const PlaylistEntry& c : pl.playlist->calls) std::cerr << "  " << c.day << ": " << c.level << '\n';
    }
    std::cerr << "To play the whole week, open the game (calmwaters) and choose it on the menu; "
                 "calmwaters check " << path << " checks every call in it.\n";
    return true;
}

}  // namespace cw
