// What every view shares: the program's words, settings, fonts, where things are, sound, and
// a way to ask for another frame. Views read it; only the shell changes settings.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "deliberate/scenario/asset_paths.hpp"
#include "deliberate/scenario/loader.hpp"
#include "deliberate/session/session.hpp"
#include "deliberate/support/message_catalogue.hpp"
#include "fonts.hpp"
#include "phone_link.hpp"
#include "settings.hpp"

namespace deliberate::ui {

class ImageCache;
class PresentView;

// The sound cues views ask for; the program connects them to its audio player.
enum class Sound { step_done, choice_made, ending_reached, timer_done };

struct UiContext {
    MessageCatalogue text;
    Settings settings;
    Fonts fonts;
    // The textures of the window being drawn: each window has its own OpenGL context.
    ImageCache* images = nullptr;
    LoadOptions resources;
    std::filesystem::path scenarios_dir;
    std::filesystem::path data_dir;
    std::function<void(Sound)> play_cue;
    std::function<void(const std::filesystem::path&)> play_file;
    // A view that animates or counts down asks to be drawn again by then; the main loop
    // otherwise sleeps until input arrives.
    std::chrono::steady_clock::time_point redraw_by = std::chrono::steady_clock::time_point::max();
    // Set from another thread (a file watcher, a background walk) that has news for a view;
    // the main loop draws a frame when it finds it set.
    std::shared_ptr<std::atomic<bool>> woken = std::make_shared<std::atomic<bool>>(false);
    // A one-line message shown at the bottom of the window (e.g. no audio device).
    std::string status;
    // Lets the participants' phones into a workshop or an own case (the console's switch),
    // their page in `language` at first; none, with a sentence in `error`, when the server
    // cannot start. Set by the program.
    std::function<std::optional<PhoneLink>(const std::string& language, std::string& error)>
        start_phones;

    void redraw_within(std::chrono::milliseconds delay) {
        redraw_by = std::min(redraw_by, std::chrono::steady_clock::now() + delay);
    }
    std::string tr(std::string_view key) const { return text.get(key); }
    void cue(Sound sound) const {
        if (play_cue) {
            play_cue(sound);
        }
    }
    // The sound the session's node names, played as it is arrived at (if it can be found).
    void node_sound(const Session& session) const {
        if (session.node().sound.empty() || !play_file) {
            return;
        }
        const auto file =
            find_asset(session.scenario().file, resources.assets_dir, session.node().sound);
        if (!file.empty()) {
            play_file(file);
        }
    }
};

}  // namespace deliberate::ui
