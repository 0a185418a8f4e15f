// A level as plain data: what a level file says, after loading and before simulating.
// Every entity remembers where it came from in its file, so checks and the editor can point at it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "condition.hpp"
#include "dock_activity.hpp"
#include "vec2.hpp"

namespace cw {

struct SourceLoc {
    int line = 0;    // 1-based; 0 when the value did not come from a file
    int column = 0;  // 1-based
};

// The caller's and agent's numbers that a reply changes.
struct Effects {
    double intensity = 0;
    double composure = 0;
    double trust = 0;
};

// agent_ended: the agent ended an abusive call under policy, after warning the caller.
enum class Outcome { none, resolved, follow_up, escalated, hung_up, capsized, timed_out, agent_ended };
// The last outcome, for decoders that must bound a number read from the network.
constexpr Outcome kLastOutcome = Outcome::agent_ended;

// The author's judgement of a reply, or of an ending, in this moment with this caller: what
// the score, the chime, the water, the bots and the debrief follow. Tags name the techniques a
// reply shows; they do not decide its worth (a kind reply can give in to abuse).
enum class Grade { best, good, slip, trap };
const char* grade_id(Grade g);                                // "best", "good", "slip", "trap"
std::optional<Grade> grade_from_id(const std::string& id);
// A reply's tone for the chime, the splash and the debrief: +2 best, +1 good, -1 slip, -2 trap.
int grade_tone(Grade g);

const char* outcome_id(Outcome o);          // "resolved", "follow_up", ...
const char* outcome_label(Outcome o);       // "Resolved", "Follow-up promised", ...
std::optional<Outcome> outcome_from_id(const std::string& id);  // only the endings a level may name
// The endings a level's node may name (the others are the game's own: capsized, timed out).
const std::vector<Outcome>& level_endings();

struct RiverPoint {
    Vec2 pos;
    double width = 0;
    SourceLoc loc;
};

struct Rock {
    Vec2 at;
    double radius = 0;            // > 0: a round rock
    std::vector<Vec2> polygon;    // otherwise a convex polygon, relative to `at`
    SourceLoc loc;
    bool scattered = false;       // placed by the level's `rocks` setting, not written in the file
};

// How far a rock reaches from its centre: its radius, or its polygon's farthest corner.
double rock_reach(const Rock& rock);
// Why the physics could not take this rock's shape (a round rock needs a radius, a polygon 3 to 8
// corners making a convex shape), or "" when it can. The level checks report it; the world
// builder leaves such a rock out rather than let Box2D abort.
std::string rock_shape_problem(const Rock& rock);

struct Fork {
    std::string id;
    double at = 0;        // metres along the centreline where the islands begin
    double length = 40;
    int channels = 2;
    double island = 4;    // island width, metres
    SourceLoc loc;        // its `at` (its `id` when the river is laid out from the call)
    SourceLoc id_loc;
};

// r = clamp(base + intensity_gain * I/100 * (1 - composure_relief * C/100), 0, 1)
struct RoughnessCurve {
    double base = 0.05;
    double intensity_gain = 0.9;
    double composure_relief = 0.6;
};

// `rocks = "none" | "few" | "many"`: rocks the game places from the seed (core/river_layout.hpp).
enum class RockAmount { none, few, many };

struct RiverDef {
    double current = 2.0;     // m/s mid-channel
    double bank_flow = 0.3;   // fraction of the current at the banks
    double pool = 30;         // metres of still pool at the end
    // No `points` in the file: the river (points and each fork's `at`) is laid out from the call.
    bool laid_out = false;
    RockAmount rock_amount = RockAmount::none;
    SourceLoc loc;            // the [river] table, for what the layout finds wrong
    std::vector<RiverPoint> points;
    RoughnessCurve roughness;
    std::vector<Rock> rocks;
    std::vector<Fork> forks;
};

// A reply changing one of the call's variables: set it, or add to it.
struct VarChange {
    std::string name;
    double value = 0;
    bool add = false;
    SourceLoc loc;
};

// A consequence that arrives later in the call (an over-promise catching up, say).
struct LaterEffect {
    double after = 10;   // seconds after the reply
    Effects effects;
    std::string note;    // what happened, for the debrief
    SourceLoc loc;
};

struct Reply {
    std::string text;
    std::string caller_thinks;  // what the caller felt on hearing it (shown in the debrief)
    int authored = -1;          // its place in the file (0 = A); the run may lay it on another channel
    Grade grade = Grade::good;
    bool grade_derived = false;  // format 1 with no `grade`: worked out from the tags
    SourceLoc grade_loc;
    std::string feedback;        // why this reply, here: the debrief shows it first
    std::vector<std::string> techniques;
    std::string next;
    // Overrides of the default effects (which come from the techniques' catalogue entries).
    std::optional<double> intensity, composure, trust;
    SourceLoc loc;                          // the reply's text
    SourceLoc next_loc;
    std::vector<SourceLoc> technique_locs;  // one per technique
    std::vector<VarChange> changes;
    std::optional<LaterEffect> later;
    // Offered only when this holds as the question comes up; otherwise its channel is closed.
    std::string condition_text;
    Condition condition;
    SourceLoc condition_loc;
    bool conditional() const { return !condition_text.empty(); }
};

// A line's conditional way on: when its condition holds as the line ends, go to `next`.
struct Branch {
    std::string condition_text;
    Condition condition;
    std::string next;
    SourceLoc loc;       // the condition's text
    SourceLoc next_loc;
};

struct Node {
    std::string id;
    std::string say;                        // the line (the first variant when there are several)
    std::vector<std::string> say_variants;  // `say` as a list: the run draws one from its seed
    // `line`: the spoken line's id, one for each way of saying it, so recordings survive edits
    // (empty: taken from the node's id, see line_id()).
    std::vector<std::string> line_ids;
    SourceLoc line_loc;             // its `line` value (or the node's id when there is none)
    bool narration = false;         // shown, never spoken ("(on hold...)")
    std::string mood;
    std::string discuss;            // a prompt for trainers to discuss this moment with a class
    std::optional<double> seconds;  // how long the line stays; default from its length
    bool hold = false;              // the caller is on hold: waiting raises their intensity
    // Changes as the line begins: the caller arrives warmer or angrier (a promise kept or broken).
    std::optional<double> intensity, trust;
    std::vector<Branch> when;       // checked in order as a line ends; `next` if none holds
    std::string next;               // a line node
    std::string fork;               // a question node
    Outcome end = Outcome::none;    // an ending
    std::optional<Grade> ending_grade;  // the level's judgement of this ending (none: by outcome)
    std::vector<Reply> replies;
    SourceLoc loc;        // the node's id
    SourceLoc next_loc;   // its `next`, `fork` or `end` value

