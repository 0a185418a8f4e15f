// calmwaters xapi status [--json] | xapi send: the learning records waiting in this computer's
// profiles for the company's record store, and sending them now.
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "content/command_line.hpp"
#include "content/data_paths.hpp"
#include "store/record_outbox.hpp"
#include "xapi/record_sender.hpp"

namespace cw {

namespace {

int usage() {
    std::cerr << "usage: calmwaters xapi status [--json]\n"
                 "       calmwaters xapi send\n";
    return 2;
}

}  // namespace

int xapi_command(const Args& args) {
    if (args.empty() || (args[0] != "status" && args[0] != "send")) return usage();
    xapi::LrsConfigLoad lrs = xapi::load_lrs_config(default_data_dir());
    for (const std::string& p : lrs.problems) std::cerr << p << '\n';
    ProfileDb db(default_data_dir() + "/profiles.sqlite");
    if (!db.warning().empty()) std::cerr << "calmwaters: " << db.warning() << '\n';
    if (!db.ok()) {
        std::cerr << "calmwaters xapi: the profiles could not be opened: " << db.error() << '\n';
        return 1;
    }
    RecordOutbox outbox(db);

    if (args[0] == "status") {
        RecordCounts c = outbox.counts();
        if (has_flag(args, "--json")) {
            nlohmann::ordered_json out = {{"queued", c.queued}, {"sent", c.sent}, {"failed", c.failed},
                                          {"last_error", c.last_error}};
            out["endpoint"] = lrs.config.endpoint;  // the address only: never the key or secret
            std::cout << out.dump(2) << '\n';
        } else {
            std::cout << (lrs.config.configured() ? "Record store: " + lrs.config.endpoint
                                                  : std::string("No record store is set up (Settings, Learning records)."))
                      << '\n'
                      << c.queued << " waiting, " << c.sent << " sent, " << c.failed << " refused by the store\n";
            if (!c.last_error.empty()) std::cout << "Last problem: " << c.last_error << '\n';
        }
        return 0;
    }

    if (!lrs.config.configured()) {
        std::cerr << "calmwaters xapi send: no record store is set up: set it in Settings (Learning records) or with "
                     "CALMWATERS_LRS_ENDPOINT, CALMWATERS_LRS_KEY and CALMWATERS_LRS_SECRET\n";
        return 1;
    }
    if (std::string why = xapi::endpoint_problem(lrs.config.endpoint); !why.empty()) {
        std::cerr << "calmwaters xapi send: " << why << '\n';
        return 1;
    }
    xapi::SendOutcome sent = xapi::send_waiting(outbox, lrs.config);
    RecordCounts after = outbox.counts();
    std::cerr << "calmwaters xapi send: " << sent.sent << " sent, " << after.queued << " still waiting";
    if (sent.refused) std::cerr << ", " << sent.refused << " refused by the store";
    std::cerr << '\n';
    if (!sent.problem.empty()) std::cerr << "calmwaters xapi send: " << sent.problem << '\n';
    return after.queued == 0 && sent.refused == 0 ? 0 : 1;
}

}  // namespace cw
