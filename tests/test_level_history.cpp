// History survives the change (issue 17, item 10): attempts kept before the scoring changed are
// marked as counted the old way, and every attempt keeps the exact level text it was played on,
// so its replay still plays back and verifies after the level file is rewritten or removed.
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "content/replay_file.hpp"
#include "core/build_id.hpp"
#include "core/hash.hpp"
#include "fixtures.hpp"
#include "net/trainee_session.hpp"
#include "old_schemas.hpp"
#include "play/call_run.hpp"
#include "play/kept_level.hpp"
#include "play/progress_stats.hpp"
#include "store/profile_db.hpp"

using namespace cw;
namespace fs = std::filesystem;

namespace {

void run_sql(const fs::path& db_path, const std::string& sql) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db_path.c_str(), &raw) == SQLITE_OK);
    char* msg = nullptr;
    int rc = sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, &msg);
    std::string why = msg ? msg : "";
    sqlite3_free(msg);
    sqlite3_close(raw);
    REQUIRE_MESSAGE(rc == SQLITE_OK, why);
}

long long count_rows(const fs::path& db_path, const std::string& table) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(db_path.c_str(), &raw) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    std::string sql = "SELECT count(*) FROM " + table + ";";
    REQUIRE(sqlite3_prepare_v2(raw, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    long long n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(raw);
    return n;
}

// The shipped shelf level, copied where the test may change it.
fs::path level_copy(const std::string& name = "shelf.toml") {
    fs::path p = cwtest::case_dir() / name;
    fs::copy_file(cwtest::source_path("levels/flatpack_shelf.toml"), p, fs::copy_options::overwrite_existing);
    return p;
}

// A real call on the level file at `path`, played by a bot, as the game plays one: the file's
// text read once and kept with the run.
CallRun play_file(const fs::path& path, uint64_t seed = 4) {
    LevelFileText read = load_level_file_with_text(path.string(), cwtest::catalogue());
    REQUIRE_MESSAGE(read.load.ok(), format_problems(read.load.problems));
    CallRun run({*read.load.level, path.string(), seed, {}}, cwtest::catalogue());
    run.set_level_text(read.text);
    BotInput bot(BotPolicy::calm, seed);
    run.run_to_end(bot);
    return run;
}

void edit_level(const fs::path& path) { std::ofstream(path, std::ios::app) << "\n# a trainer's later note\n"; }

Replay replay_of(const Attempt& a) {
    ReplayLoad r = replay_from_json(a.replay_json, "attempt");
    REQUIRE_MESSAGE(r.ok(), format_problems(r.problems));
    return *r.replay;
}

}  // namespace

