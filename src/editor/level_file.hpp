// Saving a level file safely, and noticing when another program changed it. A save writes a
// temporary file, flushes it to disk and renames it over the level, so a crash never leaves
// half a level; the previous file is kept next to it as LEVEL.toml.bak.
#pragma once
#include <cstdint>
#include <string>

namespace cw {

bool save_level_file(const std::string& path, const std::string& text, std::string& error);
std::string backup_path(const std::string& path);  // LEVEL.toml -> LEVEL.toml.bak

// What a file looked like on disk: enough to notice it has changed since.
struct FileStamp {
    bool exists = false;
    int64_t mtime_ns = 0;
    uint64_t size = 0;
    bool operator==(const FileStamp& o) const {
        return exists == o.exists && mtime_ns == o.mtime_ns && size == o.size;
    }
    bool operator!=(const FileStamp& o) const { return !(*this == o); }
};
FileStamp file_stamp(const std::string& path);

}  // namespace cw
