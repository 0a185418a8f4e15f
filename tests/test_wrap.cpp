// The dock as a wrap: the seconds between two calls and what they buy (core/dock.hpp's
// WrapBudget and DockBreak), a playlist's `wrap_seconds`, a level's `[dock] offer`, the two
// activities that came with it (shaking it off, telling your manager), and the note kept on
// the dock read back as the next call opens.
#include "fixtures.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <SDL.h>

#include "app/app_shell.hpp"
#include "app/screens.hpp"
#include "content/dock_text.hpp"
#include "content/playlist_loader.hpp"
#include "core/dock.hpp"
#include "core/tuning.hpp"
#include "editor/draft_io.hpp"
#include "editor/level_writer.hpp"
#include "editor/upgrade.hpp"

using namespace cw;

namespace {

constexpr double dt = tuning::kDt;

const DockText& shipped_text() {
    static const DockText text = [] {
        DockTextLoad load = load_dock_text_file(cwtest::source_path("assets/dock.toml"));
        REQUIRE_MESSAGE(load.ok(), format_problems(load.problems));
        return *load.text;
    }();
    return text;
}

double full(DockActivity a) { return cwtest::catalogue().find(dock_technique_id(a))->effects.composure; }

// A break of `wrap` seconds with the shipped seconds per activity.
DockPlan plan_of(int wrap, std::vector<DockActivity> offered = {}) {
    DockPlan p;
    p.wrap_seconds = wrap;
    p.seconds = shipped_text().seconds;
    p.offered = std::move(offered);
    return p;
}

bool lists(const DockBreak& b, DockActivity a) {
    return std::find(b.activities().begin(), b.activities().end(), a) != b.activities().end();
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    size_t at = s.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return s.replace(at, from.size(), to);
}

int line_of(const std::string& text, const std::string& needle) {
    size_t at = text.find(needle);
    REQUIRE_MESSAGE(at != std::string::npos, needle);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

const PlaylistLoad& first_week() {
    static const PlaylistLoad week =
        load_playlist_file(cwtest::source_path("levels/campaign/first_week.playlist.toml"), cwtest::catalogue());
    REQUIRE_MESSAGE(week.ok(), format_problems(week.problems));
    return week;
}

// A playlist in the case's folder, calling two shipped levels by their full paths.
std::string playlist_file(const std::string& top, const std::string& first_call = "", const std::string& last_call = "") {
    std::string path = (cwtest::case_dir() / "week.playlist.toml").string();
    std::ofstream out(path, std::ios::binary);
    out << "format = 1\ntitle = \"A short week\"\n" << top << "\n"
        // Monday's call keeps what Maureen was told for later in the week.
        << "[week.vars]\nmaureen_promise_kept = false\nmaureen_promise_broken = false\n"
        << "[[call]]\nday = \"Monday\"\nlevel = \"" << cwtest::source_path("levels/campaign/01_mon_missing_parcel.toml")
        << "\"\n" << first_call << "\n"
        << "[[call]]\nday = \"Monday\"\nlevel = \"" << cwtest::source_path("levels/flatpack_shelf.toml") << "\"\n"
        << last_call << "\n";
    return path;
}

}  // namespace

// --- the wrap budget ---------------------------------------------------------------------------

TEST_CASE("wrap: the budget is 90 seconds unless told, spending takes from it, and what does not fit is refused") {
    WrapBudget wrap;
    CHECK(kDefaultWrapSeconds == 90);
    CHECK(wrap.total() == 90);
    CHECK(wrap.left() == 90);
    CHECK(wrap.spend(30));
    CHECK(wrap.left() == 60);
    CHECK(wrap.can_afford(60));
    CHECK_FALSE(wrap.can_afford(61));
    CHECK_FALSE(wrap.spend(61));  // refused whole: nothing is taken
    CHECK(wrap.left() == 60);
    CHECK(wrap.spend(60));
    CHECK(wrap.left() == 0);
    CHECK_FALSE(wrap.can_afford(1));
    CHECK(wrap.total() == 90);
    CHECK_FALSE(WrapBudget(20).spend(-5));  // no activity gives time back
    CHECK(WrapBudget(-1).total() == 0);
    CHECK(WrapBudget(100000).total() == kMaxWrapSeconds);
}

TEST_CASE("wrap: an activity the wrap cannot afford cannot start, and starting one spends its seconds") {
    const DockText& text = shipped_text();
    const int water = text.seconds[static_cast<size_t>(DockActivity::water_and_breaths)];
    const int look = text.seconds[static_cast<size_t>(DockActivity::touchstone)];
    const int walk = text.seconds[static_cast<size_t>(DockActivity::walk_it_off)];
    REQUIRE(walk > water + look);  // the walk does not fit a break of a sip and a look

    DockBreak dock(cwtest::catalogue(), plan_of(water + look), 50);
    CHECK(dock.wrap().left() == water + look);
    CHECK(dock.blocked(DockActivity::walk_it_off) == DockBlock::no_time);
    CHECK_FALSE(dock.start(DockActivity::walk_it_off));
    CHECK(dock.active() == nullptr);
    CHECK(dock.wrap().left() == water + look);  // a refused start costs nothing

    REQUIRE(dock.start(DockActivity::water_and_breaths));
    CHECK(dock.wrap().left() == look);
    CHECK(dock.blocked(DockActivity::water_and_breaths) == DockBlock::done);
    CHECK(dock.blocked(DockActivity::touchstone) == DockBlock::none);
    CHECK(dock.blocked(DockActivity::stress_ball) == DockBlock::no_time);

    // What an activity gave is banked when the next one starts, and keeps counting after.
    for (int i = 0; i < 40 * 60; ++i) {
        const Breathing& b = dock.active()->breathing();
        DockInput in;
        in.hold = b.active() ? b.expects_key_down() : true;
        dock.step(in, dt);
    }
    REQUIRE(dock.active()->done());
    CHECK(dock.composure() == doctest::Approx(50 + full(DockActivity::water_and_breaths)));
    REQUIRE(dock.start(DockActivity::touchstone));
    CHECK(dock.wrap().left() == 0);
    for (int i = 0; i < 10 * 60; ++i) dock.step({}, dt);
    CHECK(dock.composure() ==
          doctest::Approx(50 + full(DockActivity::water_and_breaths) + full(DockActivity::touchstone)));
    for (DockActivity a : dock.activities())
        if (a != DockActivity::water_and_breaths && a != DockActivity::touchstone)
            CHECK(dock.blocked(a) == DockBlock::no_time);
}

TEST_CASE("wrap: the shipped seconds make 90 seconds buy two or three things, not everything") {
    const DockText& text = shipped_text();
    int everything = 0;
    std::vector<int> everyday;
    for (DockActivity a : all_dock_activities()) {
        int s = text.seconds[static_cast<size_t>(a)];
        CAPTURE(dock_technique_id(a));
        CHECK(s >= 1);
        CHECK(s <= 60);
        if (!dock_offered_only(a)) {
            everything += s;
            everyday.push_back(s);
        }
    }
    CHECK(everything > 2 * kDefaultWrapSeconds);  // choosing is the skill
    std::sort(everyday.begin(), everyday.end());
    CHECK(everyday[0] + everyday[1] <= kDefaultWrapSeconds);                   // two short ones fit
    CHECK(everyday[0] + everyday[1] + everyday[2] + everyday[3] <= kDefaultWrapSeconds);  // or a few quick ones
    CHECK(everyday[everyday.size() - 1] + everyday[everyday.size() - 2] > kDefaultWrapSeconds);  // not two long ones
}

TEST_CASE("wrap: a dock text whose seconds are missing or wrong says where") {
    const std::string good = read_text(cwtest::source_path("assets/dock.toml"));
    const int stress = line_of(good, "[stress_ball]");
    struct Broken {
        std::string what;
        std::string text;
        int line;
        const char* message;
    };
    const std::vector<Broken> cases = {
        {"no time at all", replace(good, "seconds = 15", "seconds = 0"), stress + 2,
         "`seconds` is 0, out of range: use a value from 1 to 600"},
        {"part of a second", replace(good, "seconds = 15", "seconds = 15.5"), stress + 2,
         "`seconds` should be a whole number"},
    };
    for (const Broken& c : cases) {
        CAPTURE(c.what);
        DockTextLoad load = load_dock_text(c.text, "assets/dock.toml");
        REQUIRE_FALSE(load.ok());
        const Problem& p = load.problems.front();
        CAPTURE(format_problems(load.problems));
        CHECK(p.line == c.line);
        CHECK(p.column >= 1);
        CHECK(p.message.rfind(c.message, 0) == 0);
    }
    DockTextLoad missing = load_dock_text(replace(good, "seconds = 15\n", ""), "assets/dock.toml");
    REQUIRE_FALSE(missing.ok());
    CHECK(format_problems(missing.problems).find("missing `seconds`") != std::string::npos);
}

// --- a playlist's wrap_seconds -----------------------------------------------------------------

TEST_CASE("wrap: a playlist sets every break, and a call's own wrap_seconds sets the break after it") {
    const Playlist& week = *first_week().playlist;
    CHECK(week.wrap_seconds == 90);
    int after_abuse = -1;
    for (size_t i = 0; i < week.calls.size(); ++i)
        if (week.calls[i].level.find("08_thu_abusive_caller") != std::string::npos) after_abuse = static_cast<int>(i) + 1;
    REQUIRE(after_abuse > 0);
    CHECK(dock_plan_before(week, after_abuse).wrap_seconds == 120);
    CHECK(dock_plan_before(week, 1).wrap_seconds == 90);
    // The dock screen's own break is the one the plan gives it.
    DockPlan plan = dock_plan_before(week, after_abuse);
    plan.seconds = shipped_text().seconds;
    CHECK(DockBreak(cwtest::catalogue(), plan, 50).wrap().total() == 120);

    PlaylistLoad plain = load_playlist_file(playlist_file(""), cwtest::catalogue());
    REQUIRE_MESSAGE(plain.ok(), format_problems(plain.problems));
    CHECK(plain.playlist->wrap_seconds == kDefaultWrapSeconds);
    CHECK(dock_plan_before(*plain.playlist, 1).wrap_seconds == kDefaultWrapSeconds);

    PlaylistLoad set = load_playlist_file(playlist_file("wrap_seconds = 45", "wrap_seconds = 0"), cwtest::catalogue());
    REQUIRE_MESSAGE(set.ok(), format_problems(set.problems));
    CHECK(set.playlist->wrap_seconds == 45);
    CHECK(dock_plan_before(*set.playlist, 1).wrap_seconds == 0);  // straight on to the next call
    DockPlan none = dock_plan_before(*set.playlist, 1);
    none.seconds = shipped_text().seconds;
    DockBreak rushed(cwtest::catalogue(), none, 50);
    for (DockActivity a : rushed.activities()) CHECK(rushed.blocked(a) == DockBlock::no_time);
}

TEST_CASE("wrap: a bad wrap_seconds says which file, line and column, in plain words") {
    struct Broken {
        std::string what;
        std::string top, first, last;
        const char* message;
    };
    const std::vector<Broken> cases = {
        {"too long", "wrap_seconds = 700", "", "", "`wrap_seconds` is 700, out of range: use a value from 0 to 600"},
        {"below nothing", "wrap_seconds = -5", "", "", "`wrap_seconds` is -5, out of range: use a value from 0 to 600"},
        {"part of a second", "wrap_seconds = 90.5", "", "", "`wrap_seconds` should be a whole number"},
        {"words", "wrap_seconds = \"ninety\"", "", "", "`wrap_seconds` should be a whole number"},
        {"a call's, too long", "", "wrap_seconds = 601", "", "`wrap_seconds` is 601, out of range"},
        {"after the last call", "", "", "wrap_seconds = 30",
         "`wrap_seconds` sets the break after this call, and there is none after the last call"},
        {"misspelt", "wrap_second = 30", "", "", "unknown key `wrap_second` in the playlist; did you mean `wrap_seconds`?"},
    };
    for (const Broken& c : cases) {
        CAPTURE(c.what);
        std::string path = playlist_file(c.top, c.first, c.last);
        std::string text = read_text(path);
        std::string key = c.top.empty() ? (c.first.empty() ? c.last : c.first) : c.top;
        PlaylistLoad load = load_playlist_file(path, cwtest::catalogue());
        REQUIRE_FALSE(load.ok());
        REQUIRE(load.problems.size() == 1);
        const Problem& p = load.problems.front();
        std::string shown = format_problems(load.problems);
        CAPTURE(shown);
        CHECK(p.line == line_of(text, key));
        CHECK(p.message.rfind(c.message, 0) == 0);
        CHECK(shown.rfind(path + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": ", 0) == 0);
    }
}

// --- a level's [dock] offer --------------------------------------------------------------------

TEST_CASE("dock offer: telling your manager is on the dock after the abusive call, and after no other") {
    const Playlist& week = *first_week().playlist;
    int offered_after = 0;
    for (int next = 1; next < static_cast<int>(week.calls.size()); ++next) {
        const PlaylistEntry& before = week.calls[static_cast<size_t>(next - 1)];
        CAPTURE(before.level);
        DockPlan plan = dock_plan_before(week, next);
        plan.seconds = shipped_text().seconds;
        DockBreak dock(cwtest::catalogue(), plan, 50);
        bool abusive = before.level.find("08_thu_abusive_caller.toml") != std::string::npos;
        CHECK(lists(dock, DockActivity::tell_manager) == abusive);
        CHECK((dock.blocked(DockActivity::tell_manager) == DockBlock::not_offered) == !abusive);
        CHECK_FALSE(dock.start(DockActivity::tell_manager) != abusive);
        // The everyday ones are there after every call, shaking it off among them.
        for (DockActivity a : all_dock_activities())
            if (!dock_offered_only(a)) CHECK(lists(dock, a));
        offered_after += abusive;
    }
    CHECK(offered_after == 1);
    LevelLoad abusive = load_level_file(cwtest::source_path("levels/campaign/08_thu_abusive_caller.toml"), cwtest::catalogue());
    REQUIRE(abusive.ok());
    CHECK(abusive.level->dock_offer == std::vector<DockActivity>{DockActivity::tell_manager});
    CHECK(cwtest::shipped_level().dock_offer.empty());
}

TEST_CASE("dock offer: a bad [dock] offer says where, and names what a level can offer") {
    const std::string good = read_text(cwtest::source_path("levels/campaign/08_thu_abusive_caller.toml"));
    const int offer = line_of(good, "offer = [\"tell_manager\"]");
    struct Broken {
        std::string what;
        std::string text;
        int line, column;
        const char* message;
    };
    const std::vector<Broken> cases = {
        {"a misspelt id", replace(good, "offer = [\"tell_manager\"]", "offer = [\"tell_manger\"]"), offer, 10,
         "`tell_manger` is not an activity on the dock; a level can offer `tell_manager`"},
        {"an everyday activity", replace(good, "offer = [\"tell_manager\"]", "offer = [\"walk_it_off\"]"), offer, 10,
         "`walk_it_off` is on the dock after every call already; a level can offer `tell_manager`"},
        {"a number", replace(good, "offer = [\"tell_manager\"]", "offer = [8]"), offer, 10,
         "each activity in `offer` is an id in quotes; a level can offer `tell_manager`"},
        {"twice", replace(good, "offer = [\"tell_manager\"]", "offer = [\"tell_manager\", \"tell_manager\"]"), offer, 26,
         "`tell_manager` is offered twice"},
        {"none", replace(good, "offer = [\"tell_manager\"]", "offer = []"), offer, 9,
         "`offer` lists at least one activity"},
        {"a misspelt key", replace(good, "offer = [\"tell_manager\"]", "offers = [\"tell_manager\"]"), offer, 10,
         "unknown key `offers` in [dock]; did you mean `offer`?"},
        {"a misspelt table", replace(good, "[dock]\n", "[docks]\n"), offer - 1, 1,
         "unknown key `docks` in the level; did you mean `dock`?"},
    };
    for (const Broken& c : cases) {
        CAPTURE(c.what);
        LevelLoad load = load_level_text(c.text, "08.toml", cwtest::catalogue());
        REQUIRE_FALSE(load.ok());
        const Problem& p = load.problems.front();
        std::string shown = format_problems(load.problems);
        CAPTURE(shown);
        CHECK(p.file == "08.toml");
        CHECK(p.line == c.line);
        CHECK(p.column == c.column);
        CHECK(p.message.rfind(c.message, 0) == 0);
        CHECK(shown.rfind("08.toml:" + std::to_string(c.line) + ":" + std::to_string(c.column) + ": ", 0) == 0);
    }
}

TEST_CASE("dock offer: saving in the editor keeps it, with its comment, and so does upgrading") {
    const std::string path = cwtest::source_path("levels/campaign/08_thu_abusive_caller.toml");
    DraftLoad draft = load_draft_file(path, cwtest::catalogue());
    REQUIRE_MESSAGE(draft.draft, format_problems(draft.problems));
    std::string written = write_level(*draft.draft).text;
    CHECK(written.find("# it offers \"Tell your manager\" as well as the everyday activities.\n[dock]\n"
                       "offer = [\"tell_manager\"]\n") != std::string::npos);
    LevelLoad again = load_level_text(written, path, cwtest::catalogue());
    REQUIRE_MESSAGE(again.ok(), format_problems(again.problems));
    CHECK(again.level->dock_offer == std::vector<DockActivity>{DockActivity::tell_manager});
    // A level with no offer writes no [dock].
    DraftLoad shelf = load_draft_file(cwtest::source_path("levels/flatpack_shelf.toml"), cwtest::catalogue());
    REQUIRE(shelf.draft);
    CHECK(write_level(*shelf.draft).text.find("[dock]") == std::string::npos);

    // `calmwaters upgrade` patches a format 1 file in place: the offer is still there.
    std::string old = cwtest::straight_river() + "\n[dock]\noffer = [\"tell_manager\"]\n";
    Upgrade up = upgrade_level_text(old, "old.toml", cwtest::catalogue());
    REQUIRE_MESSAGE(up.ok, format_problems(up.problems));
    LevelLoad upgraded = load_level_text(up.text, "old.toml", cwtest::catalogue());
    REQUIRE(upgraded.ok());
    CHECK(upgraded.level->format == 2);
    CHECK(upgraded.level->dock_offer == std::vector<DockActivity>{DockActivity::tell_manager});
}

// --- shaking it off, telling your manager ------------------------------------------------------

TEST_CASE("dock: shaking it off takes brisk shakes from side to side, and restores composure") {
    DockActivityState brisk(DockActivity::shake_it_off), one_way(DockActivity::shake_it_off),
        slow(DockActivity::shake_it_off);
    for (int i = 0; i < 10 * 60; ++i) {
        DockInput in;
        if (i % 12 == 0) in.step = (i / 12) % 2 ? 1 : -1;  // five shakes a second, side to side
        brisk.step(in, dt);
        DockInput same;
        if (i % 12 == 0) same.step = 1;
        one_way.step(same, dt);
        DockInput lazy;
        if (i % 120 == 0) lazy.step = (i / 120) % 2 ? 1 : -1;  // one every two seconds
        slow.step(lazy, dt);
    }
    CHECK(brisk.done());
    CHECK(brisk.composure_gain(cwtest::catalogue()) == doctest::Approx(full(DockActivity::shake_it_off)));
    CHECK(one_way.progress() < 0.1);   // pushing one way is not a shake
    CHECK_FALSE(slow.done());          // the last call creeps back between slow shakes
    CHECK(slow.progress() < 0.1);

    // Stopping part-way lets it creep back; once clean it stays clean.
    DockActivityState half(DockActivity::shake_it_off);
    for (int k = 0; k < DockActivityState::kShakes / 2; ++k) {
        DockInput in;
        in.step = k % 2 ? 1 : -1;
        half.step(in, dt);
    }
    double was = half.progress();
    CHECK(was == doctest::Approx(0.5));
    for (int i = 0; i < 3 * 60; ++i) half.step({}, dt);
    CHECK(half.progress() < was);
    for (int i = 0; i < 5 * 60; ++i) brisk.step({}, dt);
    CHECK(brisk.done());
}

TEST_CASE("dock: telling your manager all of it restores the most, and any answer completes it") {
    auto told = [](int choice) {
        DockActivityState talk(DockActivity::tell_manager);
        DockInput in;
        in.choice = choice;
        talk.step(in, dt);
        return talk;
    };
    const double whole = full(DockActivity::tell_manager);
    CHECK(told(DockActivityState::kReportAll).done());
    CHECK(told(DockActivityState::kReportAll).composure_gain(cwtest::catalogue()) == doctest::Approx(whole));
    CHECK(told(DockActivityState::kReportFacts).done());
    double facts = told(DockActivityState::kReportFacts).composure_gain(cwtest::catalogue());
    double nothing = told(DockActivityState::kReportNothing).composure_gain(cwtest::catalogue());
    CHECK(facts < whole);
    CHECK(nothing < facts);
    CHECK(nothing > 0);  // even "I'm fine" opened the door a little
    CHECK_FALSE(told(DockActivityState::kReports).done());  // not an answer the screen offers

    // On the dock after the abusive call: started, answered, and the composure is the player's.
    DockBreak dock(cwtest::catalogue(), plan_of(120, {DockActivity::tell_manager}), 40);
    REQUIRE(dock.start(DockActivity::tell_manager));
    CHECK(dock.wrap().left() == 120 - shipped_text().seconds[static_cast<size_t>(DockActivity::tell_manager)]);
    DockInput in;
    in.choice = DockActivityState::kReportAll;
    dock.step(in, dt);
    CHECK(dock.active()->done());
    CHECK(dock.composure() == doctest::Approx(40 + whole));
    REQUIRE(dock.start(DockActivity::shake_it_off));
    CHECK(dock.composure() == doctest::Approx(40 + whole));  // banked, not lost
}

TEST_CASE("dock text: the two new activities have their words") {
    const DockText& d = shipped_text();
    for (const std::string* s : {&d.no_time, &d.shake_then, &d.manager_story, &d.report_all, &d.report_all_then,
                                 &d.report_facts, &d.report_facts_then, &d.report_nothing, &d.report_nothing_then,
                                 &d.manager_takeaway})
        CHECK(s->size() > 10);
    CHECK(d.instructions_for(DockActivity::shake_it_off).size() > 20);
    CHECK(d.instructions_for(DockActivity::tell_manager).size() > 20);
}

// --- the note read back ------------------------------------------------------------------------

namespace {

// The play screen on the shipped shelf level, headless, `moment` in, after a second of frames;
// the picture.
std::vector<unsigned char> play_picture(const std::string& note, PlayMoment moment) {
    AppShell shell;
    std::string error;
    REQUIRE_MESSAGE(shell.init(true, error), error);
    PlayOptions options;
    options.autopilot = BotPolicy::calm;
    options.dock_note = note;
    auto play = make_play_screen(shell.ctx, cwtest::shipped_level(), options);
    REQUIRE(play);
    fast_forward(*play, moment);
    shell.show(std::move(play));
    for (int i = 0; i < 30; ++i) shell.frame(1.0 / 60.0, false);
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(shell.ctx.renderer, &w, &h);
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
    REQUIRE(SDL_RenderReadPixels(shell.ctx.renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), w * 4) == 0);
    return pixels;
}

}  // namespace

TEST_CASE("notes: the note kept on the dock is shown as the next call opens, and put away once it is under way") {
    const std::string note = "Promised a call back on Friday. Ask what they have tried first.";
    std::vector<unsigned char> with = play_picture(note, PlayMoment::approaching_fork);
    std::vector<unsigned char> without = play_picture("", PlayMoment::approaching_fork);
    REQUIRE(with.size() == without.size());
    CHECK(with != without);  // the card is over the river
    // By the end of the call the player has answered: the card has gone.
    CHECK(play_picture(note, PlayMoment::finished) == play_picture("", PlayMoment::finished));
}