TEST_CASE("level history: a schema 3 database migrates, keeping every attempt and marking it old scoring") {
    fs::path db_path = cwtest::fresh_dir("db") / "profiles.sqlite";
    run_sql(db_path, std::string(cwtest::kProfileSchema1) + cwtest::kProfileSchema2Step + cwtest::kProfileSchema3Step +
                         "PRAGMA user_version = 3;"
                         "INSERT INTO profiles (name) VALUES ('ana'), ('ben');"
                         "INSERT INTO attempts (profile_id, level, title, level_hash, at, outcome, score, composure_min,"
                         " jolts, choices, timeline, replay) VALUES"
                         " (1, 'levels/a.toml', 'A', '00000000000000aa', '2024-04-01T09:00:00Z', 'resolved', 91, 60, 0,"
                         "  '[]', '[]', '{\"r\":1}'),"
                         " (1, 'levels/b.toml', 'B', '00000000000000bb', '2024-04-02T09:00:00Z', 'hung_up', 48, 22, 3,"
                         "  '[]', '[]', ''),"
                         " (2, 'levels/a.toml', 'A', '00000000000000aa', '2024-04-03T09:00:00Z', 'capsized', 12, 0, 9,"
                         "  '[]', '[]', '{\"r\":3}');"
                         "INSERT INTO settings VALUES (1, 'assist', 'true');"
                         "INSERT INTO campaign VALUES (1, 'first_week', 2);"
                         "INSERT INTO campaign_best VALUES (1, 'first_week', 0, 91);");
    ProfileDb db(db_path.string());
    REQUIRE_MESSAGE(db.ok(), db.error());
    CHECK(db.warning().empty());
    CHECK(db.schema_version() == ProfileDb::kSchemaVersion);
    auto ana = db.attempts("ana");
    auto ben = db.attempts("ben");
    REQUIRE(ana.size() == 2);
    REQUIRE(ben.size() == 1);
    CHECK(ana[0].score == 91);
    CHECK(ana[0].when == "2024-04-01T09:00:00Z");
    CHECK(ana[0].replay_json == "{\"r\":1}");
    CHECK(ana[1].outcome == "hung_up");
    CHECK(ana[1].jolts == 3);
    CHECK(ben[0].score == 12);
    for (const Attempt& a : {ana[0], ana[1], ben[0]}) {
        CHECK(a.scoring == 1);
        CHECK(counted_under_old_scoring(a));
    }
    CHECK(db.settings("ana").at("assist") == "true");
    CHECK(db.campaign("ana", "first_week").next == 2);
    // They were kept before level texts were: none is there, and that is said plainly.
    KeptLevelText none = db.kept_level_text("00000000000000aa");
    CHECK_FALSE(none.text);
    CHECK(none.problem.find("no copy of that level (hash 00000000000000aa) is kept in") != std::string::npos);

    // An attempt saved now is counted under today's scoring.
    std::string error;
    REQUIRE(db.add_attempt("ana", cwtest::sample_attempt(70), error));
    CHECK(db.attempts("ana").back().scoring == kScoringVersion);
    CHECK(kScoringVersion == 2);
    CHECK_FALSE(counted_under_old_scoring(db.attempts("ana").back()));
}

TEST_CASE("level history: a campaign best counted the old way is marked, and today's scoring replaces it") {
    fs::path db_path = cwtest::fresh_dir("db") / "profiles.sqlite";
    run_sql(db_path, std::string(cwtest::kProfileSchema1) + cwtest::kProfileSchema2Step + cwtest::kProfileSchema3Step +
                         "PRAGMA user_version = 3;"
                         "INSERT INTO profiles (name) VALUES ('ana');"
                         "INSERT INTO campaign VALUES (1, 'first_week', 3);"
                         "INSERT INTO campaign_best VALUES (1, 'first_week', 0, 91), (1, 'first_week', 2, 64);");
    ProfileDb db(db_path.string());
    REQUIRE_MESSAGE(db.ok(), db.error());
    CampaignProgress before = db.campaign("ana", "first_week");
    CHECK(before.best == std::vector<int>{91, -1, 64});
    CHECK(before.best_scoring == std::vector<int>{kScoringByTags, 0, kScoringByTags});
    CHECK(is_old_scoring(before.best_scoring[0]));

    // A lower score under today's rules still replaces the old best: the two are not comparable.
    std::string error;
    REQUIRE(db.record_campaign("ana", "first_week", 0, 40, error));
    REQUIRE(db.record_campaign("ana", "first_week", 0, 30, error));  // then the better of today's stays
    // The old progress.toml merged again (restored from a backup) never undoes a newer best.
    std::map<std::string, CampaignProgress> toml_progress;
    toml_progress["first_week"].best = {99, 50};
    REQUIRE(db.merge_campaigns("ana", toml_progress, kScoringByTags, error));
    CampaignProgress after = db.campaign("ana", "first_week");
    CHECK(after.best == std::vector<int>{40, 50, 64});
    CHECK(after.best_scoring == std::vector<int>{kScoringVersion, kScoringByTags, kScoringByTags});
    CHECK(after.next == 3);
}

