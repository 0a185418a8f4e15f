#include "call_timeline.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "river.hpp"
#include "roughness.hpp"
#include "tuning.hpp"

namespace cw {

namespace {

double clamp_intensity(double v) { return std::clamp(v, 0.0, 100.0); }

// A route through lines may branch (`when`) and, in a broken or odd graph, loop; bounds on the
// routes and steps walked keep a pathological file quick. The longest route per (source,
// target) is kept.
constexpr int kMaxRoutesPerSource = 2000;
constexpr int kMaxStepsPerSource = 20000;

}  // namespace

double line_seconds(const Node& line) {
    if (line.seconds) return *line.seconds;
    double longest = default_line_seconds(line.say);
    for (const std::string& v : line.say_variants) longest = std::max(longest, default_line_seconds(v));
    return longest;
}

double question_read_seconds(const Node& question) {
    size_t chars = question.say.size();
    for (const std::string& v : question.say_variants) chars = std::max(chars, v.size());
    for (const Reply& r : question.replies) chars += r.text.size();
    return std::max(kMinReadSeconds, static_cast<double>(chars) / kReadCharsPerSecond);
}

double crossing_seconds(double lateral_m, double roughness) {
    if (lateral_m <= 0) return 0;
    // Fitted to the steering bot at composure 55 on currents of 1.5 to 4 m/s: about 1.9 s a metre
    // across, 7 s to turn and settle, and rough water (waves knocking the raft back) stretching
    // both. It holds for every case measured up to roughness 0.7, and to 0.8 above 2 m/s.
    return (7.0 + 1.9 * lateral_m) * (1.0 + 0.6 * roughness);
}

double crossing_metres(double lateral_m, double roughness, double current) {
    return crossing_seconds(lateral_m, roughness) * current * kPlanningSpeedShare;
}

double planning_speed(const RiverDef& river) { return river.current * kPlanningSpeedShare; }

std::vector<ChannelSpan> channel_spans(const Fork& fork, double width) {
    std::vector<ChannelSpan> out;
    const double channel = (width - (fork.channels - 1) * fork.island) / fork.channels;
    double left = -width / 2;
    for (int c = 0; c < fork.channels; ++c) {
        out.push_back({left, left + channel});
        left += channel + fork.island;
    }
    return out;
}

double widest_crossing(const Fork* from, double from_width, const Fork& to, double to_width, int* from_channel,
                       int* to_channel) {
    std::vector<double> starts;  // laterals the raft may leave from
    if (from)
        for (const ChannelSpan& c : channel_spans(*from, from_width)) starts.push_back((c.left + c.right) / 2);
    else
        starts.push_back(0.0);
    double widest = -1;
    const std::vector<ChannelSpan> targets = channel_spans(to, to_width);
    for (size_t a = 0; a < starts.size(); ++a)
        for (size_t b = 0; b < targets.size(); ++b) {
            const double x = starts[a];
            const double lo = targets[b].left + kChannelMargin, hi = targets[b].right - kChannelMargin;
            const double d = x < lo ? lo - x : x > hi ? x - hi : 0.0;
            if (d <= widest) continue;
            widest = d;
            if (from_channel) *from_channel = from ? static_cast<int>(a) : -1;
            if (to_channel) *to_channel = static_cast<int>(b);
        }
    return widest;
}

CallRoutes call_routes(const Level& level) {
    CallRoutes out;
    const int n = static_cast<int>(level.nodes.size());
    // Walks the lines from `first` to each question or ending, keeping the longest route to each.
    auto walk = [&](int first, int from_node, int from_reply) {
        std::vector<LineRun> found;
        int routes = 0, steps = 0;
        std::vector<bool> on_route(static_cast<size_t>(n), false);
        std::function<void(int, double, double)> go = [&](int i, double seconds, double intensity) {
            if (i < 0 || i >= n || on_route[static_cast<size_t>(i)] || routes > kMaxRoutesPerSource ||
                ++steps > kMaxStepsPerSource)
                return;
            const Node& node = level.nodes[static_cast<size_t>(i)];
            if (node.is_question() || node.is_end()) {
                ++routes;
                for (LineRun& r : found)
                    if (r.to_node == i) {
                        r.seconds = std::max(r.seconds, seconds);
                        r.intensity = std::max(r.intensity, intensity);
                        return;
                    }
                found.push_back({from_node, from_reply, i, seconds, intensity});
                return;
            }
            on_route[static_cast<size_t>(i)] = true;
            const double s = line_seconds(node);
            double heat = node.intensity.value_or(0) + level.caller.drift * s;
            if (node.hold) heat += level.caller.hold_rate * s;
            for (const Branch& b : node.when) go(level.node_index(b.next), seconds + s, intensity + heat);
            go(level.node_index(node.next), seconds + s, intensity + heat);
            on_route[static_cast<size_t>(i)] = false;
        };
        go(first, 0, 0);
        out.runs.insert(out.runs.end(), found.begin(), found.end());
    };
    walk(level.node_index(level.start), -1, -1);
    for (int q = 0; q < n; ++q) {
        const Node& node = level.nodes[static_cast<size_t>(q)];
        if (!node.is_question()) continue;
        for (size_t r = 0; r < node.replies.size(); ++r)
            walk(level.node_index(node.replies[r].next), q, static_cast<int>(r));
    }

    // The forks in the order the call reaches them: fork j comes before fork k when a reply at
    // j's question leads to k's. Ties keep the file's order.
    const int forks = static_cast<int>(level.river.forks.size());
    std::vector<std::vector<bool>> before(static_cast<size_t>(forks), std::vector<bool>(static_cast<size_t>(forks), false));
    for (const LineRun& r : out.runs) {
        if (r.from_node < 0) continue;
        const Node& to = level.nodes[static_cast<size_t>(r.to_node)];
        if (!to.is_question()) continue;
        int j = level.fork_index(level.nodes[static_cast<size_t>(r.from_node)].fork), k = level.fork_index(to.fork);
        if (j < 0 || k < 0) continue;
        if (j == k) {
            out.problem = "a reply to the question at fork \"" + level.river.forks[static_cast<size_t>(j)].id +
                          "\" leads to another question at the same fork; each question needs a fork of its own "
                          "further down the river";
            return out;
        }
        before[static_cast<size_t>(j)][static_cast<size_t>(k)] = true;
    }
    std::vector<bool> done(static_cast<size_t>(forks), false);
    for (int step = 0; step < forks; ++step) {
        int pick = -1;
        for (int k = 0; k < forks && pick < 0; ++k) {
            if (done[static_cast<size_t>(k)]) continue;
            bool free = true;
            for (int j = 0; j < forks; ++j)
                if (!done[static_cast<size_t>(j)] && before[static_cast<size_t>(j)][static_cast<size_t>(k)]) free = false;
            if (free) pick = k;
        }
        if (pick < 0) {
            out.fork_order.clear();
            out.problem = "the call's questions lead back up the river (a reply at a later fork leads to a question "
                          "at an earlier one), so the forks have no order the raft can meet them in";
            return out;
        }
        done[static_cast<size_t>(pick)] = true;
        out.fork_order.push_back(pick);
    }
    return out;
}

// ---- the timeline, fork by fork --------------------------------------------------------------

TimelineBuilder::TimelineBuilder(const Level& level, const Catalogue& catalogue, const CallRoutes& routes)
    : level_(level), catalogue_(catalogue), routes_(routes), speed_(planning_speed(level.river)) {
    personas_ = level.caller.personas;
    if (personas_.empty()) personas_.push_back(level.caller.persona);
    placed_questions_.resize(level.nodes.size());
    node_placed_.assign(level.nodes.size(), false);
    fork_at_.assign(level.river.forks.size(), 0);
    fork_width_.assign(level.river.forks.size(), 0);
}

std::vector<QuestionTiming> TimelineBuilder::questions_of(int fork, double at) const {
    std::vector<QuestionTiming> out;
    const Fork& f = level_.river.forks[static_cast<size_t>(fork)];
    for (size_t q = 0; q < level_.nodes.size(); ++q) {
        const Node& node = level_.nodes[q];
        if (!node.is_question() || level_.fork_index(node.fork) != fork) continue;
        QuestionTiming t;
        t.node = static_cast<int>(q);
        t.fork = fork;
        t.read_s = question_read_seconds(node);
        t.reach_s = (at - tuning::kRaftStartMetres) / speed_;
        t.answer_s = (at + f.length / 2 - tuning::kRaftStartMetres) / speed_;
        double intensity = -1;
        for (const LineRun& r : routes_.runs) {
            if (r.to_node != t.node) continue;
            double from_s = 0, from_i = level_.caller.intensity;
            if (r.from_node >= 0) {
                if (!node_placed_[static_cast<size_t>(r.from_node)]) continue;  // a fork not placed yet
                const QuestionTiming& src = placed_questions_[static_cast<size_t>(r.from_node)];
                if (!src.reached) continue;
                const Reply& reply = level_.nodes[static_cast<size_t>(r.from_node)].replies[static_cast<size_t>(r.from_reply)];
                double heat = -1e9;
                for (const std::string& p : personas_) heat = std::max(heat, reply_effects(reply, catalogue_, p).intensity);
                if (reply.later && reply.later->effects.intensity > 0) heat += reply.later->effects.intensity;
                from_s = src.answer_s;
                from_i = clamp_intensity(src.intensity + heat);
            }
            t.reached = true;
            t.asked_s = std::max(t.asked_s, from_s + r.seconds);
            intensity = std::max(intensity, clamp_intensity(from_i + r.intensity));
        }
        // The caller keeps drifting while the question waits for the raft.
        const double wait = std::max(0.0, t.answer_s - t.asked_s);
        t.intensity = clamp_intensity(std::max(intensity, 0.0) + level_.caller.drift * wait);
        t.roughness = roughness(level_.river.roughness, t.intensity, kPlanningComposure);
        out.push_back(t);
    }
    return out;
}

void TimelineBuilder::asking(int fork, double& latest_asked_s, double& read_s) const {
    latest_asked_s = 0;
    read_s = kMinReadSeconds;
    for (const QuestionTiming& t : questions_of(fork, 0)) {
        if (!t.reached) continue;
        latest_asked_s = std::max(latest_asked_s, t.asked_s);
        read_s = std::max(read_s, t.read_s);
    }
}

ForkTiming TimelineBuilder::timing_at(int fork, double at, double width) const {
    ForkTiming out;
    out.fork = fork;
    for (const QuestionTiming& t : questions_of(fork, at))
        if (t.reached) out.roughness = std::max(out.roughness, t.roughness);
    if (out.roughness == 0) out.roughness = roughness(level_.river.roughness, level_.caller.intensity, kPlanningComposure);
    const Fork& f = level_.river.forks[static_cast<size_t>(fork)];
    const Fork* prev = last_fork_ >= 0 ? &level_.river.forks[static_cast<size_t>(last_fork_)] : nullptr;
    const double prev_width = last_fork_ >= 0 ? fork_width_[static_cast<size_t>(last_fork_)] : 0;
    const double lateral = widest_crossing(prev, prev_width, f, width, &out.from_channel, &out.to_channel);
    out.from_fork = last_fork_;
    out.room_m = at - (prev ? fork_at_[static_cast<size_t>(last_fork_)] + prev->length : tuning::kRaftStartMetres);
    out.needed_m = crossing_metres(lateral, out.roughness, level_.river.current);
    return out;
}

void TimelineBuilder::place(int fork, double at, double width) {
    forks_.push_back(timing_at(fork, at, width));
    for (const QuestionTiming& t : questions_of(fork, at)) {
        placed_questions_[static_cast<size_t>(t.node)] = t;
        node_placed_[static_cast<size_t>(t.node)] = true;
    }
    fork_at_[static_cast<size_t>(fork)] = at;
    fork_width_[static_cast<size_t>(fork)] = width;
    last_fork_ = fork;
}

CallTimeline TimelineBuilder::finish() const {
    CallTimeline out;
    out.forks = forks_;
    for (const ForkTiming& f : forks_)
        for (size_t q = 0; q < level_.nodes.size(); ++q)
            if (node_placed_[q] && placed_questions_[q].fork == f.fork) out.questions.push_back(placed_questions_[q]);
    // The last line: every route that ends the call, from wherever it starts.
    for (const LineRun& r : routes_.runs) {
        if (!level_.nodes[static_cast<size_t>(r.to_node)].is_end()) continue;
        double from = 0;
        if (r.from_node >= 0) {
            if (!node_placed_[static_cast<size_t>(r.from_node)]) continue;
            from = placed_questions_[static_cast<size_t>(r.from_node)].answer_s;
        }
        out.last_line_s = std::max(out.last_line_s, from + r.seconds);
    }
    return out;
}

CallTimeline call_timeline(const Level& level, const Catalogue& catalogue) {
    const CallRoutes routes = call_routes(level);
    TimelineBuilder b(level, catalogue, routes);
    if (level.river.points.size() < 2) return b.finish();
    RiverGeometry river(level.river);
    for (int k : routes.fork_order) {
        const Fork& f = level.river.forks[static_cast<size_t>(k)];
        b.place(k, f.at, 2 * river.half_width_at(f.at + f.length / 2));
    }
    return b.finish();
}

}  // namespace cw
