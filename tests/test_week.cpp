// The week remembers: week variables declared by a playlist, read and set by its calls, kept
// per profile, written into replays and carried by the class host for each trainee.
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "child_process.hpp"

#include "content/playlist_loader.hpp"
#include "content/replay_file.hpp"
#include "core/build_id.hpp"
#include "core/week.hpp"
#include "editor/draft_io.hpp"
#include "editor/level_writer.hpp"
#include "editor/solver.hpp"
#include "fixtures.hpp"
#include "net/class_calls.hpp"
#include "net/sample_class.hpp"
#include "play/call_run.hpp"
#include "play/campaign_week.hpp"

using namespace cw;

namespace {

const std::string kRiver =
    "[river]\ncurrent = 2.0\n"
    "points = [[0, 0, 30], [0, 60, 30], [0, 90, 52], [0, 150, 52], [0, 180, 30], [0, 260, 30]]\n"
    "[[river.fork]]\nid = \"f\"\nat = 95\nlength = 45\nchannels = 2\nisland = 3\n";

// Monday: the best reply promises a callback on Thursday, and the week remembers it.
std::string monday(const std::string& set = "set = { week.promised = true }") {
    return "format = 2\ntitle = \"Monday\"\nseed = 3\nshuffle = false\n"
           "[caller]\nname = \"Ada\"\nissue = \"a parcel\"\nintensity = 40\n" + kRiver +
           "[week.vars]\npromised = false\n"
           "[call]\nstart = \"q\"\n"
           "[[call.node]]\nid = \"q\"\nsay = \"Will anyone ring me?\"\nfork = \"f\"\n"
           "[[call.node.reply]]\ntext = \"I'll ring you on Thursday at ten.\"\ngrade = \"best\"\n"
           "techniques = [\"follow_up\"]\nnext = \"end\"\n" + set + "\n"
           "[[call.node.reply]]\ntext = \"Ring us back some time.\"\ngrade = \"trap\"\n"
           "techniques = [\"argue\"]\nnext = \"end\"\n"
           "[[call.node]]\nid = \"end\"\nsay = \"Fine.\"\nend = \"resolved\"\n";
}

// Thursday: she is warm if the promise was made (and so kept), cold if not.
std::string thursday() {
    return "format = 2\ntitle = \"Thursday\"\nseed = 4\nshuffle = false\n"
           "[caller]\nname = \"Ada\"\nissue = \"the same parcel\"\nintensity = 40\n" + kRiver +
           "[week.vars]\npromised = false\n"
           "[call]\nstart = \"q\"\n"
           "[[call.node]]\nid = \"q\"\nsay = \"It's me again.\"\nfork = \"f\"\n"
           "[[call.node.reply]]\ntext = \"Hello again, Ada.\"\ngrade = \"best\"\ntechniques = [\"listen\"]\nnext = \"after\"\n"
           "[[call.node.reply]]\ntext = \"Who is this?\"\ngrade = \"trap\"\ntechniques = [\"argue\"]\nnext = \"after\"\n"
           "[[call.node]]\nid = \"after\"\nsay = \"About Monday.\"\nseconds = 2\nnext = \"cold\"\n"
           "[[call.node.when]]\nif = \"week.promised\"\nnext = \"warm\"\n"
           "[[call.node]]\nid = \"warm\"\nsay = \"You rang, as you said. Thank you.\"\nend = \"resolved\"\n"
           "[[call.node]]\nid = \"cold\"\nsay = \"Nobody rang. I'm done.\"\nend = \"hung_up\"\n";
}

// A week of the two in a folder of this test case's own.
std::string write_week(const std::string& week_vars = "[week.vars]\npromised = false\n") {
    auto dir = cwtest::case_dir();
    std::ofstream(dir / "mon.toml") << monday();
    std::ofstream(dir / "thu.toml") << thursday();
    std::string path = (dir / "two_days.playlist.toml").string();
    std::ofstream(path) << "format = 1\ntitle = \"Two days\"\n" << week_vars
                        << "[[call]]\nday = \"Monday\"\nlevel = \"mon.toml\"\n"
                           "[[call]]\nday = \"Thursday\"\nlevel = \"thu.toml\"\n";
    return path;
}

Playlist load_week(const std::string& path) {
    PlaylistLoad load = load_playlist_file(path, cwtest::catalogue());
    REQUIRE_MESSAGE(load.ok(), format_problems(load.problems));
    return *load.playlist;
}

// One call of the week, played by a bot from the week's values; returns the finished run.
std::unique_ptr<CallRun> play_call(const Playlist& week, int index, const WeekValues& start, BotPolicy bot) {
    LevelLoad load = load_level_file(week.calls[static_cast<size_t>(index)].level, cwtest::catalogue());
    REQUIRE(load.ok());
    Level level = *load.level;
    start_from_week(level, start);
    auto run = std::make_unique<CallRun>(CallSetup{level, level.path, level.seed, {}}, cwtest::catalogue());
    BotInput input(bot, 1);
    run->run_to_end(input);
    return run;
}

}  // namespace

