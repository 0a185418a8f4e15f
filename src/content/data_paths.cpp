#include "data_paths.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace cw {

namespace fs = std::filesystem;

namespace {

bool holds_data(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p / "assets" / "techniques.toml", ec);
}

// The build writes its marker in the build folder; the game sits there and the test and bench
// binaries one folder down.
std::string build_tree_source(const fs::path& exe_dir) {
    for (fs::path dir : {exe_dir, exe_dir.parent_path()}) {
        std::ifstream in(dir / kBuildTreeMarker);
        std::string line;
        if (in && std::getline(in, line) && !line.empty()) return line;
    }
    return "";
}

bool is_under(const fs::path& path, const fs::path& dir) {
    std::error_code ec;
    fs::path rel = fs::weakly_canonical(path, ec).lexically_relative(fs::weakly_canonical(dir, ec));
    return !ec && !rel.empty() && *rel.begin() != "..";
}

}  // namespace

DataRoot find_data_root(const DataSearch& search) {
    if (!search.environment.empty()) return {search.environment, DataSource::environment};
    fs::path exe_dir = fs::path(search.executable).parent_path();
    if (!search.executable.empty()) {
        // A marker means a build tree: its sources or nothing, never an installed copy.
        if (std::string source = build_tree_source(exe_dir); !source.empty())
            return {source, holds_data(source) ? DataSource::build_tree : DataSource::not_found};
        fs::path beside = (exe_dir / ".." / "share" / "calmwaters").lexically_normal();
        if (holds_data(beside)) return {beside.string(), DataSource::installed};
    }
    if (holds_data(search.system_dir)) return {search.system_dir, DataSource::installed};
    return {"", DataSource::not_found};
}

DataRoot data_root_found() {
    DataSearch search;
    if (const char* env = std::getenv("CALMWATERS_DATA"); env && *env) search.environment = env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) search.executable = exe.string();
    return find_data_root(search);
}

std::string data_root() {
    DataRoot root = data_root_found();
    return root.path.empty() ? "." : root.path;
}

std::string asset_path(const std::string& name) { return (fs::path(data_root()) / "assets" / name).string(); }
std::string levels_dir() { return (fs::path(data_root()) / "levels").string(); }
std::string first_week_playlist() { return levels_dir() + "/campaign/first_week.playlist.toml"; }
std::string second_week_playlist() { return levels_dir() + "/week2/second_week.playlist.toml"; }

std::string default_data_dir() {
    if (const char* h = std::getenv("CALMWATERS_HOME"); h && *h) return h;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/calmwaters";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/calmwaters";
    return ".calmwaters";
}

std::string user_levels_dir() { return default_data_dir() + "/levels"; }

bool shipped_levels_writable(const DataRoot& shipped) {
    if (shipped.source != DataSource::environment && shipped.source != DataSource::build_tree) return false;
    return ::access((fs::path(shipped.path) / "levels").c_str(), W_OK) == 0;
}

std::string level_save_path(const std::string& path, const DataRoot& shipped, const std::string& user_levels) {
    if (shipped.path.empty() || shipped_levels_writable(shipped)) return path;
    fs::path levels = fs::path(shipped.path) / "levels";
    if (!is_under(path, levels)) return path;
    std::error_code ec;
    fs::path rel = fs::weakly_canonical(path, ec).lexically_relative(fs::weakly_canonical(levels, ec));
    return (fs::path(user_levels) / rel).string();
}

std::string level_save_path(const std::string& path) {
    return level_save_path(path, data_root_found(), user_levels_dir());
}

std::string new_level_path(const std::string& name) {
    bool shipped = shipped_levels_writable(data_root_found());
    return ((shipped ? fs::path(levels_dir()) : fs::path(user_levels_dir())) / name).string();
}

}  // namespace cw
