// Presenting a workshop: the audience view (large, nothing private on it) and the trainer
// console (now and next, guidance and notes, vote entry, the branch, "what if", the timer,
// export), both drawn from one Workshop. The presenter keys work in either window:
//   PageDown, Right, Space  next          PageUp, Left  back
//   B or .  blank the audience view        F  fullscreen        T  start/stop the timer
//   C  console (one window)                E  export the summary
//   on a vote:   Up/Down an option, digits type its count, + and - adjust, Backspace erases
//   at the reveal: a digit picks the branch, next takes it (the majority when none is picked)
//   W  the next value of the chosen factor ("what if"), Shift+W the next factor
// The audience view is drawn in audience_view.cpp, the console in trainer_console.cpp.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "deliberate/workshop/discussion_timer.hpp"
#include "deliberate/workshop/workshop.hpp"
#include "phone_link.hpp"
#include "presenter_keys.hpp"
#include "slide_view.hpp"
#include "ui_context.hpp"
#include "workshop_sharing.hpp"

namespace deliberate::ui {

class PresentView {
  public:
    // `group` labels the console's heading; `notice` is shown once in the console (e.g. a
    // resumed journal's torn tail).
    PresentView(UiContext& ui, Workshop workshop, std::string group, std::string notice = {});

    // The console, filling the current window below the app's top bar.
    void draw_console();
    // The audience view, filling the current window (its own, or the one window).
    void draw_audience(const SlideFonts& fonts);
    // The presenter keys, read in whichever window has them this frame.
    void handle_keys();

    bool blanked() const { return presenter_.blanked; }
    // With one window: whether it shows the console (C) rather than the audience view.
    bool console_shown() const { return presenter_.console_shown; }
    // True once after F: the program toggles the audience window's fullscreen.
    bool take_fullscreen_request();
    std::string screen_name() const;
    const Workshop& workshop() const { return workshop_; }
    // Phones in the room (phones_panel.cpp): from now on the slides' questions go to them,
    // their votes add to the hand count, and the audience view shows how to join.
    void attach_phones(PhoneLink link);
    // Records the count being typed and the phones' answers on screen, before the view
    // closes (to the library, or the program ends).
    void keep_what_is_on_screen();

  private:
    void next();
    void back();
    // Runs a move of the workshop; a refused one, or one the journal could not record, is
    // said in the console and leaves the slide as it was.
    void move(const std::function<Workshop::Move()>& action);
    void cycle_factor_value();
    void export_summary();
    void say(std::string message) { message_ = std::move(message); }
    SlideState current() const { return {workshop_.session(), workshop_.slide()}; }
    // Trainer console sections (trainer_console.cpp).
    void draw_controls();
    void draw_vote_entry();
    void draw_branch();
    void draw_guidance();
    void draw_what_if();
    void draw_timer();
    void draw_notes();
    // The timer in a corner of the audience view.
    void draw_timer_badge(const SlideFonts& fonts);
    void tick_timer();
    // Phones (phones_panel.cpp, join_card.cpp): the slide's question onto the phones when
    // the slide changes; the console's section; the join card and, at the trainer's
    // command, the phones' answers on the audience view.
    void sync_phones();
    void draw_phones();
    void draw_phone_texts();
    void draw_join_card(const SlideFonts& fonts);
    void draw_phone_result(const SlideFonts& fonts);

    UiContext& ui_;
    Workshop workshop_;
    DiscussionTimer timer_;
    int custom_minutes_ = 3;
    std::size_t vote_row_ = 0;
    std::optional<std::size_t> pick_;  // the branch the trainer picked at the reveal
    std::size_t factor_ = 0;           // the factor W changes
    std::string group_;
    std::string note_;
    std::string message_;
    float fit_scale_ = 1.0f;    // the audience view's text scale that makes the slide fit
    std::string fitted_slide_;  // the slide fit_scale_ was found for
    WorkshopSharing sharing_;   // the finished workshop's extract, when the trainer shares it
    PresenterState presenter_;  // blanked, console shown, fullscreen asked for
    std::optional<PhoneLink> phones_;
    std::string phones_slide_;              // the slide whose question the phones have
    std::vector<std::string> phone_steps_;  // the model steps that go to the phones
    bool phones_on_screen_ = false;         // the phones' answers shown on the audience view
    bool phones_distribution_ = false;      // the distribution shown on the console
};

}  // namespace deliberate::ui
