// The player's settings, and the small file that keeps them between sessions:
// settings.toml in the data folder, over the defaults an IT department may set for every user
// of the machine in /etc/calmwaters/settings.toml (the same keys; the user's own file wins).
// The user's file is replaced atomically (a temporary file, flushed to disk, then
// renamed over the old one) so a crash never leaves half a file. A file that cannot be read is
// moved aside with a message that says where it went wrong; a single bad value falls back to
// its default, named with its line. No SDL here: the app includes this through app.hpp.
//
// Header-only because cw_store's source list is fixed in CMakeLists.txt; toml11 is header-only
// too, so nothing else is needed to link it.
#pragma once
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <string>

#include <fcntl.h>
#include <unistd.h>

#include <toml.hpp>

namespace cw {

struct Settings {
    bool assist = false;        // click a reply and the raft steers itself
    std::string breath = "box"; // the breathing pattern: box, 478 or slow
    bool breath_holds = true;   // holding the breath makes some people dizzy: they can turn it off
    int touchstone = 0;         // which quote the dock shows (assets/dock.toml, [touchstone].quotes),
    std::string touchstone_text;  // or the player's own words when not empty
    bool fullscreen = false;
    float ui_scale = 1.0f;      // 0.75 .. 2: text and panels
    float volume = 0.8f;        // 0 .. 1
    bool muted = false;
    bool reduced_motion = false;  // no bobbing, swaying, spreading rings or moving streaks
    float text_speed = 1.0f;    // the reading pace, 0.5 .. 2: at 2 the river runs at half speed, so the
                                // caller's lines stay twice as long (app/sim_options.hpp, core/reading_pace.hpp)

    bool operator==(const Settings& o) const {
        return assist == o.assist && breath == o.breath && breath_holds == o.breath_holds &&
               touchstone == o.touchstone && touchstone_text == o.touchstone_text && fullscreen == o.fullscreen &&
               ui_scale == o.ui_scale && volume == o.volume && muted == o.muted &&
               reduced_motion == o.reduced_motion && text_speed == o.text_speed;
    }
    bool operator!=(const Settings& o) const { return !(*this == o); }
};

struct SettingsLoad {
    Settings settings;
    std::string warning;  // "" when the file was read cleanly (or did not exist yet)
};

inline std::string settings_path(const std::string& data_dir) { return data_dir + "/settings.toml"; }

// IT's file for every user of this machine; CALMWATERS_SYSTEM_SETTINGS names another (tests).
// It also holds the record store's [learning_records] (xapi/lrs_config.hpp).
constexpr const char* kSystemSettingsFile = "/etc/calmwaters/settings.toml";
inline std::string system_settings_path() {
    const char* other = std::getenv("CALMWATERS_SYSTEM_SETTINGS");
    return other && *other ? other : kSystemSettingsFile;
}

namespace settings_detail {

inline std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

inline std::string number(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", static_cast<double>(v));
    return buf;
}

}  // namespace settings_detail

// The file's text. With `defaults` (IT's, for this machine) a setting still at its default is
// written as a comment, so the user's file holds only what they chose and IT's later changes
// reach everything else.
inline std::string settings_to_toml(const Settings& s, const Settings* defaults = nullptr) {
    using settings_detail::number;
    using settings_detail::quoted;
    auto flag = [](bool b) { return std::string(b ? "true" : "false"); };
    std::ostringstream o;
    o << "# Calm Waters settings. The game rewrites this file when a setting changes.\n"
      << "format = 1\n";
    auto line = [&](const char* key, const std::string& value, bool at_default, const char* hint) {
        if (defaults && at_default) o << "# ";
        o << key << " = " << value;
        if (*hint) o << "   # " << hint;
        if (defaults && at_default) o << " (this machine's default)";
        o << '\n';
    };
    const Settings& d = defaults ? *defaults : s;
    line("assist", flag(s.assist), s.assist == d.assist, "");
    line("breath", quoted(s.breath), s.breath == d.breath, "box, 478 or slow");
    line("breath_holds", flag(s.breath_holds), s.breath_holds == d.breath_holds, "");
    line("touchstone", std::to_string(s.touchstone), s.touchstone == d.touchstone, "");
    line("touchstone_text", quoted(s.touchstone_text), s.touchstone_text == d.touchstone_text, "");
    line("fullscreen", flag(s.fullscreen), s.fullscreen == d.fullscreen, "");
    line("ui_scale", number(s.ui_scale), s.ui_scale == d.ui_scale, "0.75 to 2");
    line("volume", number(s.volume), s.volume == d.volume, "0 to 1");
    line("muted", flag(s.muted), s.muted == d.muted, "");
    line("reduced_motion", flag(s.reduced_motion), s.reduced_motion == d.reduced_motion, "");
    line("text_speed", number(s.text_speed), s.text_speed == d.text_speed,
         "0.5 to 2: time to read (2: the river at half speed)");
    return o.str();
}

// Settings from TOML text over `defaults`; `name` is used in messages. Problems go to `warning`,
// one per line, each with its place in the file; the affected settings keep their defaults.
inline SettingsLoad settings_from_toml(const std::string& text, const std::string& name, const Settings& defaults = {}) {
    SettingsLoad out;
    out.settings = defaults;
    toml::value doc;
    try {
        std::istringstream in(text);
        doc = toml::parse(in, name);
    } catch (const std::exception& e) {
        out.warning = e.what();
        return out;
    }
    if (!doc.is_table()) return out;
    std::string problems;
    auto note = [&](const toml::value& v, const std::string& what, const std::string& hint) {
        if (!problems.empty()) problems += '\n';
        problems += toml::format_error("[error] " + what, v, hint);
    };
    // Each setting: take it if it is there and of the right kind, else note where and why.
    auto flag = [&](const char* key, bool& into) {
        if (!doc.contains(key)) return;
        const toml::value& v = doc.at(key);
        if (v.is_boolean()) into = v.as_boolean();
        else note(v, std::string(key) + " must be true or false", "here");
    };
    auto real = [&](const char* key, float& into, double lo, double hi) {
        if (!doc.contains(key)) return;
        const toml::value& v = doc.at(key);
        double x;
        if (v.is_floating()) x = v.as_floating();
        else if (v.is_integer()) x = static_cast<double>(v.as_integer());
        else return note(v, std::string(key) + " must be a number", "here");
        if (!std::isfinite(x) || x < lo || x > hi) {
            char range[64];
            std::snprintf(range, sizeof range, "between %g and %g", lo, hi);
            return note(v, std::string(key) + " must be " + range, "out of range");
        }
        into = static_cast<float>(x);
    };
    auto text_of = [&](const char* key, std::string& into, size_t max) {
        if (!doc.contains(key)) return;
        const toml::value& v = doc.at(key);
        if (!v.is_string()) return note(v, std::string(key) + " must be text in quotes", "here");
        if (v.as_string().str.size() > max) return note(v, std::string(key) + " is too long", "here");
        into = v.as_string().str;
    };
    flag("assist", out.settings.assist);
    std::string breath = out.settings.breath;
    text_of("breath", breath, 16);
    if (breath == "box" || breath == "478" || breath == "slow") out.settings.breath = breath;
    else note(doc.at("breath"), "breath must be \"box\", \"478\" or \"slow\"", "unknown pattern");
    flag("breath_holds", out.settings.breath_holds);
    if (doc.contains("touchstone")) {
        const toml::value& v = doc.at("touchstone");
        if (v.is_integer() && v.as_integer() >= 0 && v.as_integer() < 100)
            out.settings.touchstone = static_cast<int>(v.as_integer());
        else note(v, "touchstone must be a whole number from 0", "here");
    }
    text_of("touchstone_text", out.settings.touchstone_text, 400);
    flag("fullscreen", out.settings.fullscreen);
    real("ui_scale", out.settings.ui_scale, 0.75, 2.0);
    real("volume", out.settings.volume, 0.0, 1.0);
    flag("muted", out.settings.muted);
    flag("reduced_motion", out.settings.reduced_motion);
    real("text_speed", out.settings.text_speed, 0.5, 2.0);
    out.warning = problems;
    return out;
}

namespace settings_detail {

// A settings file's text, at most 1 MiB; false when it cannot be opened.
inline bool read_small(const std::string& path, std::string& text) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0 && text.size() < (1u << 20)) text.append(buf, n);
    std::fclose(f);
    return true;
}

}  // namespace settings_detail

