#include "replay_file.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "atomic_file.hpp"
#include "bounded_json.hpp"
#include "core/tuning.hpp"
#include "toml_reader.hpp"

namespace cw {

using json = nlohmann::ordered_json;

std::string hash_hex(uint64_t h) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

ReplayLoad read_fields(const json& j, const std::string& text, const SourceText& src, ReplayLoad& out);

namespace {

bool parse_hex(const json& v, uint64_t& out) {
    if (!v.is_string()) return false;
    const std::string& s = v.get_ref<const std::string&>();
    if (s.size() != 16) return false;
    out = 0;
    for (char c : s) {
        int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
        if (d < 0) return false;
        out = (out << 4) | static_cast<uint64_t>(d);
    }
    return true;
}

SourceLoc loc_of_byte(const std::string& text, size_t byte) {
    SourceLoc l{1, 1};
    for (size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') ++l.line, l.column = 1;
        else ++l.column;
    }
    return l;
}

// Where `"key": value` is in the text, pointing at the value, for a message about that value.
// JSON keeps no positions once parsed, so the key is looked for again (not inside a string:
// an escaped quote before it means it is text, not a key). {1, 1} when it cannot be found.
SourceLoc loc_of_value(const std::string& text, const std::string& key, int& width) {
    const std::string quoted = "\"" + key + "\"";
    width = 1;
    for (size_t at = text.find(quoted); at != std::string::npos; at = text.find(quoted, at + 1)) {
        if (at > 0 && text[at - 1] == '\\') continue;
        size_t p = at + quoted.size();
        while (p < text.size() && std::isspace(static_cast<unsigned char>(text[p]))) ++p;
        if (p >= text.size() || text[p] != ':') continue;
        ++p;
        while (p < text.size() && std::isspace(static_cast<unsigned char>(text[p]))) ++p;
        size_t end = p;
        while (end < text.size() && text[end] != ',' && text[end] != '}' && text[end] != '\n') ++end;
        width = std::max(1, static_cast<int>(end - p));
        return loc_of_byte(text, p);
    }
    return {1, 1};
}

}  // namespace

std::string replay_to_json(const Replay& r) {
    json j;
    j["calmwaters_replay"] = r.format;
    j["build"] = r.build;
    j["level"] = r.level;
    j["level_hash"] = hash_hex(r.level_hash);
    j["seed"] = r.seed;
    j["breath"] = r.breath;
    j["breath_holds"] = r.breath_holds;
    j["start_composure"] = r.start_composure;
    j["reading_pace"] = r.reading_pace;
    json week = json::object();
    for (const auto& [name, value] : r.week) week[name] = value;
    j["week"] = week;
    json inputs = json::array();
    for (const InputChange& c : r.inputs) inputs.push_back(json::array({c.tick, c.input.paddle, c.input.breath ? 1 : 0}));
    j["inputs"] = inputs;
    json sums = json::array();
    for (const ReplayChecksum& c : r.checksums) sums.push_back(json::array({c.tick, hash_hex(c.hash)}));
    j["checksums"] = sums;
    j["final_tick"] = r.final_tick;
    j["final_hash"] = hash_hex(r.final_hash);
    return j.dump() + "\n";
}

ReplayLoad replay_from_json(const std::string& text, const std::string& file) {
    ReplayLoad out;
    SourceText src(file, text);
    auto bad = [&](const std::string& what) {
        out.problems.push_back(src.at({1, 1}, what));
        return out;
    };
    if (json_nesting(text) > kMaxJsonNesting)
        return bad("this replay nests lists more than " + std::to_string(kMaxJsonNesting) +
                   " deep; the game never writes that, so the file is damaged");
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        out.problems.push_back(src.at(loc_of_byte(text, e.byte > 0 ? e.byte - 1 : 0),
                                      "this replay is not valid JSON (" + std::string(e.what()).substr(0, 160) + ")"));
        return out;
    } catch (const json::exception& e) {
        // Not only syntax: a number like 9e999 overflows while parsing (the fuzzer found it).
        return bad("this replay cannot be read (" + std::string(e.what()).substr(0, 160) + ")");
    }
    try {
        return read_fields(j, text, src, out);
    } catch (const std::exception& e) {
        return bad("this replay cannot be read (" + std::string(e.what()).substr(0, 160) + ")");
    }
}

