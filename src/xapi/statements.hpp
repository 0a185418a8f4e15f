// A call as xAPI 1.0.3 statements, with cmi5's meanings: `initialized` as the call begins, one
// `answered` per reply given (a `choice` interaction: the replies offered, the one given, its
// authored grade and techniques), then `completed` and `passed` or `failed` against the level's
// mastery score when the call reached an end, and `terminated` as it closes. One registration
// ties the statements of one practice attempt, or of one class session, together.
//
// Pure data: no network and no database here (see record_outbox and lrs_client for those).
#pragma once
#include <ctime>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/sim.hpp"

namespace cw::xapi {

// Who the statements are about. xAPI identifies a learner by an account on the organisation's
// home page; `display_name` is left out when empty (anonymous classes).
struct Learner {
    std::string home_page;     // an address, e.g. "https://training.example.com"
    std::string account;       // a stable id: an email or employee number, or the profile's name
    std::string display_name;
};

struct CallRecord {
    Learner learner;
    std::string registration;  // a UUID
    std::string level_name;    // the level's file name, for the call's activity id
    std::time_t ended_at = 0;  // wall-clock time the call ended (records only; never a game rule)
    // A class session: its code, the call's place in it (from 1) and the host's check of the run.
    std::string session_code;
    int call_number = 0;
    std::string result_check;
};

// Every statement, in order, each with its own new id.
std::vector<nlohmann::ordered_json> call_statements(const Simulation& sim, const CallRecord& record);

// "urn:calmwaters:level:<name>", with anything outside letters, digits and "-._~" escaped.
std::string level_activity_id(const std::string& level_name);

// ISO 8601 in UTC with milliseconds, as xAPI timestamps are written.
std::string iso_time(std::time_t at, double plus_seconds = 0);

namespace verb {
constexpr const char* kInitialized = "http://adlnet.gov/expapi/verbs/initialized";
constexpr const char* kAnswered = "http://adlnet.gov/expapi/verbs/answered";
constexpr const char* kCompleted = "http://adlnet.gov/expapi/verbs/completed";
constexpr const char* kPassed = "http://adlnet.gov/expapi/verbs/passed";
constexpr const char* kFailed = "http://adlnet.gov/expapi/verbs/failed";
constexpr const char* kTerminated = "http://adlnet.gov/expapi/verbs/terminated";
}  // namespace verb

}  // namespace cw::xapi
