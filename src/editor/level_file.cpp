#include "level_file.hpp"

#include "content/atomic_file.hpp"

#include <filesystem>
#include <sys/stat.h>

namespace cw {

namespace fs = std::filesystem;

std::string backup_path(const std::string& path) { return path + ".bak"; }


bool save_level_file(const std::string& path, const std::string& text, std::string& error) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        error = path + " is a folder; choose a file name ending in .toml";
        return false;
    }
    // A trainer's own levels folder may not exist until the first save into it.
    if (fs::path parent = fs::path(path).parent_path(); !parent.empty() && !fs::exists(parent, ec)) {
        fs::create_directories(parent, ec);
        if (ec) {
            error = "could not make the folder " + parent.string() + ": " + ec.message();
            return false;
        }
    }
    if (fs::exists(path, ec)) {
        fs::copy_file(path, backup_path(path), fs::copy_options::overwrite_existing, ec);
        if (ec) {
            error = "could not keep a backup at " + backup_path(path) + ": " + ec.message();
            return false;
        }
    }
    return write_file_atomically(path, text, error);
}

FileStamp file_stamp(const std::string& path) {
    FileStamp s;
    struct stat st{};
    if (path.empty() || ::stat(path.c_str(), &st) != 0) return s;
    s.exists = true;
    s.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    s.size = static_cast<uint64_t>(st.st_size);
    return s;
}

}  // namespace cw
