// Installed like any desktop program: where the game finds its data (a build tree, an install,
// CALMWATERS_DATA), where the editor saves a trainer's levels, and the files an install carries
// (man page, desktop entry, metainfo) agreeing with the binary.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "child_process.hpp"
#include "content/data_paths.hpp"
#include "content/shipped_content.hpp"
#include "core/build_id.hpp"
#include "editor/level_file.hpp"
#include "fixtures.hpp"
#include "scoped_env.hpp"

namespace fs = std::filesystem;

namespace {

// A folder that looks like shipped data: the one file the search looks for.
void stage_data(const fs::path& dir) {
    fs::create_directories(dir / "assets");
    fs::create_directories(dir / "levels");
    std::ofstream(dir / "assets" / "techniques.toml") << "# staged\n";
}

void stage_binary(const fs::path& exe) {
    fs::create_directories(exe.parent_path());
    std::ofstream(exe) << "";
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("install: an installed binary finds share/calmwaters beside it, before the system copy") {
    fs::path root = cwtest::case_dir();
    stage_data(root / "opt" / "share" / "calmwaters");
    stage_data(root / "system");
    stage_binary(root / "opt" / "bin" / "calmwaters");
    cw::DataSearch search;
    search.executable = (root / "opt" / "bin" / "calmwaters").string();
    search.system_dir = (root / "system").string();
    cw::DataRoot found = cw::find_data_root(search);
    CHECK(found.source == cw::DataSource::installed);
    CHECK(fs::equivalent(found.path, root / "opt" / "share" / "calmwaters"));

    // /usr/bin/calmwaters with /usr/share/calmwaters: the system folder is the one beside it; a
    // binary elsewhere with nothing beside it still finds the system copy.
    search.executable = (root / "elsewhere" / "calmwaters").string();
    found = cw::find_data_root(search);
    CHECK(found.source == cw::DataSource::installed);
    CHECK(found.path == (root / "system").string());

    search.system_dir = (root / "nowhere").string();
    CHECK(cw::find_data_root(search).source == cw::DataSource::not_found);
}

TEST_CASE("install: a binary in its build tree reads its sources, never an installed copy") {
    fs::path root = cwtest::case_dir();
    stage_data(root / "src");
    stage_data(root / "build" / ".." / "share" / "calmwaters");  // a stale install beside the tree
    stage_data(root / "system");
    stage_binary(root / "build" / "calmwaters");
    std::ofstream(root / "build" / cw::kBuildTreeMarker) << (root / "src").string() << "\n";
    cw::DataSearch search;
    search.system_dir = (root / "system").string();

    search.executable = (root / "build" / "calmwaters").string();
    cw::DataRoot found = cw::find_data_root(search);
    CHECK(found.source == cw::DataSource::build_tree);
    CHECK(found.path == (root / "src").string());

    // The test and bench binaries sit one folder down and find the same marker.
    search.executable = (root / "build" / "tests" / "cw_tests").string();
    CHECK(cw::find_data_root(search).path == (root / "src").string());

    // Sources moved away: the build says so rather than quietly reading an installed copy.
    fs::remove_all(root / "src");
    search.executable = (root / "build" / "calmwaters").string();
    found = cw::find_data_root(search);
    CHECK(found.source == cw::DataSource::not_found);
    CHECK(found.path == (root / "src").string());

    // CALMWATERS_DATA comes first, whatever else is there.
    search.environment = (root / "system").string();
    CHECK(cw::find_data_root(search).source == cw::DataSource::environment);
}

TEST_CASE("install: this build's binaries find this source tree through the marker") {
    cw::DataRoot found = cw::data_root_found();
    if (std::getenv("CALMWATERS_DATA")) return;  // a run that chose its data itself
    CHECK(found.source == cw::DataSource::build_tree);
    CHECK(fs::equivalent(found.path, CW_SOURCE_DIR));
}

TEST_CASE("install: the editor saves a changed shipped level as the trainer's own copy") {
    fs::path root = cwtest::case_dir();
    stage_data(root / "share" / "calmwaters");
    fs::create_directories(root / "share" / "calmwaters" / "levels" / "campaign");
    const std::string shipped = (root / "share" / "calmwaters" / "levels" / "campaign" / "call.toml").string();
    const std::string mine = (root / "home" / "levels").string();

    // Installed: never written, even by root, who could.
    cw::DataRoot installed{(root / "share" / "calmwaters").string(), cw::DataSource::installed};
    CHECK_FALSE(cw::shipped_levels_writable(installed));
    CHECK(cw::level_save_path(shipped, installed, mine) == mine + "/campaign/call.toml");
    // A level from anywhere else is saved where it is.
    CHECK(cw::level_save_path("/tmp/elsewhere.toml", installed, mine) == "/tmp/elsewhere.toml");

    // The source tree a trainer works in is written in place.
    cw::DataRoot tree{(root / "share" / "calmwaters").string(), cw::DataSource::build_tree};
    CHECK(cw::shipped_levels_writable(tree));
    CHECK(cw::level_save_path(shipped, tree, mine) == shipped);

    // The trainer's folder need not exist before the first save into it.
    std::string error;
    const std::string copy = cw::level_save_path(shipped, installed, mine);
    REQUIRE_MESSAGE(cw::save_level_file(copy, "title = \"x\"\n", error), error);
    CHECK(read_text(copy) == "title = \"x\"\n");
}

TEST_CASE("install: the menu lists the trainer's own levels beside the shipped ones") {
    fs::path home = cwtest::case_dir() / "home";
    fs::create_directories(home / "levels");
    fs::copy_file(cwtest::source_path("levels/flatpack_shelf.toml"), home / "levels" / "shelf_copy.toml");
    std::ofstream(home / "levels" / "broken.toml") << "title = \n";  // not listed: it does not load
    cwtest::ScopedEnv env({{"CALMWATERS_HOME", home.string()}});
    cw::ShippedContent content = cw::load_shipped_content(cwtest::catalogue());
    int yours = 0, shipped = 0;
    for (const cw::LevelEntry& e : content.levels) {
        if (e.yours) {
            ++yours;
            CHECK(fs::path(e.path).filename() == "shelf_copy.toml");
        } else {
            ++shipped;
        }
    }
    CHECK(yours == 1);
    CHECK(shipped == static_cast<int>(cw::shipped_levels(cwtest::catalogue()).size()));
    CHECK(shipped > 0);
    // The editor's Open list is the same one.
    CHECK(cw::listed_levels(cwtest::catalogue()).size() == content.levels.size());
}

TEST_CASE("install: the man page has a section for every command --help lists") {
    cwtest::Finished help = cwtest::run_cli({"--help"});
    REQUIRE(help.code == 0);
    std::set<std::string> commands;
    std::regex line(R"(^  calmwaters (-*)([a-z]+))");
    std::istringstream in(help.out);
    for (std::string l; std::getline(in, l);) {
        std::smatch m;
        if (std::regex_search(l, m, line)) commands.insert(m[2]);
    }
    REQUIRE(commands.size() >= 10);
    const std::string page = read_text(cwtest::source_path("docs/calmwaters.6"));
    for (const std::string& c : commands) {
        bool documented = page.find("\n.BI \"" + c + " ") != std::string::npos ||
                          page.find("\n.B " + c + "\n") != std::string::npos;
        CHECK_MESSAGE(documented, "docs/calmwaters.6 has no section for `calmwaters " << c << "`");
    }
}

TEST_CASE("install: --version prints the version and build id the metainfo release names") {
    cwtest::Finished v = cwtest::run_cli({"--version"});
    REQUIRE(v.code == 0);
    CHECK(v.out == "calmwaters " + std::string(cw::build_id()) + "\n");
    const std::string version = std::string(cw::build_id()).substr(0, std::string(cw::build_id()).find("+"));
    REQUIRE_FALSE(version.empty());
    // The build fills the release in; the file beside the binary is the one that gets installed.
    fs::path metainfo = fs::path(CW_BINARY).parent_path() / "assets" / "install" / "org.calmwaters.CalmWaters.metainfo.xml";
    const std::string xml = read_text(metainfo);
    CHECK(xml.find("<release version=\"" + version + "\"") != std::string::npos);
    CHECK(xml.find("<binary>calmwaters</binary>") != std::string::npos);
    CHECK(xml.find("<launchable type=\"desktop-id\">org.calmwaters.CalmWaters.desktop</launchable>") != std::string::npos);

    const std::string desktop = read_text(cwtest::source_path("assets/install/org.calmwaters.CalmWaters.desktop"));
    CHECK(desktop.find("\nExec=calmwaters\n") != std::string::npos);
    CHECK(desktop.find("\nIcon=org.calmwaters.CalmWaters\n") != std::string::npos);
    CHECK(desktop.find("Game;Education;") != std::string::npos);
    CHECK(fs::exists(cwtest::source_path("assets/install/org.calmwaters.CalmWaters.svg")));
    // The PNGs are made at build time from that SVG.
    CHECK(fs::file_size(fs::path(CW_BINARY).parent_path() / "assets" / "install" / "icons" / "48x48" /
                        "org.calmwaters.CalmWaters.png") > 200);
}
