#include <iostream>

#include "commands.hpp"
#include "content/command_line.hpp"
#include "content/problems.hpp"
#include "content/toml_reader.hpp"
#include "editor/level_file.hpp"
#include "editor/upgrade.hpp"

namespace cw {

int upgrade_command(const Args& args) {
    if (args.size() != 1 || args[0].rfind("--", 0) == 0) {
        std::cerr << "usage: calmwaters upgrade FILE   (rewrites a format 1 level as format 2, in place)\n";
        return 2;
    }
    auto catalogue = load_shipped_catalogue();
    if (!catalogue) return 1;
    const std::string& path = args[0];
    std::vector<Problem> read_problems;
    auto text = read_text_file(path, kMaxLevelBytes, read_problems);
    if (!text) {
        std::cerr << format_problems(read_problems);
        return 1;
    }
    Upgrade up = upgrade_level_text(*text, path, *catalogue);
    if (!up.ok) {
        std::cerr << format_problems(up.problems) << "calmwaters upgrade: " << path
                  << " was left as it was; fix the problems above first\n";
        return 1;
    }
    if (up.already) {
        std::cout << path << ": already format " << kLevelFormatLatest << "; nothing to do\n";
        return 0;
    }
    std::string error;
    if (!save_level_file(path, up.text, error)) {
        std::cerr << "calmwaters upgrade: " << error << '\n';
        return 1;
    }
    std::cout << path << ": now format 2, with " << up.grades_written
              << " grades worked out from the tags (each marked \"check it\"); the old file is kept as "
              << backup_path(path) << ".\nFormat 2 lays a question's replies onto its channels in an order drawn "
                 "from the seed; add `shuffle = false` near the top of the file to keep your order.\n";
    return 0;
}

}  // namespace cw
