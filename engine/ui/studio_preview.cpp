// The studio's preview: the scenario as a participant meets it, played without a journal.
// Every action goes into the played path, which a reload replays to keep the place.
#include <imgui.h>

#include "keys.hpp"
#include "studio_view.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

void StudioView::act(PlayedAction action) {
    try {
        play_action(*session_, path_, std::move(action));
        action_error_.clear();
        broke_.clear();
        path_message_.clear();
    } catch (const std::exception& e) {
        action_error_ = e.what();
    }
    state_due_ = true;
}

void StudioView::draw_preview() {
    if (!session_) {
        return;
    }
    const Palette& p = palette(ui_.settings.theme);
    if (!broke_.empty()) {
        coloured(p.warning, ui_.text.format("ui.studio.path_broke", {broke_}));
    }
    const Session& s = *session_;
    const Node& node = s.node();
    muted(ui_, node.id + "  (" + node_kind_name(node.kind) + ")");
    if (!node.title.empty()) {
        heading(ui_, s.render(node.title));
    }
    if (!node.text.empty()) {
        paragraph(s.render(node.text));
    }
    ImGui::Spacing();
    if (s.at_scene()) {
        if (primary_button(ui_, ui_.tr("ui.continue"), ui_.tr("ui.key.enter")) ||
            key_pressed(Key::confirm)) {
            act(continue_action());
        }
    } else if (s.at_dilemma()) {
        draw_preview_dilemma();
    } else {
        draw_preview_ending();
    }
    if (!action_error_.empty()) {
        coloured(p.error, action_error_);
    }
}

void StudioView::draw_preview_dilemma() {
    const Session& s = *session_;
    const Node& node = s.node();
    if (!node.question.empty()) {
        ImGui::PushFont(ui_.fonts.bold);
        paragraph(s.render(node.question));
        ImGui::PopFont();
    }
    ImGui::Separator();
    if (s.at_choice()) {
        const std::vector<std::size_t> offered = s.offered_options();
        const int digit = digit_pressed();
        for (std::size_t i = 0; i < offered.size(); ++i) {
            const Option& option = node.options[offered[i]];
            ImGui::PushID(static_cast<int>(i));
            const std::string label = std::to_string(i + 1) + ".  " + s.render(option.label);
            if (secondary_button(label) || digit == static_cast<int>(i + 1)) {
                act(choose_action(option.id));
                ImGui::PopID();
                return;
            }
            ImGui::PopID();
        }
        return;
    }
    const ModelStep* step = s.current_step();
    const std::string key = node.id + "/" + std::to_string(s.step_position());
    if (key != input_key_) {
        input_.reset(s, nullptr);
        input_key_ = key;
    }
    if (step != nullptr) {
        muted(ui_, ui_.text.format("ui.step.progress", {std::to_string(s.step_position() + 1),
                                                        std::to_string(node.walked_steps.size())}));
        heading(ui_, s.render(step->title));
        paragraph(s.render(step->prompt));
    }
    const bool submitted = input_.draw(ui_, s);
    if (submitted || primary_button(ui_, ui_.tr("ui.continue"), ui_.tr("ui.key.enter")) ||
        key_pressed(Key::confirm)) {
        std::string problem;
        StepAnswer answer = input_.answer(ui_, s, problem);
        if (!problem.empty()) {
            action_error_ = problem;
            return;
        }
        act(answer_action(std::move(answer)));
    }
}

void StudioView::draw_preview_ending() {
    const Session& s = *session_;
    const Node& node = s.node();
    ImGui::PushFont(ui_.fonts.bold);
    paragraph(ui_.tr("ui.studio.ending"));
    ImGui::PopFont();
    paragraph(s.render(node.outcome));
    muted(ui_, s.render(node.debrief));
    if (can_save_path() && secondary_button(ui_.tr("ui.studio.save_path"))) {
        save_path();
        state_due_ = true;
    }
    if (!path_message_.empty()) {
        muted(ui_, path_message_);
    }
    if (secondary_button(ui_.tr("ui.studio.from_start"))) {
        StartSetup setup = setup_;
        setup.node_id.clear();
        restart(setup);
    }
}

}  // namespace deliberate::ui
