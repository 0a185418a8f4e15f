// "My progress": a profile's calls over time. Summary cards (calls, streaks, calm replies),
// best scores with the calls to try again, technique mastery as small plots, a level's first
// attempt beside its latest, and every attempt with its replay to watch or export. A replay
// file from someone else (a trainee's run) can be imported and watched here too.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

#include <unistd.h>

#include "channel_badge.hpp"
#include "old_scoring_mark.hpp"
#include "core/build_id.hpp"
#include "play/kept_level.hpp"
#include "play/progress_stats.hpp"
#include "play/sample_profile.hpp"
#include "content/data_paths.hpp"
#include "content/level_loader.hpp"
#include "content/replay_file.hpp"
#include "core/bot.hpp"
#include "progress_charts.hpp"
#include "screens.hpp"
#include "store/record_outbox.hpp"
#include "theme.hpp"

namespace cw {

namespace fs = std::filesystem;

namespace {

const ImVec4& kCalm = theme::kTextCalm;
const ImVec4& kChurn = theme::kTextChurn;
const ImVec4& kSoft = theme::kTextNeutral;
const ImVec4& kError = theme::kTextError;

std::string outcome_text(const std::string& id) {
    for (Outcome o : {Outcome::resolved, Outcome::follow_up, Outcome::escalated, Outcome::hung_up, Outcome::capsized,
                      Outcome::timed_out})
        if (id == outcome_id(o)) return outcome_label(o);
    return id;
}

// "2024-05-03T09:12:44Z" -> "2024-05-03 09:12"
std::string short_when(const std::string& when) {
    if (when.size() < 16) return when;
    return when.substr(0, 10) + " " + when.substr(11, 5);
}

std::string file_stem(const std::string& path) {
    std::string stem = fs::path(path).stem().string();
    return stem.empty() ? "call" : stem;
}

// A replay's level, as recorded or (a relative path recorded elsewhere) under the data root.
std::string find_level_file(const std::string& recorded) {
    std::error_code ec;
    if (fs::exists(recorded, ec)) return recorded;
    fs::path p(recorded);
    if (p.is_relative()) {
        fs::path under = fs::path(data_root()) / p;
        if (fs::exists(under, ec)) return under.string();
    }
    return recorded;
}

class ProgressScreen : public Screen {
public:
    explicit ProgressScreen(AppContext& ctx) : profile_(ctx.profile) {
        db_ = ctx.profiles;
        if (!db_ && ctx.headless) make_sample(ctx);
        export_dir_ = default_data_dir() + "/exports";
        reload(ctx);
    }

    ~ProgressScreen() override {
        sample_db_.reset();
        if (!sample_dir_.empty()) {
            std::error_code ec;
            fs::remove_all(sample_dir_, ec);
        }
    }


    void event(AppContext& ctx, const SDL_Event& e) override {
        if (watching_) watching_->event(ctx, e);
        else if (e.type == SDL_KEYDOWN && e.key.keysym.scancode == SDL_SCANCODE_ESCAPE && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
            back_ = true;
    }

    Motion motion(const AppContext& ctx) const override {
        return watching_ ? watching_->motion(ctx) : Motion::still;
    }

    ScreenRequest frame(AppContext& ctx, double dt) override {
        if (watching_) {
            // A replay is watched inside this screen, so leaving it comes back here.
            ScreenRequest req = watching_->frame(ctx, dt);
            if (req.kind == ScreenRequest::menu) {
                watching_.reset();
                return {};
            }
            return req;
        }
        ScreenRequest req;
        float s = ctx.settings.ui_scale;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(static_cast<float>(ctx.width), static_cast<float>(ctx.height)));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(18 * s, 14 * s));
        ImGui::Begin("##progress", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBringToFrontOnFocus);
        ImGui::PopStyleVar();
        header(ctx, req);
        if (!message_.empty()) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(message_is_error_ ? kError : kCalm, "%s", message_.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::Separator();
        if (!db_) {
            no_database(ctx);
        } else if (summary_.attempts.empty()) {
            empty_state(ctx, req);
        } else {
            cards(ctx);
            ImGui::Spacing();
            float left = std::max(300 * s, ImGui::GetContentRegionAvail().x * 0.34f);
            ImGui::BeginChild("##left", ImVec2(left, 0), false);
            best_scores(ctx, req);
            ImGui::EndChild();
            ImGui::SameLine();
            ImGui::BeginChild("##right", ImVec2(0, 0), false);
            if (ImGui::BeginTabBar("##tabs")) {
                if (ImGui::BeginTabItem("Techniques")) {
                    techniques(ctx);
                    ImGui::EndTabItem();
                }
                if (ImGui::BeginTabItem("First and latest")) {
                    first_and_latest(ctx);
                    ImGui::EndTabItem();
                }
                if (ImGui::BeginTabItem("Every call")) {
                    every_attempt(ctx);
                    ImGui::EndTabItem();
                }
                ImGui::EndTabBar();
            }
            ImGui::EndChild();
        }
        popups(ctx);
        ImGui::End();
        if (back_) {
            back_ = false;
            req.kind = ScreenRequest::menu;
        }
        if (pending_watch_) {
            pending_watch_ = false;
            req = {};
        }
        return req;
    }

private:
    // --- data ------------------------------------------------------------------------------

