// The command-line contract, on the real binary with its own data folder:
// run --record --profile keeps a replay and an attempt, progress --json lists it, and
// replay --verify re-simulates it (exit 1 and the first differing tick when tampered with).
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "fixtures.hpp"

namespace {

using cwtest::Finished;

// Runs the game binary with CALMWATERS_HOME set to `home`.
Finished run_in(const std::filesystem::path& home, const std::vector<std::string>& args) {
    return cwtest::run_cli(args, {"CALMWATERS_HOME=" + home.string()});
}

}  // namespace

TEST_CASE("progress cli: a recorded run is kept, listed as JSON, and verifies to its state_hash") {
    namespace fs = std::filesystem;
    fs::path home = cwtest::fresh_dir("home");
    std::string level = cwtest::source_path("levels/flatpack_shelf.toml");
    fs::path replay = home / "ana.replay.json";

    Finished ran = run_in(home, {"run", level, "--bot", "calm", "--seed", "4", "--record", replay.string(), "--profile", "ana"});
    REQUIRE_MESSAGE(ran.code == 0, ran.err);
    auto result = nlohmann::json::parse(ran.out);
    REQUIRE(fs::exists(replay));
    CHECK(fs::exists(home / "profiles.sqlite"));

    Finished listed = run_in(home, {"progress", "--profile", "ana", "--json"});
    REQUIRE_MESSAGE(listed.code == 0, listed.err);
    auto progress = nlohmann::json::parse(listed.out);
    CHECK(progress["profile"] == "ana");
    REQUIRE(progress["attempts"].is_array());
    REQUIRE(progress["attempts"].size() == 1);
    const auto& a = progress["attempts"][0];
    CHECK(a["score"] == result["score"]);
    CHECK(a["outcome"] == result["outcome"]);
    CHECK(a["has_replay"] == true);
    CHECK(a["choices"].is_array());
    CHECK(a["choices"].size() == result["choices"].size());
    CHECK(run_in(home, {"progress", "--profile", "nobody", "--json"}).out.find("\"attempts\": []") != std::string::npos);

    Finished verified = run_in(home, {"replay", replay.string(), "--verify"});
    REQUIRE_MESSAGE(verified.code == 0, verified.err);
    auto check = nlohmann::json::parse(verified.out);
    CHECK(check["ok"] == true);
    CHECK(check["state_hash"] == result["state_hash"]);

    // Tamper with one recorded input: exit 1, and the first tick that differs.
    std::ifstream in(replay);
    auto doc = nlohmann::ordered_json::parse(in);
    auto& inputs = doc["inputs"];
    REQUIRE(inputs.size() > 10);
    auto& change = inputs[inputs.size() / 2];
    change[1] = change[1].get<double>() > 0 ? -1.0 : 1.0;
    int changed_at = change[0].get<int>();
    fs::path bad = home / "tampered.replay.json";
    std::ofstream(bad) << doc.dump();
    Finished refused = run_in(home, {"replay", bad.string(), "--verify"});
    CHECK(refused.code == 1);
    auto why = nlohmann::json::parse(refused.out);
    CHECK(why["ok"] == false);
    CHECK(why["first_bad_tick"].get<int>() >= changed_at);
    CHECK(refused.err.find("differs from the recording at tick") != std::string::npos);

    // On a level that has since changed, the copy kept with the attempt is used, and said so;
    // somewhere with no profile (so no kept copy), the replay is refused, plainly.
    fs::path edited = home / "shelf.toml";
    fs::copy_file(level, edited);
    std::ofstream(edited, std::ios::app) << "\n# a trainer's later comment\n";
    Finished changed = run_in(home, {"replay", replay.string(), "--verify", "--level", edited.string()});
    CHECK_MESSAGE(changed.code == 0, changed.err);
    CHECK(nlohmann::json::parse(changed.out)["level_source"] == "kept");
    CHECK(changed.err.find("has changed since this replay was recorded") != std::string::npos);
    fs::path elsewhere = cwtest::fresh_dir("elsewhere");
    Finished refused_changed = run_in(elsewhere, {"replay", replay.string(), "--verify", "--level", edited.string()});
    CHECK(refused_changed.code == 1);
    CHECK(refused_changed.err.find("has changed since this replay was recorded") != std::string::npos);
}
