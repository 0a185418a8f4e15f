// Scoring rewards conduct more than the outcome: the articles are clear that not every caller
// can be won, so a calm agent whose caller hangs up anyway still scores well.
#pragma once
#include <vector>

#include "call.hpp"
#include "catalogue.hpp"

namespace cw {

struct Score {
    double conduct = 0;     // 0..50: the replies given, technique by technique
    double composure = 0;   // 0..25: the player's mean composure over the call
    double steadiness = 0;  // 0..10: jolts avoided
    double outcome = 0;     // 0..15: how the call ended
    int total = 0;          // 0..100
};

// The bands a player's progress is read in: a call went well from kScoreWentWell up (and
// afloat), badly under kScoreWentBadly (or capsized).
constexpr int kScoreWentWell = 70;
constexpr int kScoreWentBadly = 50;

Score compute_score(const Level& level, const Catalogue& catalogue, const std::vector<ChoiceRecord>& choices,
                    double mean_composure, int jolts, Outcome outcome);

}  // namespace cw
