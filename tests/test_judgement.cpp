// The author's judgement: a reply's grade, not a count of its tags, decides its points, the
// chime, the water, the bots and the debrief; an ending's grade decides the outcome's points.
#include <fstream>

#include "content/level_loader.hpp"
#include "core/debrief.hpp"
#include "editor/upgrade.hpp"
#include "fixtures.hpp"
#include "play/call_run.hpp"

using namespace cw;

namespace {

struct ReplySpec {
    std::string grade, techniques, ending, ending_grade = "", feedback = "";
};

// A one-question call on a three-channel fork: each reply leads to its own ending.
std::string graded_call(const std::vector<ReplySpec>& replies, int format = 2) {
    std::string r, ends;
    for (size_t i = 0; i < replies.size(); ++i) {
        const ReplySpec& s = replies[i];
        std::string n = std::to_string(i);
        r += "[[call.node.reply]]\ntext = \"Reply " + n + "\"\n";
        if (!s.grade.empty()) r += "grade = \"" + s.grade + "\"\n";
        if (!s.feedback.empty()) r += "feedback = \"" + s.feedback + "\"\n";
        r += "techniques = [" + s.techniques + "]\nnext = \"end" + n + "\"\n";
        ends += "[[call.node]]\nid = \"end" + n + "\"\nsay = \"Right.\"\nend = \"" + s.ending + "\"\n";
        if (!s.ending_grade.empty()) ends += "ending_grade = \"" + s.ending_grade + "\"\n";
    }
    return "format = " + std::to_string(format) + "\ntitle = \"Judged\"\nseed = 5\n"
           "[caller]\nname = \"Test\"\nissue = \"testing\"\nintensity = 40\n"
           "[river]\ncurrent = 2.0\n"
           "points = [[0, 0, 26], [0, 60, 26], [0, 90, 40], [0, 150, 40], [0, 180, 26], [0, 260, 26]]\n"
           "[[river.fork]]\nid = \"f\"\nat = 95\nlength = 45\nchannels = " + std::to_string(replies.size()) +
           "\nisland = 3\n[call]\nstart = \"q\"\n[[call.node]]\nid = \"q\"\nsay = \"Which?\"\nfork = \"f\"\n" + r + ends;
}

CallRun played(const Level& level, BotPolicy policy) {
    CallRun run({level, level.path, level.seed, {}}, cwtest::catalogue());
    BotInput bot(policy, level.seed);
    run.run_to_end(bot);
    return run;
}

}  // namespace

TEST_CASE("judgement: a trap built only from kind words scores as a trap, and the bots know it") {
    // Reply 0 is the capitulation: apologise and empathise, graded a trap.
    Level level = cwtest::level_from(graded_call({{"trap", "\"apologize\", \"empathize\"", "resolved", "", "Gives in."},
                                                  {"best", "\"set_boundary\"", "resolved"},
                                                  {"good", "\"listen\"", "resolved"}}));
    CHECK(level.nodes[0].replies[0].grade == Grade::trap);
    // Its kind tags would calm the caller; as a trap it heats them instead.
    Effects fx = reply_effects(level.nodes[0].replies[0], cwtest::catalogue());
    CHECK(fx.intensity >= kTrapHeat);
    CHECK(fx.trust < 0);

    CallRun calm = played(level, BotPolicy::calm);
    CallRun worst = played(level, BotPolicy::worst);
    REQUIRE(calm.sim().call().choices().size() == 1);
    REQUIRE(worst.sim().call().choices().size() == 1);
    CHECK(calm.sim().call().choices()[0].authored == 1);   // the best, though its tags are fewer
    CHECK(worst.sim().call().choices()[0].authored == 0);  // the trap, though its tags are all good
    CHECK(worst.sim().state().last_reply_quality < 0);  // no chime, the water churns
    CHECK(calm.sim().state().last_reply_quality > 0);
    CHECK(worst.sim().score().conduct < 15);
    CHECK(calm.sim().score().conduct >= 45);
    // The debrief names the better reply and the caveat of each good technique misused.
    Debrief d = build_debrief(worst.sim());
    REQUIRE(d.entries.size() == 1);
    CHECK(d.entries[0].grade == Grade::trap);
    REQUIRE(d.entries[0].better >= 0);
    CHECK(d.entries[0].question->replies[static_cast<size_t>(d.entries[0].better)].authored == 1);
    CHECK(d.entries[0].caveats.size() == 2);
    CHECK(worst.report()["choices"][0]["grade"] == "trap");
    CHECK(worst.report()["choices"][0]["reply"] == "A");  // its place in the file, whatever channel it lay on
    CHECK(worst.report()["choices"][0]["feedback"] == "Gives in.");
}

