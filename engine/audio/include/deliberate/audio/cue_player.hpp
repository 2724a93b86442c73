// Sound cues for the desktop app: short sounds for what just happened (a step done, a choice
// made, an ending reached, a timer run out) and a node's own sound, with volume and mute.
// Without an audio device the player is silent and status() says why; sound never stops play.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace deliberate::audio {

enum class Cue { step_done, choice_made, ending_reached, timer_done };

// The file a cue is loaded from, inside the sounds folder: "step-done.wav" and so on.
const char* cue_file_name(Cue cue);

class CuePlayer {
  public:
    virtual ~CuePlayer() = default;

    // Starts a sound over whatever is playing; returns at once. Does nothing while muted.
    virtual void play(Cue cue) = 0;
    // A scenario node's sound (WAV, any rate and channel count). The file is read on its
    // first use and kept; a file that cannot be read is silent and named in status().
    virtual void play_file(const std::filesystem::path& wav) = 0;

    // 0 is silent, 1 is the sounds as made; values outside 0..1 are clamped.
    virtual void set_volume(float volume) = 0;
    virtual float volume() const = 0;
    // Muting also stops what is playing, so that unmuting does not resume a sound halfway.
    virtual void set_muted(bool muted) = 0;
    virtual bool muted() const = 0;

    // Whether sound reaches a device at all.
    virtual bool available() const = 0;
    // Empty when everything works; otherwise why (some) sound is silent, one problem per line,
    // e.g. "no audio device: <SDL error>" or a cue file that could not be read.
    virtual const std::string& status() const = 0;
};

// A player that plays nothing, saying `reason` as its status.
std::unique_ptr<CuePlayer> make_silent_player(std::string reason);

// Opens the default audio device through SDL and loads the cues from `sounds_dir`. Never
// fails: without a device it returns a silent player, and a missing or unreadable cue file
// leaves that cue silent; status() says which.
std::unique_ptr<CuePlayer> open_audio(const std::filesystem::path& sounds_dir);

}  // namespace deliberate::audio
