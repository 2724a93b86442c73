// The own case's console: where we are, the case being typed (each part confirmed with Enter
// and then shown to the room), the group's answers at each step, the hand counts, the note
// field, and at the end the record and the scenario draft.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "case_view.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

namespace {

constexpr ImGuiInputTextFlags on_enter = ImGuiInputTextFlags_EnterReturnsTrue;

void label(const UiContext& ui, const std::string& text) {
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopFont();
}

}  // namespace

void CaseView::draw_navigation() {
    const std::size_t at = case_.slide_index();
    const auto& slides = case_.slides();
    ImGui::PushFont(ui_.fonts.bold);
    ImGui::TextWrapped(
        "%s",
        ui_.text
            .format("case.opening", {case_.content().title.empty()
                                         ? case_.model().title.in(case_.state().header.language)
                                         : case_.content().title})
            .c_str());
    ImGui::PopFont();
    ImGui::TextWrapped(
        "%s", ui_.text
                  .format("case.slide", {std::to_string(at + 1), std::to_string(slides.size()),
                                         slide_name(case_.slide())})
                  .c_str());
    if (secondary_button(ui_.tr("present.back"), "PageUp", at > 0)) {
        back();
    }
    ImGui::SameLine();
    const bool more = at + 1 < slides.size();
    if (primary_button(ui_, ui_.tr("present.next"), "PageDown", more)) {
        next();
    }
    if (more) {
        ImGui::SameLine();
        muted(ui_, ui_.tr("present.next_slide") + ": " + slide_name(slides[at + 1]));
    }
    if (!message_.empty()) {
        coloured(palette(ui_.settings.theme).warning, message_);
    }
    if (presenter_.blanked) {
        muted(ui_, ui_.tr("present.blanked"));
    }
    ImGui::Separator();
}

void CaseView::draw_entry() {
    coloured(palette(ui_.settings.theme).warning, ui_.tr("case.no_names_reminder"));
    muted(ui_, ui_.tr("case.confirm_hint"));
    label(ui_, ui_.tr("case.ask_title"));
    ImGui::SetNextItemWidth(-1);
    focus_if(title_field);
    if (ImGui::InputText("##title", &title_, on_enter) && !title_.empty()) {
        act([this] { case_.set_title(title_); });
        focus_ = text_field;
    }
    label(ui_, ui_.tr("case.ask_text_gui"));
    focus_if(text_field);
    // Enter shows the case to the room, Ctrl+Enter starts a new line.
    const bool text_entered = ImGui::InputTextMultiline(
        "##text", &text_, ImVec2(-1, ImGui::GetTextLineHeightWithSpacing() * 5),
        ImGuiInputTextFlags_CtrlEnterForNewLine | on_enter);
    if (secondary_button(ui_.tr("case.confirm_text"), "Enter", text_ != case_.content().text) ||
        (text_entered && text_ != case_.content().text)) {
        act([this] { case_.set_text(text_); });
        focus_ = question_field;
    }
    label(ui_, ui_.tr("case.ask_question"));
    ImGui::SetNextItemWidth(-1);
    focus_if(question_field);
    if (ImGui::InputText("##question", &question_, on_enter) && !question_.empty()) {
        act([this] { case_.set_question(question_); });
        focus_ = option_field;
    }
    draw_options_entry();
}

void CaseView::draw_options_entry() {
    label(ui_, ui_.tr("case.options_gui"));
    const auto options = case_.content().options;
    for (std::size_t o = 0; o < options.size(); ++o) {
        ImGui::PushID(static_cast<int>(o));
        ImGui::TextWrapped("%zu. %s", o + 1, options[o].label.c_str());
        ImGui::SameLine();
        if (secondary_button(ui_.tr("case.remove"))) {
            act([&] { case_.remove_option(options[o].id); });
        }
        ImGui::PopID();
    }
    if (options.size() < case_max_options) {
        ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 8);
        focus_if(option_field);
        const bool entered = ImGui::InputTextWithHint(
            "##option", ui_.tr("case.option_hint").c_str(), &option_, on_enter);
        ImGui::SameLine();
        if ((secondary_button(ui_.tr("case.add")) || entered) && !option_.empty()) {
            act([this] {
                case_.add_option(option_);
                option_.clear();
            });
            focus_ = option_field;
        }
    }
}

void CaseView::draw_votes() {
    muted(ui_, ui_.tr("case.vote_hint"));
    const auto& options = case_.content().options;
    auto* hands = dynamic_cast<HandCount*>(&case_.votes());
    const std::vector<int> counts = case_.votes().counts();
    const std::vector<int> phones = case_.phone_counts();
    for (std::size_t o = 0; o < options.size() && hands != nullptr; ++o) {
        ImGui::PushID(static_cast<int>(o));
        int count = o < counts.size() ? counts[o] : 0;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
        if (ImGui::InputInt("##count", &count)) {
            hands->set(o, count);
        }
        ImGui::SameLine();
        ImGui::TextWrapped("%s%zu. %s", o == vote_row_ ? "> " : "  ", o + 1,
                           options[o].label.c_str());
        if (o < phones.size()) {
            // The phones' votes, added to the hands when the count is recorded.
            ImGui::SameLine();
            muted(ui_, ui_.text.format("case.phone_votes", {std::to_string(phones[o])}));
        }
        ImGui::PopID();
    }
    if (secondary_button(ui_.tr("case.record_count"))) {
        act([this] {
            case_.record_count();
            say(ui_.text.format("case.recorded", {case_.vote_round()}));
        });
    }
}