TEST_CASE("judgement: the level's grade of an ending decides its points, so an escalation can be the best") {
    Level level = cwtest::level_from(graded_call({{"good", "\"follow_up\"", "follow_up", "slip"},
                                                  {"best", "\"escalate\"", "escalated", "best"},
                                                  {"slip", "\"listen\"", "resolved"}}));
    CHECK(ending_points(Outcome::escalated, Grade::best) > ending_points(Outcome::follow_up, Grade::slip));
    CallRun calm = played(level, BotPolicy::calm);
    CHECK(calm.sim().state().outcome == Outcome::escalated);
    CHECK(calm.sim().score().outcome == doctest::Approx(15));
    // Without a grade an ending keeps its outcome's default.
    CHECK(ending_points(Outcome::resolved, std::nullopt) == doctest::Approx(15));
    CHECK(ending_points(Outcome::agent_ended, std::nullopt) > ending_points(Outcome::hung_up, std::nullopt));
}

TEST_CASE("judgement: ending an abusive call after the warnings scores well, without them it does not") {
    // Reply 0 ends the call at the first sharp word (a trap, its ending graded so); reply 1 is
    // the final warning that policy allows before ending (best, its ending graded best).
    Level level = cwtest::level_from(
        graded_call({{"trap", "\"take_personally\"", "agent_ended", "trap", "Ended on the first rude word."},
                     {"best", "\"set_boundary\", \"escalate\"", "agent_ended", "best"},
                     {"slip", "\"give_in\"", "resolved"}}));
    CallRun warned = played(level, BotPolicy::calm);
    CallRun abrupt = played(level, BotPolicy::worst);
    CHECK(warned.sim().state().outcome == Outcome::agent_ended);
    CHECK(abrupt.sim().state().outcome == Outcome::agent_ended);
    CHECK(warned.sim().score().total >= 85);
    CHECK(abrupt.sim().score().total <= 50);
    // The agent's ending closes the line at once, like a hang-up: no paddling to the pool.
    CHECK(warned.sim().state().progress < warned.sim().river().pool_start());
}

TEST_CASE("judgement: format 2 needs every grade; format 1 works them out and says so once") {
    LevelLoad two = load_level_text(graded_call({{"", "\"listen\"", "resolved"}, {"good", "\"listen\"", "resolved"}}),
                                    "two.toml", cwtest::catalogue());
    REQUIRE_FALSE(two.ok());
    CHECK_MESSAGE(format_problems(two.problems).find("two.toml:24:8: this reply needs a `grade`") != std::string::npos,
                  format_problems(two.problems));

    LevelLoad one = load_level_text(graded_call({{"", "\"listen\", \"empathize\"", "resolved"},
                                                 {"", "\"argue\"", "resolved"}}, 1),
                                    "one.toml", cwtest::catalogue());
    REQUIRE(one.ok());
    CHECK(one.level->nodes[0].replies[0].grade == Grade::best);
    CHECK(one.level->nodes[0].replies[1].grade == Grade::trap);
    REQUIRE(one.notes.size() == 1);
    CHECK(one.notes[0].message.find("format 1") != std::string::npos);

    LevelLoad odd = load_level_text(graded_call({{"best", "\"argue\"", "resolved"},
                                                 {"trap", "\"listen\"", "resolved"},
                                                 {"trap", "\"listen\"", "resolved", "", "Too slow for her."}}),
                                    "odd.toml", cwtest::catalogue());
    REQUIRE(odd.ok());  // warnings never refuse a level
    REQUIRE(odd.notes.size() == 2);
    CHECK(odd.notes[0].message.find("graded best but is tagged with a mistake") != std::string::npos);
    CHECK(odd.notes[1].message.find("add `feedback`") != std::string::npos);
}

TEST_CASE("judgement: upgrade writes format 1's grades in and keeps every comment") {
    std::string text = graded_call({{"", "\"listen\", \"empathize\"", "resolved"}, {"", "\"argue\"", "resolved"}}, 1);
    text = "# A trainer's note at the top\n" + text;
    size_t at = text.find("text = \"Reply 1\"");
    text.insert(text.find('\n', at), "  # she raised her voice here");
    Upgrade up = upgrade_level_text(text, "old.toml", cwtest::catalogue());
    REQUIRE_MESSAGE(up.ok, format_problems(up.problems));
    CHECK(up.grades_written == 2);
    CHECK(up.text.find("# A trainer's note at the top\n") == 0);
    CHECK(up.text.find("text = \"Reply 1\"  # she raised her voice here\n") != std::string::npos);
    CHECK(up.text.find("format = 2\n") != std::string::npos);
    LevelLoad again = load_level_text(up.text, "old.toml", cwtest::catalogue());
    REQUIRE(again.ok());
    CHECK(again.level->format == 2);
    CHECK(again.level->nodes[0].replies[0].grade == Grade::best);
    CHECK_FALSE(again.level->nodes[0].replies[0].grade_derived);
    CHECK(again.level->nodes[0].replies[1].grade == Grade::trap);
    CHECK(again.notes.empty());
    // Run again, it says there is nothing to do and changes nothing.
    Upgrade twice = upgrade_level_text(up.text, "old.toml", cwtest::catalogue());
    CHECK(twice.already);
    CHECK(twice.text == up.text);
}
