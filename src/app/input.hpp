// Keyboard, mouse and gamepad, turned into what the screens need: the simulation's Input on the
// river, DockInput on the dock. Every screen reads the devices through here.
// Keys: A/D or arrows paddle (on the dock: step), Space breathes (on the dock: holds).
// Mouse: left/right button paddle, middle button (or both) breathes.
// Gamepad: left stick, d-pad or shoulders paddle (on the dock: step); A breathes (holds).
#pragma once
#include <SDL.h>

#include "core/dock.hpp"
#include "core/sim.hpp"

namespace cw {

class InputDevices {
public:
    InputDevices();
    ~InputDevices();
    // Every event, before the screen sees it: gamepads coming and going, and this frame's presses.
    void handle_event(const SDL_Event& e);
    // `mouse_free`: false while the pointer is over a panel, so clicks there are not strokes.
    Input read(bool mouse_free) const;
    // The dock's activities: `hold` while Space or the gamepad's A is down; `step` -1 or +1 when
    // left or right was pressed this frame (A/D or the arrow keys, the d-pad or a shoulder, or
    // the left stick pushed over), so each press is one footstep and holding is not walking.
    // `keys_free`: false while a text field has the keyboard, so typing is neither.
    // Only hold and step are filled in; the dock's screen adds the mouse and its buttons.
    DockInput read_dock(bool keys_free) const;
    // Forgets this frame's presses; the shell calls it after every frame.
    void end_frame();
    bool has_gamepad() const { return pad_ != nullptr; }
    // A gamepad button held or a stick pushed: input that sends no events while it lasts, so the
    // shell keeps drawing at full rate (frame_pacing.hpp) as ImGui navigates with it.
    bool pad_held() const;

private:
    void open_first_pad();
    bool is_pad(SDL_JoystickID which) const;
    SDL_GameController* pad_ = nullptr;
    int key_step_ = 0, pad_step_ = 0;  // this frame's footstep, from the keys and from the pad
    int stick_side_ = 0;               // where the left stick is pushed: -1 left, 0 centre, +1 right
};

}  // namespace cw
