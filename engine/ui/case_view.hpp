// Presenting an own case: the facilitator types the case and the group's answers on the
// console; the audience view shows what is confirmed, slide by slide through the model's
// steps, and the votes. Both are drawn from one OwnCase. Keys, in either window, through
// keys.hpp and silent while a text field has the keyboard:
//   PageDown, Right, Space  next          PageUp, Left  back
//   B or .  blank the audience view        F  fullscreen        C  console (one window)
//   E  export the record (HTML and Markdown, in the data folder's exports/)
//   on a vote:   Up/Down an option, digits type its count, + and - adjust, Backspace erases
//   on a step:   Enter types the group's answer (Enter records it), Esc leaves the field;
//                A accepts the first answer typed on a phone
// The console is drawn in case_console.cpp, the audience view in case_slides.cpp.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "deliberate/case/own_case.hpp"
#include "phone_link.hpp"
#include "presenter_keys.hpp"
#include "slide_view.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

class CaseView {
  public:
    CaseView(UiContext& ui, OwnCase own_case, std::string notice = {});

    void draw_console();
    void draw_audience(const SlideFonts& fonts);
    void handle_keys();

    bool blanked() const { return presenter_.blanked; }
    bool console_shown() const { return presenter_.console_shown; }
    bool take_fullscreen_request();
    std::string screen_name() const { return "case-" + case_.slide().id; }
    const OwnCase& own_case() const { return case_; }
    // Phones in the room (case_phones_panel.cpp): from now on the slides' questions go to
    // them, their votes add to the hand count, their texts wait for the facilitator.
    void attach_phones(PhoneLink link);
    // Records the count being typed, before the view closes.
    void keep_what_is_on_screen();

  private:
    void next();
    void back();
    // Runs an action on the case; one the journal could not record is said in the console.
    void act(const std::function<void()>& action);
    void export_record();
    void save_scenario();
    void say(std::string message) { message_ = std::move(message); }
    std::string slide_name(const CaseSlide& slide) const;
    // Console sections (case_console.cpp).
    void draw_navigation();
    void draw_entry();
    void draw_options_entry();
    void draw_votes();
    void draw_answers();
    void draw_answer_entry(const ModelStep& step);
    void draw_closing();
    void draw_note();
    // Phones (case_phones_panel.cpp): the slide's question onto the phones, the console's
    // section, the texts waiting to be accepted or merged, A to accept the first, the join
    // card on the audience view.
    void sync_phones();
    void draw_phones();
    std::vector<TextEntry> waiting_phone_texts() const;
    void take_phone_text(const TextEntry& entry, bool merge);
    void handle_phone_keys();
    void draw_phones_audience(const SlideFonts& fonts);
    // The audience view's slide (case_slides.cpp).
    void draw_slide(const SlideFonts& fonts);
    void draw_case_slide(const SlideFonts& fonts);
    void draw_step_slide(const SlideFonts& fonts);
    void draw_vote_slide(const SlideFonts& fonts);
    void draw_closing_slide(const SlideFonts& fonts);

    UiContext& ui_;
    OwnCase case_;
    // What the facilitator is typing, before it is confirmed and recorded.
    std::string title_, text_, question_, option_, answer_, note_;
    int answer_option_ = 0;  // 0: no option, else the option's number
    bool answer_against_ = false;
    std::size_t vote_row_ = 0;
    // The field that takes the keyboard next frame, so the facilitator types on without the
    // mouse: the title, the case, the question, an option, a step's answer; none when -1.
    enum Field {
        no_field = -1,
        title_field,
        text_field,
        question_field,
        option_field,
        answer_field
    };
    int focus_ = title_field;
    // Puts the keyboard in `field` if it is the one asked for.
    void focus_if(int field);
    std::string message_;
    PresenterState presenter_;  // blanked, console shown, fullscreen asked for
    std::optional<PhoneLink> phones_;
    std::string phones_question_;  // the key of the question on the phones; empty for none
};

}  // namespace deliberate::ui