TEST_CASE("level history: a new attempt keeps its level text once per level, and today's scoring") {
    fs::path level = level_copy();
    std::string text = cwtest::slurp(level);
    // The hash the loader gives a level is the one the store keys its text by.
    CHECK(level_text_hash(text).value() == cwtest::level_from(text, level.string()).source_hash);

    CallRun run = play_file(level);
    Attempt a = run.attempt();
    CHECK(a.level_text == text);
    CHECK(a.scoring == kScoringVersion);
    CHECK(a.level_hash == level_text_hash(text).hex());

    fs::path db_path = cwtest::fresh_dir("db") / "profiles.sqlite";
    ProfileDb db(db_path.string());
    REQUIRE(db.ok());
    std::string error;
    REQUIRE(db.add_attempt("ana", a, error));
    REQUIRE(db.add_attempt("ben", a, error));  // the same level again: one copy serves both
    CHECK(count_rows(db_path, "level_texts") == 1);
    KeptLevelText kept = db.kept_level_text(a.level_hash);
    REQUIRE_MESSAGE(kept.text, kept.problem);
    CHECK(*kept.text == text);
    auto back = db.attempts("ana");
    REQUIRE(back.size() == 1);
    CHECK(back[0].scoring == kScoringVersion);
    CHECK(back[0].level_text.empty());  // read back by hash, not with every attempt

    // A text that is not the level played (it does not hash to the attempt's level) is not
    // kept under its hash; the attempt itself is kept all the same.
    Attempt wrong = a;
    wrong.level_hash = "00000000000000cc";
    REQUIRE(db.add_attempt("ana", wrong, error));
    CHECK(db.attempts("ana").size() == 2);
    CHECK_FALSE(db.kept_level_text("00000000000000cc").text);
    CHECK(count_rows(db_path, "level_texts") == 1);

    // An editor's draft (no text given) keeps none, and saves fine.
    CallRun draft({cwtest::shipped_level(), "draft.toml", 1, {}}, cwtest::catalogue());
    IdleInput idle;
    for (int i = 0; i < 10; ++i) draft.step(idle);
    CHECK(draft.attempt().level_text.empty());
}

TEST_CASE("level history: a class call's attempt keeps the level text the host sent") {
    std::string text = cwtest::slurp(cwtest::source_path("levels/flatpack_shelf.toml"));
    net::Hello hello;
    hello.build = build_id();
    hello.code = "river";
    hello.name = "kai";
    net::TraineeSession trainee(cwtest::catalogue(), hello);
    trainee.receive(net::CallInfo{0, 1, 9, "flatpack_shelf.toml", text});
    REQUIRE(trainee.run());
    Attempt a = trainee.run()->attempt();
    CHECK(a.level_text == text);
    CHECK(a.level_hash == level_text_hash(text).hex());
}

TEST_CASE("level history: an attempt whose level file changed after playing still plays back and verifies") {
    fs::path level = level_copy();
    CallRun run = play_file(level, 6);
    const uint64_t final_hash = run.sim().state_hash_value();
    fs::path db_path = cwtest::fresh_dir("db") / "profiles.sqlite";
    ProfileDb db(db_path.string());
    std::string error;
    REQUIRE(db.add_attempt("ana", run.attempt(), error));
    const Replay replay = replay_of(db.attempts("ana").at(0));

    // Unchanged, the file itself is used, and the database is not even asked.
    bool asked = false;
    auto kept = [&]() -> const ProfileDb* {
        asked = true;
        return &db;
    };
    PlaybackLevel same = find_playback_level(replay, level.string(), kept, cwtest::catalogue());
    REQUIRE(same.level);
    CHECK(same.source == PlaybackSource::file);
    CHECK_FALSE(asked);

    // Rewritten since: played back on the copy kept with the attempt, which verifies tick by tick.
    edit_level(level);
    REQUIRE(load_level_file(level.string(), cwtest::catalogue()).level->source_hash != replay.level_hash);
    PlaybackLevel changed = find_playback_level(replay, level.string(), kept, cwtest::catalogue());
    REQUIRE_MESSAGE(changed.level, changed.problem);
    CHECK(asked);
    CHECK(changed.source == PlaybackSource::kept_copy);
    CHECK(changed.note.find("has changed since this replay was recorded") != std::string::npos);
    CHECK(changed.note.find(db_path.string()) != std::string::npos);
    ReplayCheck check = verify_replay(replay, *changed.level, cwtest::catalogue(), build_id());
    CHECK_MESSAGE(check.ok, check.message);
    CHECK(check.final_hash == final_hash);
    // And watched: a playback CallRun on it reaches the recorded end.
    CallRun watch(replay, *changed.level, cwtest::catalogue());
    CHECK(watch.seek(replay.final_tick) == replay.final_tick);
    CHECK(watch.sim().state_hash_value() == replay.final_hash);

    // Removed altogether: the same.
    fs::remove(level);
    PlaybackLevel gone = find_playback_level(replay, level.string(), kept, cwtest::catalogue());
    REQUIRE_MESSAGE(gone.level, gone.problem);
    CHECK(gone.note.find("cannot be loaded here (no such file)") != std::string::npos);
    CHECK(verify_replay(replay, *gone.level, cwtest::catalogue(), build_id()).ok);

    // A replay from another build plays on it too, with a note that it may drift; verifying it is
    // still refused, by design.
    Replay other = replay;
    other.build = "0.0.1+elsewhere";
    CHECK(playback_drift_note(other, build_id()).find("may drift") != std::string::npos);
    CHECK(playback_drift_note(replay, build_id()).empty());
    CHECK(verify_replay(other, *gone.level, cwtest::catalogue(), build_id()).message.find("refused") !=
          std::string::npos);
}

