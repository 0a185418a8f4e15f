// Writing a file so that a reader, or a game killed half-way, sees either the old file or the
// whole new one, and no half-written file or temp file is ever left behind.
#pragma once
#include <string>
#include <string_view>

namespace cw {

// Writes `bytes` to `path` (its folder must exist). The new file is written unnamed
// (O_TMPFILE), flushed to disk, and only then given its name, so a kill at any point leaves
// nothing but the old file. On a filesystem without unnamed files, a `PATH.saving` file is
// used instead, and a stale one from a killed save is replaced by the next save. `mode`: the
// new file's permissions (before the umask); 0600 for a file that holds a secret.
bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error, unsigned mode = 0644);

}  // namespace cw
