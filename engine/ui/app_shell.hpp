// The desktop app's screens and what surrounds them: the top bar (language, theme, zoom,
// sound), the menu on Esc, and moving between the launcher, practice, a workshop's
// presentation, a scenario's errors and the organisation's shared results.
// Keys anywhere: Ctrl+= / Ctrl+- / Ctrl+0 zoom, Esc the menu.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "case_view.hpp"
#include "diagnostics_view.hpp"
#include "launcher_view.hpp"
#include "practice_view.hpp"
#include "present_view.hpp"
#include "results_view.hpp"
#include "studio_view.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

class AppShell {
  public:
    explicit AppShell(UiContext& ui);
    // What a workshop or an own case has on screen is recorded before they close.
    ~AppShell();
    AppShell(const AppShell&) = delete;
    AppShell& operator=(const AppShell&) = delete;

    // Opens practice of `scenario_file` directly (deliberate practice); false with a message
    // in ui.status when it cannot start. `factors` are ID=VALUE.
    bool open_practice(const std::filesystem::path& scenario_file, const std::string& language,
                       const std::vector<std::string>& factors, std::string& error);

    struct PresentOptions {
        std::string language;
        std::vector<std::string> factors;  // ID=VALUE
        std::string group;                 // the group's label, recorded in the journal
        bool resume = false;  // continue the latest unfinished workshop of the scenario
    };
    // Presents `scenario_file` as a workshop (deliberate present); false with `error` when it
    // cannot start.
    bool open_present(const std::filesystem::path& scenario_file, const PresentOptions& options,
                      std::string& error);

    // Opens the authoring studio on `scenario_file` (deliberate studio). False with `error`
    // when the file cannot be read.
    bool open_studio(const std::filesystem::path& scenario_file, const StudioOptions& options,
                     std::string& error);
    // Opens an own case on the shipped model `model_id` (deliberate present --case); false
    // with `error` when it cannot start.
    bool open_case(const std::string& model_id, const std::string& language, std::string& error);

    // Draws one frame of the main window: the screen, or while presenting with one window the
    // audience view (the console when toggled with C).
    void draw();
    // Draws one frame of the second window while presenting: the audience view.
    void draw_audience(const SlideFonts& fonts);
    bool presenting() const {
        return (screen_ == Screen::present && present_ != nullptr) ||
               (screen_ == Screen::own_case && case_ != nullptr);
    }
    // Starts the phones' server for the workshop or own case on screen (present --phones);
    // false with `error` when it cannot start or nothing is presented.
    bool attach_phones(std::string& error);
    // Whether the audience view has a window of its own; set by the program.
    void set_audience_window(bool own) { audience_window_ = own; }
    // True once after F while presenting.
    bool take_fullscreen_request() {
        return (present_ && present_->take_fullscreen_request()) ||
               (case_ && case_->take_fullscreen_request());
    }
    // A short name of the screen for screenshots: launcher, errors, or the practice screen.
    std::string screen_name() const;
    bool quit_requested() const { return quit_; }
    // Set when the settings changed this frame (the app saves them and rebuilds fonts).
    bool settings_changed() const { return settings_changed_; }

  private:
    enum class Screen { launcher, practice, present, own_case, errors, results, studio };

    void draw_top_bar();
    void draw_menu();
    void draw_screen();
    void follow_launcher(const LauncherView::Request& request);
    // The menu's sharing checkbox, the results folder and the way to the Results screen.
    void draw_sharing_menu(bool keys);
    // The results folder as typed in the menu, saved on Enter or "Save", with its check.
    void draw_results_folder(bool keys);
    void handle_keys();
    void set_language(const std::string& language);
    void start(const Scenario* scenario, const std::filesystem::path& file, std::string language,
               const std::vector<std::string>& factors);
    void resume(const std::filesystem::path& journal);
    // An own case's journal (case_start.cpp).
    void resume_case(const std::filesystem::path& journal, const JournalHeader& header);
    // Loads a scenario for practice or a workshop; null with the errors screen shown when it
    // has errors. Language and factors are checked; false with `error` when they do not fit.
    bool prepare_session(const std::filesystem::path& scenario_file, const std::string& language,
                         const std::vector<std::string>& factors, std::optional<Session>& session,
                         std::string& error);
    void leave_to_launcher();
    void keep_what_is_on_screen();
    void change_zoom(float zoom);

    UiContext& ui_;
    LauncherView launcher_;
    std::unique_ptr<PracticeView> practice_;
    std::unique_ptr<PresentView> present_;
    std::unique_ptr<ResultsView> results_;
    std::unique_ptr<StudioView> studio_;
    std::unique_ptr<CaseView> case_;
    bool audience_window_ = false;
    std::filesystem::path errors_file_;
    std::vector<Diagnostic> errors_;
    Screen screen_ = Screen::launcher;
    bool menu_requested_ = false;
    int menu_opened_frame_ = -1;
    std::string folder_typed_;        // the menu's results folder field
    std::string folder_check_;        // what the check of the saved folder said, as shown
    bool folder_field_open_ = false;  // the field holds the setting since the menu opened
    bool quit_ = false;
    bool settings_changed_ = false;
    std::string message_;  // shown in the launcher when starting or resuming failed
    // What the last practice started with, for "play again".
    std::filesystem::path last_file_;
    std::string last_language_;
};

}  // namespace deliberate::ui
