// An own case in the terminal: the facilitator types the case, the group's answers at each
// step and the hand counts, one line at a time, for a screen reader or a scripted test.
#pragma once

#include <filesystem>
#include <iosfwd>

#include "deliberate/case/own_case.hpp"
#include "deliberate/support/message_catalogue.hpp"

namespace deliberate::app {

enum class CaseEnd { finished, input_ended, quit };

class CaseTerminal {
  public:
    // `exports` is the folder the record and the scenario draft are written to; `echo` shows
    // each line read, for input that is not typed (piped), so the output reads as a dialogue.
    CaseTerminal(OwnCase& own_case, const MessageCatalogue& text, std::istream& in,
                 std::ostream& out, std::filesystem::path exports, bool echo);
    CaseEnd run();

  private:
    enum class Line { text, empty, ended, quit, back };
    // Reads one line; commands (?, :note, :quit, :back) are handled or reported here.
    Line read(std::string& line);
    // Reads until a line of text; false when input ends or the facilitator quits.
    bool ask_line(std::string& line);
    bool enter_case();
    Line step_slide();
    Line vote_slide();
    Line closing_slide();
    void show_slide();
    void write_record();
    void write_scenario();

    OwnCase& case_;
    const MessageCatalogue& text_;
    std::istream& in_;
    std::ostream& out_;
    std::filesystem::path exports_;
    bool echo_;
};

}  // namespace deliberate::app
