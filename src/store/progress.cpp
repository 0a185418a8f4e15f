#include "progress.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <toml.hpp>

namespace cw {

namespace fs = std::filesystem;

std::string default_data_dir() {
    if (const char* h = std::getenv("CALMWATERS_HOME"); h && *h) return h;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/calmwaters";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/calmwaters";
    return ".calmwaters";
}

ProgressStore::ProgressStore(std::string dir) : dir_(std::move(dir)) { load(); }

void ProgressStore::load() {
    std::error_code ec;
    if (!fs::exists(path(), ec)) return;
    try {
        toml::value doc = toml::parse(path());
        for (const auto& [id, value] : toml::find(doc, "campaign").as_table()) {
            CampaignProgress p;
            p.next = static_cast<int>(toml::find<long long>(value, "next"));
            for (long long b : toml::find<std::vector<long long>>(value, "best")) p.best.push_back(static_cast<int>(b));
            if (p.next < 0) p.next = 0;
            campaigns_[id] = p;
        }
    } catch (const std::exception& e) {
        // Never silently start over: keep the damaged file beside the new one and say so.
        campaigns_.clear();
        std::string aside = path() + ".damaged";
        fs::rename(path(), aside, ec);
        warning_ = "Your saved progress could not be read (" + std::string(e.what()).substr(0, 120) +
                   "). It was moved to " + aside + " and a fresh record has been started.";
    }
}

CampaignProgress ProgressStore::get(const std::string& playlist, size_t calls) const {
    CampaignProgress p;
    auto it = campaigns_.find(playlist);
    if (it != campaigns_.end()) p = it->second;
    p.best.resize(calls, -1);
    if (p.next > static_cast<int>(calls)) p.next = static_cast<int>(calls);
    return p;
}

bool ProgressStore::record(const std::string& playlist, size_t calls, size_t index, int score, std::string& error) {
    CampaignProgress p = get(playlist, calls);
    if (index < p.best.size() && score > p.best[index]) p.best[index] = score;
    if (static_cast<int>(index) + 1 > p.next) p.next = static_cast<int>(index) + 1;
    campaigns_[playlist] = p;
    return save(error);
}

bool ProgressStore::save(std::string& error) const {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    std::ostringstream out;
    out << "# Calm Waters campaign progress. Written by the game; safe to delete to start over.\n";
    for (const auto& [id, p] : campaigns_) {
        out << "\n[campaign." << id << "]\nnext = " << p.next << "\nbest = [";
        for (size_t i = 0; i < p.best.size(); ++i) out << (i ? ", " : "") << p.best[i];
        out << "]\n";
    }
    std::string tmp = path() + ".tmp";
    {
        std::ofstream f(tmp, std::ios::trunc);
        f << out.str();
        f.flush();
        if (!f) {
            error = "cannot write " + tmp + " (is the data folder read-only or the disk full?)";
            std::remove(tmp.c_str());
            return false;
        }
    }
    fs::rename(tmp, path(), ec);
    if (ec) {
        error = "cannot replace " + path() + ": " + ec.message();
        std::remove(tmp.c_str());
        return false;
    }
    return true;
}

}  // namespace cw
