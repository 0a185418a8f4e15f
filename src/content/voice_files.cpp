#include "voice_files.hpp"

#include <filesystem>

namespace cw {

namespace fs = std::filesystem;

namespace {

// The nearest folder called `levels` that holds the file, if any.
std::optional<fs::path> levels_folder_of(const fs::path& file) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(file, ec);
    if (ec) p = fs::absolute(file, ec);
    for (fs::path dir = p.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path())
        if (dir.filename() == "levels") return dir;
    return std::nullopt;
}

}  // namespace

std::string voice_stem(const std::string& level_path) {
    const fs::path file(level_path);
    if (std::optional<fs::path> levels = levels_folder_of(file)) {
        std::error_code ec;
        fs::path full = fs::weakly_canonical(file, ec);
        fs::path rel = full.lexically_relative(*levels);
        rel.replace_extension();
        return rel.generic_string();
    }
    return file.stem().string();
}

std::vector<std::string> voice_folders(const std::string& level_path, const std::string& user_data_dir) {
    const std::string stem = voice_stem(level_path);
    std::vector<std::string> out;
    if (std::optional<fs::path> levels = levels_folder_of(level_path))
        out.push_back((levels->parent_path() / "voice" / stem).string());
    else
        out.push_back((fs::absolute(fs::path(level_path)).parent_path() / "voice" / stem).string());
    if (!user_data_dir.empty()) {
        std::string mine = (fs::path(user_data_dir) / "voice" / stem).string();
        if (mine != out.front()) out.push_back(mine);
    }
    return out;
}

std::optional<std::string> find_recording(const std::string& level_path, const std::string& line_id,
                                          const std::string& user_data_dir) {
    for (const std::string& folder : voice_folders(level_path, user_data_dir))
        for (const char* ext : {".ogg", ".wav"}) {
            fs::path f = fs::path(folder) / (line_id + ext);
            std::error_code ec;
            if (fs::is_regular_file(f, ec)) return f.string();
        }
    return std::nullopt;
}

}  // namespace cw
