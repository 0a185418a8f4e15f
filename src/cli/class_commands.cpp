// calmwaters host / join, headless: a class session with no screen, for CI, benchmarks and
// trainers who want one from a terminal. The game's screens drive the same session objects.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "content/command_line.hpp"
#include "commands.hpp"
#include "core/bot.hpp"
#include "net/class_calls.hpp"
#include "net/class_debrief.hpp"
#include "net/class_records.hpp"
#include "net/class_report.hpp"
#include "net/net_client.hpp"
#include "net/net_host.hpp"
#include "net/rejoin_token.hpp"
#include "store/profile_db.hpp"
#include "store/progress.hpp"
#include "store/record_outbox.hpp"
#include "xapi/record_sender.hpp"
#include "xapi/uuid.hpp"
#include "content/data_paths.hpp"

namespace cw {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// A whole number flag within [lo, hi], or the default; false (after a message) when malformed.
bool number_flag(const Args& args, const std::string& flag, long lo, long hi, long& value, const char* cmd) {
    auto v = flag_value(args, flag);
    if (!v) return true;
    try {
        size_t used = 0;
        long n = std::stol(*v, &used);
        if (used == v->size() && n >= lo && n <= hi) {
            value = n;
            return true;
        }
    } catch (const std::exception&) {
    }
    std::cerr << "calmwaters " << cmd << ": " << flag << " wants a whole number from " << lo << " to " << hi << ", got \""
              << *v << "\"\n";
    return false;
}

// The positional arguments: everything before the first flag, skipping flag values.
std::vector<std::string> positionals(const Args& args, const std::vector<std::string>& flags_with_values) {
    std::vector<std::string> out;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) == 0) {
            for (const auto& f : flags_with_values)
                if (a == f) ++i;
            continue;
        }
        out.push_back(a);
    }
    return out;
}

std::string random_code() {
    std::random_device rd;  // a session code is not a game rule: any randomness will do
    return net::generate_code((static_cast<uint64_t>(rd()) << 32) ^ rd());
}

nlohmann::ordered_json call_summary(const net::CallDebrief& d) {
    nlohmann::ordered_json c;
    c["level"] = d.level_name;
    c["title"] = d.title;
    c["finished"] = d.finished;
    c["resolved"] = d.resolved;
    c["mean_score"] = std::round(d.mean_score * 10) / 10;
    c["trainees"] = nlohmann::ordered_json::array();
    for (const net::TraineeResult& t : d.trainees) {
        if (!t.played) continue;
        c["trainees"].push_back({{"name", t.name},
                                 {"shown_as", t.shown_name},
                                 {"outcome", t.outcome},
                                 {"score", t.score},
                                 {"replies", t.replies},
                                 {"result_check", net::verdict_id(t.verdict)}});
    }
    c["questions"] = nlohmann::ordered_json::array();
    for (const net::QuestionTally& q : d.questions) {
        nlohmann::ordered_json spread = nlohmann::ordered_json::object();
        for (const net::ReplyTally& r : q.replies) spread[r.letter] = r.chosen;
        c["questions"].push_back({{"node", q.id}, {"spread", spread}});
    }
    return c;
}

// The call just ended, for the company's records: queued in the trainer's own profile database
// (so nothing is lost if the store is down: `calmwaters xapi send` sends it later), then sent.
void send_class_records(const net::ClassSession& session, const xapi::LrsConfig& config, const std::string& registration) {
    std::vector<QueuedRecord> records =
        net::class_call_records(session, session.call_index(), config, registration, std::time(nullptr));
    if (records.empty()) return;
    ProfileDb db(default_data_dir() + "/profiles.sqlite");
    RecordOutbox outbox(db);
    std::string error;
    if (!db.ok() || !outbox.queue(records, error)) {
        std::cerr << "calmwaters host: the class's learning records could not be kept: " << (db.ok() ? error : db.error())
                  << '\n';
        return;
    }
    xapi::SendOutcome sent = xapi::send_waiting(outbox, config);
    if (sent.problem.empty())
        std::cerr << "Sent " << sent.sent << " learning records to the record store.\n";
    else
        std::cerr << "calmwaters host: the learning records are kept to send later: " << sent.problem << '\n';
}

}  // namespace

