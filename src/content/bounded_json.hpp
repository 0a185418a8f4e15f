// JSON from a file or a profile, read with a bound on nesting. nlohmann's parser keeps its own
// stack, but dump(), comparisons and copies recurse, so a profile whose `choices` were nested
// 100,000 deep parsed fine and then overflowed the stack when printed. Nothing the game writes
// nests more than a few levels, so deeper text is treated as unreadable.
#pragma once
#include <string_view>

#include <nlohmann/json.hpp>

namespace cw {

constexpr int kMaxJsonNesting = 64;

// The deepest nesting of lists and objects in `text` (strings skipped), stopping once past `limit`.
int json_nesting(std::string_view text, int limit = kMaxJsonNesting);

// The parsed value, or a discarded one (is_discarded()) when the text is not JSON or nests
// deeper than kMaxJsonNesting.
template <class Json = nlohmann::json>
Json parse_json_or_discarded(std::string_view text) {
    if (json_nesting(text) > kMaxJsonNesting) return Json(nlohmann::json::value_t::discarded);
    return Json::parse(text, nullptr, false);
}

}  // namespace cw