// The defaults IT set for this machine (the built-in ones where it set none). The file is not
// the user's to repair, so a problem is only reported, never moved aside.
inline SettingsLoad load_system_settings(const std::string& path = system_settings_path()) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return {};
    std::string text;
    if (!settings_detail::read_small(path, text))
        return {Settings{}, "The machine's settings (" + path + ") could not be opened; the built-in defaults are used."};
    SettingsLoad load = settings_from_toml(text, path);
    if (!load.warning.empty())
        load.warning = "Some of the machine's settings (" + path + ") were not understood:\n" + load.warning;
    return load;
}

// Reads `path` over `defaults` (IT's, from load_system_settings). A missing file gives the
// defaults and no warning. A file that does not parse is moved to `path`.damaged and the
// warning says where it went wrong and where the file went.
inline SettingsLoad load_settings(const std::string& path, const Settings& defaults = {}) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec)) return {defaults, ""};
    std::string text;
    if (!settings_detail::read_small(path, text))
        return {defaults, "Your settings could not be opened (" + path + "); the defaults are used."};
    SettingsLoad load = settings_from_toml(text, path, defaults);
    if (load.warning.empty()) return load;
    // Keep the good values when the file parsed; set a file that did not parse aside.
    bool parsed = true;
    try {
        std::istringstream in(text);
        (void)toml::parse(in, path);
    } catch (const std::exception&) {
        parsed = false;
    }
    if (parsed) {
        load.warning = "Some settings were not understood and use their defaults:\n" + load.warning;
        return load;
    }
    std::string aside = path + ".damaged";
    fs::rename(path, aside, ec);
    load.warning = "Your settings could not be read, so the defaults are used" +
                   (ec ? std::string(".") : " (the old file was moved to " + aside + ").") + "\n" + load.warning;
    return load;
}

// Writes `settings` to `path` atomically (against IT's `defaults`, see settings_to_toml);
// false with `error` set when it cannot.
inline bool save_settings(const std::string& path, const Settings& settings, std::string& error,
                          const Settings* defaults = nullptr) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path dir = fs::path(path).parent_path();
    if (!dir.empty()) fs::create_directories(dir, ec);
    std::string tmp = path + ".tmp";
    std::string body = settings_to_toml(settings, defaults);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = "cannot write " + tmp + ": " + std::strerror(errno);
        return false;
    }
    size_t done = 0;
    while (done < body.size()) {
        ssize_t n = ::write(fd, body.data() + done, body.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = "cannot write " + tmp + ": " + std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            return false;
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        error = "cannot finish writing " + tmp + ": " + std::strerror(errno);
        ::unlink(tmp.c_str());
        return false;
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        error = "cannot replace " + path + ": " + std::strerror(errno);
        ::unlink(tmp.c_str());
        return false;
    }
    // The rename itself is kept only once the folder is on disk.
    int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
}

}  // namespace cw
