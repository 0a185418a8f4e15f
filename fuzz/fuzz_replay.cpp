// Any bytes as a replay file: read and validated; when it reads, played back on the shipped
// level (usually refused for its level hash, which must itself be a clean refusal).
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/catalogue_loader.hpp"
#include "content/level_loader.hpp"
#include "content/replay_file.hpp"
#include "play/call_run.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const cw::Catalogue catalogue = *cw::load_catalogue_dir(CW_SOURCE_DIR "/assets").catalogue;
    static const cw::Level level = *cw::load_level_file(CW_SOURCE_DIR "/levels/flatpack_shelf.toml", catalogue).level;
    std::string text(reinterpret_cast<const char*>(data), size);
    cw::ReplayLoad r = cw::replay_from_json(text, "fuzz.json");
    if (r.ok()) {
        cw::Replay replay = *r.replay;
        replay.level_hash = level.source_hash;  // reach the playback, not just the refusal
        replay.final_tick = std::min(replay.final_tick, 600);
        (void)cw::verify_replay(replay, level, catalogue, replay.build);
    }
    return 0;
}
