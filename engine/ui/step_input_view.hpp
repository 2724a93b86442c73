// The input of one model step as a fitting widget: text, select, multiselect, rank, scale,
// checks and arguments. It keeps a draft until the participant confirms, and turns it into
// a StepAnswer. Digits 1-9 pick (or toggle, or move) the n-th candidate.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "deliberate/session/session.hpp"
#include "deliberate/session/step_input.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

// The participant's answer to one statement of a checks step.
enum class CheckAnswer { unanswered, no, yes };

class StepInputView {
  public:
    // Starts a fresh draft for the session's current step, prefilled from `previous` (the
    // answer given before going back to this step), if any.
    void reset(const Session& session, const StepAnswer* previous);
    // Draws the widget for the current step and applies the digit keys to it; true when the
    // participant pressed Enter in a text field, which confirms the step.
    bool draw(const UiContext& ui, const Session& session);
    // The draft as an answer; `problem` is set when it is not complete yet (e.g. a check left
    // unanswered), in the UI's language.
    StepAnswer answer(const UiContext& ui, const Session& session, std::string& problem) const;

  private:
    // One per kind of input; the text kinds return true when Enter confirmed the step.
    bool draw_text(const UiContext& ui, const Session& session, const ModelStep& step);
    void draw_select(const UiContext& ui, const Session& session, const ModelStep& step, int digit);
    void draw_rank(const UiContext& ui, const Session& session, int digit);
    void draw_scale(const UiContext& ui, const Session& session, const ModelStep& step, int digit);
    void draw_checks(const UiContext& ui, const Session& session, int digit);
    // Moves the rank row `row` up (delta -1) or down (+1), the cursor with it.
    void move_rank_row(std::size_t row, int delta);
    // "N.  label" of candidate `i`.
    std::string numbered_label(const Session& session, std::size_t i) const;

    std::vector<Candidate> candidates_;
    std::string text_;
    std::vector<bool> picked_;        // select, multiselect
    std::vector<std::size_t> order_;  // rank: candidate indices, most important first
    std::size_t rank_cursor_ = 0;     // rank: the row that arrow keys move
    std::optional<int> scale_;
    std::vector<CheckAnswer> checks_;
    bool focus_text_ = false;
};

}  // namespace deliberate::ui
