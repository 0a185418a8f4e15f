#include "draft.hpp"

namespace cw {

void Draft::sync() {
    nodes.resize(level.nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) nodes[i].reply_comments.resize(level.nodes[i].replies.size());
    fork_comments.resize(level.river.forks.size());
    rock_comments.resize(level.river.rocks.size());
    var_is_flag.resize(level.var_names.size(), false);
}

namespace {

Node line_node(const char* id, const char* say, const char* next) {
    Node n;
    n.id = id;
    n.say = say;
    n.next = next;
    return n;
}

Node ending(const char* id, const char* say, Outcome end) {
    Node n;
    n.id = id;
    n.say = say;
    n.end = end;
    return n;
}

Reply reply(const char* text, Grade grade, std::vector<std::string> techniques, const char* next) {
    Reply r;
    r.text = text;
    r.grade = grade;
    r.techniques = std::move(techniques);
    r.next = next;
    return r;
}

}  // namespace

Draft starter_draft() {
    Draft d;
    Level& l = d.level;
    l.format = kLevelFormatLatest;
    l.shuffle = true;
    l.title = "A new call";
    l.summary = "Say in one line what this call is about.";
    l.seed = 1;
    l.caller.name = "The caller";
    l.caller.issue = "What the caller rang about.";
    l.caller.intensity = 45;
    l.composure = 80;
    l.river.current = 2.0;
    l.river.pool = 30;
    const double pts[][3] = {{0, 0, 20}, {0, 60, 20}, {0, 90, 30}, {0, 160, 30}, {0, 190, 20}, {0, 260, 20}};
    for (const auto& p : pts) l.river.points.push_back({{p[0], p[1]}, p[2], {}});
    Fork f;
    f.id = "first";
    f.at = 100;
    f.length = 45;
    f.channels = 2;
    f.island = 4;
    l.river.forks.push_back(f);
    l.start = "hello";
    l.nodes.push_back(line_node("hello", "Hello? I've been waiting a while, and I'd like this sorted today.", "ask"));
    Node ask;
    ask.id = "ask";
    ask.say = "So, can you help me or not?";
    ask.fork = "first";
    ask.replies.push_back(reply("I'm sorry you've waited. Tell me what happened and we'll sort it out together.",
                                Grade::best, {"apologize", "listen"}, "thanks"));
    ask.replies.push_back(reply("If you'd read the email we sent, you'd know.", Grade::trap, {"argue"}, "cross"));
    ask.replies.back().feedback = "True or not, pointing at what the caller missed makes it a contest. Own the wait first.";
    l.nodes.push_back(ask);
    l.nodes.push_back(ending("thanks", "Okay. Thank you for listening.", Outcome::resolved));
    l.nodes.push_back(ending("cross", "I didn't ring up to be told off. Goodbye.", Outcome::hung_up));
    d.sync();
    return d;
}

}  // namespace cw
