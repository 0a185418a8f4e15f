// The dock's words, read from assets/dock.toml and checked like every other content file:
// what each activity asks of the player and how many seconds of the wrap it takes, the
// teammate's story and the two ways to answer it, the team leader's question and the three
// ways to answer that, the closing question's answers, and the touchstone quotes. The screens keep their own labels
// (buttons, counters, "Squeeze" / "Let go"); what the dock *says* lives in the file.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/dock.hpp"
#include "problems.hpp"

namespace cw {

struct DockText {
    std::string intro;    // under the dock's title
    std::string no_time;  // why an activity that does not fit in the wrap time left cannot start

    // The seconds of the wrap each activity takes; by DockActivity.
    std::vector<int> seconds;

    // One line per activity, telling the player what to do; by DockActivity.
    std::vector<std::string> instructions;
    const std::string& instructions_for(DockActivity a) const { return instructions[static_cast<size_t>(a)]; }

    // Talk to the team: what the teammate says, then the two answers and what follows each.
    // Moving on is answer 0 and going over it again answer 1, as DockActivityState counts them.
    std::string team_story;
    std::string team_move_on, team_move_on_then;
    std::string team_dwell, team_dwell_then;

    // Did I do my best: the two honest answers (0 and 1), and what follows either.
    std::string best_yes, best_mostly, best_then;

    // Shake it off: what is said once the slate is clean.
    std::string shake_then;

    // Tell your manager: what the team leader asks, the three reports in the order
    // DockActivityState counts them (all of it, the facts only, nothing), the team leader's
    // answer to each, and what to take from it whatever was said.
    std::string manager_story;
    std::string report_all, report_all_then;
    std::string report_facts, report_facts_then;
    std::string report_nothing, report_nothing_then;
    std::string manager_takeaway;

    // The touchstone: quotes in our own words; the player picks one in Settings (by number,
    // counted round) or writes their own.
    std::vector<std::string> touchstone_quotes;
    const std::string& touchstone_quote(int pick) const;
};

struct DockTextLoad {
    std::optional<DockText> text;
    std::vector<Problem> problems;  // file:line:column: what is wrong, for every problem found
    bool ok() const { return text.has_value(); }
};

DockTextLoad load_dock_text(const std::string& text, const std::string& file);
DockTextLoad load_dock_text_file(const std::string& path);
// assets/dock.toml, where the game finds its data (see data_paths.hpp).
DockTextLoad load_shipped_dock_text();

}  // namespace cw
