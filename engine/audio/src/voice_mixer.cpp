// Mixing the playing voices into a device buffer.
#include "voice_mixer.hpp"

#include <algorithm>

namespace deliberate::audio {

void VoiceMixer::start(const Sound* sound) {
    if (sound == nullptr || sound->samples.empty()) {
        return;
    }
    if (count_ == max_voices) {
        std::move(voices_.begin() + 1, voices_.end(), voices_.begin());
        --count_;
    }
    voices_[count_++] = Voice{sound, 0};
}

void VoiceMixer::mix(float* out, std::size_t frames, float gain) {
    const std::size_t wanted = frames * mix_channels;
    std::fill(out, out + wanted, 0.0f);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < count_; ++i) {
        Voice voice = voices_[i];
        const std::vector<float>& samples = voice.sound->samples;
        const std::size_t n = std::min(wanted, samples.size() - voice.position);
        for (std::size_t s = 0; s < n; ++s) {
            out[s] += samples[voice.position + s] * gain;
        }
        voice.position += n;
        if (voice.position < samples.size()) {
            voices_[kept++] = voice;
        }
    }
    count_ = kept;
    // Overlapping cues could add up past full scale; clamping keeps that a little harsh
    // instead of wrapping around into a loud crack.
    for (std::size_t s = 0; s < wanted; ++s) {
        out[s] = std::clamp(out[s], -1.0f, 1.0f);
    }
}

}  // namespace deliberate::audio
