// The first screen: the scenario library as cards (search, filter by tag), the sessions to
// continue, and the modes: practice, or a workshop (the cards then present); authoring is still
// to come and shown with what it will do.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "deliberate/journal/session_results.hpp"
#include "deliberate/scenario/library.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

class LauncherView {
  public:
    struct Request {
        enum class Kind {
            none,
            practise,
            present,
            own_case,
            resume,
            show_errors,
            write
        } kind = Kind::none;
        std::size_t entry = 0;          // practise, present, show_errors: index into entries()
        std::filesystem::path journal;  // resume
    };

    explicit LauncherView(UiContext& ui);
    // Scans the scenario folder and the data folder again.
    void reload();
    Request draw();
    const std::vector<LibraryEntry>& entries() const { return entries_; }
    // The scenario a recorded session belongs to, if the library has it.
    const LibraryEntry* entry_for(const std::string& scenario_id);

  private:
    // An own case has no scenario: its title is read from its journal.
    static std::string case_title(const std::filesystem::path& journal);
    void ensure_loaded();
    Request draw_continue();
    void draw_modes();
    Request draw_cards();
    void draw_filters();
    // The entries that match the search and the tag, as indices into entries_.
    std::vector<std::size_t> shown_entries() const;
    bool draw_scenario_card(const Scenario& scenario, const std::string& number, float height);
    bool draw_broken_card(const LibraryEntry& entry, const std::string& number, float height);

    UiContext& ui_;
    std::vector<LibraryEntry> entries_;
    std::vector<std::string> tags_;
    struct Unfinished {
        RecordedSessionInfo info;
        std::string title;  // in the session's language
    };
    std::vector<Unfinished> unfinished_;
    std::string search_;
    std::string tag_;
    int length_ = 0;  // at most this many minutes; 0 for any length
    bool focus_search_ = false;
    bool loaded_ = false;
    bool write_requested_ = false;  // the "write scenarios" mode was clicked
    bool workshop_mode_ = false;    // the cards present a workshop instead of starting practice
    bool own_case_ = false;         // workshop mode's "Own case" was chosen this frame
};

}  // namespace deliberate::ui
