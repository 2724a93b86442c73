// The workshop presenter: its keys, moving between slides, "what if", export.
#include "present_view.hpp"

#include <imgui.h>

#include <functional>

#include "deliberate/journal/data_folder.hpp"
#include "deliberate/support/safe_file.hpp"
#include "deliberate/workshop/workshop_summary.hpp"
#include "keys.hpp"
#include "presenter_keys.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

PresentView::PresentView(UiContext& ui, Workshop workshop, std::string group, std::string notice)
    : ui_(ui),
      workshop_(std::move(workshop)),
      group_(std::move(group)),
      message_(std::move(notice)) {
    timer_.set(std::chrono::minutes(2));
}

bool PresentView::take_fullscreen_request() {
    const bool requested = presenter_.fullscreen_request;
    presenter_.fullscreen_request = false;
    return requested;
}

std::string PresentView::screen_name() const {
    return std::string("present-") + slide_kind_name(workshop_.slide());
}

void PresentView::move(const std::function<Workshop::Move()>& action) {
    try {
        const char* refusal = nullptr;
        switch (action()) {
            case Workshop::Move::moved:
                break;
            case Workshop::Move::at_start:
                refusal = "present.at_start";
                break;
            case Workshop::Move::cannot_undo:
                refusal = "present.cannot_undo";
                break;
            case Workshop::Move::need_branch:
                refusal = workshop_.tie() ? "present.tie" : "present.pick_needed";
                break;
            case Workshop::Move::finished:
                refusal = "present.finished";
                break;
        }
        if (refusal != nullptr) {
            say(ui_.tr(refusal));
            return;
        }
        pick_.reset();
        vote_row_ = 0;
        message_.clear();
    } catch (const std::exception& e) {
        // A journal that cannot be written: nothing moved; say so and keep the slide.
        say(ui_.text.format("present.error", {e.what()}));
    }
}

void PresentView::next() {
    const SlideKind before = workshop_.slide();
    const std::size_t arrived = workshop_.session().history().size();
    move([this] {
        if (workshop_.slide() == SlideKind::reveal && pick_) {
            workshop_.choose(*pick_);
            return Workshop::Move::moved;
        }
        return workshop_.next();
    });
    if (workshop_.session().history().size() > arrived) {
        ui_.node_sound(workshop_.session());
    }
    const SlideKind slide = workshop_.slide();
    if (slide != before && slide == SlideKind::ending) {
        ui_.cue(Sound::ending_reached);
    } else if (slide != before && slide == SlideKind::reveal) {
        ui_.cue(Sound::choice_made);
    }
}

void PresentView::back() {
    move([this] { return workshop_.back(); });
}

void PresentView::cycle_factor_value() {
    const Scenario& scenario = workshop_.session().scenario();
    if (scenario.factors.empty()) {
        say(ui_.tr("present.no_factors"));
        return;
    }
    const Factor& factor = scenario.factors[factor_];
    const auto current = factor.find_value(workshop_.session().factor_values()[factor_]);
    const std::size_t value = current ? (*current + 1) % factor.values.size() : 0;
    try {
        workshop_.set_factor(factor_, value);
        vote_row_ = 0;  // a fresh count for the new setting starts at the first option
        say(ui_.text.format("play.factor_set",
                            {factor.label.in(workshop_.session().language()),
                             factor.values[value].label.in(workshop_.session().language())}));
    } catch (const std::exception& e) {
        say(ui_.text.format("present.error", {e.what()}));
    }
}

void PresentView::keep_what_is_on_screen() {
    try {
        workshop_.record_count();
        workshop_.record_phone_answers();
    } catch (const std::exception&) {
        // Leaving: a journal that cannot be written was said when it failed; nothing to add.
    }
}

void PresentView::export_summary() {
    try {
        // A count and the phones' answers on screen belong in the summary too.
        workshop_.record_count();
        workshop_.record_phone_answers();
        const auto& journal = workshop_.recorded().journal().path();
        const auto scenario = workshop_.session().shared_scenario();
        const WorkshopSummary summary = summarise_session(scenario, scan_journal(journal));
        const auto html = export_path(ui_.data_dir, journal, "html");
        const auto csv = export_path(ui_.data_dir, journal, "csv");
        std::string error;
        if (!write_file_atomically(html, summary_html(*scenario, summary, ui_.text), error) ||
            !write_file_atomically(
                csv, summary_csv(*scenario, summary, workshop_.session().language()), error)) {
            say(ui_.text.format("present.export_failed", {error}));
            return;
        }
        say(ui_.text.format("present.exported", {html.string(), csv.string()}));
    } catch (const std::exception& e) {
        say(ui_.text.format("present.export_failed", {e.what()}));
    }
}

void PresentView::handle_keys() {
    if (ctrl_held() || alt_held()) {
        return;  // the app's own shortcuts (zoom)
    }
    switch (read_presenter_keys(presenter_)) {
        case SlideMove::next:
            next();
            break;
        case SlideMove::back:
            back();
            break;
        case SlideMove::none:
            break;
    }
    if (key_pressed(Key::t)) {
        timer_.toggle(DiscussionTimer::Clock::now());
    }
    if (key_pressed(Key::e)) {
        export_summary();
    }
    if (key_pressed(Key::w)) {
        const std::size_t factors = workshop_.session().scenario().factors.size();
        if (shift_held() && factors > 0) {
            factor_ = (factor_ + 1) % factors;
        } else {
            cycle_factor_value();
        }
    }
    const std::size_t options = workshop_.session().node().options.size();
    if (!workshop_.vote_round().empty()) {
        handle_hand_count_keys(dynamic_cast<HandCount*>(&workshop_.source()), options, vote_row_);
    } else if (workshop_.slide() == SlideKind::reveal) {
        const int digit = digit_pressed();
        if (digit > 0 && static_cast<std::size_t>(digit) <= options) {
            const std::size_t option = static_cast<std::size_t>(digit - 1);
            if (workshop_.session().is_offered(option)) {
                pick_ = option;
                message_.clear();
            }
        }
    }
}

}  // namespace deliberate::ui
