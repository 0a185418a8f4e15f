// The screens the shell can show.
#pragma once
#include <memory>
#include <string>

#include "app.hpp"
#include "core/bot.hpp"

namespace cw {

std::unique_ptr<Screen> make_menu_screen(AppContext& ctx, std::string message = "");

// Null (and `error` set to the located problems) when the level does not load.
// `autopilot`: a bot plays (for screenshots and demos).
std::unique_ptr<Screen> make_play_screen(AppContext& ctx, const std::string& level_path, std::string& error,
                                         std::optional<BotPolicy> autopilot = std::nullopt);

// For screenshots: run a play screen's simulation ahead without drawing until `until` holds.
enum class PlayMoment { approaching_fork, finished };
void fast_forward(Screen& play_screen, PlayMoment moment);

}  // namespace cw
