#include "input.hpp"

#include <cmath>
#include <cstdlib>

namespace cw {

namespace {
// The left stick counts as a footstep once pushed past this, and is ready for the next one once
// back under the release point, so a stick resting near the edge does not chatter.
constexpr double kStickPress = 0.5, kStickRelease = 0.3;
}  // namespace

InputDevices::InputDevices() { open_first_pad(); }

void InputDevices::open_first_pad() {
    for (int i = 0; i < SDL_NumJoysticks() && !pad_; ++i)
        if (SDL_IsGameController(i)) pad_ = SDL_GameControllerOpen(i);
}

InputDevices::~InputDevices() {
    if (pad_) SDL_GameControllerClose(pad_);
}

bool InputDevices::is_pad(SDL_JoystickID which) const {
    return pad_ && which == SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(pad_));
}

void InputDevices::handle_event(const SDL_Event& e) {
    switch (e.type) {
        case SDL_CONTROLLERDEVICEADDED:
            if (!pad_) pad_ = SDL_GameControllerOpen(e.cdevice.which);
            break;
        case SDL_CONTROLLERDEVICEREMOVED:
            if (is_pad(e.cdevice.which)) {
                SDL_GameControllerClose(pad_);
                pad_ = nullptr;
                stick_side_ = 0;
                open_first_pad();  // another pad still plugged in takes over
            }
            break;
        case SDL_KEYDOWN:
            if (e.key.repeat) break;  // a held key is one step, not a run
            if (e.key.keysym.scancode == SDL_SCANCODE_A || e.key.keysym.scancode == SDL_SCANCODE_LEFT) key_step_ = -1;
            if (e.key.keysym.scancode == SDL_SCANCODE_D || e.key.keysym.scancode == SDL_SCANCODE_RIGHT) key_step_ = 1;
            break;
        case SDL_CONTROLLERBUTTONDOWN:
            if (!is_pad(e.cbutton.which)) break;
            if (e.cbutton.button == SDL_CONTROLLER_BUTTON_DPAD_LEFT || e.cbutton.button == SDL_CONTROLLER_BUTTON_LEFTSHOULDER)
                pad_step_ = -1;
            if (e.cbutton.button == SDL_CONTROLLER_BUTTON_DPAD_RIGHT ||
                e.cbutton.button == SDL_CONTROLLER_BUTTON_RIGHTSHOULDER)
                pad_step_ = 1;
            break;
        case SDL_CONTROLLERAXISMOTION: {
            if (!is_pad(e.caxis.which) || e.caxis.axis != SDL_CONTROLLER_AXIS_LEFTX) break;
            double x = e.caxis.value / 32767.0;
            int side = x <= -kStickPress ? -1 : x >= kStickPress ? 1 : std::fabs(x) < kStickRelease ? 0 : stick_side_;
            if (side != 0 && side != stick_side_) pad_step_ = side;
            stick_side_ = side;
            break;
        }
        default: break;
    }
}

void InputDevices::end_frame() { key_step_ = pad_step_ = 0; }

Input InputDevices::read(bool mouse_free) const {
    Input in;
    const Uint8* keys = SDL_GetKeyboardState(nullptr);
    double paddle = 0;
    if (keys[SDL_SCANCODE_A] || keys[SDL_SCANCODE_LEFT]) paddle -= 1;
    if (keys[SDL_SCANCODE_D] || keys[SDL_SCANCODE_RIGHT]) paddle += 1;
    bool breath = keys[SDL_SCANCODE_SPACE];

    if (mouse_free) {
        Uint32 buttons = SDL_GetMouseState(nullptr, nullptr);
        bool left = buttons & SDL_BUTTON(SDL_BUTTON_LEFT), right = buttons & SDL_BUTTON(SDL_BUTTON_RIGHT);
        if (left && right) breath = true;  // both buttons: a mouse-only way to breathe
        else if (left) paddle -= 1;
        else if (right) paddle += 1;
        if (buttons & SDL_BUTTON(SDL_BUTTON_MIDDLE)) breath = true;
    }
    if (pad_) {
        double stick = SDL_GameControllerGetAxis(pad_, SDL_CONTROLLER_AXIS_LEFTX) / 32767.0;
        if (std::fabs(stick) > 0.2) paddle += stick;
        if (SDL_GameControllerGetButton(pad_, SDL_CONTROLLER_BUTTON_DPAD_LEFT) ||
            SDL_GameControllerGetButton(pad_, SDL_CONTROLLER_BUTTON_LEFTSHOULDER))
            paddle -= 1;
        if (SDL_GameControllerGetButton(pad_, SDL_CONTROLLER_BUTTON_DPAD_RIGHT) ||
            SDL_GameControllerGetButton(pad_, SDL_CONTROLLER_BUTTON_RIGHTSHOULDER))
            paddle += 1;
        if (SDL_GameControllerGetButton(pad_, SDL_CONTROLLER_BUTTON_A)) breath = true;
    }
    in.paddle = paddle < -1 ? -1 : (paddle > 1 ? 1 : paddle);
    in.breath = breath;
    return in;
}

bool InputDevices::pad_held() const {
    if (!pad_) return false;
    for (int b = 0; b < SDL_CONTROLLER_BUTTON_MAX; ++b)
        if (SDL_GameControllerGetButton(pad_, static_cast<SDL_GameControllerButton>(b))) return true;
    for (int a = 0; a < SDL_CONTROLLER_AXIS_MAX; ++a)
        if (std::abs(SDL_GameControllerGetAxis(pad_, static_cast<SDL_GameControllerAxis>(a))) > 8000) return true;
    return false;
}

DockInput InputDevices::read_dock(bool keys_free) const {
    DockInput in;
    in.hold = (keys_free && SDL_GetKeyboardState(nullptr)[SDL_SCANCODE_SPACE]) ||
              (pad_ && SDL_GameControllerGetButton(pad_, SDL_CONTROLLER_BUTTON_A));
    in.step = keys_free && key_step_ != 0 ? key_step_ : pad_step_;
    return in;
}

}  // namespace cw