TEST_CASE("week: a level declares week variables and reads and sets them as week.NAME") {
    Level mon = cwtest::level_from(monday());
    CHECK(week_defaults(mon) == WeekValues{{"promised", 0}});
    REQUIRE(mon.nodes[0].replies[0].changes.size() == 1);
    CHECK(mon.nodes[0].replies[0].changes[0].name == "week.promised");
    // Quoted, the same.
    Level quoted = cwtest::level_from(monday("set = { \"week.promised\" = true }"));
    CHECK(quoted.nodes[0].replies[0].changes[0].name == "week.promised");

    // Reading one it does not declare: told where to declare it.
    std::string undeclared = thursday();
    undeclared.replace(undeclared.find("[week.vars]\npromised = false\n"), 29, "");
    LevelLoad bad = load_level_text(undeclared, "thu.toml", cwtest::catalogue());
    REQUIRE_FALSE(bad.ok());
    CHECK(format_problems(bad.problems).find("declare it under [week.vars]") != std::string::npos);

    // A dotted name among the call's own: pointed at [week.vars].
    std::string dotted = monday();
    dotted.replace(dotted.find("[call]\n"), 7, "[call]\nvars = { \"week.other\" = 1 }\n");
    LevelLoad dot = load_level_text(dotted, "mon.toml", cwtest::catalogue());
    REQUIRE_FALSE(dot.ok());
    CHECK(format_problems(dot.problems).find("[week.vars]") != std::string::npos);
}

TEST_CASE("week: a playlist declares its week, and a call using one it does not is a located error") {
    Playlist week = load_week(write_week());
    CHECK(week.week == WeekValues{{"promised", 0}});

    PlaylistLoad missing = load_playlist_file(write_week(""), cwtest::catalogue());
    REQUIRE_FALSE(missing.ok());
    std::string text = format_problems(missing.problems);
    CHECK(text.find("two_days.playlist.toml:5:9:") != std::string::npos);
    CHECK(text.find("week.promised") != std::string::npos);
    CHECK(text.find("[week.vars]") != std::string::npos);
}

TEST_CASE("week: a promise made on Monday changes Thursday's call in a profile, and Monday starts the week afresh") {
    Playlist week = load_week(write_week());
    ProfileDb db((cwtest::case_dir() / "profiles.sqlite").string());
    REQUIRE(db.ok());
    std::string error;
    for (auto [profile, monday_bot, thursday_end] :
         {std::tuple{"ana", BotPolicy::calm, Outcome::resolved}, std::tuple{"ben", BotPolicy::worst, Outcome::hung_up}}) {
        CAPTURE(profile);
        WeekValues before = week_for_call(&db, profile, week, 0);
        CHECK(before == WeekValues{{"promised", 0}});
        auto mon = play_call(week, 0, before, monday_bot);
        REQUIRE(keep_week(db, profile, week, mon->sim(), before, error));
        WeekValues thu_start = week_for_call(&db, profile, week, 1);
        CHECK(thu_start.at("promised") == (monday_bot == BotPolicy::calm ? 1 : 0));
        auto thu = play_call(week, 1, thu_start, BotPolicy::calm);
        CHECK(thu->sim().state().outcome == thursday_end);
    }
    // A new week: Monday's call starts from the playlist again, whatever was kept.
    CHECK(week_for_call(&db, "ana", week, 0).at("promised") == 0);
    CHECK(week_for_call(&db, "ana", week, 1).at("promised") == 1);
    CHECK(db.week("ben", "two_days").at("promised") == 0);
}

