// Keyboard, mouse and gamepad, turned into the simulation's Input. Keys: A/D or arrows paddle,
// Space breathes. Mouse: left/right button paddle, middle button (or both) breathes.
// Gamepad: left stick, d-pad or shoulders paddle; A breathes.
#pragma once
#include <SDL.h>

#include "core/sim.hpp"

namespace cw {

class InputDevices {
public:
    InputDevices();
    ~InputDevices();
    void handle_event(const SDL_Event& e);  // gamepads coming and going
    // `mouse_free`: false while the pointer is over a panel, so clicks there are not strokes.
    Input read(bool mouse_free) const;
    bool has_gamepad() const { return pad_ != nullptr; }

private:
    void open_first_pad();
    SDL_GameController* pad_ = nullptr;
};

}  // namespace cw