ReplayLoad read_fields(const json& j, const std::string& text, const SourceText& src, ReplayLoad& out) {
    auto bad = [&](const std::string& what) {
        out.problems.push_back(src.at({1, 1}, what));
        return out;
    };
    if (!j.is_object() || !j.contains("calmwaters_replay")) return bad("this is not a Calm Waters replay file");
    Replay r;
    const json& fmt = j.at("calmwaters_replay");
    if (!fmt.is_number_integer() || fmt.get<long long>() != kReplayFormat)
        return bad("this replay is in a format this game does not read (it reads format " +
                   std::to_string(kReplayFormat) + ")");
    auto str = [&](const char* key, std::string& field, size_t max) {
        if (!j.contains(key) || !j[key].is_string() || j[key].get_ref<const std::string&>().size() > max) return false;
        field = j[key].get<std::string>();
        return true;
    };
    if (!str("build", r.build, 100)) return bad("the replay's `build` is missing or not text");
    if (!str("level", r.level, 1000)) return bad("the replay's `level` is missing or not text");
    if (!j.contains("level_hash") || !parse_hex(j["level_hash"], r.level_hash))
        return bad("the replay's `level_hash` should be 16 hex digits");
    if (!j.contains("seed") || !j["seed"].is_number_unsigned()) return bad("the replay's `seed` should be a whole number");
    r.seed = j["seed"].get<uint64_t>();
    if (!str("breath", r.breath, 16)) return bad("the replay's `breath` is missing or not text");
    if (!j.contains("breath_holds") || !j["breath_holds"].is_boolean()) return bad("`breath_holds` should be true or false");
    r.breath_holds = j["breath_holds"].get<bool>();
    if (!j.contains("start_composure") || !j["start_composure"].is_number()) return bad("`start_composure` should be a number");
    r.start_composure = j["start_composure"].get<double>();
    if (!std::isfinite(r.start_composure) || r.start_composure > 100 || (r.start_composure < 0 && r.start_composure != -1))
        return bad("`start_composure` should be -1 or between 0 and 100");
    // A replay from before the reading pace was recorded was played at the normal pace.
    if (j.contains("reading_pace")) {
        const json& pace = j["reading_pace"];
        if (!pace.is_number() || !reading_pace_valid(pace.get<double>())) {
            int width = 1;
            SourceLoc at = loc_of_value(text, "reading_pace", width);
            out.problems.push_back(src.at(at, "`reading_pace` should be a number from 0.5 to 2 (1 is the normal pace, "
                                              "2 twice the time to read)", width));
            return out;
        }
        r.reading_pace = pace.get<double>();
    }
    // A replay from before the week remembered has no `week`: the level's own values.
    if (j.contains("week")) {
        const json& week = j["week"];
        if (!week.is_object() || week.size() > 64) return bad("`week` should be a table of the week's variables and their values");
        for (const auto& [name, value] : week.items()) {
            if (name.empty() || name.size() > 64 || !value.is_number() || !std::isfinite(value.get<double>()) ||
                std::fabs(value.get<double>()) > 1000)
                return bad("each of the `week` variables is a name and a number from -1000 to 1000");
            r.week[name] = value.get<double>();
        }
    }
    if (!j.contains("final_tick") || !j["final_tick"].is_number_integer()) return bad("`final_tick` should be a whole number");
    long long ft = j["final_tick"].get<long long>();
    if (ft < 0 || ft > tuning::kMaxTicks) return bad("`final_tick` is out of range");
    r.final_tick = static_cast<int>(ft);
    if (!j.contains("final_hash") || !parse_hex(j["final_hash"], r.final_hash))
        return bad("the replay's `final_hash` should be 16 hex digits");

    if (!j.contains("inputs") || !j["inputs"].is_array()) return bad("the replay has no `inputs` list");
    if (j["inputs"].size() > static_cast<size_t>(tuning::kMaxTicks)) return bad("the replay has more inputs than ticks");
    int last = -1;
    for (const json& e : j["inputs"]) {
        if (!e.is_array() || e.size() != 3 || !e[0].is_number_integer() || !e[1].is_number() || !e[2].is_number_integer())
            return bad("each input is [tick, paddle, breath]");
        long long tick = e[0].get<long long>();
        double paddle = e[1].get<double>();
        long long breath = e[2].get<long long>();
        if (tick <= last || tick > r.final_tick) return bad("input ticks must rise and stay within the run");
        if (!std::isfinite(paddle) || paddle < -1 || paddle > 1) return bad("a paddle input is outside -1..1");
        if (breath != 0 && breath != 1) return bad("a breath input is neither 0 nor 1");
        last = static_cast<int>(tick);
        r.inputs.push_back({static_cast<int>(tick), Input{paddle, breath == 1}});
    }
    if (!j.contains("checksums") || !j["checksums"].is_array()) return bad("the replay has no `checksums` list");
    last = -1;
    for (const json& e : j["checksums"]) {
        ReplayChecksum c;
        if (!e.is_array() || e.size() != 2 || !e[0].is_number_integer() || !parse_hex(e[1], c.hash))
            return bad("each checksum is [tick, \"16 hex digits\"]");
        long long tick = e[0].get<long long>();
        if (tick <= last || tick > r.final_tick) return bad("checksum ticks must rise and stay within the run");
        last = static_cast<int>(tick);
        c.tick = last;
        r.checksums.push_back(c);
    }
    out.replay = std::move(r);
    return out;
}

ReplayLoad load_replay_file(const std::string& path) {
    ReplayLoad out;
    auto text = read_text_file(path, 8 * 1024 * 1024, out.problems);
    if (!text) return out;
    return replay_from_json(*text, path);
}

bool save_replay_file(const Replay& replay, const std::string& path, std::string& error) {
    return write_file_atomically(path, replay_to_json(replay), error);
}

}  // namespace cw
