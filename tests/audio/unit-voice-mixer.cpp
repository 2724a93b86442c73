// The mixer without a device: gain, overlapping voices, clamping, sounds that span buffers,
// and the oldest voice giving way when all are busy.
#include <doctest/doctest.h>

#include <vector>

#include "voice_mixer.hpp"

using namespace deliberate::audio;

namespace {

Sound constant_sound(std::size_t frames, float value) {
    return Sound{std::vector<float>(frames * mix_channels, value)};
}

std::vector<float> mix_frames(VoiceMixer& mixer, std::size_t frames, float gain) {
    std::vector<float> out(frames * mix_channels, 99.0f);  // mix() must overwrite all of it
    mixer.mix(out.data(), frames, gain);
    return out;
}

}  // namespace

TEST_CASE("nothing playing mixes to silence") {
    VoiceMixer mixer;
    for (float sample : mix_frames(mixer, 64, 1.0f)) {
        CHECK(sample == 0.0f);
    }
}

TEST_CASE("voices add up, times the gain") {
    VoiceMixer mixer;
    const Sound a = constant_sound(16, 0.25f);
    const Sound b = constant_sound(16, 0.125f);
    mixer.start(&a);
    mixer.start(&b);
    const std::vector<float> out = mix_frames(mixer, 8, 0.5f);
    for (float sample : out) {
        CHECK(sample == doctest::Approx(0.1875f));
    }
}

TEST_CASE("a sound continues in the next buffer and then ends") {
    VoiceMixer mixer;
    const Sound sound = constant_sound(10, 0.5f);
    mixer.start(&sound);
    const std::vector<float> first = mix_frames(mixer, 6, 1.0f);
    CHECK(first.back() == 0.5f);
    CHECK(mixer.playing() == 1);
    const std::vector<float> second = mix_frames(mixer, 6, 1.0f);
    CHECK(second[4 * mix_channels - 1] == 0.5f);  // frames 6 to 9 of the sound
    CHECK(second[4 * mix_channels] == 0.0f);      // after its end
    CHECK(mixer.playing() == 0);
}

TEST_CASE("loud overlaps are clamped to full scale") {
    VoiceMixer mixer;
    const Sound loud = constant_sound(4, 0.75f);
    const Sound low = constant_sound(4, -0.75f);
    mixer.start(&loud);
    mixer.start(&loud);
    std::vector<float> out = mix_frames(mixer, 4, 1.0f);
    CHECK(out[0] == 1.0f);
    mixer.start(&low);
    mixer.start(&low);
    out = mix_frames(mixer, 4, 1.0f);
    CHECK(out[0] == -1.0f);
}

TEST_CASE("when every voice is busy the oldest gives way") {
    VoiceMixer mixer;
    const Sound old_one = constant_sound(100, 0.5f);
    const Sound quiet = constant_sound(100, 0.01f);
    mixer.start(&old_one);
    for (std::size_t i = 1; i < VoiceMixer::max_voices; ++i) {
        mixer.start(&quiet);
    }
    CHECK(mixer.playing() == VoiceMixer::max_voices);
    mixer.start(&quiet);
    CHECK(mixer.playing() == VoiceMixer::max_voices);
    const std::vector<float> out = mix_frames(mixer, 1, 1.0f);
    CHECK(out[0] == doctest::Approx(0.01f * VoiceMixer::max_voices));
}

TEST_CASE("stop_all and empty sounds") {
    VoiceMixer mixer;
    const Sound sound = constant_sound(100, 0.5f);
    const Sound empty;
    mixer.start(&sound);
    mixer.start(&empty);
    mixer.start(nullptr);
    CHECK(mixer.playing() == 1);
    mixer.stop_all();
    CHECK(mix_frames(mixer, 4, 1.0f)[0] == 0.0f);
}
