// calmwaters: the game and its command line. Headless commands never start SDL, so they work
// on a machine with no display (tests, CI, the class host, trainers checking levels).
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "cli/commands.hpp"

namespace {

void print_usage() {
    std::cout <<
        "Calm Waters: stay calm on difficult calls, one river at a time.\n"
        "\n"
        "  calmwaters                          open the game\n"
        "  calmwaters play LEVEL               straight into a level\n"
        "  calmwaters run LEVEL --bot B [--seed N] [--pace X]\n"
        "                                      play headless with a bot (calm, random, worst); JSON result\n"
        "  calmwaters check PATH... [--pacing] check level files or folders; exit 1 on problems\n"
        "  calmwaters techniques [--json]      the technique catalogue\n"
        "  calmwaters solve LEVEL [--json]     try every path through the call with the steering bot\n"
        "  calmwaters upgrade FILE             rewrite a format 1 level as format 2 (grades written in)\n"
        "  calmwaters new FILE                 write a starter call to FILE (no coordinates: the river follows)\n"
        "  calmwaters layout LEVEL [--write]   the river laid out from the call; --write puts it in the file\n"
        "  calmwaters host LEVEL... [--port P] [--code C] [--headless --expect N] [--report DIR]\n"
        "                                      run a class session on the local network\n"
        "  calmwaters join ADDRESS:PORT --code C --name NAME [--headless --bot calm|random --seed S --pace X]\n"
        "                                      join a class session\n"
        "  calmwaters run LEVEL --bot B [--record FILE] [--profile NAME]\n"
        "                                      ...and save the run as a replay, or as a profile's attempt\n"
        "  calmwaters progress [--profile NAME] [--json]\n"
        "                                      a profile's attempts\n"
        "  calmwaters xapi status [--json] | xapi send   learning records for the company's record store\n"
        "  calmwaters replay FILE [--verify] [--level L]\n"
        "                                      watch a replay, or re-simulate it headless and check it\n"
        "  calmwaters screenshot SCREEN --out FILE.png [--level L] [--size WxH]\n"
        "                                      render a screen offscreen to PNG: menu, river, policy,\n"
        "                                      debrief, end, dock, editor, class, progress, settings,\n"
        "                                      diagram (a labelled river for docs/level-format.md)\n"
        "  calmwaters [play LEVEL] --autopilot calm|random|worst [--speed N] [--exit-at-end]\n"
        "                                      let a bot play (a demo for a class, or a quick look)\n"
        "  calmwaters --version                the build id\n"
        "\n"
        "  --pace X (run, join): the reading pace, 0.5 to 2 (default 1). At 2 the river runs at half\n"
        "  speed, so every line stays up twice as long and every fork comes twice as late; the call\n"
        "  plays out and is scored the same way. A replay keeps its pace; a class host uses yours.\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return cw::run_game({});
    const std::string cmd = args[0];
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (cmd == "play") return cw::run_game(rest);
    if (cmd == "run") return cw::run_command(rest);
    if (cmd == "check") return cw::check_command(rest);
    if (cmd == "techniques") return cw::techniques_command(rest);
    if (cmd == "screenshot") return cw::screenshot_command(rest);
    if (cmd == "progress") return cw::progress_command(rest);
    if (cmd == "xapi") return cw::xapi_command(rest);
    if (cmd == "solve") return cw::solve_command(rest);
    if (cmd == "upgrade") return cw::upgrade_command(rest);
    if (cmd == "layout") return cw::layout_command(rest);
    if (cmd == "new") return cw::new_command(rest);
    if (cmd == "host") return cw::host_command(rest);
    if (cmd == "join") return cw::join_command(rest);
    if (cmd == "replay") {
        for (const auto& a : rest)
            if (a == "--verify") return cw::replay_verify_command(rest);
        return cw::run_game(rest, /*replay=*/true);
    }
    if (cmd == "--version" || cmd == "version") {
        std::cout << "calmwaters " << cw::build_id() << '\n';
        return 0;
    }
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        print_usage();
        return 0;
    }
    if (cmd.rfind("--", 0) == 0) return cw::run_game(args);  // the game, with options
    std::cerr << "calmwaters: unknown command \"" << cmd << "\"\n\n";
    print_usage();
    return 2;
}
