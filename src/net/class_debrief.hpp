// What a class did on one call, gathered from the host's re-simulations: the spread of
// replies at each question, how each reply went, technique by technique, and the level's
// discussion prompts. The trainer's screen, the HTML page and the CSV all read this.
#pragma once
#include <string>
#include <vector>

#include "class_session.hpp"

namespace cw::net {

struct ReplyTally {
    std::string letter, text;
    std::vector<std::string> techniques;
    int chosen = 0;
    double mean_intensity_change = 0;  // over the trainees who chose it
    int quality = 0;                   // calm (+1), mixed (0) or a mistake (-1), from the reply's grade
    Grade grade = Grade::good;
};

struct QuestionTally {
    int node = -1;
    std::string id, say, discuss;
    std::vector<ReplyTally> replies;
    int answered = 0;
};

struct TechniqueTally {
    std::string id, name;
    int uses = 0;
    double mean_intensity_change = 0;
};

struct TraineeResult {
    std::string name, shown_name;
    bool connected = false;
    bool played = false;
    Verdict verdict = Verdict::playing;
    std::string outcome = "none";
    int score = 0;
    double composure_min = 0, seconds = 0, progress = 0;
    int jolts = 0;
    std::vector<std::string> replies;  // "node:letter" in order
    std::vector<std::string> techniques;
};

struct CallDebrief {
    int call = 0;
    std::string level_name, title;
    std::vector<QuestionTally> questions;      // in the level's order
    std::vector<TechniqueTally> techniques;    // most used first
    std::vector<TraineeResult> trainees;       // in join order
    int finished = 0, resolved = 0;
    double mean_score = 0;
};

CallDebrief class_debrief(const ClassSession& session, int call);

}  // namespace cw::net
