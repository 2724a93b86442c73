// The SDL cue player on SDL's disk driver, which writes what a sound card would play to a raw
// file (float stereo, the mix format): cues sound, volume scales them, mute silences them, and
// missing devices, folders and files leave a silent player that says why.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "deliberate/audio/cue_player.hpp"
#include "voice_mixer.hpp"

using namespace deliberate::audio;
namespace fs = std::filesystem;

namespace {

const fs::path sounds_dir = DELIBERATE_SOUNDS_DIR;

constexpr std::uintmax_t bytes_per_second = mix_rate * mix_channels * sizeof(float);

fs::path work_file(const std::string& name) {
    const fs::path folder = DELIBERATE_TEST_WORK;
    fs::create_directories(folder);
    fs::remove(folder / name);
    return folder / name;
}

// Sends the next opened device's output to `file`. SDL reads these variables when it opens
// audio, which each player does afresh. The driver waits SDL_DISKAUDIODELAY ms per buffer of
// 512 frames (11.6 ms of sound), so 4 runs about three times faster than a sound card.
void use_disk_driver(const fs::path& file) {
    ::setenv("SDL_AUDIODRIVER", "disk", 1);
    ::setenv("SDL_DISKAUDIOFILE", file.c_str(), 1);
    ::setenv("SDL_DISKAUDIODELAY", "4", 1);
}

std::uintmax_t output_size(const fs::path& file) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    return ec ? 0 : size;
}

// Waits until the device has written `seconds` more of output than `from` bytes: time for a
// cue (at most 0.6 s) to play out.
std::uintmax_t wait_for_output(const fs::path& file, std::uintmax_t from, double seconds) {
    const auto wanted = from + static_cast<std::uintmax_t>(seconds * bytes_per_second);
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (output_size(file) < wanted && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(output_size(file) >= wanted);
    return output_size(file);
}

// Plays a sound and returns the byte range of the output it lands in.
template <typename Play>
std::pair<std::uintmax_t, std::uintmax_t> record(const fs::path& file, Play play) {
    const std::uintmax_t begin = output_size(file);
    play();
    return {begin, wait_for_output(file, begin, 0.8)};
}

std::vector<float> read_output(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::vector<float> samples(bytes.size() / sizeof(float));
    std::memcpy(samples.data(), bytes.data(), samples.size() * sizeof(float));
    return samples;
}

float peak(const std::vector<float>& samples, std::pair<std::uintmax_t, std::uintmax_t> range) {
    float loudest = 0.0f;
    const std::size_t end = std::min<std::size_t>(range.second / sizeof(float), samples.size());
    for (std::size_t i = range.first / sizeof(float); i < end; ++i) {
        loudest = std::max(loudest, std::fabs(samples[i]));
    }
    return loudest;
}

}  // namespace

TEST_CASE("every cue sounds through the disk driver") {
    const fs::path file = work_file("cues.raw");
    use_disk_driver(file);
    std::vector<std::pair<std::uintmax_t, std::uintmax_t>> ranges;
    {
        auto player = open_audio(sounds_dir);
        REQUIRE(player->available());
        CHECK(player->status() == "");
        for (Cue cue : {Cue::step_done, Cue::choice_made, Cue::ending_reached, Cue::timer_done}) {
            ranges.push_back(record(file, [&] { player->play(cue); }));
        }
    }  // closing the device flushes the file
    const std::vector<float> samples = read_output(file);
    for (const auto& range : ranges) {
        const float loudest = peak(samples, range);
        CHECK(loudest > 0.1f);  // clearly audible
        CHECK(loudest < 0.9f);  // and not harsh
    }
}

TEST_CASE("volume scales the sound and mute silences it") {
    const fs::path file = work_file("volume.raw");
    use_disk_driver(file);
    std::pair<std::uintmax_t, std::uintmax_t> full, quarter, muted, zero, unmuted;
    {
        auto player = open_audio(sounds_dir);
        REQUIRE(player->available());
        full = record(file, [&] { player->play(Cue::choice_made); });
        player->set_volume(0.25f);
        CHECK(player->volume() == 0.25f);
        quarter = record(file, [&] { player->play(Cue::choice_made); });
        player->set_muted(true);
        CHECK(player->muted());
        muted = record(file, [&] {
            player->play(Cue::choice_made);
            player->play_file(sounds_dir / "timer-done.wav");
        });
        player->set_muted(false);
        player->set_volume(-3.0f);  // clamped to 0
        CHECK(player->volume() == 0.0f);
        zero = record(file, [&] { player->play(Cue::choice_made); });
        player->set_volume(7.0f);  // clamped to 1
        unmuted = record(file, [&] { player->play(Cue::choice_made); });
    }
    const std::vector<float> samples = read_output(file);
    const float loud = peak(samples, full);
    CHECK(loud > 0.1f);
    CHECK(peak(samples, quarter) == doctest::Approx(loud * 0.25f).epsilon(0.01));
    CHECK(peak(samples, muted) == 0.0f);
    CHECK(peak(samples, zero) == 0.0f);
    CHECK(peak(samples, unmuted) == doctest::Approx(loud).epsilon(0.01));
}

