// The authoring studio: the author writes the scenario in an editor of their own, and the
// studio follows every save: a preview that keeps the author's place, the diagnostics as
// `validate` gives them, the map of the graph, play from any node with chosen values, and the
// numbers an author wants. A broken save keeps the last good version playing.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "deliberate/scenario/author_numbers.hpp"
#include "deliberate/session/played_path.hpp"
#include "deliberate/session/walk.hpp"
#include "deliberate/support/file_watcher.hpp"
#include "step_input_view.hpp"
#include "studio_map.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

struct StudioOptions {
    // Rewritten with what the studio shows after each change, for the window tests and
    // the benchmark; none when empty.
    std::filesystem::path state_file;
    bool pan_map = false;  // shows the map and pans it every frame (the benchmark's)
};

class StudioView {
  public:
    enum class Action { none, to_library };

    explicit StudioView(UiContext& ui, StudioOptions options = {});
    ~StudioView();
    // Opens `file` and watches it; false with `error` when it cannot be read at all (a file
    // with errors opens, showing them).
    bool open(const std::filesystem::path& file, std::string& error);
    Action draw();
    // start, preview, map or numbers, for screenshot names.
    std::string screen_name() const;

  private:
    enum class Tab { preview, map, numbers };
    struct WalkJob {
        std::atomic<bool> done{false};
        WalkReport report;
        std::shared_ptr<const Scenario> scenario;  // the version walked
    };

    // studio_view.cpp: loading, the start form, the side panel.
    void reload();
    void adopt(std::shared_ptr<const Scenario> scenario);
    void restart(const StartSetup& setup);
    void start_walk();
    Action draw_start();
    void draw_new_form();
    void draw_side_panel();
    void draw_diagnostics();
    void draw_setup();
    void draw_watch();
    void draw_numbers();
    void write_state();
    // studio_preview.cpp: the scenario as a participant sees it, without a journal.
    void draw_preview();
    void draw_preview_dilemma();
    void draw_preview_ending();
    void act(PlayedAction action);
    // studio_authoring.cpp: saved paths and translations.
    bool can_save_path() const;
    void save_path();
    void update_translations();
    void draw_translations();

    struct TranslationState {
        std::string language;
        std::string po_file;  // NAME.LANG.po beside the scenario
        bool has_po = false;
        std::size_t texts = 0;
        std::size_t translated = 0;
        std::size_t outdated = 0;  // the source changed since the PO file was exported
    };

    UiContext& ui_;
    StudioOptions options_;
    std::filesystem::path file_;
    std::unique_ptr<FileWatcher> watcher_;
    std::shared_ptr<std::atomic<bool>> woken_;
    std::shared_ptr<const Scenario> scenario_;  // the last version that loaded
    std::vector<Diagnostic> diagnostics_;       // of the last save
    std::string file_text_;                     // of the last save, for line:column
    std::string language_;
    std::optional<Session> session_;
    PlayedPath path_;
    StartSetup setup_;   // the panel's values for the next "play from here"
    std::string broke_;  // where the replay of the path broke after the last reload
    std::string action_error_;
    StepInputView input_;
    std::string input_key_;  // which step the input's draft belongs to
    StudioMap map_;
    AuthorNumbers numbers_;
    std::vector<TranslationState> translations_;
    std::string path_message_;  // where the played path was saved, or why not
    std::shared_ptr<WalkJob> walk_;
    bool walk_ready_ = false;    // the current version's walk report is in the map
    bool walk_finished_ = true;  // no walk thread is running
    Tab tab_ = Tab::preview;
    int reloads_ = 0;
    double map_ms_ = 0;  // the map's own drawing time, summed over map_frames_
    long map_frames_ = 0;
    double last_reload_ms_ = 0;
    bool state_due_ = true;
    // The start form.
    char open_path_[512] = {};
    char new_id_[128] = "my-scenario";
    char new_title_[256] = {};
    bool new_nl_ = true;
    bool new_en_ = true;
    int new_model_ = 0;
    std::string start_error_;
};

}  // namespace deliberate::ui
