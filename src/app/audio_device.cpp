#include "audio_device.hpp"

#include <algorithm>
#include <iostream>

#include "core/sim.hpp"

namespace cw {

AudioDevice::~AudioDevice() {
    if (device_) SDL_CloseAudioDevice(device_);
    if (subsystem_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

bool AudioDevice::open() {
    if (device_) return true;
    if (!subsystem_) {
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
            status_ = std::string("No sound: the audio system did not start (") + SDL_GetError() + ").";
            return false;
        }
        subsystem_ = true;
    }
    SDL_AudioSpec want{}, have{};
    want.freq = sound::kSampleRate;
    want.format = AUDIO_F32SYS;
    want.channels = sound::kChannels;
    want.samples = 1024;  // about 21 ms a block: smooth enough for a river, light on the CPU
    want.callback = &AudioDevice::callback;
    want.userdata = this;
    // The generator makes exactly this format; SDL converts if the card wants another.
    device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (!device_) {
        status_ = std::string("No sound: no audio device could be opened (") + SDL_GetError() + ").";
        return false;
    }
    status_.clear();
    SDL_PauseAudioDevice(device_, 0);
    return true;
}

void AudioDevice::callback(void* self, Uint8* stream, int len) {
    auto* a = static_cast<AudioDevice*>(self);
    a->fill(reinterpret_cast<float*>(stream), len / static_cast<int>(sizeof(float) * sound::kChannels));
}

void AudioDevice::fill(float* out, int frames) {
    generator_.set_roughness(roughness_.load());
    generator_.set_breath(static_cast<sound::BreathCue>(std::clamp(breath_cue_.load(), 0, 4)), breath_progress_.load());
    generator_.set_volume(volume_.load());
    generator_.set_muted(muted_.load());
    int c = chimes_.load();
    if (c != chimes_heard_) {  // however many arrived since the last block, one chime is enough
        generator_.chime();
        chimes_heard_ = c;
    }
    int t = thuds_.load();
    if (t != thuds_heard_) {
        generator_.thud();
        thuds_heard_ = t;
    }
    generator_.render(out, frames);
}

namespace {

sound::BreathCue cue_of(const Breathing& b) {
    if (!b.active()) return sound::BreathCue::none;
    switch (b.phase()) {
        case BreathPhase::inhale: return sound::BreathCue::in;
        case BreathPhase::hold_in: return sound::BreathCue::hold_in;
        case BreathPhase::exhale: return sound::BreathCue::out;
        case BreathPhase::hold_out: return sound::BreathCue::hold_out;
        case BreathPhase::idle: break;
    }
    return sound::BreathCue::none;
}

}  // namespace

void AudioDevice::follow(const Simulation& sim, bool paused) {
    fed_ = true;
    const SimState& st = sim.state();
    // A new call, a restart or a replay sought backwards: what happened before is not news.
    bool fresh = followed_ != &sim || st.tick < last_tick_;
    if (fresh) {
        followed_ = &sim;
        last_reply_tick_ = st.last_reply_tick;
        last_jolt_tick_ = st.last_jolt_tick;
    }
    last_tick_ = st.tick;
    if (st.last_reply_tick != last_reply_tick_) {
        last_reply_tick_ = st.last_reply_tick;
        if (st.last_reply_quality > 0) chime();
    }
    if (st.last_jolt_tick != last_jolt_tick_) {
        last_jolt_tick_ = st.last_jolt_tick;
        thud();
    }
    // The still pool at the end is still; a paused river murmurs.
    double r = st.finished ? 0.02 : st.roughness;
    if (paused) r = std::min(r, 0.15);
    roughness_.store(static_cast<float>(r));
    sound::BreathCue cue = paused || st.finished ? sound::BreathCue::none : cue_of(sim.breathing());
    breath_cue_.store(static_cast<int>(cue));
    breath_progress_.store(static_cast<float>(sim.breathing().phase_progress()));
}

void AudioDevice::frame_done() {
    if (!fed_) {
        followed_ = nullptr;
        roughness_.store(0.08f);  // the menus and the dock: a quiet river nearby
        breath_cue_.store(0);
    }
    fed_ = false;
}

}  // namespace cw
