// The desktop app's settings: language, theme, zoom, sound, window placement, and whether and
// where finished sessions are shared. Kept in
// $XDG_CONFIG_HOME/deliberate/settings.json (else ~/.config/deliberate/), never in the
// current folder; written to a temporary file and renamed, so a crash never leaves half.
#pragma once

#include <filesystem>
#include <string>

namespace deliberate {

struct Settings {
    std::string language = "nl";
    std::string theme = "light";  // light or dark
    float zoom = 1.0f;            // on top of the monitor's content scale
    float volume = 0.8f;          // 0..1
    bool muted = false;
    int window_x = -1;  // -1: let the window system place it
    int window_y = -1;
    int window_width = 1280;
    int window_height = 800;
    bool maximized = false;
    // Sharing finished sessions as anonymous extracts: "" until the participant chose, then
    // "yes" or "no". Off until chosen.
    std::string share_results;
    std::string results_folder;  // the shared results folder; $DELIBERATE_RESULTS comes first
};

constexpr float min_zoom = 0.5f;
constexpr float max_zoom = 3.0f;

// $XDG_CONFIG_HOME/deliberate/settings.json, else ~/.config/deliberate/settings.json; empty
// when neither variable is set.
std::filesystem::path settings_file();

// Reads settings; a missing file gives the defaults. A file that cannot be read or has bad
// values gives the defaults for those values and says so in `warning`.
Settings load_settings(const std::filesystem::path& file, std::string& warning);

// Writes settings (creating the folder, owner-only); false with `error` when it cannot.
bool save_settings(const std::filesystem::path& file, const Settings& settings, std::string& error);

}  // namespace deliberate
