#include "input.hpp"

#include <cmath>

namespace cw {

InputDevices::InputDevices() { open_first_pad(); }

void InputDevices::open_first_pad() {
    for (int i = 0; i < SDL_NumJoysticks() && !pad_; ++i)
        if (SDL_IsGameController(i)) pad_ = SDL_GameControllerOpen(i);
}

InputDevices::~InputDevices() {
    if (pad_) SDL_GameControllerClose(pad_);
}

void InputDevices::handle_event(const SDL_Event& e) {
    if (e.type == SDL_CONTROLLERDEVICEADDED && !pad_) pad_ = SDL_GameControllerOpen(e.cdevice.which);
    if (e.type == SDL_CONTROLLERDEVICEREMOVED && pad_ &&
        e.cdevice.which == SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(pad_))) {
        SDL_GameControllerClose(pad_);
        pad_ = nullptr;
        open_first_pad();  // another pad still plugged in takes over
    }
}

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

}  // namespace cw
