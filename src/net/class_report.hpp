// The session's report, in three forms a trainer can take away: CSV for a spreadsheet, one
// HTML page with its charts drawn inline (it opens in any browser, offline), and xAPI
// statements a learning management system can import. Every name is escaped for its format.
#pragma once
#include <string>
#include <vector>

#include "class_session.hpp"

namespace cw::net {

std::string class_csv(const ClassSession& session);
std::string class_html(const ClassSession& session, const std::string& when);
std::string class_xapi(const ClassSession& session, const std::string& when);

// Writes DIR/class-CODE.csv, .html and .xapi.json (atomically); returns the paths written.
std::vector<std::string> write_class_reports(const ClassSession& session, const std::string& dir,
                                             const std::string& when, std::string& error);

std::string csv_field(const std::string& s);   // quoted when needed; no formula injection
std::string html_escape(const std::string& s);
std::string utc_now_iso();                      // for report stamps only, never for rules

}  // namespace cw::net
