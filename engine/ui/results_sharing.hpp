// Shared results in practice: after a finished session, how others chose (the results folder
// and this laptop's unshared sessions, per dilemma and "what if" setting, the participant's
// own choice marked, under the k rule), and sharing the session as an anonymous extract: asked
// once, in a plain sentence of what is shared, with a way to see the extract; off until chosen
// and changeable in the menu. The shared folder is read and written off the window's thread.
#pragma once

#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>

#include "deliberate/results/others_choices.hpp"
#include "deliberate/session/session.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

class ResultsSharing {
  public:
    // Delivers extracts still waiting in the outbox, in the background.
    explicit ResultsSharing(UiContext& ui);
    ~ResultsSharing();
    ResultsSharing(const ResultsSharing&) = delete;
    ResultsSharing& operator=(const ResultsSharing&) = delete;

    // The session in `journal` has ended: starts reading how others chose and, when the
    // participant chose to share, shares it.
    void begin(std::shared_ptr<const Scenario> scenario, const std::filesystem::path& journal);
    // "How others chose" for the dilemmas of the session.
    void draw_others(const Session& session);
    // The question whether to share (once), or what became of the shared extract.
    void draw_sharing();

  private:
    std::filesystem::path results_folder() const;
    void share();
    void poll();

    UiContext& ui_;
    std::shared_ptr<const Scenario> scenario_;
    std::filesystem::path journal_;
    std::optional<ResultExtract> own_;
    std::future<ScenarioFigures> reading_;
    std::optional<ScenarioFigures> figures_;
    struct ShareResult {
        enum Outcome { done, waiting, failed } outcome;
        std::string detail;  // why it waits or failed
    };
    std::future<ShareResult> sharing_;
    std::future<void> delivering_;
    std::string shared_message_;
    bool show_extract_ = false;
};

}  // namespace deliberate::ui
