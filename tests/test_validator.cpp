// The validator that the editor, `calmwaters check` and the game share: broken files, each
// with the message a trainer sees and the line it points at.
#include "fixtures.hpp"

using namespace cw;

namespace {

std::string replace(std::string s, const std::string& from, const std::string& to) {
    size_t at = s.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return s.replace(at, from.size(), to);
}

struct Broken {
    const char* what;
    std::string text;
    int line;
    const char* message;  // the start of the first problem's message
};

// Line numbers in forked_river(3): 15 is the fork's channels, 22 the question's `fork`, then its
// three replies from 23, then the endings from 35.
const std::string kThree = cwtest::forked_river(3);

}  // namespace

TEST_CASE("validator: broken files give the expected message on the expected line") {
    const std::vector<Broken> cases = {
        {"channel with no reply", replace(kThree, "channels = 3", "channels = 4"), 22,
         "question `q` has 3 replies but fork \"f\" has 4 channels: channel D would have no reply"},
        {"reply with no channel", replace(kThree, "channels = 3", "channels = 2"), 32,
         "reply C of question `q` has no channel: fork \"f\" has only 2"},
        {"reply with no words", replace(kThree, "text = \"Reply 1\"", "text = \"  \""), 28,
         "this reply of question `q` has no words yet"},
        {"line with no words", replace(kThree, "say = \"Ok 0\"", "say = \"\""), 36, "node `end0` has nothing in `say`"},
        {"unreachable node", kThree + "[[call.node]]\nid = \"lost\"\nsay = \"Hello?\"\nend = \"hung_up\"\n", 48,
         "node `lost` can never be reached from the start"},
        {"dead end: no way on", replace(kThree, "say = \"Ok 0\"\nend = \"resolved\"\n", "say = \"Ok 0\"\n"), 36,
         "node `end0` needs exactly one of `next` (a line), `fork` (a question) or `end` (an ending)"},
        {"dead end: a link to nowhere", replace(kThree, "next = \"end1\"", "next = \"end9\""), 30,
         "unknown node \"end9\" in the reply's next"},
        {"dead end: a loop", replace(replace(kThree, "say = \"Ok 2\"\nend = \"resolved\"", "say = \"Ok 2\"\nnext = \"end1\""),
                                     "say = \"Ok 1\"\nend = \"resolved\"", "say = \"Ok 1\"\nnext = \"end2\""),
         40, "the call loops back to node `end1` without passing a fork"},
        {"unknown technique", replace(kThree, "techniques = [\"listen\"]\nnext = \"end2\"",
                                      "techniques = [\"listne\"]\nnext = \"end2\""),
         33, "unknown technique \"listne\"; did you mean \"listen\"?"},
        {"number out of range", replace(kThree, "intensity = 30", "intensity = 300"), 7,
         "`intensity` is 300, out of range"},
        {"too many channels", replace(kThree, "channels = 3", "channels = 5"), 15, "`channels` is 5, out of range"},
        {"channels too narrow", replace(kThree, "island = 3", "island = 14"), 13,
         "fork \"f\" leaves channels only"},
        {"river doubles back", replace(kThree, "[0, 150, 34], [0, 180, 20]", "[0, 150, 34], [0, 120, 20]"), 10,
         "the river doubles back here"},
        {"rock on an island", replace(kThree, "[call]\n", "[[river.rock]]\nat = [5.5, 110]\nradius = 1\n[call]\n"), 18,
         "this rock touches an island of fork \"f\""},
        {"editor position is not a point", replace(kThree, "fork = \"f\"\n", "fork = \"f\"\neditor_pos = [1]\n"), 23,
         "`editor_pos`"},
    };
    for (const Broken& c : cases) {
        std::string what = c.what;
        CAPTURE(what);
        LevelLoad load = load_level_text(c.text, "broken.toml", cwtest::catalogue());
        REQUIRE_FALSE(load.ok());
        REQUIRE_FALSE(load.problems.empty());
        const Problem& p = load.problems.front();
        CAPTURE(format_problem(p));
        CHECK(p.line == c.line);
        CHECK(p.message.rfind(c.message, 0) == 0);
        CHECK(format_problem(p).rfind("broken.toml:" + std::to_string(c.line) + ":", 0) == 0);
    }
}

TEST_CASE("validator: the editor's graph positions are accepted") {
    std::string text = replace(kThree, "fork = \"f\"\n", "fork = \"f\"\neditor_pos = [280, -120.5]\n");
    LevelLoad load = load_level_text(text, "ok.toml", cwtest::catalogue());
    CHECK_MESSAGE(load.ok(), format_problems(load.problems));
}
