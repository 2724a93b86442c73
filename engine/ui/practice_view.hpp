// Practising a scenario alone: the scene, the model's steps as a guided sequence with
// progress, feedback after a step, the choice and its feedback, the ending with its debrief,
// and a summary of the participant's own path beside how others chose. Every action goes
// through a RecordedSession, so the practice is in the journal as it happens.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "deliberate/journal/recorded_session.hpp"
#include "deliberate/session/step_input.hpp"
#include "results_sharing.hpp"
#include "step_input_view.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

class PracticeView {
  public:
    enum class Action { none, to_library, play_again };

    PracticeView(UiContext& ui, RecordedSession session, std::string notice = {});
    Action draw();

    const RecordedSession& recorded() const { return rec_; }
    // A short name of what is on screen, for screenshot file names: scene, step, choice,
    // feedback, ending or summary.
    std::string screen_name() const;

  private:
    enum class Phase { playing, step_feedback, option_feedback, ending, summary };

    void draw_header();
    void draw_node_text();
    void draw_scene();
    void draw_step();
    void draw_choice();
    void choice_buttons();
    void draw_step_feedback();
    void draw_option_feedback();
    void draw_ending();
    void enter_summary();
    void draw_summary();  // in practice_summary.cpp, with the two below
    void draw_own_path();
    void confirm_step();
    void go_back();
    // Runs a recording action; a journal that cannot be written stops practice with a message.
    void act(const std::function<void()>& action);
    void after_arrival(std::size_t history_before);
    void sync_draft();

    UiContext& ui_;
    RecordedSession rec_;
    Phase phase_ = Phase::playing;
    StepInputView input_;
    std::string draft_key_;                      // which step the draft belongs to
    std::optional<StepAnswer> previous_answer_;  // prefill after going back
    StepFeedback feedback_;
    std::size_t feedback_node_ = 0;
    std::optional<std::size_t> chosen_option_;  // for the option's feedback
    std::size_t chosen_node_ = 0;
    std::optional<std::size_t> selected_option_;  // highlighted, not yet chosen
    bool show_guidance_ = false;
    std::string error_;
    std::string notice_;
    std::string fatal_;  // the journal could not be written: nothing more is accepted
    // How others chose, and sharing the session, once it has ended.
    std::unique_ptr<ResultsSharing> sharing_;
    std::vector<JournalEvent> own_events_;  // the summary's answers, read on entering it
    // The buttons of what is on screen, drawn below the scrolling content.
    std::function<void()> footer_;
};

}  // namespace deliberate::ui