    void reload(AppContext& ctx) {
        attempts_ = db_ ? db_->attempts(profile_) : std::vector<Attempt>{};
        const Catalogue& cat = *ctx.catalogue;
        summary_ = summarise_progress(attempts_, cat, [&](const std::string& path) { return level(ctx, path); },
                                      utc_today());
        profiles_ = db_ ? db_->profiles() : std::vector<std::string>{};
        if (std::find(profiles_.begin(), profiles_.end(), profile_) == profiles_.end()) profiles_.push_back(profile_);
        compare_level_ = -1;
        for (size_t i = 0; i < summary_.levels.size(); ++i)  // the call played most, to compare
            if (compare_level_ < 0 || summary_.levels[i].attempts > summary_.levels[compare_level_].attempts)
                compare_level_ = static_cast<int>(i);
    }

    const Level* level(AppContext& ctx, const std::string& path) {
        auto it = levels_.find(path);
        if (it == levels_.end()) {
            LevelLoad load = load_level_file(find_level_file(path), *ctx.catalogue);
            it = levels_.emplace(path, load.ok() ? std::optional<Level>(std::move(*load.level)) : std::nullopt).first;
        }
        return it->second ? &*it->second : nullptr;
    }

    void switch_profile(AppContext& ctx, const std::string& name) {
        profile_ = name;
        ctx.profile = name;  // the calls played from now on are kept for this profile
        if (ctx.progress) ctx.progress->use_profile(name);
        message_.clear();
        reload(ctx);
    }

    void make_sample(AppContext& ctx) {
        sample_dir_ = (fs::temp_directory_path() / ("calmwaters-sample-" + std::to_string(getpid()))).string();
        std::error_code ec;
        fs::remove_all(sample_dir_, ec);
        sample_db_ = std::make_unique<ProfileDb>(sample_dir_ + "/profiles.sqlite");
        if (!sample_db_->ok()) return;
        profile_ = kSampleProfileName;
        fill_sample_profile(*sample_db_, profile_, *ctx.catalogue, levels_dir());
        db_ = sample_db_.get();
    }

    // --- the header: title, profile, import, back ------------------------------------------

