// The sound card: opens SDL audio and feeds it from the generator in src/sound. The game tells
// it how the river is (roughness, the breath, replies, jolts) through a few calls that are safe
// from the main thread while the audio thread plays. No audio device is not an error: the game
// plays silently and the settings screen says why.
#pragma once
#include <atomic>
#include <string>

#include <SDL.h>

#include "sound/river_sound.hpp"

namespace cw {

class Simulation;

class AudioDevice {
public:
    AudioDevice() = default;
    AudioDevice(const AudioDevice&) = delete;
    AudioDevice& operator=(const AudioDevice&) = delete;
    ~AudioDevice();

    // Opens the default output at 48 kHz stereo. False (with status() saying why) when there is
    // no sound here; every other call still works and does nothing audible.
    bool open();
    bool playing() const { return device_ != 0; }
    // "" when playing; otherwise a sentence for the player.
    const std::string& status() const { return status_; }

    // From the main thread, once a frame: follow a call on the river. Starts a chime for each new
    // calm reply and a thud for each new jolt.
    void follow(const Simulation& sim, bool paused);
    // The shell calls this after each frame: when no river was followed, a calm backdrop plays.
    void frame_done();

    void set_volume(float v) { volume_.store(v); }
    void set_muted(bool m) { muted_.store(m); }
    void chime() { chimes_.fetch_add(1); }
    void thud() { thuds_.fetch_add(1); }

private:
    static void callback(void* self, Uint8* stream, int len);
    void fill(float* out, int frames);

    SDL_AudioDeviceID device_ = 0;
    bool subsystem_ = false;
    std::string status_ = "Sound has not been started.";

    // Written by the main thread, read by the audio thread.
    std::atomic<float> roughness_{0.08f};
    std::atomic<int> breath_cue_{0};
    std::atomic<float> breath_progress_{0};
    std::atomic<float> volume_{0.8f};
    std::atomic<bool> muted_{false};
    std::atomic<int> chimes_{0}, thuds_{0};

    // The audio thread's own.
    sound::RiverSound generator_{20240611};
    int chimes_heard_ = 0, thuds_heard_ = 0;

    // The main thread's own: what has already been sounded.
    const Simulation* followed_ = nullptr;
    int last_tick_ = -1, last_reply_tick_ = -1, last_jolt_tick_ = -1;
    bool fed_ = false;
};

}  // namespace cw
