// The cue player on an SDL audio device: sounds are decoded once, and the device's callback
// mixes the voices now playing. The device lock guards the voices between that callback and
// play(); volume and mute are atomics the callback reads once per buffer.
#include <SDL.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <map>

#include "deliberate/audio/cue_player.hpp"
#include "voice_mixer.hpp"
#include "wav_loader.hpp"

namespace deliberate::audio {

namespace {

constexpr std::array all_cues = {Cue::step_done, Cue::choice_made, Cue::ending_reached,
                                 Cue::timer_done};

// Short enough that a cue follows its click without a noticeable lag.
constexpr Uint16 buffer_frames = 512;

// The sound libraries under SDL (ALSA in particular) print their own complaints on stderr
// while SDL looks for a device; SDL's error says the same in one line. This keeps stderr
// quiet for the duration, so the app can say it once.
class QuietStderr {
  public:
    QuietStderr() : saved_(::dup(STDERR_FILENO)) {
        const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (saved_ >= 0 && null >= 0) {
            ::dup2(null, STDERR_FILENO);
        }
        if (null >= 0) {
            ::close(null);
        }
    }
    QuietStderr(const QuietStderr&) = delete;
    QuietStderr& operator=(const QuietStderr&) = delete;
    ~QuietStderr() {
        if (saved_ >= 0) {
            ::dup2(saved_, STDERR_FILENO);
            ::close(saved_);
        }
    }

  private:
    int saved_;
};

std::string sdl_error() {
    const char* message = SDL_GetError();
    return message != nullptr && *message != '\0' ? message : "unknown SDL error";
}

class SdlCuePlayer final : public CuePlayer {
  public:
    SdlCuePlayer() = default;
    SdlCuePlayer(const SdlCuePlayer&) = delete;
    SdlCuePlayer& operator=(const SdlCuePlayer&) = delete;
    ~SdlCuePlayer() override;

    // Starts SDL audio and opens the default device; on failure status() says why.
    bool open_device();
    void load_cues(const std::filesystem::path& sounds_dir);
    void start() { SDL_PauseAudioDevice(device_, 0); }

    void play(Cue cue) override { start_voice(cues_[static_cast<std::size_t>(cue)].get()); }
    void play_file(const std::filesystem::path& wav) override;
    void set_volume(float volume) override { volume_ = std::clamp(volume, 0.0f, 1.0f); }
    float volume() const override { return volume_; }
    void set_muted(bool muted) override;
    bool muted() const override { return muted_; }
    bool available() const override { return true; }
    const std::string& status() const override { return status_; }

  private:
    static void SDLCALL fill(void* userdata, Uint8* stream, int length);
    void start_voice(const Sound* sound);
    void add_problem(const std::string& problem);

    SDL_AudioDeviceID device_ = 0;
    bool subsystem_started_ = false;
    // Sounds live until the device is closed, so the callback never sees one freed.
    std::array<std::unique_ptr<Sound>, all_cues.size()> cues_;
    std::map<std::string, std::unique_ptr<Sound>> files_;
    VoiceMixer mixer_;  // guarded by the device lock
    std::atomic<float> volume_{1.0f};
    std::atomic<bool> muted_{false};
    std::string status_;
};

SdlCuePlayer::~SdlCuePlayer() {
    if (device_ != 0) {
        SDL_CloseAudioDevice(device_);  // waits for the callback to finish
    }
    if (subsystem_started_) {
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }
}

bool SdlCuePlayer::open_device() {
    const QuietStderr quiet;
    // SDL would otherwise turn SIGINT and SIGTERM into events that nobody reads here, and
    // the program could no longer be stopped that way.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        add_problem("no audio device: " + sdl_error());
        return false;
    }
    subsystem_started_ = true;
    SDL_AudioSpec wanted{};
    wanted.freq = mix_rate;
    wanted.format = AUDIO_F32SYS;
    wanted.channels = mix_channels;
    wanted.samples = buffer_frames;
    wanted.callback = &SdlCuePlayer::fill;
    wanted.userdata = this;
    // No changes allowed: SDL converts to whatever the hardware wants, and the callback
    // always sees the mix format.
    SDL_AudioSpec obtained{};
    device_ = SDL_OpenAudioDevice(nullptr, 0, &wanted, &obtained, 0);
    if (device_ == 0) {
        add_problem("no audio device: " + sdl_error());
        return false;
    }
    return true;
}

void SdlCuePlayer::load_cues(const std::filesystem::path& sounds_dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(sounds_dir, ec)) {
        add_problem("no sounds folder " + sounds_dir.string() + ": the cues are silent");
        return;
    }
    for (Cue cue : all_cues) {
        const std::filesystem::path path = sounds_dir / cue_file_name(cue);
        std::string error;
        cues_[static_cast<std::size_t>(cue)] = load_wav(path, error);
        if (!cues_[static_cast<std::size_t>(cue)]) {
            add_problem("cue " + path.string() + " is silent: " + error);
        }
    }
}

void SdlCuePlayer::play_file(const std::filesystem::path& wav) {
    auto found = files_.find(wav.string());
    if (found == files_.end()) {
        std::string error;
        auto sound = load_wav(wav, error);
        if (!sound) {
            add_problem("sound " + wav.string() + " is silent: " + error);
        }
        // Failures are kept too, so a broken file is read and reported once.
        found = files_.emplace(wav.string(), std::move(sound)).first;
    }
    start_voice(found->second.get());
}

void SdlCuePlayer::set_muted(bool muted) {
    muted_ = muted;
    if (muted) {
        SDL_LockAudioDevice(device_);
        mixer_.stop_all();
        SDL_UnlockAudioDevice(device_);
    }
}

void SDLCALL SdlCuePlayer::fill(void* userdata, Uint8* stream, int length) {
    auto* self = static_cast<SdlCuePlayer*>(userdata);
    const float gain = self->muted_ ? 0.0f : self->volume_.load();
    const std::size_t frames = static_cast<std::size_t>(length) / (sizeof(float) * mix_channels);
    // SDL hands out buffers aligned for the format it was asked for.
    self->mixer_.mix(reinterpret_cast<float*>(stream), frames, gain);
}

void SdlCuePlayer::start_voice(const Sound* sound) {
    if (sound == nullptr || muted_) {
        return;
    }
    SDL_LockAudioDevice(device_);
    mixer_.start(sound);
    SDL_UnlockAudioDevice(device_);
}

void SdlCuePlayer::add_problem(const std::string& problem) {
    if (!status_.empty()) {
        status_ += '\n';
    }
    status_ += problem;
}

}  // namespace

std::unique_ptr<CuePlayer> open_audio(const std::filesystem::path& sounds_dir) {
    auto player = std::make_unique<SdlCuePlayer>();
    if (!player->open_device()) {
        std::string reason = player->status();
        player.reset();  // closes SDL audio again before the silent player takes over
        return make_silent_player(std::move(reason));
    }
    player->load_cues(sounds_dir);
    player->start();
    return player;
}

}  // namespace deliberate::audio