    void header(AppContext& ctx, ScreenRequest&) {
        float s = ctx.settings.ui_scale;
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextUnformatted("My progress");
        ImGui::PopFont();
        ImGui::SameLine(0, 24 * s);
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("Profile");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(200 * s);
        if (ImGui::BeginCombo("##profile", profile_.c_str())) {
            for (const std::string& p : profiles_)
                if (ImGui::Selectable(p.c_str(), p == profile_) && p != profile_) switch_profile(ctx, p);
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        if (ImGui::Button("New profile...") && db_) {
            new_name_[0] = 0;
            name_error_.clear();
            ImGui::OpenPopup("New profile");
        }
        float right = ImGui::GetWindowContentRegionMax().x;
        float import_w = ImGui::CalcTextSize("Import replay...").x + ImGui::GetStyle().FramePadding.x * 2;
        float back_w = 90 * s;
        ImGui::SameLine(right - import_w - back_w - ImGui::GetStyle().ItemSpacing.x);
        if (ImGui::Button("Import replay...")) {
            import_error_.clear();
            if (!import_path_[0]) std::snprintf(import_path_, sizeof import_path_, "%s/", export_dir_.c_str());
            ImGui::OpenPopup("Import a replay");
        }
        ImGui::SameLine(right - back_w);
        if (ImGui::Button("Back", ImVec2(back_w, 0))) back_ = true;
        if (!sample_dir_.empty())
            ImGui::TextDisabled("A sample profile, made from bot runs for this picture: no player data is shown.");
        else records_line(ctx);
    }

    // With a company record store set up: whether this computer's results have reached it.
    void records_line(AppContext& ctx) {
        if (!ctx.lrs.configured() || !ctx.profiles) return;
        if (records_frames_++ % 60 == 0) records_ = RecordOutbox(*ctx.profiles).counts();  // about once a second
        if (records_.queued == 0 && records_.last_error.empty()) {
            ImGui::TextDisabled("Your results are in your company's learning records (%lld sent).", records_.sent);
            return;
        }
        ImGui::TextColored(theme::kTextCaution, "%lld learning records waiting to go to your company's record store%s%s",
                           records_.queued, records_.last_error.empty() ? "." : ": ", records_.last_error.c_str());
    }

    void no_database(AppContext&) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(kError, "Your profile database could not be opened, so calls are not being kept.");
        ImGui::TextUnformatted(
            "The reason was printed where the game was started. Check that the data folder can be written "
            "(it is $CALMWATERS_HOME, or ~/.local/share/calmwaters), then start the game again. You can still "
            "import and watch a replay file.");
        ImGui::PopTextWrapPos();
    }

    void empty_state(AppContext& ctx, ScreenRequest& req) {
        float s = ctx.settings.ui_scale;
        float w = std::min(ImGui::GetContentRegionAvail().x, 640 * s);
        ImGui::SetCursorPos(ImVec2((ImGui::GetWindowWidth() - w) * 0.5f, ImGui::GetCursorPosY() + 60 * s));
        ImGui::BeginChild("##empty", ImVec2(w, 330 * s), true);
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextWrapped("No calls yet for %s.", profile_.c_str());
        ImGui::PopFont();
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(
            "Every call you play is kept here with its replay. After a few, this page shows how you are "
            "getting on: which techniques you reach for when they are on offer, your best score on each call, "
            "how many days in a row you have practised, and the calls worth another go.");
        ImGui::Spacing();
        ImGui::TextDisabled(
            "A good first call is Monday's lost parcel in the first week. A trainer can also send you a replay "
            "file to watch: use Import replay... above.");
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        std::string first = levels_dir() + "/campaign/01_mon_missing_parcel.toml";
        std::error_code ec;
        if (fs::exists(first, ec) && ImGui::Button("Play the first call", ImVec2(220 * s, 40 * s))) {
            req.kind = ScreenRequest::play;
            req.level_path = first;
        }
        ImGui::SameLine();
        if (ImGui::Button("Back to the menu", ImVec2(200 * s, 40 * s))) back_ = true;
        ImGui::EndChild();
    }

    RecordCounts records_;
    long records_frames_ = 0;

    // --- summary cards ---------------------------------------------------------------------

    void card(AppContext& ctx, const char* id, float w, const char* big, const char* label, const char* detail,
              ImVec4 colour) {
        float s = ctx.settings.ui_scale;
        ImGui::BeginChild(id, ImVec2(w, 82 * s), true, ImGuiWindowFlags_NoScrollbar);
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextColored(colour, "%s", big);
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::TextDisabled("%s", detail);
        ImGui::EndChild();
    }

