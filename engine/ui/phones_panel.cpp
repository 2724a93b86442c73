// Phones in the room, the trainer's side: the slide's question goes to the phones when the
// slide changes, and the console shows who joined and answered, the distribution when asked,
// the texts typed on phones (none reaches the projector unless the trainer shows it), and
// which model steps go to the phones.
#include <imgui.h>

#include <algorithm>
#include <exception>

#include "deliberate/workshop/phone_question.hpp"
#include "phones_console.hpp"
#include "present_view.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

namespace {

// Where the workshop stands, as far as the phones' question goes: a change of slide, step or
// factor setting puts a new question on the phones.
std::string phone_slide(const Workshop& w) {
    const Session& s = w.session();
    std::string key = std::string(slide_kind_name(w.slide())) + "/" +
                      std::to_string(s.node_index()) + "/" + std::to_string(s.step_position());
    for (const std::string& value : s.factor_values()) {
        key += "/" + value;
    }
    return key;
}

std::string choice_label(const PhoneQuestion& q, std::size_t i, const std::string& language) {
    return i < q.choices.size() ? q.choices[i].label.in(language) : std::string();
}

}  // namespace

void PresentView::attach_phones(PhoneLink link) {
    phones_ = std::move(link);
    workshop_.attach_phones(phones_->box.get());
    const auto& model = workshop_.session().scenario().model;
    phone_steps_ = model ? default_phone_steps(*model) : std::vector<std::string>{};
    phones_slide_.clear();
}

void PresentView::sync_phones() {
    if (!phones_) {
        return;
    }
    const std::string slide = phone_slide(workshop_);
    if (slide == phones_slide_) {
        return;
    }
    phones_slide_ = slide;
    phones_on_screen_ = false;
    // A step's aggregates show on the console as they come in; a vote's distribution only when
    // the trainer asks, so that the trainer's face does not give the room's vote away.
    phones_distribution_ = workshop_.slide() == SlideKind::step;
    BallotBox& box = *phones_->box;
    const Session& s = workshop_.session();
    switch (workshop_.slide()) {
        case SlideKind::first_vote:
            box.open(phone_vote(s, "first"));
            return;
        case SlideKind::final_vote:
            box.open(phone_vote(s, "final"));
            return;
        case SlideKind::reveal:
            // The room's votes are on the screen now: the phones see theirs too.
            box.open(phone_vote(s, "final"));
            box.reveal();
            return;
        case SlideKind::step: {
            const ModelStep* step = s.current_step();
            const auto question = phone_step(s);
            const bool chosen =
                step != nullptr &&
                std::find(phone_steps_.begin(), phone_steps_.end(), step->id) != phone_steps_.end();
            if (question && chosen) {
                box.open(*question);
            } else {
                box.clear();
            }
            return;
        }
        default:
            box.clear();
            return;
    }
}

void PresentView::draw_phones() {
    sync_phones();
    if (!phones_) {
        std::string error;
        if (auto link = draw_phones_switch(ui_, workshop_.session().language(), error)) {
            attach_phones(std::move(*link));
        } else if (!error.empty()) {
            say(error);
        }
        return;
    }
    const auto snap = phones_->box->snapshot();
    const std::string& language = workshop_.session().language();
    if (draw_phones_status(ui_, *phones_, *snap)) {
        muted(ui_, ui_.tr("phones.hidden"));
        const bool at_step = workshop_.slide() == SlideKind::step;
        if (secondary_button(ui_.tr(phones_distribution_ ? "phones.hide_distribution"
                                                         : "phones.distribution"))) {
            phones_distribution_ = !phones_distribution_;
        }
        if (at_step) {
            ImGui::SameLine();
            if (secondary_button(
                    ui_.tr(phones_on_screen_ ? "phones.off_screen" : "phones.on_screen"))) {
                phones_on_screen_ = !phones_on_screen_;
                if (phones_on_screen_) {
                    phones_->box->reveal();
                }
            }
        }
        if (phones_distribution_) {
            const RoundTally& t = snap->tally;
            const PhoneQuestion& q = snap->question;
            for (std::size_t i = 0; i < t.per_choice.size(); ++i) {
                ImGui::BulletText("%s: %d", choice_label(q, i, language).c_str(), t.per_choice[i]);
            }
            for (std::size_t i = 0; i < t.scale_counts.size(); ++i) {
                ImGui::BulletText("%d: %d", q.scale_min + static_cast<int>(i), t.scale_counts[i]);
            }
            for (const std::size_t i : t.named_by_few) {
                muted(ui_, ui_.text.format("phones.few", {choice_label(q, i, language)}));
            }
        }
        draw_phone_texts();
    }
    if (ImGui::CollapsingHeader(ui_.tr("phones.steps").c_str())) {
        const auto& model = workshop_.session().scenario().model;
        for (const ModelStep& step : model ? model->steps : std::vector<ModelStep>{}) {
            if (step.input == InputKind::info || step.input == InputKind::choice) {
                continue;
            }
            auto at = std::find(phone_steps_.begin(), phone_steps_.end(), step.id);
            bool on = at != phone_steps_.end();
            if (ImGui::Checkbox(step.title.in(language).c_str(), &on)) {
                if (on) {
                    phone_steps_.push_back(step.id);
                } else {
                    phone_steps_.erase(at);
                }
                phones_slide_.clear();  // the current step goes on or off the phones now
            }
        }
    }
}

void PresentView::draw_phone_texts() {
    const auto snap = phones_->box->snapshot();
    if (snap->tally.texts.empty()) {
        return;
    }
    muted(ui_, ui_.tr("phones.texts"));
    for (const TextEntry& entry : snap->tally.texts) {
        ImGui::PushID(static_cast<int>(entry.id));
        if (entry.shown) {
            muted(ui_, ui_.tr("phones.shown"));
        } else if (secondary_button(ui_.tr("phones.show_text"))) {
            phones_->box->show_text(entry.id);
            // What the room was shown is on record at once, not only on leaving the step.
            try {
                workshop_.record_phone_answers();
            } catch (const std::exception& e) {
                say(e.what());
            }
        }
        ImGui::SameLine();
        // Text from a phone is drawn as text, never interpreted (no format string).
        ImGui::TextWrapped("%s", entry.text.c_str());
        ImGui::PopID();
    }
}

}  // namespace deliberate::ui
