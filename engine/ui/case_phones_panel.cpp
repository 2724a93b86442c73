// Phones in an own case, the facilitator's side: the slide's question goes to the phones
// when the slide changes (the vote, or a step's answers as short texts), their votes add to
// the hand count, and what the group types on the phones waits on the console until the
// facilitator accepts it (it is then recorded and shown to the room) or merges it into the
// answer being typed. Nothing typed on a phone reaches the projector otherwise.
#include <imgui.h>

#include "case_view.hpp"
#include "deliberate/case/case_phones.hpp"
#include "join_card.hpp"
#include "keys.hpp"
#include "phones_console.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

void CaseView::attach_phones(PhoneLink link) {
    phones_ = std::move(link);
    case_.attach_phones(phones_->box.get());
    phones_question_.clear();
}

void CaseView::sync_phones() {
    if (!phones_) {
        return;
    }
    const auto question = case_phone_question(case_);
    const std::string key = question ? question->key : std::string();
    if (key == phones_question_) {
        return;
    }
    phones_question_ = key;
    if (question) {
        phones_->box->open(*question);
    } else {
        phones_->box->clear();
    }
}

std::vector<TextEntry> CaseView::waiting_phone_texts() const {
    std::vector<TextEntry> waiting;
    if (!phones_ || case_.slide().kind != CaseSlideKind::step) {
        return waiting;
    }
    const auto snap = phones_->box->snapshot();
    for (const TextEntry& entry : snap->tally.texts) {
        if (!entry.shown) {
            waiting.push_back(entry);
        }
    }
    return waiting;
}

void CaseView::take_phone_text(const TextEntry& entry, bool merge) {
    if (merge) {
        // Into the answer being typed: the facilitator joins it with others and edits it.
        answer_ += (answer_.empty() ? "" : "; ") + entry.text;
        focus_ = answer_field;
        phones_->box->show_text(entry.id);  // taken: no longer waiting
        return;
    }
    act([&] {
        Contribution c;
        c.text = entry.text;
        c.source = "phones";
        case_.add_answer(c);
        phones_->box->show_text(entry.id);
    });
}

void CaseView::draw_phones() {
    sync_phones();
    if (!phones_) {
        std::string error;
        if (auto link = draw_phones_switch(ui_, case_.state().header.language, error)) {
            attach_phones(std::move(*link));
        } else if (!error.empty()) {
            say(error);
        }
        return;
    }
    if (!draw_phones_status(ui_, *phones_, *phones_->box->snapshot())) {
        return;
    }
    const std::vector<TextEntry> waiting = waiting_phone_texts();
    if (waiting.empty()) {
        return;
    }
    muted(ui_, ui_.tr("case.phone_texts"));
    for (std::size_t i = 0; i < waiting.size(); ++i) {
        const TextEntry& entry = waiting[i];
        ImGui::PushID(static_cast<int>(entry.id));
        if (secondary_button(ui_.tr("case.accept"), i == 0 ? "A" : "")) {
            take_phone_text(entry, false);
        }
        ImGui::SameLine();
        if (secondary_button(ui_.tr("case.merge"))) {
            take_phone_text(entry, true);
        }
        ImGui::SameLine();
        // Text from a phone is drawn as text, never interpreted (no format string).
        ImGui::TextWrapped("%s", entry.text.c_str());
        ImGui::PopID();
    }
}

void CaseView::handle_phone_keys() {
    if (key_pressed(Key::a)) {
        const std::vector<TextEntry> waiting = waiting_phone_texts();
        if (!waiting.empty()) {
            take_phone_text(waiting.front(), false);
        }
    }
}

void CaseView::draw_phones_audience(const SlideFonts& fonts) {
    if (phones_) {
        draw_join_card(ui_, *phones_, fonts, case_.slide().kind == CaseSlideKind::entry);
    }
}

}  // namespace deliberate::ui