TEST_CASE("level history: a damaged, absent or unreadable kept copy gives a clear message") {
    fs::path level = level_copy();
    CallRun run = play_file(level);
    fs::path db_path = cwtest::fresh_dir("db") / "profiles.sqlite";
    Attempt a = run.attempt();
    {
        ProfileDb db(db_path.string());
        std::string error;
        REQUIRE(db.add_attempt("ana", a, error));
    }
    const Replay replay = run.replay();
    edit_level(level);

    // Damaged: the text no longer matches its hash, so it is refused, never played.
    run_sql(db_path, "UPDATE level_texts SET text = text || ' ';");
    {
        ProfileDb db(db_path.string());
        REQUIRE(db.ok());
        KeptLevelText damaged = db.kept_level_text(a.level_hash);
        CHECK_FALSE(damaged.text);
        CHECK(damaged.problem.find("is damaged: its text no longer matches its hash") != std::string::npos);
        PlaybackLevel p = find_playback_level(replay, level.string(), [&] { return &db; }, cwtest::catalogue());
        CHECK_FALSE(p.level);
        CHECK(p.problem.find("The level file " + level.string() + " has changed since this replay was recorded, and") == 0);
        CHECK(p.problem.find("is damaged") != std::string::npos);
    }

    // Absent.
    run_sql(db_path, "DELETE FROM level_texts;");
    {
        ProfileDb db(db_path.string());
        PlaybackLevel p = find_playback_level(replay, level.string(), [&] { return &db; }, cwtest::catalogue());
        CHECK_FALSE(p.level);
        CHECK(p.problem.find("no copy of that level (hash " + a.level_hash + ") is kept in " + db_path.string()) !=
              std::string::npos);
    }

    // No database at all.
    PlaybackLevel nowhere = find_playback_level(replay, level.string(), [] { return nullptr; }, cwtest::catalogue());
    CHECK_FALSE(nowhere.level);
    CHECK(nowhere.problem.find("there is no profile database to look in") != std::string::npos);

    // A kept copy that is whole but does not load in this game: its located problems are shown.
    const std::string broken = "format = 1\ntitle = \"Half a level\"\n[river]\npoints = 3\n";
    run_sql(db_path, "INSERT INTO level_texts (hash, text) VALUES ('" + level_text_hash(broken).hex() + "', '" +
                         broken + "');");
    Replay on_broken = replay;
    on_broken.level_hash = level_text_hash(broken).value();
    ProfileDb db(db_path.string());
    PlaybackLevel p = find_playback_level(on_broken, level.string(), [&] { return &db; }, cwtest::catalogue());
    CHECK_FALSE(p.level);
    CHECK(p.problem.find("does not load in this game") != std::string::npos);
    CHECK(p.problem.find(replay.level + " (kept copy):") != std::string::npos);
}

