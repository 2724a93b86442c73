// The player used when there is no sound to be had: it keeps the settings and plays nothing.
#include <algorithm>

#include "deliberate/audio/cue_player.hpp"

namespace deliberate::audio {

namespace {

class SilentCuePlayer final : public CuePlayer {
  public:
    explicit SilentCuePlayer(std::string reason) : status_(std::move(reason)) {}

    void play(Cue) override {}
    void play_file(const std::filesystem::path&) override {}
    void set_volume(float volume) override { volume_ = std::clamp(volume, 0.0f, 1.0f); }
    float volume() const override { return volume_; }
    void set_muted(bool muted) override { muted_ = muted; }
    bool muted() const override { return muted_; }
    bool available() const override { return false; }
    const std::string& status() const override { return status_; }

  private:
    std::string status_;
    float volume_ = 1.0f;
    bool muted_ = false;
};

}  // namespace

std::unique_ptr<CuePlayer> make_silent_player(std::string reason) {
    return std::make_unique<SilentCuePlayer>(std::move(reason));
}

}  // namespace deliberate::audio