TEST_CASE("muting stops a sound that is playing") {
    const fs::path file = work_file("mute-midway.raw");
    use_disk_driver(file);
    std::uintmax_t after_mute = 0;
    {
        auto player = open_audio(sounds_dir);
        player->play(Cue::ending_reached);
        player->set_muted(true);
        after_mute = output_size(file) + bytes_per_second / 10;  // past what was in flight
        wait_for_output(file, after_mute, 0.8);
    }
    CHECK(peak(read_output(file), {after_mute, SIZE_MAX}) == 0.0f);
}

TEST_CASE("a node's sound plays from its WAV file") {
    const fs::path file = work_file("node-sound.raw");
    use_disk_driver(file);
    std::pair<std::uintmax_t, std::uintmax_t> range;
    {
        auto player = open_audio(sounds_dir);
        range = record(file, [&] { player->play_file(sounds_dir / "timer-done.wav"); });
        CHECK(player->status() == "");
    }
    CHECK(peak(read_output(file), range) > 0.1f);
}

TEST_CASE("a missing sounds folder leaves a working player with silent cues") {
    const fs::path file = work_file("no-folder.raw");
    const fs::path missing = fs::path(DELIBERATE_TEST_WORK) / "no-such-folder";
    use_disk_driver(file);
    std::pair<std::uintmax_t, std::uintmax_t> cues, node_sound;
    {
        auto player = open_audio(missing);
        CHECK(player->available());
        CHECK(player->status() == "no sounds folder " + missing.string() + ": the cues are silent");
        cues = record(file, [&] {
            player->play(Cue::step_done);
            player->play(Cue::choice_made);
            player->play(Cue::ending_reached);
            player->play(Cue::timer_done);
        });
        // Node sounds come from elsewhere and still play.
        node_sound = record(file, [&] { player->play_file(sounds_dir / "step-done.wav"); });
    }
    const std::vector<float> samples = read_output(file);
    CHECK(peak(samples, cues) == 0.0f);
    CHECK(peak(samples, node_sound) > 0.1f);
}

TEST_CASE("an unreadable cue file silences that cue only, and is named once") {
    const fs::path folder = fs::path(DELIBERATE_TEST_WORK) / "broken-sounds";
    fs::remove_all(folder);
    fs::create_directories(folder);
    for (const char* name : {"choice-made.wav", "ending-reached.wav", "timer-done.wav"}) {
        fs::copy_file(sounds_dir / name, folder / name);
    }
    std::ofstream(folder / "step-done.wav") << "not a WAV file";
    const fs::path not_wav = folder / "step-done.wav";
    const fs::path absent = folder / "door.wav";

    const fs::path file = work_file("broken.raw");
    use_disk_driver(file);
    std::pair<std::uintmax_t, std::uintmax_t> broken, fine;
    std::string status;
    {
        auto player = open_audio(folder);
        CHECK(player->available());
        broken = record(file, [&] {
            player->play(Cue::step_done);
            player->play_file(absent);
            player->play_file(absent);
            player->play_file(not_wav);
        });
        fine = record(file, [&] { player->play(Cue::choice_made); });
        status = player->status();
    }
    const std::vector<float> samples = read_output(file);
    CHECK(peak(samples, broken) == 0.0f);
    CHECK(peak(samples, fine) > 0.1f);

    INFO(status);
    std::vector<std::string> lines;
    for (std::size_t start = 0; start <= status.size();) {
        const std::size_t end = std::min(status.find('\n', start), status.size());
        lines.push_back(status.substr(start, end - start));
        start = end + 1;
    }
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].rfind("cue " + not_wav.string() + " is silent: ", 0) == 0);
    CHECK(lines[1] == "sound " + absent.string() + " is silent: no such file");
    CHECK(lines[2].rfind("sound " + not_wav.string() + " is silent: ", 0) == 0);
}

TEST_CASE("without an audio device the player is silent and says why") {
    ::setenv("SDL_AUDIODRIVER", "no-such-driver", 1);
    auto player = open_audio(sounds_dir);
    CHECK_FALSE(player->available());
    INFO(player->status());
    CHECK(player->status().rfind("no audio device: ", 0) == 0);
    CHECK(player->status().size() > std::strlen("no audio device: "));
    player->play(Cue::timer_done);
    player->play_file(sounds_dir / "timer-done.wav");
    player->set_volume(0.5f);
    CHECK(player->volume() == 0.5f);
}

TEST_CASE("a silent player keeps its settings and its reason") {
    auto player = make_silent_player("sound is off");
    CHECK_FALSE(player->available());
    CHECK(player->status() == "sound is off");
    player->play(Cue::step_done);
    player->play_file("nowhere.wav");
    player->set_volume(2.0f);
    CHECK(player->volume() == 1.0f);
    player->set_muted(true);
    CHECK(player->muted());
}

TEST_CASE("cue file names") {
    CHECK(std::string(cue_file_name(Cue::step_done)) == "step-done.wav");
    CHECK(std::string(cue_file_name(Cue::choice_made)) == "choice-made.wav");
    CHECK(std::string(cue_file_name(Cue::ending_reached)) == "ending-reached.wav");
    CHECK(std::string(cue_file_name(Cue::timer_done)) == "timer-done.wav");
}
