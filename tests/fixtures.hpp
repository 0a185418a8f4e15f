// Shared test helpers: the shipped catalogue, and small levels written inline so each test
// says exactly what river and call it runs on.
#pragma once
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "case_dir.hpp"  // case_dir() and fresh_dir(): every temporary file goes there
#include "content/catalogue_loader.hpp"
#include "content/level_loader.hpp"
#include "store/profile_db.hpp"

namespace cwtest {

inline const cw::Catalogue& catalogue() {
    static const cw::Catalogue cat = [] {
        cw::CatalogueLoad load = cw::load_catalogue_dir(std::string(CW_SOURCE_DIR) + "/assets");
        REQUIRE_MESSAGE(load.ok(), cw::format_problems(load.problems));
        return *load.catalogue;
    }();
    return cat;
}

// A test too slow to run again under the sanitizers (they already ran the same code on smaller
// levels): TEST_CASE("..." * cwtest::slow()).
#ifdef CW_SANITIZED
inline auto slow() { return doctest::skip(true); }
#else
inline auto slow() { return doctest::skip(false); }
#endif

inline std::string source_path(const std::string& rel) { return std::string(CW_SOURCE_DIR) + "/" + rel; }

// A level from TOML text; fails the test with the located problems if it does not load.
inline cw::Level level_from(const std::string& toml, const std::string& name = "test.toml") {
    cw::LevelLoad load = cw::load_level_text(toml, name, catalogue());
    REQUIRE_MESSAGE(load.ok(), cw::format_problems(load.problems));
    return *load.level;
}

// A made-up attempt at the shipped shelf level, for the profile database: `score`, and a replay
// of `replay_bytes` bytes (big ones make a save slow enough to be killed in the middle). Tests
// change the fields they care about.
inline cw::Attempt sample_attempt(int score, size_t replay_bytes = 10) {
    cw::Attempt a;
    a.level = "levels/flatpack_shelf.toml";
    a.title = "The Flat-Pack Shelf";
    a.level_hash = "0123456789abcdef";
    a.outcome = "resolved";
    a.score = score;
    a.composure_min = 70;
    a.choices_json = "[]";
    a.timeline_json = "[]";
    a.replay_json = std::string(replay_bytes, 'r');
    return a;
}

inline cw::Level shipped_level() {
    cw::LevelLoad load = cw::load_level_file(source_path("levels/flatpack_shelf.toml"), catalogue());
    REQUIRE_MESSAGE(load.ok(), cw::format_problems(load.problems));
    return *load.level;
}

// A straight river 240 m long and 20 m wide, flowing +y, with one line and an ending.
inline std::string straight_river(const std::string& extra_river = "", double current = 2.0, double intensity = 40) {
    return "format = 1\ntitle = \"Straight\"\nseed = 3\n"
           "[caller]\nname = \"Test\"\nissue = \"testing\"\nintensity = " + std::to_string(intensity) + "\n"
           "[river]\ncurrent = " + std::to_string(current) + "\n"
           "points = [[0, 0, 20], [0, 80, 20], [0, 160, 20], [0, 240, 20]]\n" + extra_river +
           "[call]\nstart = \"a\"\n"
           "[[call.node]]\nid = \"a\"\nsay = \"Hello.\"\nnext = \"b\"\n"
           "[[call.node]]\nid = \"b\"\nsay = \"Bye.\"\nend = \"resolved\"\n";
}

// A straight river with one fork of `channels` channels and a question on it.
inline std::string forked_river(int channels) {
    std::string replies;
    for (int i = 0; i < channels; ++i)
        replies += "[[call.node.reply]]\ntext = \"Reply " + std::to_string(i) + "\"\ntechniques = [\"listen\"]\n"
                   "next = \"end" + std::to_string(i) + "\"\n";
    std::string ends;
    for (int i = 0; i < channels; ++i)
        ends += "[[call.node]]\nid = \"end" + std::to_string(i) + "\"\nsay = \"Ok " + std::to_string(i) +
                "\"\nend = \"resolved\"\n";
    return "format = 1\ntitle = \"Fork\"\nseed = 5\n"
           "[caller]\nname = \"Test\"\nissue = \"testing\"\nintensity = 30\n"
           "[river]\ncurrent = 2.0\n"
           "points = [[0, 0, 20], [0, 60, 20], [0, 90, 34], [0, 150, 34], [0, 180, 20], [0, 260, 20]]\n"
           "[[river.fork]]\nid = \"f\"\nat = 95\nlength = 45\nchannels = " + std::to_string(channels) + "\nisland = 3\n"
           "[call]\nstart = \"q\"\n"
           "[[call.node]]\nid = \"q\"\nsay = \"Which?\"\nfork = \"f\"\n" + replies + ends;
}

}  // namespace cwtest
