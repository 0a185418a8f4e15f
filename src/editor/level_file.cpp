#include "level_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace cw {

namespace fs = std::filesystem;

std::string backup_path(const std::string& path) { return path + ".bak"; }

namespace {

bool write_all(int fd, const std::string& text) {
    size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return true;
}

std::string why() { return std::strerror(errno); }

}  // namespace

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
    std::string tmp = path + ".saving";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = "could not write " + tmp + ": " + why();
        return false;
    }
    bool ok = write_all(fd, text) && ::fsync(fd) == 0;
    std::string failure = ok ? "" : why();
    if (::close(fd) != 0 && ok) {
        ok = false;
        failure = why();
    }
    if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
        error = "could not save " + path + ": " + (failure.empty() ? why() : failure);
        ::unlink(tmp.c_str());
        return false;
    }
    // The rename itself must reach the disk too.
    fs::path dir = fs::path(path).parent_path();
    int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
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