TEST_CASE("level history: replay --verify falls back to the copy kept in the data folder's profiles") {
    fs::path home = cwtest::fresh_dir("home");
    fs::path level = level_copy();
    fs::path replay = home / "ana.replay.json";
    auto cli = [&](const fs::path& in_home, const std::vector<std::string>& args) {
        return cwtest::run_cli(args, {"CALMWATERS_HOME=" + in_home.string()});
    };
    cwtest::Finished ran =
        cli(home, {"run", level.string(), "--bot", "calm", "--record", replay.string(), "--profile", "ana"});
    REQUIRE_MESSAGE(ran.code == 0, ran.err);
    auto result = nlohmann::json::parse(ran.out);

    cwtest::Finished same = cli(home, {"replay", replay.string(), "--verify"});
    REQUIRE_MESSAGE(same.code == 0, same.err);
    CHECK(nlohmann::json::parse(same.out)["level_source"] == "file");

    edit_level(level);
    cwtest::Finished changed = cli(home, {"replay", replay.string(), "--verify"});
    REQUIRE_MESSAGE(changed.code == 0, changed.err);
    auto out = nlohmann::json::parse(changed.out);
    CHECK(out["ok"] == true);
    CHECK(out["state_hash"] == result["state_hash"]);
    CHECK(out["level"] == level.string());
    CHECK(out["level_source"] == "kept");
    CHECK(out["kept_in"] == (home / "profiles.sqlite").string());
    CHECK(changed.err.find("note: The level file " + level.string() + " has changed since this replay was recorded, "
                           "so it plays on the copy of the level that " + (home / "profiles.sqlite").string() +
                           " kept when the call was played.") != std::string::npos);

    // The kept copy damaged: refused, saying why, exit 1.
    run_sql(home / "profiles.sqlite", "UPDATE level_texts SET text = text || ' ';");
    cwtest::Finished damaged = cli(home, {"replay", replay.string(), "--verify"});
    CHECK(damaged.code == 1);
    CHECK(damaged.err.find("has changed since this replay was recorded, and the copy of that level") != std::string::npos);
    CHECK(damaged.err.find("is damaged") != std::string::npos);
    CHECK(damaged.err.find("--level") != std::string::npos);

    // Somewhere with no profiles at all: refused plainly, and no database is made by looking.
    fs::path empty = cwtest::fresh_dir("empty_home");
    cwtest::Finished nowhere = cli(empty, {"replay", replay.string(), "--verify"});
    CHECK(nowhere.code == 1);
    CHECK(nowhere.err.find("there is no profile database to look in") != std::string::npos);
    CHECK_FALSE(fs::exists(empty / "profiles.sqlite"));
}

TEST_CASE("level history: progress marks scores counted under the old scoring") {
    fs::path home = cwtest::fresh_dir("home");
    cwtest::Finished ran = cwtest::run_cli(
        {"run", cwtest::source_path("levels/flatpack_shelf.toml"), "--bot", "calm", "--profile", "ana"},
        {"CALMWATERS_HOME=" + home.string()});
    REQUIRE_MESSAGE(ran.code == 0, ran.err);
    // One attempt from before the change, as the migration leaves it.
    run_sql(home / "profiles.sqlite",
            "INSERT INTO attempts (profile_id, level, title, level_hash, at, outcome, score, composure_min, jolts,"
            " choices, timeline, scoring) VALUES (1, 'levels/flatpack_shelf.toml', 'The Flat-Pack Shelf',"
            " '0000000000000001', '2024-01-01T09:00:00Z', 'resolved', 97, 70, 0, '[]', '[]', 1);");

    cwtest::Finished json = cwtest::run_cli({"progress", "--profile", "ana", "--json"}, {"CALMWATERS_HOME=" + home.string()});
    REQUIRE_MESSAGE(json.code == 0, json.err);
    auto out = nlohmann::json::parse(json.out);
    CHECK(out["current_scoring"] == kScoringVersion);
    REQUIRE(out["attempts"].size() == 2);
    CHECK(out["attempts"][0]["scoring"] == kScoringVersion);
    CHECK(out["attempts"][1]["scoring"] == 1);

    cwtest::Finished text = cwtest::run_cli({"progress", "--profile", "ana"}, {"CALMWATERS_HOME=" + home.string()});
    REQUIRE_MESSAGE(text.code == 0, text.err);
    CHECK(text.out.find("score  97 (old scoring)") != std::string::npos);
    CHECK(text.out.find("(old scoring): Counted under the old scoring") != std::string::npos);
    // Today's attempt carries no mark.
    std::string first_line = text.out.substr(text.out.find('\n') + 1);
    first_line = first_line.substr(0, first_line.find('\n'));
    CHECK(first_line.find("old scoring") == std::string::npos);
}

