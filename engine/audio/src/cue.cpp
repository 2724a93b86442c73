// Where each cue's sound lives in the sounds folder; tools/sound_generator writes these names.
#include "deliberate/audio/cue_player.hpp"

namespace deliberate::audio {

const char* cue_file_name(Cue cue) {
    switch (cue) {
        case Cue::step_done:
            return "step-done.wav";
        case Cue::choice_made:
            return "choice-made.wav";
        case Cue::ending_reached:
            return "ending-reached.wav";
        case Cue::timer_done:
            return "timer-done.wav";
    }
    return "";
}

}  // namespace deliberate::audio
