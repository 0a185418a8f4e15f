// Loads assets/techniques.toml, checked like a level: located problems, never a crash.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "problems.hpp"

namespace cw {

struct CatalogueLoad {
    std::optional<Catalogue> catalogue;
    std::vector<Problem> problems;
    bool ok() const { return catalogue.has_value(); }
};

CatalogueLoad load_catalogue_text(const std::string& text, const std::string& file);
CatalogueLoad load_catalogue_file(const std::string& path);
// Personas go into an already loaded catalogue (they name techniques, so those come first).
std::vector<Problem> load_personas_text(const std::string& text, const std::string& file, Catalogue& into);
// assets/techniques.toml and assets/personas.toml from a folder: what the game runs on.
CatalogueLoad load_catalogue_dir(const std::string& assets_dir);

}  // namespace cw
