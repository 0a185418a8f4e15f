#include "class_report.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "class_debrief.hpp"
#include "class_records.hpp"
#include "content/atomic_file.hpp"

namespace cw::net {

namespace fs = std::filesystem;

std::string csv_field(const std::string& s) {
    std::string v = s;
    // A spreadsheet runs a cell that starts with = + - @ as a formula: a name must stay a name.
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v = "'" + v;
    if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string html_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string utc_now_iso() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
    return out;
}

std::string fixed(double v, int digits = 1) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

const char* verdict_words(Verdict v) {
    switch (v) {
        case Verdict::verified: return "checked";
        case Verdict::mismatch: return "did not match the host's re-run";
        case Verdict::unfinished: return "unfinished";
        case Verdict::playing: return "still playing";
        case Verdict::left: return "left (connected, but sent nothing)";
        case Verdict::ended: return "ended by the trainer before they finished";
    }
    return "";
}

// One question's spread of replies as a horizontal bar chart.
std::string spread_svg(const QuestionTally& q) {
    const int row = 26, label_w = 40, bar_w = 420;
    int most = 1;
    for (const ReplyTally& r : q.replies) most = std::max(most, r.chosen);
    std::ostringstream svg;
    int h = static_cast<int>(q.replies.size()) * row + 6;
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << label_w + bar_w + 60 << "\" height=\"" << h
        << "\" role=\"img\" aria-label=\"replies chosen at " << html_escape(q.id) << "\">";
    static const char* kQualityColour[] = {"#d55e00", "#e69f00", "#009e73"};  // mistake, mixed, calm
    for (size_t i = 0; i < q.replies.size(); ++i) {
        const ReplyTally& r = q.replies[i];
        int y = static_cast<int>(i) * row + 3;
        int w = r.chosen * bar_w / most;
        svg << "<text x=\"4\" y=\"" << y + 17 << "\" font-size=\"14\" font-weight=\"bold\">" << r.letter << "</text>";
        svg << "<rect x=\"" << label_w << "\" y=\"" << y + 3 << "\" width=\"" << std::max(w, 2) << "\" height=\"18\" fill=\""
            << kQualityColour[std::clamp(r.quality + 1, 0, 2)] << "\"/>";
        svg << "<text x=\"" << label_w + std::max(w, 2) + 6 << "\" y=\"" << y + 17 << "\" font-size=\"13\">" << r.chosen
            << "</text>";
    }
    svg << "</svg>";
    return svg.str();
}

}  // namespace

std::string class_csv(const ClassSession& session) {
    std::ostringstream out;
    out << "call,level,trainee,shown_as,outcome,score,composure_min,jolts,seconds,result_check,replies,techniques\n";
    for (size_t c = 0; c < session.calls().size(); ++c) {
        CallDebrief d = class_debrief(session, static_cast<int>(c));
        for (const TraineeResult& t : d.trainees) {
            if (!t.played) continue;
            out << c + 1 << ',' << csv_field(d.level_name) << ',' << csv_field(t.name) << ',' << csv_field(t.shown_name)
                << ',' << t.outcome << ',' << t.score << ',' << fixed(t.composure_min) << ',' << t.jolts << ','
                << fixed(t.seconds) << ',' << verdict_id(t.verdict) << ',' << csv_field(join(t.replies, " ")) << ','
                << csv_field(join(t.techniques, " ")) << '\n';
        }
    }
    return out.str();
}