TEST_CASE("level history: the progress figures keep old-scoring bests apart from today's") {
    auto attempt = [](int score, int scoring, const std::string& level = "shelf.toml") {
        Attempt a = cwtest::sample_attempt(score);
        a.level = level;
        a.when = "2024-05-01T09:00:00Z";
        a.scoring = scoring;
        return a;
    };
    std::vector<Attempt> attempts = {attempt(95, 1), attempt(60, 2), attempt(72, 2), attempt(88, 1, "other.toml")};
    ProgressSummary s = summarise_progress(attempts, cwtest::catalogue(), nullptr, "2024-05-01");
    REQUIRE(s.levels.size() == 2);
    CHECK(s.levels[0].best == 72);              // today's scoring only: the old 95 is not mixed in
    CHECK(s.levels[0].best_old_scoring == 95);  // but kept, to show marked
    CHECK(s.levels[1].best == -1);              // only ever played under the old scoring
    CHECK(s.levels[1].best_old_scoring == 88);
    CHECK(s.attempts[0].old_scoring);
    CHECK_FALSE(s.attempts[1].old_scoring);
    CHECK(std::string(kOldScoringExplained).find("before every reply had a grade") != std::string::npos);
}

TEST_CASE("level history: every earlier version the game keeps is named by its own hash and still loads") {
    const fs::path kept = cwtest::source_path("assets/level_history");
    int versions = 0;
    for (const fs::directory_entry& e : fs::directory_iterator(kept)) {
        CAPTURE(e.path().string());
        REQUIRE(e.path().extension() == ".toml");
        LevelLoad load = load_level_file(e.path().string(), cwtest::catalogue());
        REQUIRE_MESSAGE(load.ok(), format_problems(load.problems));
        CHECK(e.path().stem().string() == hash_hex(load.level->source_hash));
        ++versions;
    }
    CHECK(versions >= 15);  // the shipped calls as they were before the judgement was written by hand
}

TEST_CASE("level history: a replay of a shipped call as it was plays on the earlier version, with no profile") {
    // The Flat-Pack Shelf as first shipped (format 1, graded from its tags), and a run on it.
    const std::string earlier = cwtest::source_path("assets/level_history/926e7012ad9dd160.toml");
    LevelLoad old_shelf = load_level_file(earlier, cwtest::catalogue());
    REQUIRE(old_shelf.ok());
    CallRun run(CallSetup{*old_shelf.level, "levels/flatpack_shelf.toml", 5, {}}, cwtest::catalogue());
    BotInput bot(BotPolicy::calm, 1);
    run.run_to_end(bot);
    const Replay replay = run.replay();

    // The shelf has been rewritten since; no profile database is asked, none is needed.
    const std::string today = cwtest::source_path("levels/flatpack_shelf.toml");
    REQUIRE(load_level_file(today, cwtest::catalogue()).level->source_hash != replay.level_hash);
    bool asked = false;
    PlaybackLevel found = find_playback_level(replay, today, [&]() -> const ProfileDb* {
        asked = true;
        return nullptr;
    }, cwtest::catalogue());
    REQUIRE_MESSAGE(found.level, found.problem);
    CHECK_FALSE(asked);
    CHECK(found.source == PlaybackSource::shipped_earlier);
    CHECK(found.note.find("earlier version of the call") != std::string::npos);
    CHECK(playback_source_note(found.source) == kPlaysOnShippedEarlier);
    ReplayCheck check = verify_replay(replay, *found.level, cwtest::catalogue(), build_id());
    CHECK_MESSAGE(check.ok, check.message);

    // A text the game never shipped is still only found in the profile's kept copies.
    Replay unknown = replay;
    unknown.level_hash ^= 1;
    PlaybackLevel none = find_playback_level(unknown, today, [] { return nullptr; }, cwtest::catalogue());
    CHECK_FALSE(none.level);
    CHECK(none.problem.find("no profile database") != std::string::npos);
}
