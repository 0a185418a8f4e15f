#include "editor_inspector.hpp"

#include <algorithm>

#include <imgui_stdlib.h>

#include "channel_badge.hpp"
#include "core/dock_activity.hpp"
#include "core/roughness.hpp"
#include "editor/edits.hpp"
#include "theme.hpp"

namespace cw {

namespace {

std::string key_of(const char* what, int a, int b = -1) {
    return std::string(what) + ":" + std::to_string(a) + ":" + std::to_string(b);
}

std::vector<std::string> node_ids(const Level& l) {
    std::vector<std::string> ids;
    for (const Node& n : l.nodes) ids.push_back(n.id);
    return ids;
}

void heading(const std::string& text) {
    ImGui::Spacing();
    ImGui::TextColored(theme::kTextAccent, "%s", text.c_str());
    ImGui::Separator();
}

bool valid_node(const EditorDocument& doc, int i) { return i >= 0 && i < static_cast<int>(doc.level().nodes.size()); }

// An id field that renames on letting go, with every link following.
bool id_field(const char* label, std::string& buffer, const std::string& current, EditorSelection& renaming,
              const EditorSelection& sel) {
    if (renaming != sel) {
        buffer = current;
        renaming = sel;
    }
    ImGui::InputText(label, &buffer, ImGuiInputTextFlags_CharsNoBlank);
    return ImGui::IsItemDeactivatedAfterEdit() && buffer != current && !buffer.empty();
}

}  // namespace

void EditorInspector::level_form(AppContext& ctx, EditorDocument& doc) {
    heading("The level");
    field::text(doc, "Title", "title", [](Draft& d) -> std::string& { return d.level.title; });
    field::text(doc, "Summary", "summary", [](Draft& d) -> std::string& { return d.level.summary; }, true, 2);
    heading("The caller");
    field::text(doc, "Name", "caller.name", [](Draft& d) -> std::string& { return d.level.caller.name; });
    field::text(doc, "What it's about", "caller.issue", [](Draft& d) -> std::string& { return d.level.caller.issue; },
                true, 2);
    std::vector<std::string> personas, labels;
    for (const Persona& p : ctx.catalogue->personas) {
        personas.push_back(p.id);
        labels.push_back(p.id);
    }
    field::choice(doc, "Persona", "caller.persona", [](Draft& d) -> std::string& { return d.level.caller.persona; },
                  personas, labels);
    field_help("How strongly each technique lands with this kind of caller.");
    field::lines(doc, "Or draw one of these personas each run (one per line)", "caller.personas",
                 [](Draft& d) -> std::vector<std::string>& { return d.level.caller.personas; }, 2);
    field::check(doc, "Shuffle the replies onto the channels each run", "shuffle",
                 [](Draft& d) -> bool& { return d.level.shuffle; });
    ImGui::TextDisabled("Format %d file%s", doc.level().format,
                        doc.level().format < kLevelFormatLatest ? " (calmwaters upgrade writes it as the newest)" : "");
    heading("The policy card");
    field::text(doc, "Policy title", "policy.title", [](Draft& d) -> std::string& { return d.level.policy.title; });
    field::text(doc, "Check first", "policy.verify", [](Draft& d) -> std::string& { return d.level.policy.verify; }, true, 2);
    field::lines(doc, "The agent may (one per line)", "policy.may",
                 [](Draft& d) -> std::vector<std::string>& { return d.level.policy.may; });
    field::lines(doc, "The agent may not (one per line)", "policy.may_not",
                 [](Draft& d) -> std::vector<std::string>& { return d.level.policy.may_not; });

    heading("The dock after this call");
    field_help("In a playlist, what the break after this call adds to the everyday activities.");
    for (DockActivity a : all_dock_activities()) {
        if (!dock_offered_only(a)) continue;
        const std::vector<DockActivity>& offer = doc.level().dock_offer;
        bool on = std::find(offer.begin(), offer.end(), a) != offer.end();
        const Technique* t = ctx.catalogue->find(dock_technique_id(a));
        std::string label = "Offer \"" + (t ? t->name : std::string(dock_technique_id(a))) + "\"";
        if (ImGui::Checkbox(label.c_str(), &on))
            doc.apply(on ? "Offer a dock activity" : "Stop offering a dock activity", [&](Draft& d) {
                std::vector<DockActivity>& o = d.level.dock_offer;
                o.erase(std::remove(o.begin(), o.end(), a), o.end());
                if (on) o.push_back(a);
            });
    }
    field::number(doc, "Intensity at the start", "caller.intensity",
                  [](Draft& d) -> double& { return d.level.caller.intensity; }, 0, 100, 0.5, "%.0f");
    field::number(doc, "Drift per second", "caller.drift", [](Draft& d) -> double& { return d.level.caller.drift; }, -5,
                  5, 0.01, "%.2f");
    field::number(doc, "Rise per second on hold", "caller.hold", [](Draft& d) -> double& { return d.level.caller.hold_rate; },
                  0, 5, 0.01, "%.2f");
    field::number(doc, "Agent's composure", "composure", [](Draft& d) -> double& { return d.level.composure; }, 1, 100,
                  0.5, "%.0f");

    heading("The call");
    field::choice(doc, "Starts at", "start", [](Draft& d) -> std::string& { return d.level.start; },
                  node_ids(doc.level()));
    ImGui::TextUnformatted("Variables and flags");
    field_help("Replies set them; conditions read them. Flags are true or false. A name that starts with "
               "week. (week.promised_callback) is the week's: a playlist carries it from call to call, and "
               "the value here is the one it has when this call is played on its own.");
    const Level& l = doc.level();
    for (size_t i = 0; i < l.var_names.size(); ++i) {
        int vi = static_cast<int>(i);
        ImGui::PushID(vi);
        bool flag = i < doc.draft().var_is_flag.size() && doc.draft().var_is_flag[i];
        ImGui::BulletText("%s", l.var_names[i].c_str());
        ImGui::SameLine(180);
        if (flag) {
            bool on = l.var_initial[i] != 0;
            if (ImGui::Checkbox("starts true", &on))
                doc.apply("Set a flag", [&](Draft& d) { d.level.var_initial[i] = on ? 1 : 0; });
        } else {
            ImGui::SetNextItemWidth(100);
            field::number(doc, "starts at", key_of("var", vi), [i](Draft& d) -> double& { return d.level.var_initial[i]; },
                          -1000, 1000, 0.1, "%.1f");
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("remove")) doc.apply("Remove a variable", [&](Draft& d) { edits::delete_variable(d, vi); });
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(160);
    ImGui::InputTextWithHint("##newvar", "new_name", &new_var_, ImGuiInputTextFlags_CharsNoBlank);
    ImGui::SameLine();
    for (bool flag : {true, false}) {
        if (ImGui::Button(flag ? "Add flag" : "Add number") && !new_var_.empty()) {
            doc.apply("Add a variable", [&](Draft& d) { edits::add_variable(d, new_var_, flag); });
            new_var_.clear();
        }
        if (flag) ImGui::SameLine();
    }
    ImGui::TextUnformatted("Caller cuts in");
    field_help("When intensity rises past a threshold during a line, the call jumps to a node (once).");
    for (size_t i = 0; i < l.thresholds.size(); ++i) {
        ImGui::PushID(static_cast<int>(i) + 1000);
        ImGui::SetNextItemWidth(90);
        field::number(doc, "above", key_of("th", static_cast<int>(i)),
                      [i](Draft& d) -> double& { return d.level.thresholds[i].above; }, 1, 99, 0.5, "%.0f");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(170);
        field::choice(doc, "go to", key_of("thn", static_cast<int>(i)),
                      [i](Draft& d) -> std::string& { return d.level.thresholds[i].node; }, node_ids(l));
        ImGui::SameLine();
        if (ImGui::SmallButton("remove"))
            doc.apply("Remove a cut-in", [&](Draft& d) { d.level.thresholds.erase(d.level.thresholds.begin() + static_cast<long>(i)); });
        ImGui::PopID();
    }
    if (ImGui::Button("Add a cut-in"))
        doc.apply("Add a cut-in", [](Draft& d) {
            Threshold t;
            t.above = 85;
            t.node = d.level.start;
            d.level.thresholds.push_back(t);
        });
    heading("Notes for trainers");
    field::text(doc, "Comment at the top of the file", "header",
                [](Draft& d) -> std::string& { return d.section_comments["header"]; }, true, 5);
}

void EditorInspector::river_form(EditorDocument& doc) {
    heading("The river");
    if (doc.level().river.laid_out)
        field_help("This river is laid out from the call: it follows your lines and questions as you write them "
                   "(no points in the file). Drag a point to take it over, or write its points into the file below.");
    if (ImGui::Button("Lay out the river from the call")) {
        layout_message_.clear();
        if (!doc.lay_out_river_from_call(layout_message_)) layout_message_ = "Not laid out: " + layout_message_;
        else layout_message_ = "Laid out: each fork where its question has time to be read and the raft room to "
                               "cross. Undo (Ctrl+Z) puts the river back.";
    }
    if (!layout_message_.empty()) field_help(layout_message_.c_str());
    int rocks = static_cast<int>(doc.level().river.rock_amount);
    const char* amounts[] = {"none", "a few", "many"};
    if (ImGui::Combo("Rocks placed by the game", &rocks, amounts, 3))
        doc.apply("Rocks placed by the game", [rocks](Draft& d) { d.level.river.rock_amount = static_cast<RockAmount>(rocks); });
    field_help("Placed from the seed in open water, clear of the forks (`rocks` in the file); rocks you place "
               "yourself need the river's points.");
    field::number(doc, "Current (m/s)", "river.current", [](Draft& d) -> double& { return d.level.river.current; }, 0.3,
                  6, 0.02);
    field_help("How fast the water flows mid-river: the raft moves about this fast.");
    field::number(doc, "Flow near the banks", "river.bank", [](Draft& d) -> double& { return d.level.river.bank_flow; },
                  0, 1, 0.01);
    field::number(doc, "Pool length (m)", "river.pool", [](Draft& d) -> double& { return d.level.river.pool; }, 10, 200,
                  0.5, "%.0f");
    field::number(doc, "Turbulence seed", "seed", [](Draft& d) -> double& {
        static thread_local double v;  // the seed is a whole number: edited through a double
        v = static_cast<double>(d.level.seed);
        return v;
    }, 0, 1e9, 1, "%.0f");
    heading("Roughness: how the caller's mood shows on the water");
    field::number(doc, "Calm-water roughness", "rough.base", [](Draft& d) -> double& { return d.level.river.roughness.base; },
                  0, 1, 0.005, "%.3f");
    field::number(doc, "Intensity gain", "rough.gain",
                  [](Draft& d) -> double& { return d.level.river.roughness.intensity_gain; }, 0, 2, 0.01);
    field::number(doc, "Composure relief", "rough.relief",
                  [](Draft& d) -> double& { return d.level.river.roughness.composure_relief; }, 0, 1, 0.01);
    // The curve itself: roughness against the caller's intensity, for a steady and a shaken agent.
    float curve_hi[21], curve_lo[21];
    for (int i = 0; i <= 20; ++i) {
        curve_hi[i] = static_cast<float>(roughness(doc.level().river.roughness, i * 5.0, 80.0));
        curve_lo[i] = static_cast<float>(roughness(doc.level().river.roughness, i * 5.0, 30.0));
    }
    ImVec2 plot(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 3.5f);
    ImGui::PlotLines("##steady", curve_hi, 21, 0, "a steady agent (composure 80)", 0, 1, plot);
    ImGui::PlotLines("##shaken", curve_lo, 21, 0, "a shaken agent (composure 30)", 0, 1, plot);
    field_help("Left to right: the caller's intensity from 0 to 100. Up: from glass to white water.");
    ImGui::Spacing();
    field_help("On the river: drag the white points to bend it and the small squares to widen it; right-click to "
               "add rocks, forks and points.");
}

void EditorInspector::point_form(EditorDocument& doc, EditorSelection& sel) {
    int i = sel.index;
    if (i < 0 || i >= static_cast<int>(doc.level().river.points.size())) return river_form(doc);
    heading(("River point " + std::to_string(i + 1)).c_str());
    size_t k = static_cast<size_t>(i);
    field::number(doc, "x (m)", key_of("px", i), [k](Draft& d) -> double& { return d.level.river.points[k].pos.x; },
                  -20000, 20000, 0.1, "%.1f");
    field::number(doc, "y (m)", key_of("py", i), [k](Draft& d) -> double& { return d.level.river.points[k].pos.y; },
                  -20000, 20000, 0.1, "%.1f");
    field::number(doc, "Width (m)", key_of("pw", i), [k](Draft& d) -> double& { return d.level.river.points[k].width; },
                  4, 80, 0.1, "%.1f");
    if (ImGui::Button("Insert a point before")) doc.apply("Insert a river point", [&](Draft& d) { edits::insert_point(d, i); });
    ImGui::SameLine();
    if (ImGui::Button("Insert after")) doc.apply("Insert a river point", [&](Draft& d) { edits::insert_point(d, i + 1); });
    ImGui::SameLine();
    if (ImGui::Button("Delete")) {
        doc.apply("Delete a river point", [&](Draft& d) { edits::delete_point(d, i); });
        sel = {EditorSelection::river};
    }
    river_form(doc);
}

void EditorInspector::rock_form(EditorDocument& doc, EditorSelection& sel) {
    int i = sel.index;
    if (i < 0 || i >= static_cast<int>(doc.level().river.rocks.size())) return river_form(doc);
    size_t k = static_cast<size_t>(i);
    heading(("Rock " + std::to_string(i + 1)).c_str());
    field::number(doc, "x (m)", key_of("rx", i), [k](Draft& d) -> double& { return d.level.river.rocks[k].at.x; }, -20000,
                  20000, 0.1, "%.1f");
    field::number(doc, "y (m)", key_of("ry", i), [k](Draft& d) -> double& { return d.level.river.rocks[k].at.y; }, -20000,
                  20000, 0.1, "%.1f");
    if (doc.level().river.rocks[k].polygon.empty())
        field::number(doc, "Radius (m)", key_of("rr", i), [k](Draft& d) -> double& { return d.level.river.rocks[k].radius; },
                      0.3, 10, 0.02);
    else
        field_help("A rock with straight sides: drag it to move it; its corners are kept as they are in the file.");
    if (ImGui::Button("Delete this rock")) {
        doc.apply("Delete a rock", [&](Draft& d) { edits::delete_rock(d, i); });
        sel = {EditorSelection::river};
    }
    field::text(doc, "Comment", key_of("rc", i), [k](Draft& d) -> std::string& { return d.rock_comments[k]; }, true, 2);
}

void EditorInspector::fork_form(EditorDocument& doc, EditorSelection& sel) {
    int i = sel.index;
    if (i < 0 || i >= static_cast<int>(doc.level().river.forks.size())) return river_form(doc);
    size_t k = static_cast<size_t>(i);
    const Fork& f = doc.level().river.forks[k];
    heading(("Fork \"" + f.id + "\"").c_str());
    if (id_field("Id", rename_buffer_, f.id, renaming_, sel)) {
        std::string id = rename_buffer_;
        doc.apply("Rename a fork", [&](Draft& d) { edits::rename_fork(d, i, id); });
    }
    field::number(doc, "Starts at (m along)", key_of("fa", i), [k](Draft& d) -> double& { return d.level.river.forks[k].at; },
                  0, 100000, 0.5, "%.0f");
    field::number(doc, "Length (m)", key_of("fl", i), [k](Draft& d) -> double& { return d.level.river.forks[k].length; },
                  15, 200, 0.5, "%.0f");
    int channels = f.channels;
    if (ImGui::SliderInt("Channels", &channels, 2, 4) && channels != f.channels)
        doc.apply("Change the channels", [&](Draft& d) { edits::set_fork_channels(d, i, channels); });
    field_help("A question on this fork gets one reply per channel; replies added here are empty until written.");
    field::number(doc, "Island width (m)", key_of("fi", i), [k](Draft& d) -> double& { return d.level.river.forks[k].island; },
                  1, 20, 0.05, "%.1f");
    ImGui::TextUnformatted("Questions on this fork:");
    bool any = false;
    for (size_t n = 0; n < doc.level().nodes.size(); ++n)
        if (doc.level().nodes[n].fork == f.id) {
            any = true;
            ImGui::PushID(static_cast<int>(n));
            if (ImGui::SmallButton(doc.level().nodes[n].id.c_str())) sel = {EditorSelection::node, static_cast<int>(n)};
            ImGui::PopID();
            ImGui::SameLine();
        }
    if (!any) ImGui::TextDisabled("none yet: make a node a question and pick this fork");
    else ImGui::NewLine();
    if (ImGui::Button("Delete this fork")) {
        doc.apply("Delete a fork", [&](Draft& d) { edits::delete_fork(d, i); });
        sel = {EditorSelection::river};
    }
    field::text(doc, "Comment", key_of("fc", i), [k](Draft& d) -> std::string& { return d.fork_comments[k]; }, true, 2);
}

void EditorInspector::reply_form(AppContext& ctx, EditorDocument& doc, EditorSelection& sel, int node, int reply) {
    size_t n = static_cast<size_t>(node), r = static_cast<size_t>(reply);
    const Level& l = doc.level();
    const Reply& rep = l.nodes[n].replies[r];
    auto R = [n, r](Draft& d) -> Reply& { return d.level.nodes[n].replies[r]; };
    field::text(doc, "The agent says", key_of("rt", node, reply), [R](Draft& d) -> std::string& { return R(d).text; }, true, 2);
    // Techniques: a drop-down per slot, from the catalogue.
    std::vector<std::string> ids, labels;
    for (const Technique& t : ctx.catalogue->techniques) {
        if (t.kind == TechniqueKind::recovery) continue;  // the dock's, not a reply's
        ids.push_back(t.id);
        labels.push_back(t.id + (t.kind == TechniqueKind::anti_pattern ? "  (a tempting mistake)" : ""));
    }
    ImGui::TextUnformatted("Techniques");
    for (size_t t = 0; t < rep.techniques.size(); ++t) {
        ImGui::PushID(static_cast<int>(t));
        ImGui::SetNextItemWidth(220);
        field::choice(doc, "##tech", key_of("tech", node, reply),
                      [R, t](Draft& d) -> std::string& { return R(d).techniques[t]; }, ids, labels);
        ImGui::SameLine();
        if (ImGui::SmallButton("x"))
            doc.apply("Remove a technique", [&](Draft& d) { R(d).techniques.erase(R(d).techniques.begin() + static_cast<long>(t)); });
        ImGui::PopID();
    }
    if (rep.techniques.size() < 4 && ImGui::SmallButton("+ technique"))
        doc.apply("Add a technique", [&](Draft& d) { R(d).techniques.push_back("listen"); });
    field::choice(doc, "Leads to", key_of("rn", node, reply), [R](Draft& d) -> std::string& { return R(d).next; },
                  node_ids(l), {}, "(choose a node)");
    // The author's verdict: what the score, the chime, the bots and the debrief follow.
    std::string shown = grade_id(rep.grade);
    if (rep.grade_derived) shown += "  (worked out from the tags)";
    if (ImGui::BeginCombo("Grade", shown.c_str())) {
        for (Grade g : {Grade::best, Grade::good, Grade::slip, Grade::trap})
            if (ImGui::Selectable(grade_id(g), !rep.grade_derived && rep.grade == g))
                doc.apply(std::string("Grade the reply ") + grade_id(g), [&](Draft& d) {
                    R(d).grade = g;
                    R(d).grade_derived = false;
                });
        ImGui::EndCombo();
    }
    field_help("Your judgement of this reply here, with this caller; the techniques only name what it shows.");
    field::text(doc, "Why, here (the debrief shows it first)", key_of("rfb", node, reply),
                [R](Draft& d) -> std::string& { return R(d).feedback; }, true, 2);
    field::text(doc, "What the caller feels", key_of("rct", node, reply),
                [R](Draft& d) -> std::string& { return R(d).caller_thinks; }, true, 2);
    if (ImGui::TreeNode("Effects, variables, conditions")) {
        // Own numbers instead of the techniques' defaults.
        const char* names[] = {"intensity", "composure", "trust"};
        for (int e = 0; e < 3; ++e) {
            ImGui::PushID(e);
            auto opt = [R, e](Draft& d) -> std::optional<double>& {
                return e == 0 ? R(d).intensity : e == 1 ? R(d).composure : R(d).trust;
            };
            bool own = opt(const_cast<Draft&>(doc.draft())).has_value();
            std::string label = std::string("set ") + names[e] + " myself";
            if (ImGui::Checkbox(label.c_str(), &own))
                doc.apply("Override an effect", [&](Draft& d) { opt(d) = own ? std::optional<double>(0) : std::nullopt; });
            if (own) {
                ImGui::SameLine();
                ImGui::SetNextItemWidth(100);
                field::number(doc, "##v", key_of("eff", node, reply * 10 + e),
                              [opt](Draft& d) -> double& { return *opt(d); }, -50, 50, 0.2, "%+.0f");
            }
            ImGui::PopID();
        }
        // Variable changes: the name comes from the declared variables.
        for (size_t c = 0; c < rep.changes.size(); ++c) {
            ImGui::PushID(static_cast<int>(c) + 50);
            ImGui::SetNextItemWidth(140);
            field::choice(doc, "##var", key_of("cv", node, reply), [R, c](Draft& d) -> std::string& { return R(d).changes[c].name; },
                          l.var_names);
            ImGui::SameLine();
            bool add = rep.changes[c].add;
            if (ImGui::Checkbox("adds", &add)) doc.apply("Set or add", [&](Draft& d) { R(d).changes[c].add = add; });
            ImGui::SameLine();
            ImGui::SetNextItemWidth(80);
            field::number(doc, "##val", key_of("cval", node, reply * 10 + static_cast<int>(c)),
                          [R, c](Draft& d) -> double& { return R(d).changes[c].value; }, -1000, 1000, 0.1, "%.1f");
            ImGui::SameLine();
            if (ImGui::SmallButton("x"))
                doc.apply("Remove a change", [&](Draft& d) { R(d).changes.erase(R(d).changes.begin() + static_cast<long>(c)); });
            ImGui::PopID();
        }
        if (!l.var_names.empty() && ImGui::SmallButton("+ change a variable"))
            doc.apply("Change a variable", [&](Draft& d) {
                VarChange c;
                c.name = d.level.var_names.front();
                c.value = 1;
                R(d).changes.push_back(c);
            });
        if (l.var_names.empty()) field_help("Declare variables in the level's settings to change them here.");
        field::text(doc, "Offer only if", key_of("rif", node, reply),
                    [R](Draft& d) -> std::string& { return R(d).condition_text; });
        field_help("For example: found_step_six and intensity < 70. Empty: always offered.");
        bool later = rep.later.has_value();
        if (ImGui::Checkbox("A consequence arrives later", &later))
            doc.apply("Later consequence", [&](Draft& d) {
                if (later) {
                    LaterEffect e;
                    e.after = 20;
                    e.note = "What happened.";
                    R(d).later = e;
                } else {
                    R(d).later.reset();
                }
            });
        if (rep.later) {
            field::number(doc, "after (s)", key_of("la", node, reply), [R](Draft& d) -> double& { return R(d).later->after; },
                          1, 300, 0.5, "%.0f");
            field::number(doc, "intensity change", key_of("li", node, reply),
                          [R](Draft& d) -> double& { return R(d).later->effects.intensity; }, -50, 50, 0.2, "%+.0f");
            field::text(doc, "note for the debrief", key_of("ln", node, reply),
                        [R](Draft& d) -> std::string& { return R(d).later->note; });
        }
        ImGui::TreePop();
    }
    int count = static_cast<int>(l.nodes[n].replies.size());
    if (reply > 0 && ImGui::SmallButton("< move left"))
        doc.apply("Move a reply", [&](Draft& d) { edits::move_reply(d, node, reply, reply - 1); });
    if (reply > 0) ImGui::SameLine();
    if (reply + 1 < count && ImGui::SmallButton("move right >"))
        doc.apply("Move a reply", [&](Draft& d) { edits::move_reply(d, node, reply, reply + 1); });
    if (reply + 1 < count) ImGui::SameLine();
    if (ImGui::SmallButton("delete reply")) {
        doc.apply("Delete a reply", [&](Draft& d) { edits::delete_reply(d, node, reply); });
        sel = {EditorSelection::node, node};
    }
}

int EditorInspector::node_form(AppContext& ctx, EditorDocument& doc, EditorSelection& sel) {
    int i = sel.index;
    if (!valid_node(doc, i)) {
        level_form(ctx, doc);
        return -1;
    }
    size_t k = static_cast<size_t>(i);
    const Level& l = doc.level();
    const Node& n = l.nodes[k];
    int play_from = -1;
    heading(("Node `" + n.id + "`").c_str());
    if (ImGui::Button("Play-test from this node")) play_from = i;
    ImGui::SameLine();
    if (l.start != n.id && ImGui::Button("Start the call here"))
        doc.apply("Set the start", [&](Draft& d) { d.level.start = d.level.nodes[k].id; });
    EditorSelection me{EditorSelection::node, i};
    if (id_field("Id", rename_buffer_, n.id, renaming_, me)) {
        std::string id = rename_buffer_;
        doc.apply("Rename a node", [&](Draft& d) { edits::rename_node(d, i, id); });
    }
    int kind = static_cast<int>(edits::kind_of(n));
    ImGui::TextUnformatted("This node is");
    ImGui::SameLine();
    bool changed = ImGui::RadioButton("a line", &kind, 0);
    ImGui::SameLine();
    changed |= ImGui::RadioButton("a question", &kind, 1);
    ImGui::SameLine();
    changed |= ImGui::RadioButton("an ending", &kind, 2);
    if (changed && kind != static_cast<int>(edits::kind_of(n)))
        doc.apply("Change the node's kind", [&](Draft& d) { edits::set_node_kind(d, i, static_cast<edits::NodeKind>(kind)); });
    auto N = [k](Draft& d) -> Node& { return d.level.nodes[k]; };
    field::text(doc, "The caller says", key_of("say", i), [N](Draft& d) -> std::string& { return N(d).say; }, true, 3);
    field::text(doc, "Mood", key_of("mood", i), [N](Draft& d) -> std::string& { return N(d).mood; });
    field::check(doc, "On hold (intensity rises while this line lasts)", key_of("hold", i),
                 [N](Draft& d) -> bool& { return N(d).hold; });
    // A change as the line begins: after a kept promise the caller arrives warmer.
    for (int e = 0; e < 2; ++e) {
        ImGui::PushID(e + 700);
        auto opt = [N, e](Draft& d) -> std::optional<double>& { return e == 0 ? N(d).intensity : N(d).trust; };
        bool own = opt(const_cast<Draft&>(doc.draft())).has_value();
        if (ImGui::Checkbox(e == 0 ? "This line changes intensity" : "This line changes trust", &own))
            doc.apply("Change the line's effect", [&](Draft& d) { opt(d) = own ? std::optional<double>(0) : std::nullopt; });
        if (own) {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(100);
            field::number(doc, "##lv", key_of("lfx", i, e), [opt](Draft& d) -> double& { return *opt(d); }, -50, 50, 0.2,
                          "%+.0f");
        }
        ImGui::PopID();
    }

    field::lines(doc, "Ways to say it, one per line (the first is the line above; each run draws one)", key_of("sayv", i),
                 [N](Draft& d) -> std::vector<std::string>& { return N(d).say_variants; }, 2,
                 [i](Draft& d, std::vector<std::string> v) { edits::set_say_variants(d, i, std::move(v)); });
    if (n.is_end()) {
        if (ImGui::BeginCombo("Ending", outcome_id(n.end))) {
            for (Outcome e : level_endings())  // the endings a level may name, from core
                if (ImGui::Selectable(outcome_id(e), e == n.end))
                    doc.apply("Choose the ending", [&](Draft& d) { N(d).end = e; });
            ImGui::EndCombo();
        }
        field::grade(doc, "Ending's grade", key_of("eg", i),
                     [N](Draft& d) -> std::optional<Grade>& { return N(d).ending_grade; });
    } else if (!n.is_question()) {
        field::choice(doc, "Then", key_of("next", i), [N](Draft& d) -> std::string& { return N(d).next; }, node_ids(l), {},
                      "(choose a node)");
        ImGui::TextUnformatted("Branches (checked in order when the line ends)");
        for (size_t b = 0; b < n.when.size(); ++b) {
            ImGui::PushID(static_cast<int>(b) + 300);
            ImGui::SetNextItemWidth(180);
            field::text(doc, "if", key_of("wif", i, static_cast<int>(b)),
                        [N, b](Draft& d) -> std::string& { return N(d).when[b].condition_text; });
            ImGui::SameLine();
            ImGui::SetNextItemWidth(140);
            field::choice(doc, "go to", key_of("wn", i, static_cast<int>(b)),
                          [N, b](Draft& d) -> std::string& { return N(d).when[b].next; }, node_ids(l));
            ImGui::SameLine();
            if (ImGui::SmallButton("x"))
                doc.apply("Remove a branch", [&](Draft& d) { N(d).when.erase(N(d).when.begin() + static_cast<long>(b)); });
            ImGui::PopID();
        }
        if (ImGui::SmallButton("+ branch"))
            doc.apply("Add a branch", [&](Draft& d) {
                Branch b;
                b.condition_text = d.level.var_names.empty() ? "intensity > 70" : d.level.var_names.front();
                b.next = N(d).next;
                N(d).when.push_back(b);
            });
    } else {
        std::vector<std::string> forks;
        for (const Fork& f : l.river.forks) forks.push_back(f.id);
        field::choice(doc, "Fork", key_of("fork", i), [N](Draft& d) -> std::string& { return N(d).fork; }, forks);
        field::text(doc, "To discuss with the class", key_of("disc", i), [N](Draft& d) -> std::string& { return N(d).discuss; },
                    true, 2);
        heading("Replies, one per channel, left to right");
        for (size_t r = 0; r < n.replies.size(); ++r) {
            ImGui::PushID(static_cast<int>(r) + 500);
            ImVec2 p = ImGui::GetCursorScreenPos();
            float badge = ImGui::GetFontSize() * 0.55f;
            draw_channel_badge(ImGui::GetWindowDrawList(), ImVec2(p.x + badge + 2, p.y + badge + 3), badge, static_cast<int>(r),
                               ctx.fonts.body, ctx.fonts.body->FontSize * 0.9f);
            ImGui::SetCursorScreenPos(ImVec2(p.x + badge * 2 + 10, p.y));
            std::string head = n.replies[r].text.empty() ? std::string("(no words yet)") : n.replies[r].text;
            if (head.size() > 60) head = head.substr(0, 57) + "...";
            bool open_it = sel.kind == EditorSelection::reply && sel.sub == static_cast<int>(r);
            ImGui::SetNextItemOpen(open_it);
            if (ImGui::CollapsingHeader((head + "###reply").c_str())) {
                if (!open_it) sel = {EditorSelection::reply, i, static_cast<int>(r)};
                reply_form(ctx, doc, sel, i, static_cast<int>(r));
            } else if (open_it) {
                sel = {EditorSelection::node, i};
            }
            ImGui::PopID();
        }
        if (n.replies.size() < 4 && ImGui::Button("+ Add a reply"))
            doc.apply("Add a reply", [&](Draft& d) { edits::add_reply(d, i); });
    }
    heading("Note for other trainers");
    field::text(doc, "Kept as a # comment above the node", key_of("nc", i),
                [k](Draft& d) -> std::string& { return d.nodes[k].comment; }, true, 3);
    if (ImGui::Button("Delete this node")) {
        doc.apply("Delete a node", [&](Draft& d) { edits::delete_node(d, i); });
        sel = {EditorSelection::level};
    }
    return play_from;
}

int EditorInspector::draw(AppContext& ctx, EditorDocument& doc, EditorSelection& sel) {
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 11.5f);
    int play_from = -1;
    switch (sel.kind) {
        case EditorSelection::river: river_form(doc); break;
        case EditorSelection::point: point_form(doc, sel); break;
        case EditorSelection::rock: rock_form(doc, sel); break;
        case EditorSelection::fork: fork_form(doc, sel); break;
        case EditorSelection::node:
        case EditorSelection::reply:
        case EditorSelection::branch: play_from = node_form(ctx, doc, sel); break;
        case EditorSelection::none:
        case EditorSelection::level: level_form(ctx, doc); break;
    }
    ImGui::PopItemWidth();
    return play_from;
}

}  // namespace cw
