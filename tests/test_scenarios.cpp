// The shared scenarios (like Box2D's shared samples): the sample class of bots and the sample
// trainee's profile that screenshots, the benchmarks and the progress screen all use. They must
// be the same every time, or a picture or a figure would change for no reason.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include "core/build_id.hpp"
#include "fixtures.hpp"
#include "net/sample_class.hpp"
#include "play/sample_profile.hpp"

using namespace cw;

namespace {

std::vector<std::string> class_after(uint64_t seed, int size, int ticks) {
    std::ifstream in(cwtest::source_path("levels/flatpack_shelf.toml"), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    net::ClassCall call{"flatpack_shelf.toml", text, cwtest::shipped_level()};
    net::SessionSettings settings;
    settings.code = "ABCD";
    settings.build = build_id();
    settings.seed = seed;
    net::ClassSession session({call}, cwtest::catalogue(), settings);
    net::SampleClass sample(session, cwtest::catalogue(), size);
    session.start_call();
    sample.step(0);  // the call reaches every seat
    for (int t = 0; t < ticks; t += 6) sample.step(6);
    std::vector<std::string> seen;
    for (const net::Trainee& t : session.trainees()) {
        const net::TraineeRun& run = t.runs.at(0);
        REQUIRE(run.shadow);
        seen.push_back(t.shown_name + "@" + std::to_string(run.shadow->tick()) + ":" + run.shadow->sim().state_hash());
    }
    return seen;
}

}  // namespace

TEST_CASE("scenarios: the sample class is the same class every time, and its trainees really play") {
    std::vector<std::string> a = class_after(20261130, 12, 1200);
    std::vector<std::string> b = class_after(20261130, 12, 1200);
    REQUIRE(a.size() == 12);
    CHECK(a == b);
    for (const std::string& t : a) CHECK(t.find("@0:") == std::string::npos);  // the host re-ran their inputs
    CHECK(class_after(7, 12, 1200) != a);  // another session seed: other names
}

TEST_CASE("scenarios: the sample profile holds the same eight bot runs every time") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("cw_sample_profile_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    std::vector<int> scores[2];
    for (int round = 0; round < 2; ++round) {
        ProfileDb db((dir / ("p" + std::to_string(round) + ".sqlite")).string());
        REQUIRE(db.ok());
        CHECK(fill_sample_profile(db, kSampleProfileName, cwtest::catalogue(), cwtest::source_path("levels")) == 8);
        for (const Attempt& a : db.attempts(kSampleProfileName)) {
            scores[round].push_back(a.score);
            CHECK(!a.replay_json.empty());
        }
    }
    CHECK(scores[0].size() == 8);
    CHECK(scores[0] == scores[1]);
    fs::remove_all(dir);
}
