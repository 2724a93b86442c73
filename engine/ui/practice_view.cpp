// The practice flow, one phase at a time; keys: Enter continues or confirms, digits pick,
// Backspace or Alt+Left goes back a step, F1 or H shows the step's guidance.
#include "practice_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "deliberate/scenario/asset_paths.hpp"
#include "keys.hpp"
#include "node_image.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

namespace {

bool enter_pressed() {
    return key_pressed(Key::confirm);
}

bool back_pressed() {
    return key_pressed(Key::backspace) || (alt_held() && key_repeated(Key::left));
}

}  // namespace

PracticeView::PracticeView(UiContext& ui, RecordedSession session, std::string notice)
    : ui_(ui),
      rec_(std::move(session)),
      notice_(std::move(notice)),
      sharing_(std::make_unique<ResultsSharing>(ui)) {
    if (rec_.session().at_ending()) {
        phase_ = Phase::ending;
    }
    after_arrival(0);
}

std::string PracticeView::screen_name() const {
    switch (phase_) {
        case Phase::step_feedback:
        case Phase::option_feedback:
            return "feedback";
        case Phase::ending:
            return "ending";
        case Phase::summary:
            return "summary";
        case Phase::playing:
            break;
    }
    const Session& s = rec_.session();
    if (s.at_scene()) {
        return "scene";
    }
    return s.at_choice() ? "choice" : "step";
}

void PracticeView::act(const std::function<void()>& action) {
    try {
        action();
    } catch (const JournalError& e) {
        fatal_ = e.what();
    }
}

void PracticeView::after_arrival(std::size_t history_before) {
    const Session& s = rec_.session();
    if (s.history().size() <= history_before) {
        return;
    }
    selected_option_.reset();
    show_guidance_ = false;
    ui_.node_sound(s);
    if (s.at_ending()) {
        ui_.cue(Sound::ending_reached);
    }
}

void PracticeView::sync_draft() {
    const Session& s = rec_.session();
    const std::string key = std::to_string(s.history().size()) + ":" +
                            std::to_string(s.step_position()) + ":" +
                            (s.chosen_option() ? "c" : "-");
    if (key == draft_key_) {
        return;
    }
    draft_key_ = key;
    input_.reset(s, previous_answer_ ? &*previous_answer_ : nullptr);
    previous_answer_.reset();
    error_.clear();
    show_guidance_ = false;
}

void PracticeView::draw_header() {
    const Session& s = rec_.session();
    muted(ui_, s.render(s.scenario().title));
    if (s.at_dilemma() && !s.node().walked_steps.empty() && phase_ == Phase::playing) {
        const std::size_t total = s.node().walked_steps.size();
        const std::size_t at = s.step_position() + 1;
        ImGui::ProgressBar(static_cast<float>(at) / static_cast<float>(total),
                           ImVec2(ImGui::CalcItemWidth(), ImGui::GetFontSize() * 0.35f), "");
    }
    if (!notice_.empty()) {
        coloured(palette(ui_.settings.theme).warning, notice_);
        if (secondary_button(ui_.tr("ui.dismiss"))) {
            notice_.clear();
        }
    }
    ImGui::Spacing();
}

void PracticeView::draw_node_text() {
    const Session& s = rec_.session();
    const Node& node = s.node();
    if (!node.title.empty()) {
        heading(ui_, s.render(node.title));
    }
    // As wide as the reading column, at most the image's own size.
    draw_node_image(ui_, s, ImGui::CalcItemWidth(), ImGui::GetMainViewport()->Size.y,
                    ui_.fonts.scale);
    if (!node.text.empty()) {
        paragraph(s.render(node.text));
    }
}

void PracticeView::draw_scene() {
    draw_node_text();
    footer_ = [this] {
        if (primary_button(ui_, ui_.tr("ui.continue"), ui_.tr("ui.key.enter")) || enter_pressed()) {
            const std::size_t before = rec_.session().history().size();
            act([&] { rec_.continue_scene(); });
            after_arrival(before);
        }
    };
}

