// Promises that come due: a line's own change to the caller (so a caller can ring back warmer or
// angrier), and the first week's two callers who ring again on Friday, played from the week
// their Monday and Tuesday left.
#include <algorithm>

#include "core/sim.hpp"
#include "core/week.hpp"
#include "content/playlist_loader.hpp"
#include "editor/draft_io.hpp"
#include "editor/level_writer.hpp"
#include "fixtures.hpp"
#include "play/call_run.hpp"

using namespace cw;

namespace {

// A call whose opening line branches on the week: warm after a kept promise, sore after a broken
// one. Each history line carries its own change.
std::string ring_back(const std::string& warm_line_extra = "intensity = -12\ntrust = 10\n") {
    return "format = 2\ntitle = \"Again\"\nseed = 5\nshuffle = false\n"
           "[caller]\nname = \"Ada\"\nissue = \"back again\"\nintensity = 40\n"
           "[river]\ncurrent = 2.0\n"
           "points = [[0, 0, 30], [0, 60, 30], [0, 90, 52], [0, 150, 52], [0, 180, 30], [0, 260, 30]]\n"
           "[[river.fork]]\nid = \"f\"\nat = 95\nlength = 45\nchannels = 2\nisland = 3\n"
           "[week.vars]\nkept = false\nbroken = false\n"
           "[call]\nstart = \"hello\"\n"
           "[[call.node]]\nid = \"hello\"\nsay = \"It's me again.\"\nseconds = 2\nnext = \"plain\"\n"
           "[[call.node.when]]\nif = \"week.kept\"\nnext = \"warm\"\n"
           "[[call.node.when]]\nif = \"week.broken\"\nnext = \"sore\"\n"
           "[[call.node]]\nid = \"warm\"\nsay = \"You rang when you said.\"\nseconds = 2\nnext = \"q\"\n" +
           warm_line_extra +
           "[[call.node]]\nid = \"sore\"\nsay = \"Nobody came.\"\nseconds = 2\nintensity = 18\ntrust = -15\nnext = \"q\"\n"
           "[[call.node]]\nid = \"plain\"\nsay = \"About Monday.\"\nseconds = 2\nnext = \"q\"\n"
           "[[call.node]]\nid = \"q\"\nsay = \"So?\"\nfork = \"f\"\n"
           "[[call.node.reply]]\ntext = \"Let's fix it.\"\ngrade = \"best\"\ntechniques = [\"collaborate\"]\nnext = \"end\"\n"
           "[[call.node.reply]]\ntext = \"Not us.\"\ngrade = \"trap\"\ntechniques = [\"argue\"]\nnext = \"end\"\n"
           "[[call.node]]\nid = \"end\"\nsay = \"Fine.\"\nend = \"resolved\"\n";
}

struct AtQuestion {
    double intensity = 0, trust = 0;
    std::string via;  // the history line the call went through
};

// Steps a call with no input until its question comes up.
AtQuestion run_to_question(Level level, const WeekValues& week) {
    start_from_week(level, week);
    Simulation sim(level, cwtest::catalogue(), level.seed);
    AtQuestion at;
    for (int t = 0; t < 60 * 60 && !sim.call().node().is_question(); ++t) {
        sim.step({});
        const std::string& id = sim.call().node().id;
        if (id == "warm" || id == "sore" || id == "plain") at.via = id;
    }
    REQUIRE(sim.call().node().is_question());
    at.intensity = sim.state().intensity;
    at.trust = sim.state().trust;
    return at;
}

Playlist first_week() {
    PlaylistLoad pl = load_playlist_file(cwtest::source_path("levels/campaign/first_week.playlist.toml"),
                                         cwtest::catalogue());
    REQUIRE_MESSAGE(pl.ok(), format_problems(pl.problems));
    return *pl.playlist;
}

const PlaylistEntry& call_named(const Playlist& week, const std::string& file) {
    auto it = std::find_if(week.calls.begin(), week.calls.end(), [&](const PlaylistEntry& c) {
        return c.level.size() >= file.size() && c.level.compare(c.level.size() - file.size(), file.size(), file) == 0;
    });
    REQUIRE_MESSAGE(it != week.calls.end(), file);
    return *it;
}

Level load(const std::string& path) {
    LevelLoad l = load_level_file(path, cwtest::catalogue());
    REQUIRE_MESSAGE(l.ok(), format_problems(l.problems));
    return *l.level;
}

// What a bot's run of `level` from `week` leaves in the week.
WeekValues week_left_by(Level level, const WeekValues& week, BotPolicy bot) {
    start_from_week(level, week);
    CallRun run(CallSetup{level, level.path, level.seed, {}}, cwtest::catalogue());
    BotInput input(bot, 1);
    run.run_to_end(input);
    return week_after(level, run.sim().call().vars(), week);
}

}  // namespace

