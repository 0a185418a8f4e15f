#include <set>

#include "fixtures.hpp"

using namespace cw;

TEST_CASE("catalogue: every technique the design names exists, with text and sources") {
    const Catalogue& cat = cwtest::catalogue();
    const char* in_call[] = {"breathe", "not_personal", "level_tone", "listen", "reflect_back", "ask_questions",
                             "apologize", "empathize", "offer_choices", "dont_try_to_win", "collaborate", "follow_up",
                             "escalate", "clarify_firmly", "set_boundary", "smile", "verify_identity"};
    const char* anti[] = {"match_tone", "argue", "take_personally", "over_promise", "interrupt", "fake_disconnect",
                          "dwell", "give_in"};
    const char* recovery[] = {"did_my_best", "touchstone", "walk_it_off", "water_and_breaths", "notepad",
                              "talk_to_team", "brain_break", "stress_ball", "shake_it_off", "tell_manager"};
    auto expect = [&](const char* id, TechniqueKind kind) {
        CAPTURE(id);
        const Technique* t = cat.find(id);
        REQUIRE(t);
        CHECK(t->kind == kind);
        CHECK(!t->name.empty());
        CHECK(!t->summary.empty());
        CHECK(!t->coaching.empty());
        // From the articles, or (verify_identity) from a practice the catalogue names.
        CHECK((!t->sources.empty() || !t->basis.empty()));
        for (const auto& s : t->sources) CHECK(cat.source(s));
    };
    for (auto id : in_call) expect(id, TechniqueKind::in_call);
    for (auto id : anti) expect(id, TechniqueKind::anti_pattern);
    for (auto id : recovery) expect(id, TechniqueKind::recovery);
    CHECK(cat.techniques.size() == 35);
    CHECK(cat.find("verify_identity")->sources.empty());
    CHECK(cat.find("verify_identity")->basis.find("ata-protection") != std::string::npos);
}

TEST_CASE("catalogue: calm techniques lower intensity and mistakes raise it") {
    for (const Technique& t : cwtest::catalogue().techniques) {
        CAPTURE(t.id);
        if (t.kind == TechniqueKind::in_call) CHECK(t.effects.intensity < 0);
        if (t.kind == TechniqueKind::anti_pattern) CHECK(t.effects.intensity > 0);
    }
}

TEST_CASE("catalogue: a broken catalogue is reported, located") {
    CatalogueLoad load = load_catalogue_text("format = 1\n[source.a]\ncite = \"A\"\n[[technique]]\nid = \"x\"\n"
                                             "kind = \"sideways\"\n",
                                             "cat.toml");
    REQUIRE_FALSE(load.ok());
    std::string all = format_problems(load.problems);
    CHECK(all.find("cat.toml:6:8: kind must be in_call, anti_pattern or recovery") != std::string::npos);
}
