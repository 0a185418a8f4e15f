#include "rejoin_token.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "protocol.hpp"

namespace cw::net {

std::string rejoin_token_path(const std::string& data_dir, const std::string& code, const std::string& name) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a: a file name that is safe whatever the name holds
    for (unsigned char c : normalise_code(code) + "\n" + name) h = (h ^ c) * 1099511628211ull;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return data_dir + "/class/" + buf + ".token";
}

uint64_t read_rejoin_token(const std::string& path) {
    std::ifstream in(path);
    unsigned long long t = 0;
    if (in >> t) return t;
    return 0;
}

void write_rejoin_token(const std::string& path, uint64_t token) {
    if (read_rejoin_token(path) == token) return;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    std::ofstream out(path, std::ios::trunc);
    out << static_cast<unsigned long long>(token) << '\n';  // losing it only means waiting for the old link to time out
}

}  // namespace cw::net
