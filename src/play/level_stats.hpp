// The numbers a quality team reads off a call before it ships (`calmwaters check --stats`):
// does the best reply give itself away by its length or its place, do the wrong replies tempt,
// and do the calm and worst bots score where the author's judgement says they should.
#pragma once
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "core/level.hpp"

namespace cw {

struct QuestionStats {
    std::string node;
    int replies = 0;
    int best_channel = -1;         // where the best reply stands in the written order (0 = A)
    bool best_is_longest = false;  // the best reply has the most characters
    bool tempting_wrong = false;   // a slip or a trap built from at least one good technique
};

// One thing the caller says, in one of its wordings: the words a check for reused speech reads.
struct CallerLine {
    std::string node, say;
};

struct LevelStats {
    std::string path, title;
    std::vector<QuestionStats> questions;
    std::vector<CallerLine> speech;  // every wording of every line
    int calm_min = 100, calm_max = 0;    // calm bot's score over the seeds tried
    int worst_min = 100, worst_max = 0;  // worst bot's
    int seeds = 0;
};

// `seeds`: how many seeds each bot plays (the level's own, then 1, 2, ...).
LevelStats level_stats(const Level& level, const Catalogue& catalogue, int seeds);

// A run of words that two calls' callers both say (the checklist: no line of caller speech is
// reused across calls). Words are compared in lower case, punctuation aside.
struct SharedSpeech {
    std::string path_a, node_a, path_b, node_b;
    std::string words;  // the first run they share
};
std::vector<SharedSpeech> shared_caller_speech(const std::vector<LevelStats>& levels, int run_words);

// The limits the shipped calls are held to (see the README and the content checklist).
constexpr double kMaxShareBestLongest = 0.40;
constexpr double kMaxShareBestInOneChannel = 0.40;
constexpr double kMinShareTemptingWrong = 0.60;
constexpr int kCalmBotAtLeast = 85;
constexpr int kWorstBotAtMost = 50;
constexpr int kSharedSpeechWords = 7;  // a run this long in two calls' caller speech is reuse

}  // namespace cw
