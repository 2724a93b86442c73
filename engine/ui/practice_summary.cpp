// The summary at the end of practice: the participant's own path, read from the journal,
// beside how others chose at the same dilemmas.
#include "practice_view.hpp"

#include <imgui.h>

#include "deliberate/journal/data_folder.hpp"
#include "deliberate/journal/journal.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

namespace {

// The label of a recorded pick, whatever the step took its candidates from.
std::string pick_label(const Session& session, const Node& node, const ModelStep* step,
                       const std::string& id) {
    const Scenario& scenario = session.scenario();
    for (const Stakeholder& s : scenario.stakeholders) {
        if (s.id == id) {
            return session.render(s.label);
        }
    }
    for (const Option& o : node.options) {
        if (o.id == id) {
            return session.render(o.label);
        }
    }
    if (step != nullptr) {
        if (const StepContent* content = node.step_content(step->id)) {
            for (const StepItem& item : content->items) {
                if (item.id == id) {
                    return session.render(item.label);
                }
            }
        }
        for (const CheckSpec& check : step->checks) {
            if (check.id == id) {
                return session.render(check.label);
            }
        }
    }
    if (scenario.value_catalogue) {
        if (const MoralValue* value = scenario.value_catalogue->find(id)) {
            return session.render(value->label);
        }
    }
    return id;
}

std::string node_name(const Session& session, const Node& node) {
    if (!node.title.empty()) {
        return session.render(node.title);
    }
    if (!node.question.empty()) {
        return session.render(node.question);
    }
    return node.id;
}

}  // namespace

void PracticeView::enter_summary() {
    phase_ = Phase::summary;
    // Read once here, not every frame: the participant's own answers come from the journal
    // (the session keeps only the current dilemma's), the others' from theirs.
    own_events_ = scan_journal(rec_.journal().path()).events;
    sharing_->begin(rec_.session().shared_scenario(), rec_.journal().path());
}

void PracticeView::draw_summary() {
    heading(ui_, ui_.tr("ui.summary"));
    draw_own_path();
    ImGui::Spacing();
    ImGui::Separator();
    sharing_->draw_others(rec_.session());
    sharing_->draw_sharing();
    ImGui::Spacing();
    muted(ui_, ui_.text.format("ui.recorded_in", {rec_.journal().path().string()}));
}

// The participant's answers and choices, dilemma by dilemma, as the journal has them.
void PracticeView::draw_own_path() {
    const Session& s = rec_.session();
    const Scenario& scenario = s.scenario();
    std::string current_node;
    for (const JournalEvent& e : own_events_) {
        const auto n = scenario.find_node(e.node);
        if (!n) {
            continue;
        }
        const Node& node = scenario.nodes[*n];
        if (e.type == EventType::answer || e.type == EventType::choice) {
            if (e.node != current_node) {
                current_node = e.node;
                ImGui::Spacing();
                ImGui::PushFont(ui_.fonts.bold);
                paragraph(node_name(s, node));
                ImGui::PopFont();
            }
        }
        if (e.type == EventType::answer) {
            const ModelStep* step = scenario.model ? scenario.model->find_step(e.step) : nullptr;
            std::string answer = e.text;
            for (const std::string& id : e.picks) {
                answer += (answer.empty() ? "" : ", ") + pick_label(s, node, step, id);
            }
            if (e.scale) {
                answer += (answer.empty() ? "" : ", ") + std::to_string(*e.scale);
            }
            if (answer.empty()) {
                continue;
            }
            const std::string title = step != nullptr ? s.render(step->title) : e.step;
            ImGui::Indent();
            muted(ui_, title);
            paragraph(answer);
            ImGui::Unindent();
        } else if (e.type == EventType::choice) {
            ImGui::Indent();
            // Bold, not the accent colour: on the dark theme that is for buttons, not text.
            ImGui::PushFont(ui_.fonts.bold);
            paragraph(ui_.text.format("ui.your_choice", {pick_label(s, node, nullptr, e.option)}));
            ImGui::PopFont();
            ImGui::Unindent();
        }
    }
}

}  // namespace deliberate::ui
