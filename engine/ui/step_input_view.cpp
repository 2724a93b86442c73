// Drawing and reading each kind of step input.
#include "step_input_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "keys.hpp"
#include "slide_view.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

void StepInputView::reset(const Session& session, const StepAnswer* previous) {
    candidates_ = step_candidates(session);
    text_.clear();
    picked_.assign(candidates_.size(), false);
    order_.clear();
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
        order_.push_back(i);
    }
    rank_cursor_ = 0;
    scale_.reset();
    checks_.assign(candidates_.size(), CheckAnswer::unanswered);
    focus_text_ = true;
    if (previous == nullptr) {
        return;
    }
    text_ = previous->text;
    scale_ = previous->scale;
    const auto index_of = [&](const std::string& id) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < candidates_.size(); ++i) {
            if (candidates_[i].id == id) {
                return i;
            }
        }
        return std::nullopt;
    };
    std::vector<std::size_t> ranked;
    for (const std::string& id : previous->picks) {
        if (const auto i = index_of(id)) {
            picked_[*i] = true;
            checks_[*i] = CheckAnswer::yes;
            ranked.push_back(*i);
        }
    }
    const ModelStep* step = session.current_step();
    if (step != nullptr && step->input == InputKind::checks) {
        for (CheckAnswer& c : checks_) {
            // What was answered before and is not a yes was a no.
            c = c == CheckAnswer::yes ? CheckAnswer::yes : CheckAnswer::no;
        }
    }
    if (step != nullptr && step->input == InputKind::rank && ranked.size() == order_.size()) {
        order_ = ranked;
    }
}

bool StepInputView::draw(const UiContext& ui, const Session& session) {
    const ModelStep* step = session.current_step();
    if (step == nullptr) {
        return false;
    }
    const int digit = digit_pressed();
    switch (step->input) {
        case InputKind::info:
        case InputKind::choice:
            return false;
        case InputKind::text:
        case InputKind::arguments:
            return draw_text(ui, session, *step);
        case InputKind::select:
        case InputKind::multiselect:
            draw_select(ui, session, *step, digit);
            return false;
        case InputKind::rank:
            draw_rank(ui, session, digit);
            return false;
        case InputKind::scale:
            draw_scale(ui, session, *step, digit);
            return false;
        case InputKind::checks:
            draw_checks(ui, session, digit);
            return false;
    }
    return false;
}

std::string StepInputView::numbered_label(const Session& session, std::size_t i) const {
    return std::to_string(i + 1) + ".  " + session.render(candidates_[i].label);
}

bool StepInputView::draw_text(const UiContext& ui, const Session& session, const ModelStep& step) {
    if (step.input == InputKind::arguments) {
        draw_option_arguments(ui, session, ui.fonts.bold, ui.fonts.body);
        ImGui::Spacing();
        paragraph(ui.tr("ui.step.arguments_prompt"));
    }
    if (focus_text_) {
        ImGui::SetKeyboardFocusHere();
        focus_text_ = false;
    }
    const float height = ImGui::GetTextLineHeight() * 4.5f;
    // Enter confirms the step; Ctrl+Enter starts a new line.
    const bool entered = ImGui::InputTextMultiline(
        "##answer", &text_, ImVec2(ImGui::CalcItemWidth(), height),
        ImGuiInputTextFlags_CtrlEnterForNewLine | ImGuiInputTextFlags_EnterReturnsTrue);
    muted(ui, ui.tr(step.optional ? "ui.step.text_hint_optional" : "ui.step.text_hint"));
    return entered;
}

// Select picks one candidate (radio buttons), multiselect toggles each (check boxes).
void StepInputView::draw_select(const UiContext& ui, const Session& session, const ModelStep& step,
                                int digit) {
    const bool single = step.input == InputKind::select;
    if (digit > 0 && static_cast<std::size_t>(digit) <= candidates_.size()) {
        const std::size_t i = static_cast<std::size_t>(digit) - 1;
        if (single) {
            std::fill(picked_.begin(), picked_.end(), false);
            picked_[i] = true;
        } else {
            picked_[i] = !picked_[i];
        }
    }
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (single) {
            if (ImGui::RadioButton(numbered_label(session, i).c_str(), picked_[i])) {
                std::fill(picked_.begin(), picked_.end(), false);
                picked_[i] = true;
            }
        } else {
            bool on = picked_[i];
            if (ImGui::Checkbox(numbered_label(session, i).c_str(), &on)) {
                picked_[i] = on;
            }
        }
        ImGui::PopID();
    }
    muted(ui, ui.tr(single ? "ui.step.select_hint" : "ui.step.multiselect_hint"));
}

void StepInputView::move_rank_row(std::size_t row, int delta) {
    const std::size_t to = row + static_cast<std::size_t>(delta);
    if (to < order_.size()) {
        std::swap(order_[row], order_[to]);
        rank_cursor_ = to;
    }
}

