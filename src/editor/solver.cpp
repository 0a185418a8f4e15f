#include "solver.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "content/pacing.hpp"
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

int channel_of(const Node& laid, int authored) {
    for (size_t c = 0; c < laid.replies.size(); ++c)
        if (laid.replies[c].authored == authored) return static_cast<int>(c);
    return 0;
}

// One run of the call laid out as `draw`, giving the replies in `plan` (by their place in the
// file), then the first open reply at each later question (noting the others as paths still
// to walk).
Run run_path(const Level& level, const Catalogue& catalogue, const CallDraw& draw, const std::vector<int>& plan,
             const SolveOptions& opt) {
    Run run;
    SolvedPath& p = run.path;
    p.persona = draw.persona;
    CallSetup setup{level, level.path, level.seed, {}};
    setup.draw = draw;  // set apart: GCC 12 at -O2 misreads the aggregate's default options as unset
    CallRun call_run(std::move(setup), catalogue);
    const Simulation& sim = call_run.sim();
    std::vector<int> wants = plan;  // replies by their place in the file
    bool failed = false;
    size_t checked = 0;
    std::vector<double> asked_at;  // metres down the river where each question came up
    while (!sim.state().finished) {
        const CallRuntime& call = sim.call();
        const Node& laid = sim.level().nodes[static_cast<size_t>(call.node_index())];
        size_t answered = call.choices().size();
        int channel = -1;
        if (call.node().is_question() && !failed) {
            if (answered == p.replies.size()) {  // a question just came up
                if (answered >= wants.size()) {
                    // One this plan has not decided: take the first open reply, note the rest.
                    std::vector<int> open;
                    for (int c = 0; c < static_cast<int>(laid.replies.size()); ++c)
                        if (channel_open_now(sim, c)) open.push_back(laid.replies[static_cast<size_t>(c)].authored);
                    std::sort(open.begin(), open.end());
                    if (open.empty()) open.push_back(0);
                    // Last reply first: the walk takes them from the top, so B comes before C.
                    for (size_t k = open.size() - 1; k >= 1; --k) {
                        std::vector<int> other = wants;
                        other.push_back(open[k]);
                        run.branches.push_back(other);
                    }
                    wants.push_back(open[0]);
                }
                p.replies.push_back({call.node_index(), wants[answered], channel_of(laid, wants[answered])});
                asked_at.push_back(sim.state().progress);
            }
            if (answered < wants.size()) channel = channel_of(laid, wants[answered]);
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
            if (failed || checked >= wants.size() || c.authored == wants[checked]) continue;
            failed = true;
            const Node& q = level.nodes[static_cast<size_t>(c.node)];
            PathFailure f;
            f.node = q.id;
            f.fork = q.fork;
            f.progress = sim.state().progress;
            f.roughness = sim.state().roughness;
            // The cause: the crossing from the channel the raft left the fork before by, or the water.
            const int to_fork = level.fork_index(q.fork);
            int from_fork = -1, from_channel = -1;
            if (checked > 0) {
                const ChoiceRecord& before = choices[checked - 1];
                from_fork = level.fork_index(level.nodes[static_cast<size_t>(before.node)].fork);
                from_channel = before.reply;
            }
            const MissedChannel why = to_fork >= 0 ? missed_channel(sim.level(), from_fork, from_channel, to_fork,
                                                                      p.replies[checked].channel, sim.state().roughness)
                                                   : MissedChannel{};
            f.reason = "aimed for channel " + letter(p.replies[checked].channel) + " but the raft went through channel " +
                       letter(c.reply) + " (the question came up at " +
                       std::to_string(static_cast<int>(asked_at[checked] + 0.5)) + " m): " + why.cause;
            f.advice = why.advice;
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
        if (sim.call().node().is_question() && answered < wants.size() && answered < p.replies.size())
            stuck = "the raft never got through channel " + letter(p.replies[answered].channel) + " of fork \"" +
                    f.fork + "\" (it was held at " + std::to_string(static_cast<int>(st.progress + 0.5)) + " m); ";
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

// The draw the walk starts from: this persona, the longest wording of every line (the most to
// read, so the latest the raft can start to steer), every question's replies in the authored order.
CallDraw walk_draw(const Level& level, const std::string& persona) {
    CallDraw d;
    d.persona = persona;
    for (const Node& n : level.nodes) {
        size_t longest = 0;
        for (size_t v = 0; v < n.say_variants.size(); ++v)
            if (n.say_variants[v].size() > n.say_variants[longest].size()) longest = v;
        d.variant.push_back(static_cast<int>(longest));
        std::vector<int> order(n.replies.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
        d.arrangement.push_back(std::move(order));
    }
    return d;
}

// The channel each of the path's replies lies on in each run of the proof. Run (a, b) puts the
// reply at the path's questions 1, 3, 5... on channel a and at questions 2, 4, 6... on channel
// b, so every pair of channels of every two forks in a row is tried. The authored order is
// left out: the walk itself ran it.
std::vector<std::vector<int>> proof_layouts(const Level& level, const SolvedPath& path) {
    size_t widest = 0;
    for (const PathReply& r : path.replies)
        widest = std::max(widest, level.nodes[static_cast<size_t>(r.node)].replies.size());
    std::vector<std::vector<int>> layouts;
    for (size_t a = 0; a < widest; ++a)
        for (size_t b = 0; b < widest; ++b) {
            std::vector<int> layout;
            bool authored = true;
            for (size_t k = 0; k < path.replies.size(); ++k) {
                const size_t n = level.nodes[static_cast<size_t>(path.replies[k].node)].replies.size();
                const int channel = static_cast<int>((k % 2 == 0 ? a : b) % n);
                authored = authored && channel == path.replies[k].reply;
                layout.push_back(channel);
            }
            if (!authored && std::find(layouts.begin(), layouts.end(), layout) == layouts.end())
                layouts.push_back(layout);
        }
    return layouts;
}

// `base` with each of the path's replies moved onto its channel in `layout`, the question's
// other replies keeping their authored order on the channels left. A question the path meets
// twice keeps its first placement.
CallDraw laid_out(const CallDraw& base, const Level& level, const SolvedPath& path, const std::vector<int>& layout,
                  std::string& described) {
    CallDraw d = base;
    std::vector<bool> placed(level.nodes.size(), false);
    described.clear();
    for (size_t k = 0; k < path.replies.size(); ++k) {
        const size_t node = static_cast<size_t>(path.replies[k].node);
        if (placed[node]) continue;
        placed[node] = true;
        const int reply = path.replies[k].reply;
        std::vector<int> order;
        for (int i = 0; i < static_cast<int>(level.nodes[node].replies.size()); ++i)
            if (i != reply) order.push_back(i);
        order.insert(order.begin() + layout[k], reply);
        d.arrangement[node] = std::move(order);
        described += (described.empty() ? "" : ", ") + level.nodes[node].id + " " + letter(reply) + " on channel " +
                     letter(layout[k]);
    }
    return d;
}

// The week's values worth walking: for each week variable, its own value, every value a
// condition compares it with and one either side, or true and false for a flag; then every
// combination of those, the level's own first, at most kMaxWeekCases of them.
std::vector<WeekValues> week_cases(const Level& level) {
    const WeekValues own = week_defaults(level);
    if (own.empty()) return {WeekValues{}};
    std::map<std::string, std::set<double>> values;
    for (const auto& [name, value] : own) values[name].insert(value);
    auto note = [&](const Condition& c) {
        for (const auto& group : c.any_of)
            for (const Comparison& cmp : group) {
                if (!is_week_var(cmp.name)) continue;
                auto& v = values[cmp.name.substr(std::strlen(kWeekPrefix))];
                if (cmp.op == Comparison::truthy) {
                    v.insert({0.0, 1.0});
                } else {
                    v.insert({cmp.value - 1, cmp.value, cmp.value + 1});
                }
            }
    };
    for (const Node& n : level.nodes) {
        for (const Branch& b : n.when) note(b.condition);
        for (const Reply& r : n.replies) note(r.condition);
    }
    std::vector<WeekValues> cases{own};
    for (const auto& [name, options] : values) {
        std::vector<WeekValues> grown;
        for (const WeekValues& c : cases)
            for (double v : options) {
                WeekValues next = c;
                next[name] = v;
                if (std::find(grown.begin(), grown.end(), next) == grown.end()) grown.push_back(next);
            }
        cases = std::move(grown);
    }
    // The level's own week first, then the rest in order, cut at the limit.
    cases.erase(std::remove(cases.begin(), cases.end(), own), cases.end());
    cases.insert(cases.begin(), own);
    if (cases.size() > static_cast<size_t>(kMaxWeekCases)) cases.resize(static_cast<size_t>(kMaxWeekCases));
    return cases;
}

}  // namespace

std::string SolveResult::proved() const {
    std::string who = personas.size() == 1
                          ? "the caller as \"" + personas[0] + "\""
                          : "each of the caller's " + std::to_string(personas.size()) + " personas";
    std::string what = shuffled ? "every channel of each fork can be reached from every channel of the fork before, "
                                  "at the roughness that path makes, so every arrangement the shuffle can draw steers"
                                : "every reply can be steered into in the authored order (this call does not shuffle)";
    std::string week = weeks.size() > 1 ? ", for each of " + std::to_string(weeks.size()) +
                                              " values of the week that change a branch" : "";
    return "Along every path, for " + who + week + ", with the longest wording of every line: " + what + " (" +
           std::to_string(runs) + " run(s) in all).";
}

namespace {

// Every path through `level` (already started from `week`) for each persona, into `result`.
void walk_paths(const Level& level, const WeekValues& week, const Catalogue& catalogue, const SolveOptions& options,
                SolveResult& result) {
    for (const std::string& persona : result.personas) {
        const CallDraw base = walk_draw(level, persona);
        // Depth first, reply A before B, so paths come out in a stable, readable order.
        std::vector<std::vector<int>> todo{{}};
        while (!todo.empty()) {
            if (static_cast<int>(result.paths.size()) >= options.max_paths) {
                result.capped = true;
                return;
            }
            std::vector<int> plan = std::move(todo.back());
            todo.pop_back();
            Run run = run_path(level, catalogue, base, plan, options);
            ++result.runs;
            SolvedPath& path = run.path;
            path.week = week;
            if (result.shuffled && path.steerable) {
                std::vector<int> replies;
                for (const PathReply& r : path.replies) replies.push_back(r.reply);
                for (const std::vector<int>& layout : proof_layouts(level, path)) {
                    std::string described;
                    CallDraw draw = laid_out(base, level, path, layout, described);
                    Run tried = run_path(level, catalogue, draw, replies, options);
                    ++result.runs;
                    ++path.arrangements;
                    if (tried.path.steerable) continue;
                    path.failed_at = tried.path.failed_at;
                    path.failed_at->arrangement = described;
                    path.taken = tried.path.taken;
                    path.steerable = false;
                    break;
                }
            }
            result.paths.push_back(std::move(path));
            // Branches found deeper in the run were noted later; they go on top, to be walked first.
            for (auto& b : run.branches) todo.push_back(std::move(b));
        }
    }
}

}  // namespace

SolveResult solve_level(const Level& authored, const Catalogue& catalogue, const SolveOptions& options) {
    SolveResult result;
    result.personas = authored.caller.personas.empty() ? std::vector<std::string>{authored.caller.persona}
                                                       : authored.caller.personas;
    result.shuffled = authored.shuffle && options.prove_arrangements;
    result.weeks = week_cases(authored);
    for (const WeekValues& week : result.weeks) {
        Level level = authored;
        start_from_week(level, week);
        walk_paths(level, week, catalogue, options, result);
    }
    return result;
}

}  // namespace cw
