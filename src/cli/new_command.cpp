// calmwaters new FILE: a starter call to write over (assets/new_call.toml: a caller, a policy
// card, two questions with graded replies and feedback, three endings, and no coordinates, so
// the river is laid out from the call). It checks and solves as written. Never overwrites.
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "content/atomic_file.hpp"
#include "content/command_line.hpp"
#include "content/data_paths.hpp"
#include "content/problems.hpp"
#include "content/toml_reader.hpp"

namespace cw {

int new_command(const Args& args) {
    if (args.size() != 1 || args[0].rfind("--", 0) == 0) {
        std::cerr << "usage: calmwaters new FILE   (writes a starter call to FILE, which must not exist yet)\n";
        return 2;
    }
    namespace fs = std::filesystem;
    const std::string& path = args[0];
    std::error_code ec;
    if (fs::exists(path, ec)) {
        std::cerr << "calmwaters new: " << path << " already exists; nothing was written (choose a new file name)\n";
        return 1;
    }
    std::vector<Problem> problems;
    auto text = read_text_file(asset_path("new_call.toml"), kMaxLevelBytes, problems);
    if (!text) {
        std::cerr << format_problems(problems) << "calmwaters new: the starter call is missing from this install\n";
        return 1;
    }
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    std::string error;
    if (!write_file_atomically(path, *text, error)) {
        std::cerr << "calmwaters new: " << error << '\n';
        return 1;
    }
    std::cout << path << ": a new call, ready to write over. It checks and plays as it is:\n"
              << "  calmwaters check --pacing " << path << "   each question against the clock\n"
              << "  calmwaters play " << path << "             play it\n"
              << "  calmwaters solve " << path << "            every path, steered\n"
              << "The comments in the file say what each part is for; docs/trainer-guide.md walks through it.\n";
    if (fs::path(path).extension() != ".toml")
        std::cout << "(The game lists level files that end in .toml; consider renaming it.)\n";
    return 0;
}

}  // namespace cw