// A digit puts the cursor on a row; the arrow keys move that row up or down.
void StepInputView::draw_rank(const UiContext& ui, const Session& session, int digit) {
    if (digit > 0 && static_cast<std::size_t>(digit) <= order_.size()) {
        rank_cursor_ = static_cast<std::size_t>(digit) - 1;
    }
    if (key_pressed(Key::up)) {
        move_rank_row(rank_cursor_, -1);
    } else if (key_pressed(Key::down)) {
        move_rank_row(rank_cursor_, 1);
    }
    for (std::size_t row = 0; row < order_.size(); ++row) {
        ImGui::PushID(static_cast<int>(row));
        if (ImGui::ArrowButton("up", ImGuiDir_Up)) {
            move_rank_row(row, -1);
        }
        ImGui::SameLine();
        if (ImGui::ArrowButton("down", ImGuiDir_Down)) {
            move_rank_row(row, 1);
        }
        ImGui::SameLine();
        const std::string text =
            std::to_string(row + 1) + ".  " + session.render(candidates_[order_[row]].label);
        if (ImGui::Selectable(text.c_str(), row == rank_cursor_)) {
            rank_cursor_ = row;
        }
        ImGui::PopID();
    }
    muted(ui, ui.tr("ui.step.rank_hint"));
}

void StepInputView::draw_scale(const UiContext& ui, const Session& session, const ModelStep& step,
                               int digit) {
    const Palette& p = palette(ui.settings.theme);
    const ScaleSpec& scale = step.scale;
    if (digit >= scale.min && digit <= scale.max) {
        scale_ = digit;
    }
    if (!scale.min_label.empty()) {
        muted(ui, std::to_string(scale.min) + " = " + session.render(scale.min_label) +
                      (scale.max_label.empty() ? ""
                                               : ",  " + std::to_string(scale.max) + " = " +
                                                     session.render(scale.max_label)));
    }
    for (int v = scale.min; v <= scale.max; ++v) {
        if (v > scale.min) {
            ImGui::SameLine();
        }
        const bool on = scale_ == v;
        if (on) {
            ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        }
        if (ImGui::Button(std::to_string(v).c_str(), ImVec2(ImGui::GetFontSize() * 2.6f, 0))) {
            scale_ = v;
        }
        if (on) {
            ImGui::PopStyleColor(2);
        }
    }
    muted(ui, ui.tr(step.optional ? "ui.step.scale_hint_optional" : "ui.step.scale_hint"));
}

// Each statement gets yes or no; a digit turns its statement to yes, or a yes to no.
void StepInputView::draw_checks(const UiContext& ui, const Session& session, int digit) {
    if (digit > 0 && static_cast<std::size_t>(digit) <= checks_.size()) {
        CheckAnswer& c = checks_[static_cast<std::size_t>(digit) - 1];
        c = c == CheckAnswer::yes ? CheckAnswer::no : CheckAnswer::yes;
    }
    for (std::size_t i = 0; i < candidates_.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        paragraph(numbered_label(session, i));
        ImGui::Indent();
        if (ImGui::RadioButton(ui.tr("ui.yes").c_str(), checks_[i] == CheckAnswer::yes)) {
            checks_[i] = CheckAnswer::yes;
        }
        ImGui::SameLine();
        if (ImGui::RadioButton(ui.tr("ui.no").c_str(), checks_[i] == CheckAnswer::no)) {
            checks_[i] = CheckAnswer::no;
        }
        ImGui::Unindent();
        ImGui::PopID();
    }
    muted(ui, ui.tr("ui.step.checks_hint"));
}

StepAnswer StepInputView::answer(const UiContext& ui, const Session& session,
                                 std::string& problem) const {
    StepAnswer a;
    problem.clear();
    const ModelStep* step = session.current_step();
    if (step == nullptr) {
        return a;
    }
    switch (step->input) {
        case InputKind::text:
        case InputKind::arguments: {
            const auto first = text_.find_first_not_of(" \t\r\n");
            a.text = first == std::string::npos
                         ? ""
                         : text_.substr(first, text_.find_last_not_of(" \t\r\n") - first + 1);
            break;
        }
        case InputKind::select:
        case InputKind::multiselect:
            for (std::size_t i = 0; i < candidates_.size(); ++i) {
                if (picked_[i]) {
                    a.picks.push_back(candidates_[i].id);
                }
            }
            break;
        case InputKind::rank:
            for (const std::size_t i : order_) {
                a.picks.push_back(candidates_[i].id);
            }
            break;
        case InputKind::scale:
            a.scale = scale_;
            break;
        case InputKind::checks:
            if (std::find(checks_.begin(), checks_.end(), CheckAnswer::unanswered) !=
                checks_.end()) {
                problem = ui.tr("ui.error.answer_each_check");
            }
            for (std::size_t i = 0; i < candidates_.size(); ++i) {
                if (checks_[i] == CheckAnswer::yes) {
                    a.picks.push_back(candidates_[i].id);
                }
            }
            break;
        case InputKind::info:
        case InputKind::choice:
            break;
    }
    if (!problem.empty()) {
        return a;
    }
    switch (check_answer(session, a)) {
        case AnswerProblem::none:
            break;
        case AnswerProblem::text_required:
            problem = ui.tr("ui.error.text_required");
            break;
        case AnswerProblem::pick_required:
        case AnswerProblem::too_many_picks:
            problem = ui.tr(step->input == InputKind::select ? "ui.error.pick_one"
                                                             : "ui.error.pick_required");
            break;
        case AnswerProblem::scale_out_of_range:
            problem = ui.tr("ui.error.scale_required");
            break;
        default:
            problem = answer_problem_text(check_answer(session, a));
    }
    return a;
}

}  // namespace deliberate::ui