TEST_CASE("week: the replay's header keeps the week, so a playback and its check see the same call") {
    Playlist week = load_week(write_week());
    auto thu = play_call(week, 1, {{"promised", 1}}, BotPolicy::calm);
    REQUIRE(thu->sim().state().outcome == Outcome::resolved);
    Replay replay = thu->replay();
    CHECK(replay.week == WeekValues{{"promised", 1}});
    ReplayLoad back = replay_from_json(replay_to_json(replay), "thu.replay.json");
    REQUIRE(back.replay);
    CHECK(back.replay->week == WeekValues{{"promised", 1}});
    LevelLoad level = load_level_file(week.calls[1].level, cwtest::catalogue());
    REQUIRE(level.ok());
    CHECK(verify_replay(*back.replay, *level.level, cwtest::catalogue(), build_id()).ok);
    // The same inputs from the level's own week end otherwise: the check would catch a lost week.
    Replay forgotten = *back.replay;
    forgotten.week.clear();
    CHECK_FALSE(verify_replay(forgotten, *level.level, cwtest::catalogue(), build_id()).ok);
}

TEST_CASE("week: the class host carries each trainee's week, and each trainee's Thursday follows their Monday") {
    std::string error;
    auto calls = net::load_class_calls({write_week()}, cwtest::catalogue(), error);
    REQUIRE_MESSAGE(calls, error);
    net::SessionSettings settings;
    settings.code = "ABCD";
    settings.build = build_id();
    net::ClassSession session(std::move(*calls), cwtest::catalogue(), settings);
    net::SampleClass sample(session, cwtest::catalogue(), 4);
    CHECK(session.week_start() == WeekValues{{"promised", 0}});
    for (int call = 0; call < 2; ++call) {
        session.start_call();
        for (int t = 0; t < 60 * 60 * 3; t += 6) sample.step(6);
        if (call == 0) REQUIRE(session.next_call());
    }
    int promised = 0;
    for (const net::Trainee& t : session.trainees()) {
        REQUIRE(t.runs.size() == 2);
        CHECK(t.runs[0].verdict == net::Verdict::verified);
        CHECK(t.runs[1].verdict == net::Verdict::verified);  // the trainee started from the same week
        const bool made = t.runs[0].shadow->sim().call().choices().at(0).authored == 0;
        promised += made;
        CHECK(t.week.at("promised") == (made ? 1 : 0));
        CHECK(session.call_info_for(t).week == t.week);
        CHECK(t.runs[1].shadow->sim().state().outcome == (made ? Outcome::resolved : Outcome::hung_up));
    }
    CHECK(promised >= 1);  // the sample class has someone who made the promise
}

TEST_CASE("week: in projector mode the room's one raft keeps the room's week") {
    std::string error;
    auto calls = net::load_class_calls({write_week()}, cwtest::catalogue(), error);
    REQUIRE_MESSAGE(calls, error);
    net::SessionSettings settings;
    settings.code = "ABCD";
    settings.projector = true;
    net::ClassSession session(std::move(*calls), cwtest::catalogue(), settings);
    CHECK(session.room_week() == WeekValues{{"promised", 0}});
    // The room's Monday, as the host screen plays it: from the room's week, the room choosing.
    for (auto [bot, promised] : {std::pair{BotPolicy::worst, 0}, std::pair{BotPolicy::calm, 1}}) {
        Level monday = session.call().level;
        start_from_week(monday, session.room_week());
        CallRun room(CallSetup{monday, "mon", session.call_seed(), {}}, cwtest::catalogue());
        BotInput input(bot, 1);
        room.run_to_end(input);
        session.keep_room_week(room.sim());
        CHECK(session.room_week().at("promised") == promised);
    }
    // Thursday's room raft starts from it.
    REQUIRE(session.next_call());
    Level thursday = session.call().level;
    start_from_week(thursday, session.room_week());
    CallRun room(CallSetup{thursday, "thu", session.call_seed(), {}}, cwtest::catalogue());
    BotInput input(BotPolicy::calm, 1);
    room.run_to_end(input);
    CHECK(room.sim().state().outcome == Outcome::resolved);
}

