// Campaign progress kept between sessions: for each playlist, how far the player got and their
// best score on each call. A small file in the player's data folder, replaced atomically
// (written to a temporary file, then renamed) so a crash never leaves half a file.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace cw {

struct CampaignProgress {
    int next = 0;              // index of the first call not yet finished
    std::vector<int> best;     // best score per call, -1 when not played
};

class ProgressStore {
public:
    // `dir`: the data folder; created if missing.
    explicit ProgressStore(std::string dir);

    CampaignProgress get(const std::string& playlist, size_t calls) const;
    // Records a finished call; returns false (with `error` set) when the file cannot be written.
    bool record(const std::string& playlist, size_t calls, size_t index, int score, std::string& error);
    // A message for the player when the file was unreadable and has been moved aside (or "").
    const std::string& warning() const { return warning_; }
    std::string path() const { return dir_ + "/progress.toml"; }

private:
    void load();
    bool save(std::string& error) const;

    std::string dir_;
    std::map<std::string, CampaignProgress> campaigns_;
    std::string warning_;
};

// $CALMWATERS_HOME, else $XDG_DATA_HOME/calmwaters, else ~/.local/share/calmwaters.
std::string default_data_dir();

}  // namespace cw
