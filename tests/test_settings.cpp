// Settings kept between sessions: written and read back the same, a damaged file set aside with
// a message that says where, a bad value named with its line.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixtures.hpp"
#include "store/settings_file.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("settings: written and read back, every value the same") {
    fs::path dir = cwtest::case_dir();
    cw::Settings s;
    s.assist = true;
    s.breath = "478";
    s.breath_holds = false;
    s.touchstone = 2;
    s.touchstone_text = "Breathe \"out\" \\ slowly\tthen answer. Caf\xc3\xa9.";
    s.fullscreen = true;
    s.ui_scale = 1.25f;
    s.volume = 0.35f;
    s.muted = true;
    s.reduced_motion = true;
    s.text_speed = 1.5f;
    std::string path = cw::settings_path(dir.string());
    std::string error;
    REQUIRE_MESSAGE(cw::save_settings(path, s, error), error);
    CHECK_FALSE(fs::exists(path + ".tmp"));
    cw::SettingsLoad back = cw::load_settings(path);
    CHECK_MESSAGE(back.warning.empty(), back.warning);
    CHECK(back.settings == s);
    // Saving again gives the same bytes: nothing drifts from one session to the next.
    std::string first = slurp(path);
    REQUIRE(cw::save_settings(path, back.settings, error));
    CHECK(slurp(path) == first);
}

TEST_CASE("settings: no file yet gives the defaults quietly") {
    fs::path dir = cwtest::case_dir();
    cw::SettingsLoad load = cw::load_settings(cw::settings_path(dir.string()));
    CHECK(load.warning.empty());
    CHECK(load.settings == cw::Settings{});
}

TEST_CASE("settings: a damaged file is set aside, located, and the defaults used") {
    fs::path dir = cwtest::case_dir();
    std::string path = cw::settings_path(dir.string());
    std::ofstream(path) << "format = 1\nassist = true\nvolume = = 0.4\n";
    cw::SettingsLoad load = cw::load_settings(path);
    CHECK(load.settings == cw::Settings{});
    CHECK(load.warning.find("settings.toml") != std::string::npos);
    CHECK(load.warning.find(" 3 | volume = = 0.4") != std::string::npos);  // the line, quoted
    CHECK(load.warning.find(".damaged") != std::string::npos);
    CHECK_FALSE(fs::exists(path));
    CHECK(fs::exists(path + ".damaged"));
}

TEST_CASE("settings: a bad value is named with its line; the rest are kept") {
    fs::path dir = cwtest::case_dir();
    std::string path = cw::settings_path(dir.string());
    std::ofstream(path) << "format = 1\nassist = true\nui_scale = 9\nbreath = \"fast\"\nmuted = \"yes\"\n";
    cw::SettingsLoad load = cw::load_settings(path);
    CHECK(load.settings.assist);
    CHECK(load.settings.ui_scale == 1.0f);
    CHECK(load.settings.breath == "box");
    CHECK_FALSE(load.settings.muted);
    CHECK(load.warning.find("ui_scale must be between 0.75 and 2") != std::string::npos);
    CHECK(load.warning.find("breath must be") != std::string::npos);
    CHECK(load.warning.find("muted must be true or false") != std::string::npos);
    CHECK(load.warning.find(" 3 | ui_scale = 9") != std::string::npos);  // its line, quoted
    CHECK(fs::exists(path));  // it parsed, so it is not moved; the next save mends it
}

TEST_CASE("settings: nonsense bytes never crash the reader") {
    const char* inputs[] = {"", "\xff\xfe\x00", "[[[", "ui_scale = nan\n", "touchstone = -4\n",
                            "volume = 1e400\n", "breath = 3\n"};
    for (const char* in : inputs) {
        cw::SettingsLoad load = cw::settings_from_toml(in, "fuzz.toml");
        CHECK(load.settings.ui_scale >= 0.75f);
        CHECK(load.settings.ui_scale <= 2.0f);
        CHECK(load.settings.volume >= 0.0f);
        CHECK(load.settings.volume <= 1.0f);
        CHECK(load.settings.touchstone >= 0);
    }
}

TEST_CASE("settings: IT's file for the machine gives the defaults, the user's own choices win") {
    fs::path dir = cwtest::case_dir();
    const std::string machine = (dir / "machine-settings.toml").string();
    std::ofstream(machine) << "# set by IT\nreduced_motion = true\nvolume = 0.4\nui_scale = 1.5\n"
                              "[learning_records]\nendpoint = \"https://lrs.example.com/xAPI/\"\n";
    cw::SettingsLoad it = cw::load_system_settings(machine);
    CHECK_MESSAGE(it.warning.empty(), it.warning);
    CHECK(it.settings.reduced_motion);
    CHECK(it.settings.volume == 0.4f);
    CHECK(it.settings.ui_scale == 1.5f);

    // No file of the user's own yet: the machine's defaults, quietly.
    const std::string path = cw::settings_path(dir.string());
    cw::SettingsLoad first = cw::load_settings(path, it.settings);
    CHECK(first.warning.empty());
    CHECK(first.settings == it.settings);

    // The user turns the volume up. Their file keeps that choice; the rest stay IT's, as
    // comments, so a later change by IT still reaches them.
    cw::Settings mine = first.settings;
    mine.volume = 0.9f;
    std::string error;
    REQUIRE_MESSAGE(cw::save_settings(path, mine, error, &it.settings), error);
    const std::string text = slurp(path);
    CHECK(text.find("\nvolume = 0.900") != std::string::npos);
    CHECK(text.find("\n# ui_scale = 1.500") != std::string::npos);
    CHECK(text.find("\n# reduced_motion = true") != std::string::npos);
    CHECK(cw::load_settings(path, it.settings).settings == mine);

    std::ofstream(machine) << "ui_scale = 1.25\nvolume = 0.2\n";
    cw::SettingsLoad later = cw::load_settings(path, cw::load_system_settings(machine).settings);
    CHECK(later.settings.ui_scale == 1.25f);  // IT's new default
    CHECK(later.settings.volume == 0.9f);     // still the user's own
    CHECK_FALSE(later.settings.reduced_motion);

    // A bad value in IT's file is named; it is not the user's to repair, so it stays in place.
    std::ofstream(machine) << "ui_scale = 7\n";
    cw::SettingsLoad bad = cw::load_system_settings(machine);
    CHECK(bad.warning.find("machine-settings.toml") != std::string::npos);
    CHECK(bad.warning.find(" 1 | ui_scale = 7") != std::string::npos);
    CHECK(bad.warning.find("ui_scale must be between 0.75 and 2") != std::string::npos);
    CHECK(bad.settings.ui_scale == 1.0f);
    CHECK(fs::exists(machine));
}
