// Any bytes as a level file: parse and check, and when it passes, build the world and step it.
// Nothing may crash, hang or abort (Box2D asserts on degenerate geometry, so the checks must
// have caught it).
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/catalogue_loader.hpp"
#include "content/level_loader.hpp"
#include "core/sim.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const cw::Catalogue catalogue = *cw::load_catalogue_dir(CW_SOURCE_DIR "/assets").catalogue;
    std::string text(reinterpret_cast<const char*>(data), size);
    cw::LevelLoad load = cw::load_level_text(text, "fuzz.toml", catalogue);
    if (load.ok()) {
        cw::Simulation sim(*load.level, catalogue, 1);
        for (int i = 0; i < 240 && !sim.state().finished; ++i) sim.step({i % 40 < 20 ? 1.0 : -1.0, i % 90 < 30});
    } else {
        for (const auto& p : load.problems) (void)cw::format_problem(p);
    }
    return 0;
}
