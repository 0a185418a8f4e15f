// The headless commands: no window, no SDL. Each takes its arguments (after the command name)
// and returns the process exit code.
#pragma once
#include <string>
#include <vector>

#include "core/build_id.hpp"

namespace cw {

using Args = std::vector<std::string>;

int run_command(const Args& args);         // calmwaters run LEVEL --bot B [--seed N]
int check_command(const Args& args);       // calmwaters check PATH...
int techniques_command(const Args& args);  // calmwaters techniques [--json]
int replay_verify_command(const Args& args);  // calmwaters replay FILE --verify [--level L]
int progress_command(const Args& args);       // calmwaters progress [--profile NAME] [--json]
int solve_command(const Args& args);          // calmwaters solve LEVEL [--json]
int upgrade_command(const Args& args);        // calmwaters upgrade FILE
int host_command(const Args& args);           // calmwaters host LEVEL... [--port P] [--code C] [--headless --expect N] [--report DIR]
int join_command(const Args& args);           // calmwaters join ADDRESS:PORT --code C --name NAME [--headless --bot B --seed S]
int xapi_command(const Args& args);           // calmwaters xapi status [--json] | xapi send
int layout_command(const Args& args);         // calmwaters layout LEVEL [--write]
int new_command(const Args& args);            // calmwaters new FILE

}  // namespace cw
