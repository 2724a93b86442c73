// The desktop app's screens and what surrounds them: the top bar (language, theme, zoom,
// sound), the menu on Esc, and moving between the launcher, practice and a scenario's errors.
// Keys anywhere: Ctrl+= / Ctrl+- / Ctrl+0 zoom, Esc the menu.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics_view.hpp"
#include "launcher_view.hpp"
#include "practice_view.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

class AppShell {
  public:
    explicit AppShell(UiContext& ui);

    // Opens practice of `scenario_file` directly (deliberate practice); false with a message
    // in ui.status when it cannot start. `factors` are ID=VALUE.
    bool open_practice(const std::filesystem::path& scenario_file, const std::string& language,
                       const std::vector<std::string>& factors, std::string& error);

    // Draws one frame of the whole window.
    void draw();
    // A short name of the screen for screenshots: launcher, errors, or the practice screen.
    std::string screen_name() const;
    bool quit_requested() const { return quit_; }
    // Set when the settings changed this frame (the app saves them and rebuilds fonts).
    bool settings_changed() const { return settings_changed_; }

  private:
    enum class Screen { launcher, practice, errors };

    void draw_top_bar();
    void draw_menu();
    void handle_keys();
    void set_language(const std::string& language);
    void start(const Scenario* scenario, const std::filesystem::path& file, std::string language,
               const std::vector<std::string>& factors);
    void resume(const std::filesystem::path& journal);
    void change_zoom(float zoom);

    UiContext& ui_;
    LauncherView launcher_;
    std::unique_ptr<PracticeView> practice_;
    std::filesystem::path errors_file_;
    std::vector<Diagnostic> errors_;
    Screen screen_ = Screen::launcher;
    bool menu_requested_ = false;
    int menu_opened_frame_ = -1;
    bool quit_ = false;
    bool settings_changed_ = false;
    std::string message_;  // shown in the launcher when starting or resuming failed
    // What the last practice started with, for "play again".
    std::filesystem::path last_file_;
    std::string last_language_;
};

}  // namespace deliberate::ui