void PracticeView::confirm_step() {
    std::string problem;
    StepAnswer answer = input_.answer(ui_, rec_.session(), problem);
    if (!problem.empty()) {
        error_ = problem;
        return;
    }
    feedback_ = step_feedback(rec_.session(), answer);
    feedback_node_ = rec_.session().node_index();
    const std::size_t before = rec_.session().history().size();
    act([&] { rec_.answer_step(std::move(answer)); });
    if (!fatal_.empty()) {
        return;
    }
    ui_.cue(Sound::step_done);
    if (!feedback_.empty()) {
        phase_ = Phase::step_feedback;
    }
    after_arrival(before);
}

void PracticeView::go_back() {
    const Session& s = rec_.session();
    if (!s.at_dilemma()) {
        return;
    }
    if (s.chosen_option()) {
        error_ = ui_.tr("ui.error.after_choice");
        return;
    }
    if (s.step_position() == 0) {
        error_ = ui_.tr("ui.error.first_step");
        return;
    }
    std::optional<StepAnswer> previous;
    if (!s.answers().empty()) {
        previous = s.answers().back();
    }
    bool went = false;
    act([&] { went = rec_.go_back(); });
    if (went) {
        previous_answer_ = std::move(previous);
    }
}

void PracticeView::draw_step() {
    const Session& s = rec_.session();
    const Node& node = s.node();
    const ModelStep* step = s.current_step();
    // The case stays at hand during the steps, folded away after the first so that the step
    // itself is in view.
    if (s.step_position() == 0) {
        draw_node_text();
    } else if (ImGui::CollapsingHeader(ui_.tr("ui.the_case").c_str())) {
        draw_node_text();
    }
    if (!node.question.empty()) {
        ImGui::Spacing();
        ImGui::PushFont(ui_.fonts.bold);
        paragraph(s.render(node.question));
        ImGui::PopFont();
    }
    ImGui::Separator();
    if (step != nullptr) {
        muted(ui_, ui_.text.format("ui.step.progress", {std::to_string(s.step_position() + 1),
                                                        std::to_string(node.walked_steps.size())}));
        heading(ui_, s.render(step->title));
        paragraph(s.render(step->prompt));
        if (const StepContent* content = node.step_content(step->id)) {
            if (!content->prompt.empty()) {
                paragraph(s.render(content->prompt));
            }
            for (const LocalisedText& prompt : content->prompts) {
                ImGui::Bullet();
                ImGui::SameLine();
                paragraph(s.render(prompt));
            }
        }
        if (!step->guidance.empty()) {
            if (show_guidance_) {
                ImGui::PushStyleColor(ImGuiCol_Text, palette(ui_.settings.theme).muted);
                paragraph(s.render(step->guidance));
                ImGui::PopStyleColor();
            }
            if (secondary_button(ui_.tr(show_guidance_ ? "ui.hide_guidance" : "ui.show_guidance"),
                                 ui_.tr("ui.key.f1")) ||
                key_pressed(Key::f1) || key_pressed(Key::h)) {
                show_guidance_ = !show_guidance_;
            }
        }
        ImGui::Spacing();
    }
    if (s.at_choice()) {
        draw_choice();
        return;
    }
    const bool submitted = input_.draw(ui_, s);
    if (!error_.empty()) {
        coloured(palette(ui_.settings.theme).error, error_);
    }
    footer_ = [this, submitted] {
        const Session& now = rec_.session();
        const bool can_go_back = now.step_position() > 0 && !now.chosen_option();
        if (secondary_button(ui_.tr("ui.back"), ui_.tr("ui.key.backspace"), can_go_back)) {
            go_back();
        }
        ImGui::SameLine();
        if (primary_button(ui_, ui_.tr("ui.next"), ui_.tr("ui.key.enter")) || enter_pressed() ||
            submitted) {
            confirm_step();
        } else if (back_pressed()) {
            go_back();
        }
    };
}