void CaseView::draw_answer_entry(const ModelStep& step) {
    const auto& options = case_.content().options;
    if (step.input == InputKind::arguments) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
        const std::string current =
            answer_option_ == 0 ? ui_.tr("case.no_option")
                                : options[static_cast<std::size_t>(answer_option_ - 1)].label;
        if (ImGui::BeginCombo("##option", current.c_str())) {
            for (int o = 0; o <= static_cast<int>(options.size()); ++o) {
                const std::string name = o == 0 ? ui_.tr("case.no_option")
                                                : options[static_cast<std::size_t>(o - 1)].label;
                if (ImGui::Selectable(name.c_str(), o == answer_option_)) {
                    answer_option_ = o;
                }
            }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        ImGui::Checkbox(ui_.tr("case.against_box").c_str(), &answer_against_);
    }
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 8);
    focus_if(answer_field);
    const bool entered = ImGui::InputTextWithHint("##answer", ui_.tr("case.answer_hint").c_str(),
                                                  &answer_, on_enter);
    ImGui::SameLine();
    if ((secondary_button(ui_.tr("case.add")) || entered) && !answer_.empty()) {
        act([&] {
            Contribution c;
            c.text = answer_;
            if (answer_option_ > 0 && answer_option_ <= static_cast<int>(options.size())) {
                c.option = options[static_cast<std::size_t>(answer_option_ - 1)].id;
                c.side = answer_against_ ? "against" : "for";
            }
            case_.add_answer(c);
            answer_.clear();
        });
        focus_ = answer_field;
    }
}

void CaseView::draw_answers() {
    const ModelStep& step = case_.model().steps[case_.slide().step];
    const std::string& lang = case_.state().header.language;
    label(ui_, ui_.tr("play.guidance"));
    ImGui::TextWrapped("%s", step.guidance.in(lang).c_str());
    label(ui_, ui_.tr("case.answers_hint"));
    for (const Contribution& c : case_.state().answers_at(step.id)) {
        ImGui::PushID(static_cast<int>(c.entry));
        if (secondary_button("x")) {
            const auto entry = c.entry;
            ImGui::PopID();
            act([&] { case_.withdraw(entry); });
            return;  // the list changed under us; drawn again next frame
        }
        ImGui::SameLine();
        const auto o = case_.content().find_option(c.option);
        ImGui::TextWrapped(
            "%s%s",
            o ? ((c.side == "against" ? "- " : "+ ") + case_.content().options[*o].label + ": ")
                    .c_str()
              : "",
            c.text.c_str());
        ImGui::PopID();
    }
    draw_answer_entry(step);
}

void CaseView::draw_closing() {
    muted(ui_, ui_.tr("case.closing_gui"));
    if (primary_button(ui_, ui_.tr("case.export_record"), "E")) {
        export_record();
    }
    ImGui::SameLine();
    if (secondary_button(ui_.tr("case.save_scenario"))) {
        save_scenario();
    }
    if (!case_.state().finished && secondary_button(ui_.tr("case.finish"))) {
        act([this] { case_.finish(); });
    }
}

void CaseView::draw_note() {
    label(ui_, ui_.tr("present.note"));
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 6);
    const bool entered =
        ImGui::InputTextWithHint("##note", ui_.tr("present.note_hint").c_str(), &note_, on_enter);
    ImGui::SameLine();
    if ((secondary_button(ui_.tr("present.note_add")) || entered) && !note_.empty()) {
        act([this] {
            case_.add_note(note_);
            note_.clear();
            say(ui_.tr("play.note_saved"));
        });
    }
    muted(ui_, ui_.text.format("play.journal", {case_.journal_path().string()}));
}

void CaseView::draw_console() {
    handle_keys();
    draw_navigation();
    ImGui::BeginChild("case-console", ImVec2(0, 0), false);
    switch (case_.slide().kind) {
        case CaseSlideKind::entry:
            draw_entry();
            break;
        case CaseSlideKind::first_vote:
        case CaseSlideKind::final_vote:
            draw_votes();
            break;
        case CaseSlideKind::step:
            draw_answers();
            break;
        case CaseSlideKind::closing:
            draw_closing();
            break;
    }
    draw_phones();
    draw_note();
    ImGui::EndChild();
    if (focus_ != no_field) {
        ui_.redraw_within(std::chrono::milliseconds(0));  // a field waits to take the keyboard
    }
}

}  // namespace deliberate::ui
