// The token a class gives each trainee, kept on the trainee's computer (one small file per
// session code and name), so a game that crashed and restarted can take its place back even
// before the host has noticed the old connection is gone.
#pragma once
#include <cstdint>
#include <string>

namespace cw::net {

std::string rejoin_token_path(const std::string& data_dir, const std::string& code, const std::string& name);
uint64_t read_rejoin_token(const std::string& path);  // 0 when there is none
void write_rejoin_token(const std::string& path, uint64_t token);

}  // namespace cw::net