TEST_CASE("week: the editor saves a level's [week.vars] and its week.NAME changes as they were") {
    DraftLoad load = load_draft_text(monday(), "mon.toml", cwtest::catalogue());
    REQUIRE(load.draft);
    const std::string text = write_level(*load.draft).text;
    INFO(text);
    CHECK(text.find("[week]\nvars = { promised = false }") != std::string::npos);
    CHECK(text.find("[call]\nstart = \"q\"\n") != std::string::npos);  // not among the call's own
    Level again = cwtest::level_from(text);
    CHECK(week_defaults(again) == WeekValues{{"promised", 0}});
    CHECK(again.nodes[0].replies[0].changes.at(0).name == "week.promised");
    CHECK(write_level(*load_draft_text(text, "mon.toml", cwtest::catalogue()).draft).text == text);
}

TEST_CASE("cli: run --week plays a call as if the week held a value, and its JSON shows the week before and after") {
    write_week();
    const std::string thu = (cwtest::case_dir() / "thu.toml").string(), mon = (cwtest::case_dir() / "mon.toml").string();
    cwtest::Finished warm = cwtest::run_cli({"run", thu, "--bot", "calm", "--week", "promised=true"});
    REQUIRE(warm.code == 0);
    auto j = nlohmann::json::parse(warm.out);
    CHECK(j["outcome"] == "resolved");
    CHECK(j["week"]["promised"] == 1);
    cwtest::Finished cold = cwtest::run_cli({"run", thu, "--bot", "calm"});
    REQUIRE(cold.code == 0);
    CHECK(nlohmann::json::parse(cold.out)["outcome"] == "hung_up");
    auto promised = nlohmann::json::parse(cwtest::run_cli({"run", mon, "--bot", "calm"}).out);
    CHECK(promised["week"]["promised"] == 0);
    CHECK(promised["week_after"]["promised"] == 1);

    cwtest::Finished unknown = cwtest::run_cli({"run", thu, "--bot", "calm", "--week", "promise=true"});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("\"promise\" is not a week variable of this level") != std::string::npos);
    CHECK(cwtest::run_cli({"run", thu, "--bot", "calm", "--week", "promised=maybe"}).code == 2);
}

TEST_CASE("week: the solver walks the call again for each value of the week that changes a branch") {
    Level thu = cwtest::level_from(thursday());
    SolveResult r = solve_level(thu, cwtest::catalogue());
    REQUIRE(r.weeks.size() == 2);  // a flag: false (its own) and true
    CHECK(r.weeks[0] == WeekValues{{"promised", 0}});
    CHECK(r.weeks[1] == WeekValues{{"promised", 1}});
    CHECK(r.all_steerable());
    std::set<Outcome> by_week[2];
    for (const SolvedPath& p : r.paths) by_week[p.week.at("promised") == 0 ? 0 : 1].insert(p.outcome);
    CHECK(by_week[0] == std::set<Outcome>{Outcome::hung_up});
    CHECK(by_week[1] == std::set<Outcome>{Outcome::resolved});
    CHECK(r.proved().find("for each of 2 values of the week") != std::string::npos);
    // A call that reads no week is walked once.
    CHECK(solve_level(cwtest::shipped_level(), cwtest::catalogue()).weeks.size() == 1);
}
