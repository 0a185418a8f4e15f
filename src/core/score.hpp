// Scoring rewards conduct more than the outcome: the articles are clear that not every caller
// can be won, so a calm agent whose caller hangs up anyway still scores well. A reply's worth is
// the author's grade for it (see Grade in level.hpp), never a count of its tags.
#pragma once
#include <optional>
#include <vector>

#include "call.hpp"

namespace cw {

struct Score {
    double conduct = 0;     // 0..50: the replies given, by their grades
    double composure = 0;   // 0..25: the player's mean composure over the call
    double steadiness = 0;  // 0..10: jolts avoided
    double outcome = 0;     // 0..15: how the call ended, by the level's judgement where it gives one
    int total = 0;          // 0..100
};

// The bands a player's progress is read in: a call went well from kScoreWentWell up (and
// afloat), badly under kScoreWentBadly (or capsized).
constexpr int kScoreWentWell = 70;
constexpr int kScoreWentBadly = 50;

// Which rules a kept score was counted under, so scores from before a change are never
// silently compared with scores from after it. Add a version (and raise kScoringVersion)
// whenever the rules below change what a call scores.
constexpr int kScoringByTags = 1;    // a reply was worth what its technique tags added up to
constexpr int kScoringByGrades = 2;  // a reply is worth its authored grade (best, good, slip, trap)
constexpr int kScoringVersion = kScoringByGrades;  // this build's
// A score counted under rules older than this build's: shown marked, never mixed in unmarked.
constexpr bool is_old_scoring(int scoring) { return scoring < kScoringVersion; }

// A reply's share of the conduct points (0..1): best 1, good 0.75, slip 0.35, trap 0; a steady
// breath before it adds a quarter, up to 1.
double reply_points(Grade grade, bool breathed);
// An ending's points (0..15): its grade when the level gives one, else the outcome's default.
double ending_points(Outcome outcome, std::optional<Grade> ending_grade);

Score compute_score(const Level& level, const std::vector<ChoiceRecord>& choices, double mean_composure, int jolts,
                    Outcome outcome, std::optional<Grade> ending_grade);

}  // namespace cw