void PracticeView::draw_choice() {
    const Session& s = rec_.session();
    const Node& node = s.node();
    const std::vector<std::size_t> offered = s.offered_options();
    const int digit = digit_pressed();
    if (digit > 0 && static_cast<std::size_t>(digit) <= offered.size()) {
        selected_option_ = offered[static_cast<std::size_t>(digit) - 1];
    }
    const Palette& p = palette(ui_.settings.theme);
    for (std::size_t i = 0; i < offered.size(); ++i) {
        const Option& option = node.options[offered[i]];
        const bool selected = selected_option_ == offered[i];
        ImGui::PushID(static_cast<int>(i));
        if (selected) {
            ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent_hover);
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        }
        ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
        const std::string label = std::to_string(i + 1) + ".  " + s.render(option.label);
        // Option labels can be long: the button grows to hold the wrapped label.
        const float width = ImGui::CalcItemWidth();
        const ImVec2 text = ImGui::CalcTextSize(label.c_str(), nullptr, false,
                                                width - ImGui::GetStyle().FramePadding.x * 2);
        if (ImGui::Button("##option",
                          ImVec2(width, text.y + ImGui::GetStyle().FramePadding.y * 2))) {
            selected_option_ = offered[i];
        }
        const ImVec2 min = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                            ImVec2(min.x + ImGui::GetStyle().FramePadding.x,
                                                   min.y + ImGui::GetStyle().FramePadding.y),
                                            ImGui::GetColorU32(ImGuiCol_Text), label.c_str(),
                                            nullptr, width - ImGui::GetStyle().FramePadding.x * 2);
        ImGui::PopStyleVar();
        if (selected) {
            ImGui::PopStyleColor(3);
        }
        ImGui::PopID();
    }
    muted(ui_, ui_.tr("ui.choice_hint"));
    if (!error_.empty()) {
        coloured(p.error, error_);
    }
    footer_ = [this] { choice_buttons(); };
}

void PracticeView::choice_buttons() {
    const Session& s = rec_.session();
    const bool can_go_back = s.step_position() > 0;
    if (secondary_button(ui_.tr("ui.back"), ui_.tr("ui.key.backspace"), can_go_back)) {
        go_back();
    }
    ImGui::SameLine();
    const bool confirm = primary_button(ui_, ui_.tr("ui.choose"), ui_.tr("ui.key.enter"),
                                        selected_option_.has_value()) ||
                         (enter_pressed() && selected_option_);
    if (confirm) {
        const std::size_t option = *selected_option_;
        const std::size_t before = s.history().size();
        chosen_node_ = s.node_index();
        act([&] { rec_.choose(option); });
        if (fatal_.empty()) {
            ui_.cue(Sound::choice_made);
            if (!rec_.session().scenario().nodes[chosen_node_].options[option].feedback.empty()) {
                chosen_option_ = option;
                phase_ = Phase::option_feedback;
            }
            after_arrival(before);
        }
    } else if (enter_pressed()) {
        error_ = ui_.tr("ui.error.choose_first");
    } else if (back_pressed()) {
        go_back();
    }
}

void PracticeView::draw_step_feedback() {
    const Session& s = rec_.session();
    const Palette& p = palette(ui_.settings.theme);
    heading(ui_, ui_.tr("ui.feedback"));
    if (!feedback_.general.empty()) {
        paragraph(s.render(feedback_.general));
    }
    if (!feedback_.missed.empty()) {
        std::string names;
        for (const Candidate& c : feedback_.missed) {
            names += (names.empty() ? "" : ", ") + s.render(c.label);
        }
        coloured(p.warning, ui_.text.format("ui.missed", {names}));
    }
    for (const Candidate& c : feedback_.explained) {
        ImGui::PushFont(ui_.fonts.bold);
        paragraph(s.render(c.label));
        ImGui::PopFont();
        paragraph(s.render(c.feedback));
    }
    footer_ = [this] {
        if (primary_button(ui_, ui_.tr("ui.continue"), ui_.tr("ui.key.enter")) || enter_pressed()) {
            phase_ = rec_.session().at_ending() ? Phase::ending : Phase::playing;
        }
    };
}

