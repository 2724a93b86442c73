// Reading a WAV file into the mix format, whatever its own rate, channels and sample type.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "voice_mixer.hpp"

namespace deliberate::audio {

// The sound, or null with `error` saying why (missing file, not a WAV, unsupported encoding).
std::unique_ptr<Sound> load_wav(const std::filesystem::path& path, std::string& error);

}  // namespace deliberate::audio