    bool is_question() const { return !fork.empty(); }
    bool is_end() const { return end != Outcome::none; }
};

// Who the caller is shapes how replies land: the same technique can help one caller a lot
// and another hardly at all (see assets/personas.toml).
struct Caller {
    std::string name;
    std::string issue;
    std::string persona = "everyday";
    SourceLoc persona_loc;
    std::vector<std::string> personas;  // `personas`: the run draws one of them from its seed
    double intensity = 50;
    double drift = 0;      // intensity per second while the call goes on
    double hold_rate = 0.6;  // extra intensity per second while on hold
};

// When the caller's intensity rises past `above` during a line, they cut in: the call jumps to
// `node` (once per threshold).
struct Threshold {
    double above = 0;
    std::string node;
    SourceLoc loc;
    SourceLoc node_loc;
};

// What the agent may and may not offer on this call: the rules behind the agent, shown to the
// player as a card, and the measure of a promise in the debrief.
struct PolicyCard {
    std::string title;                 // e.g. "Deliveries: a parcel not arrived"
    std::vector<std::string> may;      // what the agent can offer or do
    std::vector<std::string> may_not;  // what they cannot (limits, timings, what needs a manager)
    std::string verify;                // what must be confirmed before the account is discussed
    bool empty() const { return title.empty() && may.empty() && may_not.empty() && verify.empty(); }
};

// Level file versions: 1, the first (grades optional, worked out from the tags); 2, grades
// required and replies shuffled onto channels by default. See docs/level-format.md.
constexpr int kLevelFormatLatest = 2;
constexpr int kDefaultMastery = 70;

struct Level {
    int format = 1;
    std::string title;
    std::string summary;
    uint64_t seed = 1;
    // The score (0-100) that counts as passing this call in a learning record store's terms
    // (xAPI `passed`/`failed`); nothing in the game itself depends on it.
    int mastery = kDefaultMastery;
    Caller caller;
    double composure = 80;
    RiverDef river;
    std::string start;
    SourceLoc start_loc;
    std::vector<Node> nodes;
    // The call's variables and flags, the week's (named "week.x", see is_week_var) among them,
    std::vector<std::string> var_names;
    std::vector<double> var_initial;      // their starting values (flags: 0 or 1),
    std::vector<SourceLoc> var_locs;
    std::vector<Threshold> thresholds;
    // Lay each question's replies onto its channels in an order drawn from the seed (format 2's
    // default; format 1 keeps the written order unless the file says `shuffle = true`).
    bool shuffle = false;
    PolicyCard policy;
    // What the dock after this call adds to the everyday activities (`[dock] offer`), in a
    // playlist: telling your manager, after an abusive call.
    std::vector<DockActivity> dock_offer;

    std::string path;          // where it was loaded from, for messages
    uint64_t source_hash = 0;  // of the file's exact bytes: a replay is only valid for this level

    int node_index(const std::string& id) const;
    int fork_index(const std::string& id) const;
};

// Week variables live across the calls of a playlist (`[week.vars]` in both files); in a level
// they are ordinary variables whose names carry this prefix, so conditions and `set` read them
// as `week.promised_callback`.
inline constexpr const char* kWeekPrefix = "week.";
inline bool is_week_var(const std::string& name) { return name.rfind(kWeekPrefix, 0) == 0; }

// How long a line stays on screen when the level does not say: long enough to read calmly.
double default_line_seconds(const std::string& say);

// The ways a node says its line (one, or its `say` list), and each one's stable id: the node's
// `line`, or else the node's id, with the variant's number (from 1) when there are several.
size_t line_count(const Node& n);
std::string line_id(const Node& n, size_t variant);
// Whether `id` can name a recording file: letters, digits, '-', '_' and '.', up to 64, not
// starting with '.'.
bool valid_line_id(const std::string& id);

// Every spoken line of a level, in node order: what a trainer records (narration is left out).
struct SpokenLine {
    std::string id;
    std::string node;
    size_t variant = 0;
    std::string text;
};
std::vector<SpokenLine> spoken_lines(const Level& level);

}  // namespace cw
