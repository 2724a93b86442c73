// The mixer behind the SDL cue player: sounds decoded to the device format, and the voices
// now playing, summed with one gain into each buffer the device asks for. No SDL here, so the
// mixing can be tested on its own.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace deliberate::audio {

// The format the device is opened with and every sound is converted to on loading, so that
// mixing is plain addition: 32-bit float, interleaved stereo, 44.1 kHz.
inline constexpr int mix_rate = 44100;
inline constexpr int mix_channels = 2;

struct Sound {
    std::vector<float> samples;  // interleaved, mix_channels per frame
    std::size_t frames() const { return samples.size() / mix_channels; }
};

class VoiceMixer {
  public:
    // Enough for cues that overlap in a burst of clicks; beyond it the oldest voice gives way.
    static constexpr std::size_t max_voices = 8;

    // `sound` must outlive its voice; the player keeps every sound until it closes.
    void start(const Sound* sound);
    void stop_all() { count_ = 0; }
    std::size_t playing() const { return count_; }

    // Writes `frames` frames to `out`: the voices times `gain`, clamped to -1..1, and advances
    // them. Allocates nothing, since it runs on the audio thread.
    void mix(float* out, std::size_t frames, float gain);

  private:
    struct Voice {
        const Sound* sound = nullptr;
        std::size_t position = 0;  // in samples, not frames
    };
    std::array<Voice, max_voices> voices_{};  // the first count_ are playing, oldest first
    std::size_t count_ = 0;
};

}  // namespace deliberate::audio