    void cards(AppContext& ctx) {
        const Streaks& st = summary_.streaks;
        float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = (ImGui::GetContentRegionAvail().x - gap * 3) / 4;
        char big[32], detail[96];
        std::snprintf(big, sizeof big, "%zu", summary_.attempts.size());
        std::snprintf(detail, sizeof detail, "on %zu different call%s", summary_.levels.size(),
                      summary_.levels.size() == 1 ? "" : "s");
        card(ctx, "##c1", w, big, summary_.attempts.size() == 1 ? "call played" : "calls played", detail, kSoft);
        ImGui::SameLine();
        std::snprintf(big, sizeof big, "%d", st.days_now);
        std::snprintf(detail, sizeof detail, "days with a call, up to today (best %d)", st.days_best);
        card(ctx, "##c2", w, big, st.days_now == 1 ? "day in a row" : "days in a row", detail,
             st.days_now > 0 ? kCalm : kSoft);
        ImGui::SameLine();
        std::snprintf(big, sizeof big, "%d", st.good_now);
        std::snprintf(detail, sizeof detail, "score 70+, afloat (best run %d)", st.good_best);
        card(ctx, "##c3", w, big, "good calls in a row", detail, st.good_now > 0 ? kCalm : kSoft);
        ImGui::SameLine();
        double sum = 0;
        int n = 0;
        for (size_t i = summary_.calm_share.size(); i-- > 0 && n < 5;)
            if (summary_.calm_share[i] >= 0) sum += summary_.calm_share[i], ++n;
        std::snprintf(big, sizeof big, n ? "%d%%" : "-", static_cast<int>(std::lround(n ? 100 * sum / n : 0)));
        card(ctx, "##c4", w, big, "calm replies", "no mistake in them, last five calls", n && sum / n >= 0.7 ? kCalm : kChurn);
    }

    // --- best scores and calls to try again ------------------------------------------------