void PracticeView::draw_option_feedback() {
    const Session& s = rec_.session();
    const Node& dilemma = s.scenario().nodes[chosen_node_];
    const Option& option = dilemma.options[*chosen_option_];
    muted(ui_, ui_.tr("ui.you_chose"));
    heading(ui_, s.render(option.label));
    paragraph(s.render(option.feedback));
    footer_ = [this] {
        if (primary_button(ui_, ui_.tr("ui.continue"), ui_.tr("ui.key.enter")) || enter_pressed()) {
            chosen_option_.reset();
            phase_ = rec_.session().at_ending() ? Phase::ending : Phase::playing;
        }
    };
}

void PracticeView::draw_ending() {
    const Session& s = rec_.session();
    const Node& node = s.node();
    if (node.title.empty()) {
        heading(ui_, ui_.tr("ui.the_end"));
    }
    draw_node_text();
    if (!node.outcome.empty()) {
        ImGui::Spacing();
        muted(ui_, ui_.tr("ui.outcome"));
        ImGui::PushFont(ui_.fonts.bold);
        paragraph(s.render(node.outcome));
        ImGui::PopFont();
    }
    if (!node.debrief.empty()) {
        ImGui::Spacing();
        heading(ui_, ui_.tr("ui.debrief"));
        paragraph(s.render(node.debrief));
    }
    if (!node.discussion.empty()) {
        ImGui::Spacing();
        heading(ui_, ui_.tr("ui.discussion"));
        for (std::size_t i = 0; i < node.discussion.size(); ++i) {
            paragraph(std::to_string(i + 1) + ".  " + s.render(node.discussion[i]));
        }
    }
    footer_ = [this] {
        if (primary_button(ui_, ui_.tr("ui.see_summary"), ui_.tr("ui.key.enter")) ||
            enter_pressed()) {
            enter_summary();
        }
    };
}

PracticeView::Action PracticeView::draw() {
    // The content scrolls; its buttons stay in view in a footer below it.
    footer_ = nullptr;
    Action action = Action::none;
    const float footer_height =
        ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2.0f;
    ImGui::BeginChild("practice", ImVec2(0, -footer_height), false, ImGuiWindowFlags_NoBackground);
    begin_column(ui_);
    if (!fatal_.empty()) {
        heading(ui_, ui_.tr("ui.error.cannot_record"));
        coloured(palette(ui_.settings.theme).error, fatal_);
        paragraph(ui_.tr("ui.error.cannot_record_hint"));
        footer_ = [this, &action] {
            if (primary_button(ui_, ui_.tr("ui.to_library"), ui_.tr("ui.key.enter")) ||
                enter_pressed()) {
                action = Action::to_library;
            }
        };
    } else {
        draw_header();
        if (phase_ == Phase::playing && rec_.session().at_ending()) {
            phase_ = Phase::ending;
        }
        switch (phase_) {
            case Phase::playing:
                sync_draft();
                if (rec_.session().at_scene()) {
                    draw_scene();
                } else {
                    draw_step();
                }
                break;
            case Phase::step_feedback:
                draw_step_feedback();
                break;
            case Phase::option_feedback:
                draw_option_feedback();
                break;
            case Phase::ending:
                draw_ending();
                break;
            case Phase::summary:
                draw_summary();
                footer_ = [this, &action] {
                    if (primary_button(ui_, ui_.tr("ui.to_library"), ui_.tr("ui.key.enter")) ||
                        enter_pressed()) {
                        action = Action::to_library;
                    }
                    ImGui::SameLine();
                    if (secondary_button(ui_.tr("ui.play_again"), "R") || key_pressed(Key::r)) {
                        action = Action::play_again;
                    }
                };
                break;
        }
    }
    end_column();
    ImGui::EndChild();
    ImGui::Separator();
    begin_column(ui_);
    if (footer_) {
        footer_();
    }
    end_column();
    return action;
}

}  // namespace deliberate::ui
