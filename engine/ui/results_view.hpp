// The "Results" screen: the coordinator's report inside the app, over the results folder
// (read off the window's thread): files skipped and why, then per scenario the reach, how
// people chose under each setting, workshops' first and final votes, blind spots and the
// steps. Every figure follows the k rule, as `deliberate report` does.
#pragma once

#include <future>
#include <optional>
#include <string>

#include "deliberate/results/results_report.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

class ResultsView {
  public:
    explicit ResultsView(UiContext& ui);
    ~ResultsView();
    ResultsView(const ResultsView&) = delete;
    ResultsView& operator=(const ResultsView&) = delete;

    // True when the participant goes back to the library.
    bool draw();

  private:
    struct Read {
        ResultsReport report;
        std::string folder;
        std::string problem;  // no folder, or it cannot be read
    };
    void draw_scenario(const ScenarioFigures& s);
    void draw_dilemma(const ScenarioFigures& s, const DilemmaFigures& d);
    void bars(const std::vector<std::pair<std::string, long long>>& rows, long long total);

    UiContext& ui_;
    std::future<Read> reading_;
    std::optional<Read> read_;
};

}  // namespace deliberate::ui
