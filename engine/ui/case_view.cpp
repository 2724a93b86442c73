// The own case's presenter: its keys, moving between slides, the record and the draft.
#include "case_view.hpp"

#include <imgui.h>

#include "deliberate/case/case_record.hpp"
#include "deliberate/journal/data_folder.hpp"
#include "deliberate/support/safe_file.hpp"
#include "keys.hpp"
#include "presenter_keys.hpp"

namespace deliberate::ui {

CaseView::CaseView(UiContext& ui, OwnCase own_case, std::string notice)
    : ui_(ui), case_(std::move(own_case)), message_(std::move(notice)) {
    const CaseContent& content = case_.content();
    title_ = content.title;
    text_ = content.text;
    question_ = content.question;
}

bool CaseView::take_fullscreen_request() {
    const bool requested = presenter_.fullscreen_request;
    presenter_.fullscreen_request = false;
    return requested;
}

std::string CaseView::slide_name(const CaseSlide& slide) const {
    if (slide.kind == CaseSlideKind::step) {
        return case_.model().steps[slide.step].title.in(case_.state().header.language);
    }
    return ui_.tr("case.slide." + slide.id);
}

void CaseView::act(const std::function<void()>& action) {
    try {
        action();
    } catch (const std::exception& e) {
        say(ui_.text.format("present.error", {e.what()}));
    }
}

void CaseView::focus_if(int field) {
    if (focus_ == field) {
        ImGui::SetKeyboardFocusHere();
        focus_ = no_field;
        // The focus moves on the next frame: draw it now, not at the next key (which it would
        // otherwise take, an Esc leaving the field before it was entered).
        ui_.redraw_within(std::chrono::milliseconds(0));
    }
}

void CaseView::next() {
    act([this] {
        if (case_.slide().kind == CaseSlideKind::entry && !case_.content().complete()) {
            say(ui_.tr("case.entry_incomplete"));
        } else if (case_.next()) {
            vote_row_ = 0;
            message_.clear();
        }
    });
}

void CaseView::back() {
    act([this] {
        if (case_.back()) {
            vote_row_ = 0;
            focus_ = case_.slide().kind == CaseSlideKind::entry ? title_field : no_field;
            message_.clear();
        }
    });
}

void CaseView::keep_what_is_on_screen() {
    try {
        case_.record_count();
    } catch (const std::exception&) {
        // Leaving: a journal that cannot be written was said when it failed; nothing to add.
    }
}

void CaseView::export_record() {
    act([this] {
        case_.record_count();  // a count on screen belongs in the record too
        const auto& journal = case_.journal_path();
        const auto html = export_path(ui_.data_dir, journal, "html");
        const auto md = export_path(ui_.data_dir, journal, "md");
        std::string error;
        if (!write_file_atomically(html, case_record_html(case_.state(), case_.model(), ui_.text),
                                   error) ||
            !write_file_atomically(md, case_record_markdown(case_.state(), case_.model(), ui_.text),
                                   error)) {
            say(ui_.text.format("present.export_failed", {error}));
            return;
        }
        say(ui_.text.format("case.record_written", {html.string() + ", " + md.string()}));
    });
}

void CaseView::save_scenario() {
    act([this] {
        const auto file = export_path(ui_.data_dir, case_.journal_path(), "scenario.json");
        std::string error;
        if (!write_file_atomically(file, case_scenario_json(case_.state(), case_.model()), error)) {
            say(ui_.text.format("present.export_failed", {error}));
            return;
        }
        say(ui_.text.format("case.scenario_written", {file.string()}));
    });
}

void CaseView::handle_keys() {
    if (ctrl_held() || alt_held()) {
        return;  // the app's own shortcuts (zoom)
    }
    if (typing()) {
        // A clicker still moves the slides while a field has the keyboard; other keys type.
        if (key_hit(Key::page_down)) {
            next();
        } else if (key_hit(Key::page_up)) {
            back();
        }
        return;
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
    if (key_pressed(Key::e)) {
        export_record();
    }
    // Enter on a step starts typing the group's answer; Esc leaves the field again, so a
    // clicker's keys move the slides.
    if (key_pressed(Key::confirm) && case_.slide().kind == CaseSlideKind::step) {
        focus_ = answer_field;
    }
    handle_phone_keys();
    if (!case_.vote_round().empty()) {
        handle_hand_count_keys(dynamic_cast<HandCount*>(&case_.votes()),
                               case_.content().options.size(), vote_row_);
    }
}

}  // namespace deliberate::ui