    void best_scores(AppContext& ctx, ScreenRequest& req) {
        float s = ctx.settings.ui_scale;
        ImGui::TextUnformatted("Best score on each call");
        bool any_old = std::any_of(summary_.levels.begin(), summary_.levels.end(),
                                   [](const LevelSummary& l) { return l.best_old_scoring >= 0; });
        if (any_old) {
            ImGui::SameLine();
            old_scoring_mark("(old scoring kept apart)");
        }
        if (ImGui::BeginTable("##best", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
                              ImVec2(0, std::min(34 * s + summary_.levels.size() * 27 * s, 250 * s)))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("Call", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn("Tries", ImGuiTableColumnFlags_WidthFixed, 44 * s);
            ImGui::TableSetupColumn("Best", ImGuiTableColumnFlags_WidthFixed, (any_old ? 100 : 44) * s);
            ImGui::TableHeadersRow();
            for (const LevelSummary& l : summary_.levels) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(l.title.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%d", l.attempts);
                ImGui::TableNextColumn();
                if (l.best >= 0) ImGui::TextColored(l.best >= 70 ? kCalm : l.best < 50 ? kChurn : kSoft, "%d", l.best);
                if (l.best_old_scoring >= 0) {
                    if (l.best >= 0) ImGui::SameLine();
                    old_scoring_mark(("old " + std::to_string(l.best_old_scoring)).c_str());
                }
            }
            ImGui::EndTable();
        }
        ImGui::Spacing();
        ImGui::TextUnformatted("Calls to try again");
        ImGui::SameLine();
        ImGui::TextDisabled("(latest go: under 50, or capsized)");
        ImGui::BeginChild("##again", ImVec2(0, 0), true);
        if (summary_.try_again.empty()) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(kCalm, "None: your last go at every call went at least fairly well.");
            ImGui::PopTextWrapPos();
        }
        for (int k : summary_.try_again) {
            const LevelSummary& l = summary_.levels[static_cast<size_t>(k)];
            const Attempt& a = *summary_.attempts[static_cast<size_t>(l.latest)].attempt;
            ImGui::PushID(k);
            ImGui::TextUnformatted(l.title.c_str());
            ImGui::TextColored(kChurn, "%s, score %d", outcome_text(a.outcome).c_str(), a.score);
            if (summary_.attempts[static_cast<size_t>(l.latest)].old_scoring) {
                ImGui::SameLine();
                old_scoring_mark();
            }
            ImGui::SameLine(ImGui::GetContentRegionAvail().x - 90 * s + ImGui::GetCursorPosX() - ImGui::GetCursorPosX());
            std::string path = find_level_file(l.level);
            std::error_code ec;
            bool playable = fs::exists(path, ec);
            if (!playable) ImGui::BeginDisabled();
            if (ImGui::Button("Try again", ImVec2(90 * s, 0))) {
                req.kind = ScreenRequest::play;
                req.level_path = path;
            }
            if (!playable) ImGui::EndDisabled();
            if (!playable && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
                ImGui::SetTooltip("The level file %s is not here any more.", l.level.c_str());
            ImGui::Separator();
            ImGui::PopID();
        }
        ImGui::EndChild();
    }

    // --- technique mastery -----------------------------------------------------------------

    void techniques(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        ImGui::BeginChild("##tech", ImVec2(0, 0), false);
        ImGui::TextUnformatted("Calm replies, call by call");
        ImGui::SameLine();
        ImGui::TextDisabled("(share of your replies with no mistake in them)");
        std::vector<float> calm;
        for (double v : summary_.calm_share) calm.push_back(v < 0 ? NAN : static_cast<float>(v));
        share_chart(ctx, "calm", calm, 96 * s, theme::im(theme::kTrendCalm));
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled(
            "Each small plot is one technique. A point is one call in which it was on offer at a fork you "
            "reached; its height is how often you used it there (for a mistake: how often you steered clear). "
            "Breathing before a reply is always on offer.");
        ImGui::PopTextWrapPos();
        if (summary_.techniques.empty())
            ImGui::TextDisabled("No technique figures yet: the levels of these calls could not be read.");
        if (summary_.unreadable_levels > 0)
            ImGui::TextDisabled("%d call(s) are left out: their level file could not be read.", summary_.unreadable_levels);
        float gap = ImGui::GetStyle().ItemSpacing.x;
        int cols = ImGui::GetContentRegionAvail().x > 1000 * s ? 3 : 2;
        float w = (ImGui::GetContentRegionAvail().x - gap * (cols - 1)) / cols;
        int col = 0;
        for (const TechniqueMastery& m : summary_.techniques) {
            if (col > 0) ImGui::SameLine();
            ImGui::PushID(m.id.c_str());
            ImGui::BeginChild("##m", ImVec2(w, 104 * s), true, ImGuiWindowFlags_NoScrollbar);
            ImGui::TextColored(m.mistake ? kChurn : kCalm, "%s %s", m.mistake ? "x" : "+", m.name.c_str());
            ImGui::TextDisabled(m.mistake ? "avoided %d of %d times, lately %d%%" : "used %d of %d times, lately %d%%",
                                m.used, m.offered, static_cast<int>(std::lround(m.recent * 100)));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("lately: over the last five calls where it was on offer");
            std::vector<float> pts(summary_.attempts.size(), NAN);
            for (size_t k = 0; k < m.attempt.size(); ++k) pts[static_cast<size_t>(m.attempt[k])] = static_cast<float>(m.share[k]);
            share_chart(ctx, "m", pts, ImGui::GetContentRegionAvail().y, m.mistake ? theme::im(theme::kTrendMistake)
                                                                                    : theme::im(theme::kTrendTechnique));
            ImGui::EndChild();
            ImGui::PopID();
            col = (col + 1) % cols;
        }
        ImGui::EndChild();
    }

    // --- first attempt beside the latest ---------------------------------------------------

    void first_and_latest(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        if (compare_level_ < 0) return;
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Call");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(340 * s);
        const LevelSummary& cur = summary_.levels[static_cast<size_t>(compare_level_)];
        if (ImGui::BeginCombo("##level", cur.title.c_str())) {
            for (size_t i = 0; i < summary_.levels.size(); ++i) {
                char label[200];
                std::snprintf(label, sizeof label, "%s  (%d)", summary_.levels[i].title.c_str(), summary_.levels[i].attempts);
                if (ImGui::Selectable(label, static_cast<int>(i) == compare_level_)) compare_level_ = static_cast<int>(i);
            }
            ImGui::EndCombo();
        }
        const LevelSummary& l = summary_.levels[static_cast<size_t>(compare_level_)];
        if (l.first == l.latest) {
            ImGui::SameLine();
            ImGui::TextDisabled("Played once so far: play it again to compare.");
        }
        float gap = ImGui::GetStyle().ItemSpacing.x;
        float w = (ImGui::GetContentRegionAvail().x - gap) / 2;
        attempt_column(ctx, "##first", w, l.first, l.first == l.latest ? "The only go" : "First go");
        ImGui::SameLine();
        if (l.first != l.latest) attempt_column(ctx, "##latest", w, l.latest, "Latest go");
    }

    void attempt_column(AppContext& ctx, const char* id, float w, int index, const char* heading) {
        float s = ctx.settings.ui_scale;
        const AttemptView& v = summary_.attempts[static_cast<size_t>(index)];
        const Attempt& a = *v.attempt;
        ImGui::BeginChild(id, ImVec2(w, 0), true);
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextUnformatted(heading);
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", short_when(a.when).c_str());
        ImGui::TextColored(v.good ? kCalm : v.bad ? kChurn : kSoft, "%s - score %d", outcome_text(a.outcome).c_str(),
                           a.score);
        if (v.old_scoring) {
            ImGui::SameLine();
            old_scoring_mark();
        }
        ImGui::TextDisabled("lowest composure %d, %d jolt%s", static_cast<int>(std::lround(a.composure_min)), a.jolts,
                            a.jolts == 1 ? "" : "s");
        call_chart(ctx, v, 120 * s);
        ImGui::PushID(index);
        if (!a.replay_json.empty() && ImGui::SmallButton("Watch this replay")) watch_attempt(ctx, a);
        ImGui::PopID();
        ImGui::Separator();
        if (v.choices.empty()) ImGui::TextDisabled("No replies were given in this call.");
        for (size_t i = 0; i < v.choices.size(); ++i) {
            const ChoiceView& c = v.choices[i];
            ImVec2 p = ImGui::GetCursorScreenPos();
            int letter = c.reply.empty() ? 0 : std::clamp(c.reply[0] - 'A', 0, 3);
            draw_channel_badge(ImGui::GetWindowDrawList(), ImVec2(p.x + 10 * s, p.y + 10 * s), 9 * s, letter,
                               ctx.fonts.body, 13 * s);
            ImGui::SetCursorScreenPos(ImVec2(p.x + 26 * s, p.y));
            ImGui::BeginGroup();
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(c.text.empty() ? ("Reply " + c.reply).c_str() : c.text.c_str());
            std::string names;
            for (const std::string& t : c.techniques) {
                const Technique* tech = ctx.catalogue->find(t);
                names += (names.empty() ? "" : ", ") + (tech ? tech->name : t);
            }
            if (!names.empty()) ImGui::TextColored(c.calm ? kCalm : kChurn, "%s", names.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndGroup();
            ImGui::Spacing();
        }
        ImGui::EndChild();
    }

    // --- every attempt ---------------------------------------------------------------------

    void every_attempt(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY;
        if (!ImGui::BeginTable("##all", 5, flags, ImVec2(0, 0))) return;
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, 135 * s);
        ImGui::TableSetupColumn("Call", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Outcome", ImGuiTableColumnFlags_WidthFixed, 190 * s);
        bool any_old = std::any_of(summary_.attempts.begin(), summary_.attempts.end(),
                                   [](const AttemptView& v) { return v.old_scoring; });
        ImGui::TableSetupColumn("Score", ImGuiTableColumnFlags_WidthFixed, (any_old ? 130 : 48) * s);
        ImGui::TableSetupColumn("Replay", ImGuiTableColumnFlags_WidthFixed, 178 * s);
        ImGui::TableHeadersRow();
        for (size_t k = summary_.attempts.size(); k-- > 0;) {  // newest first
            const AttemptView& v = summary_.attempts[k];
            const Attempt& a = *v.attempt;
            ImGui::PushID(static_cast<int>(k));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::TextDisabled("%s", short_when(a.when).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.title.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(v.good ? kCalm : v.bad ? kChurn : kSoft, "%s", outcome_text(a.outcome).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%d", a.score);
            if (v.old_scoring) {
                ImGui::SameLine();
                old_scoring_mark();
            }
            ImGui::TableNextColumn();
            if (a.replay_json.empty()) {
                ImGui::TextDisabled("no replay kept");
            } else {
                if (ImGui::SmallButton("Watch")) watch_attempt(ctx, a);
                ImGui::SameLine();
                if (ImGui::SmallButton("Export...")) open_export(a);
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    // --- watching, exporting, importing ----------------------------------------------------

    // Opens the play screen on a replay, on its level as it was played: `level_file` while it is
    // unchanged, else the copy the profile kept; says plainly why when there is neither.
    void watch(AppContext& ctx, const Replay& replay, const std::string& source, const std::string& level_file) {
        PlaybackLevel found = find_playback_level(replay, find_level_file(level_file), [&] { return db_; },
                                                *ctx.catalogue);
        if (!found.level) {
            show_error("The replay " + source + " cannot be played back. " + found.problem +
                       " If you have the level file it was recorded on, open it with calmwaters replay FILE "
                       "--level LEVEL.");
            return;
        }
        PlayOptions options;
        options.replay = std::make_shared<Replay>(replay);
        options.keep_attempt = false;
        options.replay_note = playback_source_note(found.source);
        if (std::string drift = playback_drift_note(replay, build_id()); !drift.empty())
            options.replay_note += (options.replay_note.empty() ? "" : " ") + drift;
        message_.clear();
        watching_ = make_play_screen(ctx, std::move(*found.level), options);
        pending_watch_ = true;
    }

    void watch_attempt(AppContext& ctx, const Attempt& a) {
        std::string source = "the call of " + short_when(a.when);
        ReplayLoad r = replay_from_json(a.replay_json, "attempt " + std::to_string(a.id));
        if (!r.ok()) {
            show_error("The replay kept with " + source + " cannot be read: " + format_problems(r.problems));
            return;
        }
        watch(ctx, *r.replay, source, a.level);  // a class call's attempt names the copy it kept
    }

    void open_export(const Attempt& a) {
        exporting_ = a.id;
        export_result_.clear();
        export_ok_ = false;
        std::string name = file_stem(a.level) + "-" + a.when.substr(0, 10) + "-" + std::to_string(a.id) + ".replay.json";
        std::snprintf(export_path_, sizeof export_path_, "%s/%s", export_dir_.c_str(), name.c_str());
        open_export_popup_ = true;
    }

    bool export_replay(std::string& result) {
        const Attempt* a = nullptr;
        for (const Attempt& x : attempts_)
            if (x.id == exporting_) a = &x;
        if (!a) {
            result = "That call is no longer in the profile.";
            return false;
        }
        std::string path = export_path_;
        if (path.empty() || path.back() == '/') {
            result = "Type the file to write, for example " + export_dir_ + "/my-call.replay.json";
            return false;
        }
        ReplayLoad r = replay_from_json(a->replay_json, "attempt " + std::to_string(a->id));
        if (!r.ok()) {
            result = "The kept replay cannot be read: " + format_problems(r.problems);
            return false;
        }
        std::error_code ec;
        fs::path parent = fs::path(path).parent_path();
        if (!parent.empty()) fs::create_directories(parent, ec);
        std::string error;
        if (!save_replay_file(*r.replay, path, error)) {
            result = error + " (does the folder exist, and can it be written?)";
            return false;
        }
        result = "Written to " + path + ". Open it with Import replay..., or calmwaters replay FILE.";
        return true;
    }

    void show_error(const std::string& text) {
        message_ = text;
        message_is_error_ = true;
    }

    void popups(AppContext& ctx) {
        float s = ctx.settings.ui_scale;
        ImVec2 centre(ctx.width * 0.5f, ctx.height * 0.5f);
        if (open_export_popup_) {
            ImGui::OpenPopup("Export a replay");
            open_export_popup_ = false;
        }
        ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(std::min(700 * s, ctx.width - 40.0f), 0));
        if (ImGui::BeginPopupModal("Export a replay", nullptr, ImGuiWindowFlags_NoResize)) {
            ImGui::TextWrapped("Save this call's replay as a file, to send to a trainer or keep. Where to write it:");
            ImGui::SetNextItemWidth(-1);
            bool enter = ImGui::InputText("##export", export_path_, sizeof export_path_, ImGuiInputTextFlags_EnterReturnsTrue);
            if (!export_result_.empty()) {
                ImGui::PushTextWrapPos(0);
                ImGui::TextColored(export_ok_ ? kCalm : kError, "%s", export_result_.c_str());
                ImGui::PopTextWrapPos();
            }
            if (!export_ok_ && (ImGui::Button("Export", ImVec2(120 * s, 0)) || enter)) export_ok_ = export_replay(export_result_);
            if (!export_ok_) ImGui::SameLine();
            if (ImGui::Button(export_ok_ ? "Done" : "Cancel", ImVec2(120 * s, 0))) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }

        ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(std::min(700 * s, ctx.width - 40.0f), 0));
        if (ImGui::BeginPopupModal("Import a replay", nullptr, ImGuiWindowFlags_NoResize)) {
            ImGui::TextWrapped("Open a replay file (for example a trainee's run) and watch it. The file to open:");
            ImGui::SetNextItemWidth(-1);
            bool enter = ImGui::InputText("##import", import_path_, sizeof import_path_, ImGuiInputTextFlags_EnterReturnsTrue);
            if (!import_error_.empty()) {
                ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kErrorPanel);
                ImGui::BeginChild("##importerr", ImVec2(0, 120 * s), true, ImGuiWindowFlags_HorizontalScrollbar);
                ImGui::TextColored(kError, "%s", import_error_.c_str());
                ImGui::EndChild();
                ImGui::PopStyleColor();
            }
            if (ImGui::Button("Open", ImVec2(120 * s, 0)) || enter) {
                ReplayLoad r = load_replay_file(import_path_);
                if (!r.ok()) {
                    import_error_ = format_problems(r.problems);
                } else {
                    message_.clear();
                    watch(ctx, *r.replay, import_path_, r.replay->level);
                    if (watching_) ImGui::CloseCurrentPopup();
                    else import_error_ = message_, message_.clear();
                }
            }
            ImGui::SameLine();
            if (ImGui::Button("Cancel", ImVec2(120 * s, 0))) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }

        ImGui::SetNextWindowPos(centre, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
        if (ImGui::BeginPopupModal("New profile", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
            ImGui::TextUnformatted("A profile keeps one person's calls, progress and settings.");
            ImGui::SetNextItemWidth(320 * s);
            if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
            bool enter = ImGui::InputTextWithHint("##name", "a name", new_name_, sizeof new_name_,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
            if (!name_error_.empty()) ImGui::TextColored(kError, "%s", name_error_.c_str());
            if (ImGui::Button("Create", ImVec2(120 * s, 0)) || enter) {
                std::string name = new_name_;
                std::string error;
                if (db_ && db_->ensure_profile(name, error)) {
                    switch_profile(ctx, name);
                    ImGui::CloseCurrentPopup();
                } else {
                    name_error_ = error;
                }
            }
            ImGui::SameLine();
            if (ImGui::Button("Cancel", ImVec2(120 * s, 0))) ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
    }

    ProfileDb* db_ = nullptr;
    std::unique_ptr<ProfileDb> sample_db_;
    std::string sample_dir_;
    std::string profile_;
    std::vector<std::string> profiles_;
    std::vector<Attempt> attempts_;
    ProgressSummary summary_;  // points into attempts_
    std::map<std::string, std::optional<Level>> levels_;
    int compare_level_ = -1;
    std::unique_ptr<Screen> watching_;
    bool pending_watch_ = false, back_ = false;
    std::string message_;
    bool message_is_error_ = false;
    std::string export_dir_;
    long long exporting_ = 0;
    bool open_export_popup_ = false, export_ok_ = false;
    std::string export_result_;
    char export_path_[1024] = {};
    char import_path_[1024] = {};
    std::string import_error_;
    char new_name_[64] = {};
    std::string name_error_;
};

}  // namespace

std::unique_ptr<Screen> make_progress_screen(AppContext& ctx) { return std::make_unique<ProgressScreen>(ctx); }

}  // namespace cw
