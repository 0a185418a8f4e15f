// The call reacting: variables and flags, branches, the caller cutting in, hold, later effects.
#include "core/bot.hpp"
#include "fixtures.hpp"
#include "xapi/statements.hpp"

using namespace cw;

namespace {

// One fork of two channels. Channel A sets a flag and channel B adds to a counter; the line
// after the fork branches on them; A's reply also has a delayed consequence.
const std::string kReactive = R"(format = 1
title = "Reactive"
seed = 2
[caller]
name = "Kit"
issue = "testing"
intensity = 30
[river]
current = 2.0
points = [[0, 0, 20], [0, 60, 20], [0, 90, 30], [0, 150, 30], [0, 180, 20], [0, 300, 20]]
[[river.fork]]
id = "f"
at = 95
length = 45
channels = 2
[call]
start = "q"
vars = { found = false, tries = 0 }
[[call.node]]
id = "q"
say = "Well?"
fork = "f"
[[call.node.reply]]
text = "Tell me about step six."
techniques = ["ask_questions"]
next = "after"
set = { found = true }
later = { after = 5, intensity = 10, note = "The part was out of stock after all." }
[[call.node.reply]]
text = "Try again."
techniques = ["listen"]
next = "after"
add = { tries = 2 }
[[call.node]]
id = "after"
say = "Hmm."
seconds = 2
next = "plain"
[[call.node.when]]
if = "found and intensity < 90"
next = "good"
[[call.node.when]]
if = "tries >= 2"
next = "tried"
[[call.node]]
id = "good"
say = "That was it!"
end = "resolved"
[[call.node]]
id = "tried"
say = "Fine, again."
end = "follow_up"
[[call.node]]
id = "plain"
say = "Whatever."
end = "hung_up"
)";

Simulation& steer_to(std::unique_ptr<Simulation>& sim, const Level& level, int channel) {
    sim = std::make_unique<Simulation>(level, cwtest::catalogue(), 3);
    while (!sim->state().finished) sim->step({paddle_toward(*sim, steering_target(*sim, channel)), false});
    return *sim;
}

}  // namespace

TEST_CASE("dialogue: replies set variables and later lines branch on them") {
    Level level = cwtest::level_from(kReactive);
    REQUIRE(level.var_names == std::vector<std::string>{"found", "tries"});
    std::unique_ptr<Simulation> a, b;
    CHECK(steer_to(a, level, 0).state().outcome == Outcome::resolved);
    CHECK(a->call().vars()[0] == 1);
    CHECK(steer_to(b, level, 1).state().outcome == Outcome::follow_up);
    CHECK(b->call().vars()[1] == 2);
}

TEST_CASE("dialogue: a delayed consequence arrives when it says") {
    Level level = cwtest::level_from(kReactive);
    Simulation sim(level, cwtest::catalogue(), 3);
    double at_reply = -1;
    while (!sim.state().finished && sim.later_applied().empty()) {
        sim.step({paddle_toward(sim, steering_target(sim, 0)), false});
        if (at_reply < 0 && !sim.call().choices().empty()) at_reply = sim.time();
    }
    REQUIRE(sim.later_applied().size() == 1);
    CHECK(sim.time() - at_reply == doctest::Approx(5.0).epsilon(0.01));
    CHECK(sim.later_applied()[0].note == "The part was out of stock after all.");
    CHECK(sim.later_applied()[0].effects.intensity == 10);
}

TEST_CASE("dialogue: the caller cuts in once when intensity passes a threshold, and hold raises it") {
    std::string text = cwtest::straight_river("", 2.0, 50);
    text.replace(text.find("issue = \"testing\""), 17, "issue = \"testing\"\ndrift = 4\nhold_rate = 3");
    text.replace(text.find("say = \"Hello.\""), 14, "say = \"Please hold.\"\nseconds = 60\nhold = true");
    text += "[[call.threshold]]\nabove = 80\ngoto = \"cut\"\n"
            "[[call.node]]\nid = \"cut\"\nsay = \"Are you still there?!\"\nseconds = 60\nnext = \"b\"\n";
    Level level = cwtest::level_from(text);
    Simulation sim(level, cwtest::catalogue(), 1);
    while (sim.call().node().id != "cut" && sim.time() < 30) sim.step({});
    REQUIRE(sim.call().node().id == "cut");
    // 50 -> 80 at 4/s drift plus 3/s on hold: about 4.3 s, not the 7.5 s drift alone would take.
    CHECK(sim.time() < 5.5);
    CHECK(sim.time() > 3.5);
}

