#include "data_paths.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace cw {

namespace fs = std::filesystem;

namespace {
bool holds_data(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p / "assets" / "techniques.toml", ec);
}
}  // namespace

std::string data_root() {
    if (const char* env = std::getenv("CALMWATERS_DATA"); env && *env) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (fs::path dir = exe.parent_path(); !dir.empty(); dir = dir.parent_path()) {
            if (holds_data(dir)) return dir.string();
            if (dir == dir.root_path()) break;
        }
    }
#ifdef CALMWATERS_SOURCE_DIR
    if (holds_data(CALMWATERS_SOURCE_DIR)) return CALMWATERS_SOURCE_DIR;
#endif
    return ".";
}

std::string asset_path(const std::string& name) { return (fs::path(data_root()) / "assets" / name).string(); }
std::string levels_dir() { return (fs::path(data_root()) / "levels").string(); }
std::string first_week_playlist() { return levels_dir() + "/campaign/first_week.playlist.toml"; }
std::string second_week_playlist() { return levels_dir() + "/week2/second_week.playlist.toml"; }

}  // namespace cw
