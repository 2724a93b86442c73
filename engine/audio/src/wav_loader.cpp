// WAV files decoded by SDL and converted to the mix format with an SDL_AudioStream, which
// resamples properly (SDL_AudioCVT only handles some rate ratios well).
#include "wav_loader.hpp"

#include <SDL.h>

#include "deliberate/support/safe_file.hpp"

namespace deliberate::audio {

namespace {

std::string sdl_error() {
    const char* message = SDL_GetError();
    return message != nullptr && *message != '\0' ? message : "unknown SDL error";
}

}  // namespace

std::unique_ptr<Sound> load_wav(const std::filesystem::path& path, std::string& error) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        error = "no such file";
        return nullptr;
    }
    // Read as a regular file first: SDL would open a FIFO or device put in a sound's place and
    // wait on it. No cue of ours comes near the size limit.
    std::string bytes;
    if (!read_regular_file(path, bytes, error, 64u << 20)) {
        return nullptr;
    }
    SDL_AudioSpec spec{};
    Uint8* data = nullptr;
    Uint32 length = 0;
    SDL_RWops* source = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
    if (source == nullptr || SDL_LoadWAV_RW(source, 1, &spec, &data, &length) == nullptr) {
        error = sdl_error();
        return nullptr;
    }
    SDL_AudioStream* stream = SDL_NewAudioStream(spec.format, spec.channels, spec.freq,
                                                 AUDIO_F32SYS, mix_channels, mix_rate);
    if (stream == nullptr) {
        error = sdl_error();
        SDL_FreeWAV(data);
        return nullptr;
    }
    auto sound = std::make_unique<Sound>();
    const bool converted = SDL_AudioStreamPut(stream, data, static_cast<int>(length)) == 0 &&
                           SDL_AudioStreamFlush(stream) == 0;
    SDL_FreeWAV(data);
    if (converted) {
        const int available = SDL_AudioStreamAvailable(stream);
        sound->samples.resize(static_cast<std::size_t>(available) / sizeof(float));
        const int got = SDL_AudioStreamGet(stream, sound->samples.data(), available);
        sound->samples.resize(got > 0 ? static_cast<std::size_t>(got) / sizeof(float) : 0);
        // A trailing half frame would leave a voice reading past its last whole frame.
        sound->samples.resize(sound->frames() * mix_channels);
    } else {
        error = sdl_error();
    }
    SDL_FreeAudioStream(stream);
    if (!converted) {
        return nullptr;
    }
    if (sound->samples.empty()) {
        error = "the file holds no sound";
        return nullptr;
    }
    return sound;
}

}  // namespace deliberate::audio