int host_command(const Args& args) {
    const char* usage =
        "usage: calmwaters host LEVEL... [--port P] [--code C] [--anonymous] [--bind ADDRESS]\n"
        "                       --headless --expect N [--report DIR] [--timeout SECONDS]\n";
    std::vector<std::string> paths =
        positionals(args, {"--port", "--code", "--expect", "--report", "--bind", "--timeout", "--join-timeout"});
    if (paths.empty()) {
        std::cerr << usage;
        return 2;
    }
    if (!has_flag(args, "--headless")) {
        std::cerr << "calmwaters host: without --headless, host from the game: calmwaters, then \"Host a class\"\n" << usage;
        return 2;
    }
    long port = net::kDefaultPort, expect = 1, timeout = 900, join_timeout = 600;
    if (!number_flag(args, "--port", 0, 65535, port, "host") || !number_flag(args, "--expect", 1, static_cast<long>(net::kMaxClassSize), expect, "host") ||
        !number_flag(args, "--timeout", 1, 24 * 3600, timeout, "host") ||
        !number_flag(args, "--join-timeout", 1, 24 * 3600, join_timeout, "host"))
        return 2;
    std::string code = net::normalise_code(flag_value(args, "--code").value_or(random_code()));
    if (!net::valid_code(code)) {
        std::cerr << "calmwaters host: --code wants 4 to 8 letters and digits, got \"" << code << "\"\n";
        return 2;
    }
    auto catalogue = load_shipped_catalogue();
    if (!catalogue) return 1;
    std::string error;
    auto calls = net::load_class_calls(paths, *catalogue, error);
    if (!calls) {
        std::cerr << error;
        return 1;
    }
    net::SessionSettings settings;
    settings.code = code;
    settings.build = build_id();
    settings.anonymous = has_flag(args, "--anonymous");
    settings.seed = std::random_device{}();
    // Places for those expected and a few more (a trainee who comes on another computer under
    // a new name), so stray or hostile joins cannot grow the class without limit.
    settings.max_trainees = std::min(net::kMaxClassSize, static_cast<size_t>(expect + std::max(5L, expect / 5)));
    net::ClassSession session(std::move(*calls), *catalogue, settings);
    net::NetHost host(session);
    // With a record store set up, each call's checked results go to it as the call ends.
    xapi::LrsConfigLoad lrs = xapi::load_lrs_config(default_data_dir());
    for (const std::string& p : lrs.problems) std::cerr << p << '\n';
    const std::string registration = xapi::random_uuid();  // one per class session
    std::string bind = flag_value(args, "--bind").value_or("0.0.0.0");
    if (!host.listen(bind, static_cast<uint16_t>(port), error)) {
        std::cerr << "calmwaters host: " << error << '\n';
        return 1;
    }
    std::cerr << "Hosting a class on port " << host.port() << " with code " << code << "; waiting for " << expect
              << " trainee" << (expect == 1 ? "" : "s") << ".\n";
    size_t log_shown = 0;
    auto show_log = [&] {
        for (; log_shown < host.log().size(); ++log_shown) std::cerr << host.log()[log_shown] << '\n';
    };

    auto waiting = Clock::now();
    while (session.connected_count() < expect && seconds_since(waiting) < join_timeout) {
        host.service(20);
        show_log();
    }
    if (session.trainees().empty()) {
        std::cerr << "calmwaters host: nobody joined within " << join_timeout << " s\n";
        host.close(500);
        return 1;
    }
    nlohmann::ordered_json summary;
    summary["session"] = code;
    summary["port"] = host.port();
    summary["calls"] = nlohmann::ordered_json::array();
    for (;;) {
        session.start_call();
        auto started = Clock::now();
        while (!session.call_done() && seconds_since(started) < timeout) {
            // Take in a batch every 10 ms rather than wake for each of the class's packets:
            // forty trainees send hundreds a second, and nothing here needs them sooner.
            host.service(0);
            show_log();
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        host.service(0);  // deliver the last confirmations
        session.end_call();
        summary["calls"].push_back(call_summary(net::class_debrief(session, session.call_index())));
        send_class_records(session, lrs.config, registration);
        if (!session.next_call()) break;
        host.service(0);
    }
    host.service(0);
    host.close(2000);
    show_log();

    summary["trainees"] = session.trainees().size();
    if (auto dir = flag_value(args, "--report")) {
        auto written = net::write_class_reports(session, *dir, net::utc_now_iso(),
                                                {net::class_learner_home(session, lrs.config), registration}, error);
        summary["reports"] = written;
        if (written.size() < 3) {
            std::cerr << "calmwaters host: " << error << '\n';
            std::cout << summary.dump(2) << '\n';
            return 1;
        }
    }
    const net::HostTraffic& t = host.traffic();
    summary["traffic"] = {{"bytes_in", t.bytes_in},
                          {"bytes_out", t.bytes_out},
                          {"messages_in", t.messages_in},
                          {"refused", t.refused},
                          {"dropped_for_rate", t.dropped_for_rate},
                          {"peers_dropped", t.peers_dropped}};
    std::cout << summary.dump(2) << '\n';
    return 0;
}

int join_command(const Args& args) {
    const char* usage =
        "usage: calmwaters join ADDRESS:PORT --code C --name NAME --headless [--bot calm|random] [--seed S] [--speed N]\n"
        "                       [--pace X] [--reconnect-for SECONDS] [--learner ID]\n";
    std::vector<std::string> pos =
        positionals(args, {"--code", "--name", "--bot", "--seed", "--speed", "--pace", "--reconnect-for", "--learner"});
    auto code = flag_value(args, "--code");
    auto name = flag_value(args, "--name");
    if (pos.size() != 1 || !code || !name) {
        std::cerr << usage;
        return 2;
    }
    if (!has_flag(args, "--headless")) {
        std::cerr << "calmwaters join: without --headless, join from the game: calmwaters, then \"Join a class\"\n" << usage;
        return 2;
    }
    std::string bot_id = flag_value(args, "--bot").value_or("calm");
    auto policy = bot_policy_from_id(bot_id);
    if (!policy) {
        std::cerr << "calmwaters join: unknown bot \"" << bot_id << "\"; use calm, random or worst\n";
        return 2;
    }
    long seed = 1, speed = 1;
    long reconnect_for = 45;
    if (!number_flag(args, "--seed", 0, 2147483647, seed, "join") || !number_flag(args, "--speed", 1, 1000, speed, "join") ||
        !number_flag(args, "--reconnect-for", 0, 3600, reconnect_for, "join"))
        return 2;
    double pace = kNormalReadingPace;
    if (!pace_flag(args, "join", pace)) return 2;
    auto catalogue = load_shipped_catalogue();
    if (!catalogue) return 1;

    net::Hello hello;
    hello.build = build_id();
    hello.code = *code;
    hello.name = *name;
    const std::string token_file = net::rejoin_token_path(default_data_dir(), *code, *name);
    hello.rejoin_token = net::read_rejoin_token(token_file);
    hello.reading_pace = pace;  // the host re-simulates at this pace too
    hello.learner_id = flag_value(args, "--learner").value_or("");  // for the company's records, via the host
    if (!net::valid_learner_id(hello.learner_id)) {
        std::cerr << "calmwaters join: --learner is at most " << net::kMaxLearnerIdBytes
                  << " bytes of text with no control characters\n";
        return 2;
    }
    net::TraineeSession session(*catalogue, hello);
    net::ReconnectPolicy reconnect;
    reconnect.give_up_after_ms = static_cast<uint32_t>(reconnect_for * 1000);
    net::NetClient client(session, reconnect);
    std::string error;
    if (!client.connect(pos[0], error)) {
        std::cerr << "calmwaters join: " << error << '\n';
        return 1;
    }
    std::optional<SteeringBot> bot;
    int last_call = -1;
    auto clock = Clock::now();
    double owed_ticks = 0;
    for (;;) {
        client.service(1);
        if (session.welcome() && session.welcome()->rejoin_token != 0)
            net::write_rejoin_token(token_file, session.welcome()->rejoin_token);
        if (session.phase() == net::TraineePhase::refused) {
            std::cerr << "calmwaters join: the class refused us: " << session.problem() << '\n';
            return 3;
        }
        if (client.link() == net::LinkState::failed) {
            std::cerr << "calmwaters join: " << client.error() << '\n';
            return 4;
        }
        if (!session.problem().empty() && session.phase() == net::TraineePhase::joining) {
            std::cerr << "calmwaters join: " << session.problem() << '\n';
            return 1;
        }
        if (session.call() && static_cast<int>(session.call()->call) != last_call) {
            last_call = session.call()->call;
            bot.emplace(*policy, static_cast<uint64_t>(seed) + last_call);
            if (!session.problem().empty()) {
                std::cerr << "calmwaters join: " << session.problem();
                return 1;
            }
        }
        // Play in real time (or `speed` times faster): ticks owed since the last pass.
        double elapsed = seconds_since(clock);
        clock = Clock::now();
        if (session.can_step()) {
            owed_ticks = std::min(owed_ticks + elapsed * 60.0 * speed, 600.0);
            while (owed_ticks >= 1 && session.can_step()) {
                session.step(bot->decide(*session.sim()));
                owed_ticks -= 1;
            }
        } else {
            owed_ticks = 0;
        }
        if (session.phase() == net::TraineePhase::over) break;
        // The host is gone: finish the call alone, keep the run, and say so.
        if (session.is_host_lost() && !session.can_step()) {
            const CallRun* run = session.run();
            nlohmann::ordered_json out;
            out["name"] = *name;
            out["host"] = "lost";
            if (run && run->finished()) {
                Attempt a = run->attempt();
                ProfileDb db(default_data_dir() + "/profiles.sqlite");
                std::string save_error;
                bool kept = db.ok() && db.add_attempt(*name, a, save_error);
                out["result"] = run->report();
                out["kept"] = kept ? db.path() : "";
                std::cerr << "calmwaters join: the host went away; the call was finished here"
                          << (kept ? " and kept in " + db.path() : " but could not be kept: " + save_error) << '\n';
            } else {
                std::cerr << "calmwaters join: the host went away before the call began\n";
            }
            std::cout << out.dump(2) << '\n';
            return 5;
        }
    }
    client.close(1000);
    nlohmann::ordered_json out;
    out["name"] = *name;
    out["shown_as"] = session.welcome() ? session.welcome()->shown_name : *name;
    out["calls"] = nlohmann::ordered_json::array();
    bool all_verified = !session.results().empty();
    int ended_by_trainer = 0;
    for (const net::ConfirmedCall& c : session.results()) {
        if (c.ended_by_trainer) {  // the trainer's decision, not a failed check
            ++ended_by_trainer;
            out["calls"].push_back({{"level", c.level_name}, {"ended_by_trainer", true}});
            continue;
        }
        all_verified = all_verified && c.verified;
        out["calls"].push_back({{"level", c.level_name}, {"outcome", outcome_id(c.outcome)}, {"score", c.score},
                                {"replies", c.replies}, {"confirmed", c.verified}});
    }
    if (ended_by_trainer)
        std::cerr << "calmwaters join: the trainer ended " << ended_by_trainer << (ended_by_trainer == 1 ? " call" : " calls")
                  << " for us before we finished\n";
    std::cout << out.dump(2) << '\n';
    if (!all_verified) {
        std::cerr << "calmwaters join: the host did not confirm every call\n";
        return 6;
    }
    return 0;
}

}  // namespace cw