std::string class_html(const ClassSession& session, const std::string& when) {
    const bool anonymous = session.settings().anonymous;
    std::ostringstream h;
    h << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>Calm Waters class report " << html_escape(session.settings().code) << "</title>\n"
      << "<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#1d2b36;"
         "background:#f6f8f9}h1{color:#0b5d7a}h2{border-bottom:2px solid #0b5d7a;padding-bottom:.2em;margin-top:2em}"
         "table{border-collapse:collapse;width:100%;margin:1em 0}th,td{border:1px solid #c8d3da;padding:.35em .5em;"
         "text-align:left;font-size:.92em}th{background:#e3ecf1}.q{background:#fff;border:1px solid #c8d3da;"
         "border-radius:6px;padding:.8em 1em;margin:1em 0}.say{font-style:italic}.discuss{background:#fff8e1;"
         "padding:.4em .6em;border-left:4px solid #e69f00}.key span{display:inline-block;width:12px;height:12px;"
         "margin:0 4px 0 12px}</style>\n</head><body>\n";
    h << "<h1>Calm Waters: class report</h1>\n<p>Session <b>" << html_escape(session.settings().code) << "</b>, "
      << html_escape(when) << ". " << session.trainees().size() << " trainees"
      << (anonymous ? ", shown by nickname" : "") << ".</p>\n";
    h << "<p class=\"key\">Bar colours: <span style=\"background:#009e73\"></span>a calm reply"
         "<span style=\"background:#e69f00\"></span>mixed<span style=\"background:#d55e00\"></span>a reply that "
         "raises the heat</p>\n";
    for (size_t c = 0; c < session.calls().size(); ++c) {
        CallDebrief d = class_debrief(session, static_cast<int>(c));
        h << "<h2>Call " << c + 1 << ": " << html_escape(d.title) << "</h2>\n";
        h << "<p>" << d.finished << " finished, " << d.resolved << " resolved; mean score " << fixed(d.mean_score)
          << ".</p>\n";
        for (const QuestionTally& q : d.questions) {
            h << "<div class=\"q\"><p class=\"say\">&ldquo;" << html_escape(q.say) << "&rdquo;</p>\n"
              << spread_svg(q) << "\n<table><tr><th></th><th>Reply</th><th>Techniques</th><th>Chosen</th>"
              << "<th>Intensity change (mean)</th></tr>\n";
            for (const ReplyTally& r : q.replies) {
                h << "<tr><td>" << r.letter << "</td><td>" << html_escape(r.text) << "</td><td>"
                  << html_escape(join(r.techniques, ", ")) << "</td><td>" << r.chosen << "</td><td>"
                  << (r.chosen ? fixed(r.mean_intensity_change) : "&ndash;") << "</td></tr>\n";
            }
            h << "</table>\n";
            if (!q.discuss.empty()) h << "<p class=\"discuss\"><b>Talk about it:</b> " << html_escape(q.discuss) << "</p>\n";
            h << "</div>\n";
        }
        if (!d.techniques.empty()) {
            h << "<h3>Technique by technique</h3>\n<table><tr><th>Technique</th><th>Times used</th>"
              << "<th>Intensity change (mean)</th></tr>\n";
            for (const TechniqueTally& t : d.techniques)
                h << "<tr><td>" << html_escape(t.name) << "</td><td>" << t.uses << "</td><td>"
                  << fixed(t.mean_intensity_change) << "</td></tr>\n";
            h << "</table>\n";
        }
        h << "<h3>Trainees</h3>\n<table><tr><th>" << (anonymous ? "Nickname" : "Name")
          << "</th><th>Outcome</th><th>Score</th><th>Lowest composure</th><th>Jolts</th><th>Replies</th>"
          << "<th>Result</th></tr>\n";
        for (const TraineeResult& t : d.trainees) {
            if (!t.played) continue;
            h << "<tr><td>" << html_escape(anonymous ? t.shown_name : t.name) << "</td><td>" << html_escape(t.outcome)
              << "</td><td>" << t.score << "</td><td>" << fixed(t.composure_min) << "</td><td>" << t.jolts << "</td><td>"
              << html_escape(join(t.replies, " ")) << "</td><td>" << verdict_words(t.verdict) << "</td></tr>\n";
        }
        h << "</table>\n";
    }
    h << "</body></html>\n";
    return h.str();
}

std::string class_xapi(const ClassSession& session, const std::string& home_page, const std::string& registration,
                       std::time_t ended_at) {
    nlohmann::ordered_json statements = nlohmann::ordered_json::array();
    for (size_t c = 0; c < session.calls().size(); ++c)
        for (nlohmann::ordered_json& s : class_call_statements(session, static_cast<int>(c), home_page, registration, ended_at))
            statements.push_back(std::move(s));
    return statements.dump(2) + "\n";
}

std::vector<std::string> write_class_reports(const ClassSession& session, const std::string& dir,
                                             const std::string& when, const ClassRecordIds& ids, std::string& error) {
    std::vector<std::string> written;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        error = "could not make the folder " + dir + ": " + ec.message();
        return written;
    }
    const std::string base = dir + "/class-" + session.settings().code;
    const std::pair<std::string, std::string> files[] = {{base + ".csv", class_csv(session)},
                                                         {base + ".html", class_html(session, when)},
                                                         {base + ".xapi.json", class_xapi(session, ids.home_page, ids.registration, std::time(nullptr))}};
    for (const auto& [path, text] : files) {
        if (!write_file_atomically(path, text, error)) return written;
        written.push_back(path);
    }
    return written;
}

}  // namespace cw::net
