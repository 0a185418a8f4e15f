// What a profile's attempts say about the player: technique mastery over time, best scores,
// streaks, the calls that went badly. Pure functions over ProfileDb's attempts, shared by the
// progress screen and `calmwaters progress`; no SDL, no ImGui, no database.
#pragma once
#include <array>
#include <functional>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "core/level.hpp"
#include "store/profile_db.hpp"

namespace cw {

struct ChoiceView {
    std::string node, reply, text;  // reply: "A", "B", ...
    std::vector<std::string> techniques;
    std::string grade;              // "best", "good", "slip", "trap"; empty in attempts kept before grades
    bool calm = true;               // graded best or good (before grades: no anti-pattern among its techniques)
};

// An attempt with its JSON read (badly formed JSON reads as empty lists, never a throw).
struct AttemptView {
    const Attempt* attempt = nullptr;
    std::vector<ChoiceView> choices;
    std::vector<std::array<double, 3>> timeline;  // seconds, intensity, composure
    std::string day;                              // YYYY-MM-DD (UTC), from `when`
    bool good = false, bad = false;               // see went_well() and went_badly()
    bool old_scoring = false;                     // see counted_under_old_scoring()
};

// The definitions the screen states in words.
// A call went well: a score of kScoreWentWell (70) or more and the raft never capsized.
bool went_well(const Attempt& a);
// A call went badly: a score under kScoreWentBadly (50), or composure ran out (capsized).
bool went_badly(const Attempt& a);
// Its score was counted under rules older than this build's (kScoringVersion), so it is shown
// marked and never compared with today's scores unmarked.
bool counted_under_old_scoring(const Attempt& a);
// What "old scoring" means, for the screen's tooltip and the command line's footnote.
extern const char* const kOldScoringExplained;

// One technique over time: each point is one attempt in which it was on offer (some reply at
// a fork the player reached showed it; a breath before answering is always on offer), valued
// at the share of those forks where the player used it (for a mistake: avoided it).
struct TechniqueMastery {
    std::string id, name;
    bool mistake = false;
    std::vector<int> attempt;     // index into ProgressSummary::attempts
    std::vector<double> share;    // 0..1, one per point
    int used = 0, offered = 0;    // totals (for a mistake, `used` counts the times avoided)
    double recent = 0;            // share over the last five points
};

struct LevelSummary {
    std::string level, title;
    int attempts = 0;
    int best = -1;                // under the current scoring (-1: no attempt counted that way yet)
    int best_old_scoring = -1;    // under older scoring (-1: none), kept apart from `best`
    int first = -1, latest = -1;  // indices into ProgressSummary::attempts
};

struct Streaks {
    int days_now = 0, days_best = 0;    // consecutive days with at least one call (now: up to today or yesterday)
    int good_now = 0, good_best = 0;    // consecutive calls that went well (now: ending with the latest)
};

struct ProgressSummary {
    std::vector<AttemptView> attempts;           // oldest first, as kept
    std::vector<double> calm_share;              // per attempt: share of its replies without a mistake (-1: no replies)
    std::vector<TechniqueMastery> techniques;    // those ever on offer, calm techniques first
    std::vector<LevelSummary> levels;            // in the order first played
    std::vector<int> try_again;                  // into `levels`: latest attempt went badly
    Streaks streaks;
    int unreadable_levels = 0;                   // attempts whose level file could not be read (no mastery points)
};

// Finds the level an attempt was played on (null when it cannot be loaded).
using LevelLookup = std::function<const Level*(const std::string& path)>;

// `today`: YYYY-MM-DD, for the current day streak.
ProgressSummary summarise_progress(const std::vector<Attempt>& attempts, const Catalogue& catalogue,
                                   const LevelLookup& levels, const std::string& today);

// Today's date in UTC as YYYY-MM-DD.
std::string utc_today();

// Days between two YYYY-MM-DD dates (b - a); 0 when either is not a date.
int days_between(const std::string& a, const std::string& b);

}  // namespace cw
