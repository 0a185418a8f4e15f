#include "atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace cw {

namespace {

std::string why() { return std::strerror(errno); }

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

}  // namespace

bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error, unsigned mode) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    const std::string dir = parent.empty() ? "." : parent.string();
    const std::string temp = path + ".saving";  // named only for the instant before the rename
    int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
    const bool unnamed = fd >= 0;
    if (!unnamed) fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) {
        error = "could not write " + path + ": " + why();
        return false;
    }
    bool ok = write_all(fd, bytes) && ::fsync(fd) == 0;
    std::string failure = ok ? "" : why();
    if (ok && unnamed) {
        ::unlink(temp.c_str());  // left by a save killed between naming and renaming
        const std::string self = "/proc/self/fd/" + std::to_string(fd);
        ok = ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) == 0;
        if (!ok) failure = why();
    }
    if (::close(fd) != 0 && ok) {
        ok = false;
        failure = why();
    }
    if (ok && ::rename(temp.c_str(), path.c_str()) != 0) {
        ok = false;
        failure = why();
    }
    if (!ok) {
        ::unlink(temp.c_str());
        error = "could not save " + path + ": " + failure;
        return false;
    }
    // The rename itself must reach the disk too.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
}

}  // namespace cw
