#include <filesystem>
#include <fstream>

#include "content/playlist_loader.hpp"
#include "fixtures.hpp"
#include "store/progress.hpp"

using namespace cw;
namespace fs = std::filesystem;

using cwtest::case_dir;

TEST_CASE("campaign: a playlist resolves its levels beside it and reports a missing one") {
    fs::path dir = case_dir();
    fs::copy_file(cwtest::source_path("levels/flatpack_shelf.toml"), dir / "shelf.toml");
    std::ofstream(dir / "week.playlist.toml") << "format = 1\ntitle = \"Week\"\n"
                                                 "[[call]]\nday = \"Monday\"\nlevel = \"shelf.toml\"\n"
                                                 "[[call]]\nday = \"Tuesday\"\nlevel = \"nope.toml\"\n";
    PlaylistLoad bad = load_playlist_file((dir / "week.playlist.toml").string(), cwtest::catalogue());
    REQUIRE_FALSE(bad.ok());
    CHECK(format_problem(bad.problems[0]).find("week.playlist.toml:8:9: the level nope.toml does not load") !=
          std::string::npos);

    std::ofstream(dir / "week.playlist.toml") << "format = 1\ntitle = \"Week\"\n"
                                                 "[[call]]\nday = \"Monday\"\nlevel = \"shelf.toml\"\n";
    PlaylistLoad good = load_playlist_file((dir / "week.playlist.toml").string(), cwtest::catalogue());
    REQUIRE_MESSAGE(good.ok(), format_problems(good.problems));
    CHECK(good.playlist->id == "week");
    CHECK(good.playlist->calls[0].title == "The Flat-Pack Shelf");
    CHECK(fs::exists(good.playlist->calls[0].level));
}

TEST_CASE("campaign: progress is kept between sessions, best scores only go up") {
    fs::path dir = case_dir();
    std::string error;
    {
        ProgressStore store(dir.string());
        CHECK(store.get("first_week", 3).next == 0);
        CHECK(store.record("first_week", 3, 0, 70, error));
        CHECK(store.record("first_week", 3, 0, 60, error));  // a worse replay keeps the best
        CHECK(store.record("first_week", 3, 1, 88, error));
    }
    ProgressStore again(dir.string());
    CampaignProgress p = again.get("first_week", 3);
    CHECK(p.next == 2);
    CHECK(p.best == std::vector<int>{70, 88, -1});
    CHECK(again.warning().empty());
}

TEST_CASE("campaign: a damaged progress file is moved aside with a message, never silently lost") {
    fs::path dir = case_dir();
    std::ofstream(dir / "progress.toml") << "[campaign.first_week\nnext = = 3\n";
    ProgressStore store(dir.string());
    CHECK_FALSE(store.warning().empty());
    CHECK(fs::exists(dir / "progress.toml.damaged"));
    CHECK(store.get("first_week", 3).next == 0);
}

TEST_CASE("campaign: a data folder that cannot be written gives an error instead of a crash") {
    // A file where the folder should be: no one, not even root, can write progress inside it.
    fs::path dir = case_dir();
    fs::path blocked = dir / "not_a_folder";
    std::ofstream(blocked) << "x";
    ProgressStore store(blocked.string());
    std::string error;
    CHECK_FALSE(store.record("first_week", 3, 0, 50, error));
    CHECK(error.find("cannot write") != std::string::npos);
}
