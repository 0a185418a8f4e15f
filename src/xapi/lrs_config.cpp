#include "lrs_config.hpp"

#include <cstdlib>
#include <filesystem>

#include "content/atomic_file.hpp"
#include "content/toml_reader.hpp"
#include "store/settings_file.hpp"

namespace cw::xapi {

namespace {

namespace fs = std::filesystem;

struct Url {
    std::string scheme, host, rest;
    bool has_userinfo = false;
};

// Just enough of a URL to check it: scheme, host (without port) and whatever follows.
std::optional<Url> split_url(const std::string& text) {
    Url u;
    size_t colon = text.find("://");
    if (colon == std::string::npos) return std::nullopt;
    u.scheme = text.substr(0, colon);
    for (char& c : u.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t start = colon + 3, end = text.find_first_of("/?#", start);
    std::string authority = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    u.rest = end == std::string::npos ? "" : text.substr(end);
    if (authority.find('@') != std::string::npos) u.has_userinfo = true;
    if (!authority.empty() && authority.front() == '[') {
        size_t close = authority.find(']');
        u.host = authority.substr(0, close == std::string::npos ? std::string::npos : close + 1);
    } else {
        u.host = authority.substr(0, authority.find(':'));
    }
    for (char& c : u.host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return u;
}

bool is_this_computer(const std::string& host) {
    return host == "localhost" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

// One file's [learning_records] table over `into`; its problems located in the file.
void read_file_over(const std::string& path, LrsConfig& into, std::vector<std::string>& problems) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return;
    std::vector<Problem> found;
    auto text = read_text_file(path, 64 * 1024, found);
    std::optional<toml::value> doc = text ? parse_toml(*text, path, found) : std::nullopt;
    if (doc) {
        SourceText source(path, *text);
        TomlReader r(source, found);
        if (const toml::value* t = r.table(*doc, "learning_records", false)) {
            r.unknown_keys(*t, {"endpoint", "key", "secret", "home_page", "ca_file"}, "[learning_records]");
            if (auto v = r.string(*t, "endpoint", false, 2000)) into.endpoint = *v;
            if (auto v = r.string(*t, "key", false, 500)) into.key = *v;
            if (auto v = r.string(*t, "secret", false, 500)) into.secret = *v;
            if (auto v = r.string(*t, "home_page", false, 2000)) into.home_page = *v;
            if (auto v = r.string(*t, "ca_file", false, 4000)) into.ca_file = *v;
        }
    }
    // The file holds a secret: a problem names its place, never quotes its line.
    for (Problem p : found) {
        p.line_text.clear();
        p.message = p.message.substr(0, p.message.find('\n'));
        std::string line = format_problem(p);
        problems.push_back(line.substr(0, line.find('\n')));
    }
}

void env_over(const char* name, std::string& into) {
    if (const char* v = std::getenv(name); v && *v) into = v;
}

// TOML's basic string, escaped.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
        else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", c);
            out += buf;
        } else out += static_cast<char>(c);
    }
    return out + "\"";
}

}  // namespace

std::string LrsConfig::statements_url() const {
    if (endpoint.empty()) return "";
    return endpoint + (endpoint.back() == '/' ? "" : "/") + "statements";
}

std::string LrsConfig::learner_home() const {
    if (!home_page.empty()) return home_page;
    auto u = split_url(endpoint);
    return u ? u->scheme + "://" + u->host : endpoint;
}

std::string endpoint_problem(const std::string& endpoint) {
    auto u = split_url(endpoint);
    if (!u || u->host.empty()) return "the record store's address should look like https://lrs.example.com/xAPI/";
    if (u->has_userinfo) return "put the key and secret in their own boxes, not in the address";
    if (u->scheme == "https") return "";
    if (u->scheme == "http")
        return is_this_computer(u->host) ? ""
                                         : "plain http is only allowed to this computer; use the https address so the "
                                           "secret and the records are not sent in the clear";
    return "the address should start with https://";
}

LrsConfigLoad load_system_lrs_config() {
    LrsConfigLoad out;
    read_file_over(system_settings_path(), out.config, out.problems);
    return out;
}

LrsConfigLoad load_user_lrs_config(const std::string& data_dir) {
    LrsConfigLoad out;
    read_file_over((fs::path(data_dir) / kUserLrsFile).string(), out.config, out.problems);
    return out;
}

std::vector<std::string> lrs_variables_set() {
    std::vector<std::string> set;
    for (const char* name : {"CALMWATERS_LRS_ENDPOINT", "CALMWATERS_LRS_KEY", "CALMWATERS_LRS_SECRET",
                             "CALMWATERS_LRS_HOME_PAGE", "CALMWATERS_LRS_CA_FILE"})
        if (const char* v = std::getenv(name); v && *v) set.push_back(name);
    return set;
}

LrsConfigLoad load_lrs_config(const std::string& data_dir) {
    LrsConfigLoad out = load_system_lrs_config();
    read_file_over((fs::path(data_dir) / kUserLrsFile).string(), out.config, out.problems);
    env_over("CALMWATERS_LRS_ENDPOINT", out.config.endpoint);
    env_over("CALMWATERS_LRS_KEY", out.config.key);
    env_over("CALMWATERS_LRS_SECRET", out.config.secret);
    env_over("CALMWATERS_LRS_HOME_PAGE", out.config.home_page);
    env_over("CALMWATERS_LRS_CA_FILE", out.config.ca_file);
    return out;
}

bool save_lrs_config(const std::string& data_dir, const LrsConfig& c, std::string& error) {
    const fs::path path = fs::path(data_dir) / kUserLrsFile;
    std::error_code ec;
    fs::create_directories(data_dir, ec);
    if (c.endpoint.empty()) {
        fs::remove(path, ec);
        return true;
    }
    std::string text = "# Where Calm Waters sends learning records. Written by Settings; it holds the\n"
                       "# store's secret, so only you can read it.\n[learning_records]\n";
    text += "endpoint = " + quoted(c.endpoint) + "\n";
    if (!c.key.empty()) text += "key = " + quoted(c.key) + "\n";
    if (!c.secret.empty()) text += "secret = " + quoted(c.secret) + "\n";
    if (!c.home_page.empty()) text += "home_page = " + quoted(c.home_page) + "\n";
    if (!c.ca_file.empty()) text += "ca_file = " + quoted(c.ca_file) + "\n";
    return write_file_atomically(path.string(), text, error, 0600);
}

}  // namespace cw::xapi
