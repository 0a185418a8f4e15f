// Small helpers the headless commands share: loading the catalogue and a level with messages
// on stderr, and reading flags.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "content/catalogue_loader.hpp"
#include "content/level_loader.hpp"

namespace cw {

// The shipped catalogue, or nothing (after printing its problems).
std::optional<Catalogue> load_shipped_catalogue();

// `--name value` from args; `present` tells whether the flag was there at all.
std::optional<std::string> flag_value(const std::vector<std::string>& args, const std::string& name);
bool has_flag(const std::vector<std::string>& args, const std::string& name);

}  // namespace cw
