// Where learning records go: a record store's (LRS's) address, its key and secret, and the
// organisation's home page that names learners' accounts. Three places can say, each winning
// over the one before:
//   1. /etc/calmwaters/settings.toml, table [learning_records]: set by IT for every user
//      (store/settings_file.hpp: CALMWATERS_SYSTEM_SETTINGS names another file, for tests);
//   2. the user's own learning-records.toml in the data folder, written by Settings, readable
//      by its owner only (it holds the secret);
//   3. CALMWATERS_LRS_ENDPOINT, CALMWATERS_LRS_KEY, CALMWATERS_LRS_SECRET (and
//      CALMWATERS_LRS_HOME_PAGE, CALMWATERS_LRS_CA_FILE), for headless use.
// The secret is never written anywhere else, never logged and never shown.
#pragma once
#include <string>
#include <vector>

namespace cw::xapi {

struct LrsConfig {
    std::string endpoint;   // e.g. "https://lrs.example.com/xAPI/"; records go to <endpoint>statements
    std::string key, secret;
    std::string home_page;  // learners' accounts are on it; empty: the endpoint's own site
    std::string ca_file;    // certificates to trust besides the system's store ("" for none)
    bool configured() const { return !endpoint.empty(); }
    std::string statements_url() const;  // the endpoint with "statements" added
    std::string learner_home() const;    // home_page, or the endpoint's scheme and host
};

struct LrsConfigLoad {
    LrsConfig config;
    std::vector<std::string> problems;  // "file:line:column: problem" for a file that did not read
};

constexpr const char* kUserLrsFile = "learning-records.toml";

LrsConfigLoad load_lrs_config(const std::string& data_dir);
// The user's own file alone (what Settings edits), and IT's file alone (what it falls back to).
LrsConfigLoad load_user_lrs_config(const std::string& data_dir);
LrsConfigLoad load_system_lrs_config();
// The CALMWATERS_LRS_* variables that are set (their names only), which win over both files.
std::vector<std::string> lrs_variables_set();
// Writes the user's own file (mode 0600, replaced atomically). An empty endpoint removes it.
bool save_lrs_config(const std::string& data_dir, const LrsConfig& config, std::string& error);

// What is wrong with an endpoint ("" when nothing): an http or https address with a host,
// no name or password inside it, and plain http only to this computer.
std::string endpoint_problem(const std::string& endpoint);

}  // namespace cw::xapi
