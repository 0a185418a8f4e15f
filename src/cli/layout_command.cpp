// calmwaters layout LEVEL [--write]: the river the game lays out from the call (see
// core/river_layout.hpp), printed as the file would write it; with --write, written into the
// file itself (points, and each fork's `at`), every comment kept, for a trainer to tweak by
// hand or in the editor. The file is checked again after writing; if it does not load the
// same river, the old text is put back.
#include <cmath>
#include <iostream>

#include "commands.hpp"
#include "content/command_line.hpp"
#include "content/level_loader.hpp"
#include "content/problems.hpp"
#include "content/toml_reader.hpp"
#include "core/river.hpp"
#include "core/river_layout.hpp"
#include "editor/level_file.hpp"
#include "editor/level_writer.hpp"
#include "editor/river_patch.hpp"

namespace cw {


int layout_command(const Args& args) {
    std::string path;
    bool write = false, usage = args.empty();
    for (const std::string& a : args) {
        if (a == "--write") write = true;
        else if (a.rfind("--", 0) == 0 || !path.empty()) usage = true;
        else path = a;
    }
    if (usage || path.empty()) {
        std::cerr << "usage: calmwaters layout LEVEL [--write]\n"
                     "  prints the river laid out from the call; --write puts its points into the file\n";
        return 2;
    }
    if (refuse_playlist(path, "layout")) return 2;
    auto catalogue = load_shipped_catalogue();
    if (!catalogue) return 1;
    std::vector<Problem> read_problems;
    auto text = read_text_file(path, kMaxLevelBytes, read_problems);
    if (!text) {
        std::cerr << format_problems(read_problems);
        return 1;
    }
    LevelLoad load = load_level_text(*text, path, *catalogue);
    if (!load.ok()) {
        std::cerr << format_problems(load.problems) << "calmwaters layout: fix the problems above first\n";
        return 1;
    }
    const Level& level = *load.level;
    RiverLayout layout = lay_out_river(level, *catalogue);
    if (!layout.problem.empty()) {
        std::cerr << path << ": " << layout.problem << '\n';
        return 1;
    }
    RiverDef laid = level.river;
    apply_layout(layout, laid, {});
    laid.rocks.clear();
    RiverGeometry river(laid);

    if (!write) {
        std::cout << "# " << path << ": the river laid out from the call, " << format_number(std::round(river.length()))
                  << " m long, the pool from " << format_number(std::round(river.pool_start())) << " m.\n"
                  << "# Under [river]:\n"
                  << points_text(layout.points);
        for (size_t k = 0; k < level.river.forks.size(); ++k)
            std::cout << "# [[river.fork]] id = \"" << level.river.forks[k].id << "\": at = "
                      << format_number(layout.fork_at[k]) << '\n';
        return 0;
    }

    std::string error;
    std::string patched = patch_river_text(*text, level, layout, error);
    if (patched.empty()) {
        std::cerr << "calmwaters layout: " << path << ": " << error << "; nothing was written\n";
        return 1;
    }
    // The written file must give back this river, and pass its checks, before it is kept.
    LevelLoad again = load_level_text(patched, path, *catalogue);
    if (!again.ok() || !same_course(again.level->river, laid)) {
        std::cerr << format_problems(again.problems) << "calmwaters layout: " << path
                  << " would not read back as the river laid out"
                  << (again.ok() ? "" : " (the problems above: rocks placed by coordinates may not fit the new river)")
                  << "; nothing was written\n";
        return 1;
    }
    if (!save_level_file(path, patched, error)) {
        std::cerr << "calmwaters layout: " << error << '\n';
        return 1;
    }
    std::cout << path << ": the river's " << layout.points.size() << " points and " << level.river.forks.size()
              << " fork place" << (level.river.forks.size() == 1 ? "" : "s") << " written (the old file is kept as "
              << backup_path(path) << ")\n";
    return 0;
}

}  // namespace cw
