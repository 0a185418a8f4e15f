#include "pacing.hpp"

#include <cmath>
#include <algorithm>
#include <cstdio>

#include "core/river.hpp"
#include "core/tuning.hpp"

namespace cw {

namespace {

std::string letter(int channel) { return std::string(1, static_cast<char>('A' + channel)); }
std::string whole(double v) { return std::to_string(static_cast<long>(std::lround(v))); }

}  // namespace

std::string crossing_sentence(const Level& level, const ForkTiming& t) {
    const Fork& to = level.river.forks[static_cast<size_t>(t.fork)];
    std::string from = t.from_fork >= 0 ? "channel " + letter(t.from_channel) + " of fork \"" +
                                              level.river.forks[static_cast<size_t>(t.from_fork)].id + "\""
                                        : "the start";
    return "the raft needs about " + whole(t.needed_m) + " m to cross from " + from + " to channel " +
           letter(t.to_channel) + " of fork \"" + to.id + "\"; there are " + whole(t.room_m) + " m";
}

Pacing level_pacing(const Level& level, const Catalogue& catalogue, const SourceText& src) {
    Pacing out;
    const CallTimeline timeline = call_timeline(level, catalogue);
    const double speed = planning_speed(level.river);
    for (const ForkTiming& f : timeline.forks) {
        const Fork& fork = level.river.forks[static_cast<size_t>(f.fork)];
        std::string crossing = crossing_sentence(level, f);
        for (const QuestionTiming& q : timeline.questions) {
            if (q.fork != f.fork) continue;
            const Node& node = level.nodes[static_cast<size_t>(q.node)];
            PacingRow row;
            row.question = node.id;
            row.fork = fork.id;
            row.asked_s = q.asked_s;
            row.reach_s = q.reach_s;
            row.read_s = q.read_s;
            row.room_m = f.room_m;
            row.needed_m = f.needed_m;
            row.crossing = crossing;
            row.reached = q.reached;
            out.rows.push_back(row);
            if (!q.reached) continue;
            // The question jumps in when the raft is this close to its fork, cutting a line short.
            const double jump_s = (fork.at - tuning::kQuestionLeadMetres - tuning::kRaftStartMetres) / speed;
            if (q.asked_s > jump_s + 0.5)
                out.warnings.push_back(src.at(node.loc, "warning: the caller's lines before question `" + node.id +
                                                            "` run " + whole(q.asked_s - jump_s) +
                                                            " s past the moment fork \"" + fork.id +
                                                            "\" comes up, so the last of them is cut short; move the "
                                                            "fork down the river or shorten the lines"));
            else if (q.reach_s - q.asked_s < q.read_s - 0.5)
                out.warnings.push_back(src.at(node.loc, "warning: question `" + node.id + "` is on screen " +
                                                            whole(std::max(0.0, q.reach_s - q.asked_s)) +
                                                            " s before the raft reaches fork \"" + fork.id +
                                                            "\" (at pace 1); it needs about " + whole(q.read_s) +
                                                            " s to read: move the fork down the river"));
        }
        if (f.room_m + 0.5 < f.needed_m)
            out.warnings.push_back(src.at(fork.loc, "warning: " + crossing + " (rough water then: " +
                                                        std::to_string(static_cast<int>(std::lround(f.roughness * 100))) +
                                                        "%); move the fork down the river or use narrower forks"));
    }
    return out;
}

MissedChannel missed_channel(const Level& level, int from_fork, int from_channel, int to_fork, int to_channel, double r) {
    MissedChannel out;
    const RiverGeometry river(level.river);
    const Fork& to = level.river.forks[static_cast<size_t>(to_fork)];
    const auto width_of = [&](const Fork& f) { return 2 * river.half_width_at(f.at + f.length / 2); };
    const std::vector<ChannelSpan> spans = channel_spans(to, width_of(to));
    double x = 0, start = tuning::kRaftStartMetres;
    std::string from = "the start";
    if (from_fork >= 0) {
        const Fork& f = level.river.forks[static_cast<size_t>(from_fork)];
        const std::vector<ChannelSpan> left = channel_spans(f, width_of(f));
        const ChannelSpan& c = left[static_cast<size_t>(std::clamp(from_channel, 0, f.channels - 1))];
        x = (c.left + c.right) / 2;
        start = f.at + f.length;
        from = "channel " + letter(from_channel) + " of fork \"" + f.id + "\"";
    }
    const ChannelSpan& target = spans[static_cast<size_t>(std::clamp(to_channel, 0, to.channels - 1))];
    const double lo = target.left + kChannelMargin, hi = target.right - kChannelMargin;
    const double lateral = x < lo ? lo - x : x > hi ? x - hi : 0.0;
    const double needed = crossing_metres(lateral, r, level.river.current), room = to.at - start;
    const std::string rough = std::to_string(static_cast<int>(std::lround(r * 100))) + "%";
    if (room + 0.5 < needed) {
        out.too_short = true;
        out.cause = "the raft needs about " + whole(needed) + " m to cross from " + from + " to channel " +
                    letter(to_channel) + " of fork \"" + to.id + "\"; there are " + whole(room) + " m (roughness " +
                    rough + ")";
        out.advice = "move fork \"" + to.id + "\" about " + whole(needed - room) +
                     " m further down the river, or narrow it (fewer channels, thinner islands); `calmwaters layout` "
                     "places forks with room to cross";
    } else {
        out.cause = "the water was " + rough + " rough there: waves knocked the raft off its line, though the " +
                    whole(room) + " m of open water would be enough in calmer water";
        out.advice = "the caller is too angry by this fork for the raft to hold a line: let the replies before it "
                     "calm them more, or lower [river.roughness] intensity_gain";
    }
    return out;
}

std::string pacing_table(const Pacing& pacing) {
    std::string out = "question                 fork            asked    reaches   to read   room    needs\n";
    for (const PacingRow& r : pacing.rows) {
        char line[256];
        if (!r.reached) {
            std::snprintf(line, sizeof line, "%-24s %-14s  (never reached from the start)\n", r.question.substr(0, 24).c_str(),
                          r.fork.substr(0, 14).c_str());
        } else {
            std::snprintf(line, sizeof line, "%-24s %-14s %6.1f s  %6.1f s  %6.1f s  %4.0f m  %4.0f m%s\n",
                          r.question.substr(0, 24).c_str(), r.fork.substr(0, 14).c_str(), r.asked_s, r.reach_s, r.read_s,
                          r.room_m, r.needed_m, r.room_m + 0.5 < r.needed_m ? "  <- too short to cross" : "");
        }
        out += line;
    }
    return out;
}

}  // namespace cw
