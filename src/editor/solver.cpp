#include "solver.hpp"

#include <algorithm>

#include "core/bot.hpp"
#include "play/call_run.hpp"
#include "core/tuning.hpp"

namespace cw {

bool SolveResult::all_steerable() const {
    return std::all_of(paths.begin(), paths.end(), [](const SolvedPath& p) { return p.steerable; });
}

namespace {

std::string letter(int i) { return std::string(1, static_cast<char>('A' + i)); }

// The calm bot's habit: a steadying breath when composure sags, never with a fork close.
bool wants_breath(const Simulation& sim) {
    const Breathing& b = sim.breathing();
    const double s = sim.state().progress;
    for (const Fork& f : sim.river().forks())
        if (f.at - s < 50.0 && s < f.at + f.length) return false;
    bool want = sim.state().composure < 60.0 || (b.active() && sim.state().composure < 85.0);
    if (!want) return false;
    return b.active() ? b.expects_key_down() : true;
}

// Whether a reply of the current question is on offer. Before the first step the simulation
// has not yet opened or closed the channels, so the reply's condition is read directly.
bool channel_open_now(const Simulation& sim, int channel) {
    if (sim.state().tick > 0) return sim.channel_open(channel);
    const Reply& r = sim.call().node().replies[static_cast<size_t>(channel)];
    if (!r.conditional()) return true;
    const SimState& st = sim.state();
    return evaluate(r.condition, sim.call().values({st.intensity, st.composure, st.trust, nullptr, nullptr}));
}

struct Run {
    SolvedPath path;
    std::vector<std::vector<int>> branches;  // other reply sequences found on the way
};

// One run of the call giving the replies in `plan`, then the first open reply at each later
// question (noting the others as paths still to walk).
Run run_path(const Level& level, const Catalogue& catalogue, const std::vector<int>& plan, const SolveOptions& opt) {
    Run run;
    SolvedPath& p = run.path;
    CallRun call_run({level, level.path, level.seed, {}}, catalogue);
    const Simulation& sim = call_run.sim();
    std::vector<int> wants = plan;
    bool failed = false;
    size_t checked = 0;
    while (!sim.state().finished) {
        const CallRuntime& call = sim.call();
        size_t answered = call.choices().size();
        int channel = -1;
        if (call.node().is_question() && !failed) {
            if (answered == p.replies.size()) {  // a question just came up
                if (answered >= wants.size()) {
                    // One this plan has not decided: take the first open reply, note the rest.
                    std::vector<int> open;
                    for (int c = 0; c < static_cast<int>(call.node().replies.size()); ++c)
                        if (channel_open_now(sim, c)) open.push_back(c);
                    if (open.empty()) open.push_back(0);
                    // Last channel first: the walk takes them from the top, so B comes before C.
                    for (size_t k = open.size() - 1; k >= 1; --k) {
                        std::vector<int> other = wants;
                        other.push_back(open[k]);
                        run.branches.push_back(other);
                    }
                    wants.push_back(open[0]);
                }
                const int channel = wants[answered];
                p.replies.push_back({call.node_index(), sim.level().nodes[static_cast<size_t>(call.node_index())]
                                                            .replies[static_cast<size_t>(channel)].authored, channel});
            }
            if (answered < wants.size()) channel = wants[answered];
        }
        Input in;
        in.paddle = paddle_toward(sim, steering_target(sim, channel));
        if (opt.breathe) in.breath = wants_breath(sim);
        call_run.step(in);
        p.max_roughness = std::max(p.max_roughness, sim.state().roughness);

        const auto& choices = sim.call().choices();
        for (; checked < choices.size(); ++checked) {
            const ChoiceRecord& c = choices[checked];
            p.taken.push_back({c.node, c.authored, c.reply});
            if (failed || checked >= wants.size() || c.reply == wants[checked]) continue;
            failed = true;
            const Node& q = level.nodes[static_cast<size_t>(c.node)];
            PathFailure f;
            f.node = q.id;
            f.fork = q.fork;
            f.progress = sim.state().progress;
            f.roughness = sim.state().roughness;
            f.reason = "aimed for channel " + letter(wants[checked]) + " but the raft went through channel " +
                       letter(c.reply) + " (the water's roughness was " +
                       std::to_string(static_cast<int>(sim.state().roughness * 100 + 0.5)) + "%)";
            p.failed_at = f;
        }
    }
    const SimState& st = sim.state();
    p.outcome = st.outcome;
    if (sim.call().node().is_end()) p.ending = sim.call().node().id;
    if (!p.failed_at && (st.outcome == Outcome::capsized || st.outcome == Outcome::timed_out)) {
        PathFailure f;
        f.node = sim.call().node().id;
        f.fork = sim.call().node().fork;
        f.progress = st.progress;
        f.roughness = st.roughness;
        // Still on a question: the raft never got through the channel it aimed for.
        size_t answered = sim.call().choices().size();
        std::string stuck;
        if (sim.call().node().is_question() && answered < wants.size())
            stuck = "the raft never got through channel " + letter(wants[answered]) + " of fork \"" + f.fork +
                    "\" (it was held at " + std::to_string(static_cast<int>(st.progress + 0.5)) + " m); ";
        if (st.outcome == Outcome::capsized)
            f.reason = stuck + "the raft capsized: composure ran out after " + std::to_string(st.jolts) + " jolt(s)";
        else if (st.tick >= tuning::kMaxTicks)
            f.reason = stuck + "the call ran past its time limit";
        else
            f.reason = "the raft reached the pool while the call was still on `" + sim.call().node().id + "`";
        p.failed_at = f;
    }
    p.steerable = !p.failed_at;
    Score score = sim.score();
    p.score = score.total;
    p.composure_min = st.composure_min;
    p.jolts = st.jolts;
    p.seconds = sim.time();
    return run;
}

}  // namespace

SolveResult solve_level(const Level& level, const Catalogue& catalogue, const SolveOptions& options) {
    SolveResult result;
    // Depth first, channel A before B, so paths come out in a stable, readable order.
    std::vector<std::vector<int>> todo{{}};
    while (!todo.empty()) {
        if (static_cast<int>(result.paths.size()) >= options.max_paths) {
            result.capped = true;
            break;
        }
        std::vector<int> plan = std::move(todo.back());
        todo.pop_back();
        Run run = run_path(level, catalogue, plan, options);
        result.paths.push_back(std::move(run.path));
        // Branches found deeper in the run were noted later; they go on top, to be walked first.
        for (auto& b : run.branches) todo.push_back(std::move(b));
    }
    return result;
}

}  // namespace cw
