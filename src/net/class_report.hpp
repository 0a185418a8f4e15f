// The session's report, in three forms a trainer can take away: CSV for a spreadsheet, one
// HTML page with its charts drawn inline (it opens in any browser, offline), and xAPI
// statements a learning management system can import. Every name is escaped for its format.
#pragma once
#include <ctime>
#include <string>
#include <vector>

#include "class_session.hpp"

namespace cw::net {

std::string class_csv(const ClassSession& session);
std::string class_html(const ClassSession& session, const std::string& when);
// Every call's statements, as the host sends them to a record store (class_records.hpp): the
// file is for a store the game cannot reach, imported by hand. Learners' accounts are on
// `home_page`; `registration` ties the session together.
std::string class_xapi(const ClassSession& session, const std::string& home_page, const std::string& registration,
                       std::time_t ended_at);

// Where a session's learning records are filed, the same in the report and the store.
struct ClassRecordIds {
    std::string home_page;     // class_learner_home()
    std::string registration;  // one per session
};

// Writes DIR/class-CODE.csv, .html and .xapi.json (atomically); returns the paths written.
std::vector<std::string> write_class_reports(const ClassSession& session, const std::string& dir,
                                             const std::string& when, const ClassRecordIds& ids, std::string& error);

std::string csv_field(const std::string& s);   // quoted when needed; no formula injection
std::string html_escape(const std::string& s);
std::string utc_now_iso();                      // for report stamps only, never for rules

}  // namespace cw::net
