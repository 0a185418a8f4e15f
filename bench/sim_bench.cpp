// Headless: the whole game step against bare Box2D, and loading the largest level.
#include <box2d/box2d.h>

#include <filesystem>

#include "content/catalogue_loader.hpp"
#include "content/data_paths.hpp"
#include "content/level_loader.hpp"
#include "core/bot.hpp"
#include "core/tuning.hpp"
#include "stats.hpp"

namespace cwbench {

using namespace cw;

namespace {

std::string largest_level() {
    std::string best;
    uintmax_t best_size = 0;
    for (auto& e : std::filesystem::recursive_directory_iterator(levels_dir())) {
        if (e.path().extension() != ".toml") continue;
        if (e.file_size() > best_size) best_size = e.file_size(), best = e.path().string();
    }
    return best;
}

}  // namespace

std::vector<Result> sim_benchmarks() {
    Catalogue cat = *load_catalogue_dir(data_root() + "/assets").catalogue;
    const std::string level_path = levels_dir() + "/flatpack_shelf.toml";
    Level level = *load_level_file(level_path, cat).level;

    // Record the calm bot's inputs once, so the timed runs measure the game step, not the bot.
    // Also record the raft's velocity at every step: the baseline raft is dragged along the same
    // path, so Box2D meets the same banks, islands and rocks in both runs.
    std::vector<Input> inputs;
    std::vector<Vec2> path_velocity;
    {
        Simulation sim(level, cat, level.seed);
        SteeringBot bot(BotPolicy::calm, level.seed);
        while (!sim.state().finished) {
            inputs.push_back(bot.decide(sim));
            sim.step(inputs.back());
            path_velocity.push_back(sim.state().raft_vel);
        }
    }
    RiverGeometry river(level.river);
    std::vector<double> ratios, game_ms;
    for (int round = 0; round < 41; ++round) {  // enough that a busy neighbour moves the median little
        double t0 = now_seconds();
        {
            Simulation sim(level, cat, level.seed);
            for (const Input& in : inputs) sim.step(in);
        }
        double t1 = now_seconds();
        {
            // The same bodies and shapes (banks, islands, rocks, sensors, raft) with plain drag
            // toward the recorded path's velocity: what Box2D alone costs for this call.
            PhysicsWorld world(river, level.river, raft_start_position(river),
                               angle_from_heading(river.sample_at(6.0).tangent));
            const double pull = world.raft_mass() * (1.0 - std::exp(-8.0 * tuning::kDt));
            for (size_t i = 0; i < inputs.size(); ++i) {
                world.push_raft((path_velocity[i] - world.raft_velocity()) * pull);
                world.step(tuning::kDt);
            }
        }
        double t2 = now_seconds();
        ratios.push_back((t1 - t0) / (t2 - t1));
        game_ms.push_back((t1 - t0) * 1000.0);
    }
    std::vector<Result> out;
    Result ratio = expect_below("sim_ratio_vs_box2d", 1.5, true,
                                "bare Box2D stepping the same bodies and shapes with plain drag along the same "
                                "path, " + std::to_string(inputs.size()) + " steps");
    ratio.measured = true;
    ratio.stat = summarise(ratios);
    out.push_back(ratio);

    char buf[96];
    std::snprintf(buf, sizeof buf, "a whole %.0f-second call (flat-pack shelf, calm bot's inputs)",
                  inputs.size() * tuning::kDt);
    Result call = expect_below("call_sim_ms", 100, false, buf);
    call.measured = true;
    call.stat = summarise(game_ms);
    out.push_back(call);

    const std::string biggest = largest_level();
    std::vector<double> load_ms;
    for (int i = 0; i < 60; ++i) {
        double t0 = now_seconds();
        LevelLoad l = load_level_file(biggest, cat);
        double t1 = now_seconds();
        if (!l.ok()) break;
        load_ms.push_back((t1 - t0) * 1000.0);
    }
    Result load = expect_below("level_load_ms", 10, false,
                               "parse and check " + std::filesystem::path(biggest).filename().string() +
                                   " (the largest level)");
    load.measured = !load_ms.empty();
    load.stat = summarise(load_ms);
    out.push_back(load);

    // A hostile file: about 200 KB with 16,000 entries (variables, one to a line). toml11 once
    // took 34 s on such a file; the loader must stay linear in its size.
    std::string hostile = "format = 1\ntitle = \"Many\"\n[caller]\nname = \"A\"\nissue = \"b\"\nintensity = 10\n"
                          "[river]\ncurrent = 2\npoints = [[0, 0, 20], [0, 120, 20], [0, 240, 20]]\n[call]\n"
                          "start = \"a\"\n[call.vars]\n";
    for (int i = 0; i < 16000; ++i) hostile += "count_" + std::to_string(100000 + i) + " = 1\n";
    hostile += "[[call.node]]\nid = \"a\"\nsay = \"x\"\nend = \"resolved\"\n";
    std::vector<double> hostile_ms;
    for (int i = 0; i < 5; ++i) {
        double t0 = now_seconds();
        LevelLoad l = load_level_text(hostile, "many.toml", cat);
        double t1 = now_seconds();
        hostile_ms.push_back((t1 - t0) * 1000.0);
    }
    char what[96];
    std::snprintf(what, sizeof what, "parse and check a %zu KB level of 16,000 entries", hostile.size() / 1000);
    Result many = expect_below("hostile_level_check_ms", 1000, false, what);
    many.measured = true;
    many.stat = summarise(hostile_ms);
    out.push_back(many);
    return out;
}

}  // namespace cwbench