TEST_CASE("a line's own intensity and trust land once, as the line begins") {
    Level level = cwtest::level_from(ring_back());
    AtQuestion plain = run_to_question(level, {});
    AtQuestion warm = run_to_question(level, {{"kept", 1}});
    AtQuestion sore = run_to_question(level, {{"broken", 1}});
    CHECK(plain.via == "plain");
    CHECK(warm.via == "warm");
    CHECK(sore.via == "sore");
    // The same seconds of drift on every route, so the differences are the lines' own changes.
    CHECK(warm.intensity == doctest::Approx(plain.intensity - 12).epsilon(0.001));
    CHECK(sore.intensity == doctest::Approx(plain.intensity + 18).epsilon(0.001));
    CHECK(warm.trust == doctest::Approx(plain.trust + 10).epsilon(0.001));
    CHECK(sore.trust == doctest::Approx(plain.trust - 15).epsilon(0.001));

    // The opening line itself can carry a change: it lands before the first step.
    std::string opening = ring_back();
    opening.replace(opening.find("seconds = 2\nnext = \"plain\""), 26, "seconds = 2\nintensity = 9\nnext = \"plain\"");
    Simulation sim(cwtest::level_from(opening), cwtest::catalogue(), 5);
    CHECK(sim.state().intensity == doctest::Approx(49));
}

TEST_CASE("a line's change out of range is a located error, and the editor keeps it") {
    LevelLoad bad = load_level_text(ring_back("intensity = 70\n"), "again.toml", cwtest::catalogue());
    REQUIRE_FALSE(bad.ok());
    std::string text = format_problems(bad.problems);
    CAPTURE(text);
    CHECK(text.find("again.toml:39:13:") != std::string::npos);
    CHECK(text.find("-50") != std::string::npos);

    DraftLoad draft = load_draft_text(ring_back(), "again.toml", cwtest::catalogue());
    REQUIRE(draft.draft);
    Level back = cwtest::level_from(write_level(*draft.draft).text);
    const Node& warm = back.nodes[static_cast<size_t>(back.node_index("warm"))];
    REQUIRE(warm.intensity);
    CHECK(*warm.intensity == -12);
    CHECK(*warm.trust == 10);
    CHECK_FALSE(back.nodes[static_cast<size_t>(back.node_index("plain"))].intensity);
}

