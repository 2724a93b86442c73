// Plays a recorded session in a terminal, one line of input per answer, so that it works the
// same typed by a person, read by a screen reader, or piped from a file in a test.
#pragma once

#include <iosfwd>
#include <string>

#include "deliberate/journal/recorded_session.hpp"
#include "deliberate/session/step_input.hpp"
#include "deliberate/support/message_catalogue.hpp"
#include "deliberate/support/terminal_text.hpp"

namespace deliberate::app {

enum class PlayEnd { finished, input_ended, quit };

class TerminalPlayer {
  public:
    // `echo_input` writes each line read after its prompt, so that a transcript of piped
    // answers reads as a conversation (a terminal echoes typed lines itself).
    TerminalPlayer(RecordedSession& recorded, const MessageCatalogue& text, std::istream& in,
                   std::ostream& out, bool echo_input);
    // Plays until the ending, the end of input or :quit. JournalError passes through.
    PlayEnd run();

  private:
    bool read_line(std::string& line);
    // Handles ?, :back, :note, :factor and :quit; false when `line` is not a command.
    bool command(const std::string& line);
    void show_node();
    void show_step();
    void show_step_prompt(const ModelStep& step);
    void show_numbered_options(bool with_arguments);
    void show_input_hint(const ModelStep& step);
    std::string input_hint(const ModelStep& step, std::size_t candidates) const;
    void show_ending();
    void show_feedback(const StepFeedback& feedback);
    // One attempt at the current step with `line`; says what is wrong when it does not fit.
    void answer(const std::string& line);
    void answer_choice(const std::string& value);
    bool read_step_answer(const std::string& value, StepAnswer& answer);
    std::string problem_text(AnswerProblem problem) const;
    void answer_checks();
    void paragraph(const std::string& text, const std::string& indent = "");
    void note_problem(const std::string& message);
    std::string rendered(const LocalisedText& text) const;

    RecordedSession& recorded_;
    const MessageCatalogue& text_;
    std::istream& in_;
    // Everything the player writes is the scenario's text or the participant's: it reaches
    // the terminal through for_terminal, whoever constructs the player.
    TerminalFilterBuffer filter_;
    std::ostream out_;
    bool quit_ = false;
    bool ended_input_ = false;
    bool step_shown_ = false;
    bool echo_input_ = false;
};

}  // namespace deliberate::app