TEST_CASE("dialogue: broken conditions and unknown variables are located") {
    auto first = [](const std::string& text) {
        LevelLoad load = load_level_text(text, "r.toml", cwtest::catalogue());
        REQUIRE_FALSE(load.ok());
        return format_problem(load.problems[0]);
    };
    std::string bad_syntax = kReactive;
    bad_syntax.replace(bad_syntax.find("found and intensity < 90"), 24, "found and intensity < ");
    CHECK(first(bad_syntax).rfind("r.toml:40:29: in this condition: expected a number", 0) == 0);

    std::string unknown = kReactive;
    unknown.replace(unknown.find("tries >= 2"), 10, "trys >= 2");
    CHECK(first(unknown).rfind("r.toml:43:6: unknown variable `trys`; did you mean `tries`?", 0) == 0);

    std::string set_unknown = kReactive;
    set_unknown.replace(set_unknown.find("set = { found = true }"), 22, "set = { fond = true }");
    CHECK(first(set_unknown).rfind("r.toml:27:16: unknown variable `fond`; did you mean `found`?", 0) == 0);
}

TEST_CASE("dialogue: a reply whose condition fails closes its channel with a boom") {
    std::string text = kReactive;
    // Reply A is offered only once something has been found; nothing has.
    text.replace(text.find("text = \"Tell me about step six.\""), 32,
                 "text = \"Tell me about step six.\"\nif = \"found\"");
    Level closed = cwtest::level_from(text);
    std::unique_ptr<Simulation> sim;
    // The calm bot would take A (ask_questions outranks... both are calm): it must not.
    Simulation& s = steer_to(sim, closed, 1);
    REQUIRE(s.call().choices().size() == 1);
    CHECK(s.call().choices()[0].reply == 1);
    CHECK(s.call().choices()[0].offered == std::vector<bool>{false, true});
    // The learning record of that answer lists only the reply the player could choose.
    xapi::CallRecord record;
    record.learner = {"https://training.example.com", "kit@example.com", "Kit"};
    record.level_name = "r.toml";
    std::vector<nlohmann::ordered_json> st = xapi::call_statements(s, record);
    REQUIRE(st.size() >= 2);
    const nlohmann::ordered_json& choices = st[1]["object"]["definition"]["choices"];
    REQUIRE(choices.size() == 1);
    CHECK(choices[0]["id"] == "B");

    // Paddling hard for the closed channel: the boom stops the raft going through it, and the
    // reply it carries is never given.
    Simulation pushy(closed, cwtest::catalogue(), 3);
    for (int i = 0; i < 120 * 60 && pushy.call().choices().empty() && !pushy.state().finished; ++i)
        pushy.step({paddle_toward(pushy, steering_target(pushy, 0)), false});
    for (const ChoiceRecord& c : pushy.call().choices()) CHECK(c.reply != 0);

    // With the flag set at the start, the channel is open and the bot may take it.
    text.replace(text.find("vars = { found = false"), 22, "vars = { found = true");
    Level open = cwtest::level_from(text);
    std::unique_ptr<Simulation> sim2;
    CHECK(steer_to(sim2, open, 0).call().choices()[0].reply == 0);
}

TEST_CASE("dialogue: a question with every reply conditional is refused") {
    std::string text = kReactive;
    text.replace(text.find("text = \"Tell me about step six.\""), 32, "text = \"Tell me about step six.\"\nif = \"found\"");
    text.replace(text.find("text = \"Try again.\""), 19, "text = \"Try again.\"\nif = \"tries > 0\"");
    LevelLoad load = load_level_text(text, "r.toml", cwtest::catalogue());
    REQUIRE_FALSE(load.ok());
    CHECK(format_problems(load.problems).find("at least one channel must always be open") != std::string::npos);
}