TEST_CASE("first week: what Maureen and Dean are told early in the week decides how they ring back on Friday") {
    Playlist week = first_week();
    for (std::string name : {"maureen", "dean"}) {
        CHECK(week.week.count(name + "_promise_kept"));
        CHECK(week.week.count(name + "_promise_broken"));
    }
    struct Pair {
        const char* early;
        const char* friday;
        const char* kept;
        const char* broken;
    };
    for (const Pair& p : {Pair{"01_mon_missing_parcel.toml", "10_fri_the_finder_bracket.toml",
                               "maureen_promise_kept", "maureen_promise_broken"},
                          Pair{"04_tue_forty_minute_hold.toml", "11_fri_the_night_before.toml", "dean_promise_kept",
                               "dean_promise_broken"}}) {
        CAPTURE(p.friday);
        // The calm route keeps to the card: the promise is one the week can keep.
        WeekValues calm = week_left_by(load(call_named(week, p.early).level), week.week, BotPolicy::calm);
        CHECK(calm.at(p.kept) == 1);
        CHECK(calm.at(p.broken) == 0);

        // On Friday the caller opens warmer after a kept promise and sorer after a broken one.
        Level friday = load(call_named(week, p.friday).level);
        WeekValues neither = week.week, kept = week.week, broken = week.week;
        kept[p.kept] = 1;
        broken[p.broken] = 1;
        AtQuestion after_kept = run_to_question(friday, kept);
        AtQuestion after_none = run_to_question(friday, neither);
        AtQuestion after_broken = run_to_question(friday, broken);
        CHECK(after_kept.intensity < after_none.intensity);
        CHECK(after_none.intensity < after_broken.intensity);
        CHECK(after_kept.trust > after_broken.trust);

        // And the calm route still handles every history well.
        for (const WeekValues& w : {kept, neither, broken}) {
            Level played = friday;
            start_from_week(played, w);
            CallRun run(CallSetup{played, played.path, played.seed, {}}, cwtest::catalogue());
            BotInput input(BotPolicy::calm, 1);
            run.run_to_end(input);
            CHECK(run.sim().score().total >= 80);
        }
    }
}

TEST_CASE("second week: what Osian is told on Tuesday decides what he rings about on Friday") {
    PlaylistLoad pl = load_playlist_file(cwtest::source_path("levels/week2/second_week.playlist.toml"),
                                         cwtest::catalogue());
    REQUIRE_MESSAGE(pl.ok(), format_problems(pl.problems));
    const Playlist& week = *pl.playlist;
    const std::string no_code = "cardiff_code_not_sent", no_fee = "cardiff_told_no_exit_fee";
    REQUIRE(week.week.count(no_code));
    REQUIRE(week.week.count(no_fee));

    // Tuesday: the calm route sends the PAC and says the bill out loud; the worst tells him
    // there is nothing to pay.
    Level tuesday = load(call_named(week, "04_tue_clean_break.toml").level);
    WeekValues calm = week_left_by(tuesday, week.week, BotPolicy::calm);
    CHECK(calm.at(no_code) == 0);
    CHECK(calm.at(no_fee) == 0);
    CHECK(week_left_by(tuesday, week.week, BotPolicy::worst).at(no_fee) == 1);

    // Friday: the questions he asks follow the week, and the calm route handles each history.
    Level friday = load(call_named(week, "10_fri_that_was_me.toml").level);
    auto questions_asked = [&](const WeekValues& w, int& score) {
        Level played = friday;
        start_from_week(played, w);
        CallRun run(CallSetup{played, played.path, played.seed, {}}, cwtest::catalogue());
        BotInput input(BotPolicy::calm, 1);
        run.run_to_end(input);
        score = run.sim().score().total;
        std::vector<std::string> ids;
        for (const ChoiceRecord& c : run.sim().call().choices())
            ids.push_back(played.nodes[static_cast<size_t>(c.node)].id);
        return ids;
    };
    for (int code = 0; code <= 1; ++code)
        for (int fee = 0; fee <= 1; ++fee) {
            WeekValues w = week.week;
            w[no_code] = code;
            w[no_fee] = fee;
            CAPTURE(code);
            CAPTURE(fee);
            int score = 0;
            std::vector<std::string> asked = questions_asked(w, score);
            REQUIRE(asked.size() == 3);
            CHECK(asked[0] == "check_q");
            CHECK(asked[1] == (code ? "own_nocode_q" : "own_q"));
            CHECK(asked[2] == (fee ? "fee_q" : "cost_q"));
            CHECK(score >= 85);
        }

    // Two mistakes to ask about: he opens sorer.
    WeekValues told_wrong = week.week;
    told_wrong[no_code] = 1;
    CHECK(run_to_question(friday, told_wrong).intensity > run_to_question(friday, week.week).intensity);
}
