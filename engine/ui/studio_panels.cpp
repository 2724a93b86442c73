// The studio's side panel (the save's diagnostics, the values to play from, the live watch)
// and its numbers tab.
#include <imgui.h>

#include <cstdio>

#include "studio_view.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

namespace {

// "3.5" for a number, the text as it is otherwise; a variable's panel value from a field.
Value parse_like(const Value& like, const std::string& text) {
    switch (type_of(like)) {
        case ValueType::boolean:
            return text == "true";
        case ValueType::number:
            try {
                return std::stod(text);
            } catch (const std::exception&) {
                return like;
            }
        case ValueType::string:
            return text;
    }
    return like;
}

}  // namespace

void StudioView::draw_side_panel() {
    ImGui::PushFont(ui_.fonts.bold);
    ImGui::TextWrapped("%s", file_.filename().c_str());
    ImGui::PopFont();
    muted(ui_, ui_.text.format("ui.studio.reloaded",
                               {std::to_string(reloads_),
                                std::to_string(static_cast<int>(last_reload_ms_ + 0.5))}));
    draw_diagnostics();
    if (scenario_) {
        draw_setup();
        draw_watch();
    }
}

// The last save's diagnostics, each with its place and a button that copies it.
void StudioView::draw_diagnostics() {
    const Palette& p = palette(ui_.settings.theme);
    if (diagnostics_.empty()) {
        coloured(p.good, ui_.tr("ui.studio.no_problems"));
        return;
    }
    if (scenario_ && !diagnostics_.empty() && diagnostics_.front().severity == Severity::error) {
        coloured(p.warning, ui_.tr("ui.studio.keeps_last_good"));
    }
    for (std::size_t i = 0; i < diagnostics_.size(); ++i) {
        const Diagnostic& d = diagnostics_[i];
        const std::string where =
            file_.string() +
            (d.line > 0 ? ":" + std::to_string(d.line) + ":" + std::to_string(d.column) : "") +
            (d.pointer.empty() ? "" : " " + d.pointer);
        ImGui::PushID(static_cast<int>(i));
        coloured(
            d.severity == Severity::error ? p.error : p.warning,
            d.code +
                (d.line > 0 ? "  " + std::to_string(d.line) + ":" + std::to_string(d.column) : "") +
                "  " + d.pointer);
        ImGui::SameLine();
        if (ImGui::SmallButton(ui_.tr("ui.studio.copy").c_str())) {
            ImGui::SetClipboardText(where.c_str());
        }
        paragraph(d.message);
        if (!d.hint.empty()) {
            muted(ui_, d.hint);
        }
        ImGui::PopID();
    }
}

// The values to start from: each factor's value and each variable's initial value, then
// play from the start or from the node on screen.
void StudioView::draw_setup() {
    if (!ImGui::CollapsingHeader(ui_.tr("ui.studio.play_from").c_str(),
                                 ImGuiTreeNodeFlags_DefaultOpen)) {
        return;
    }
    for (const Factor& factor : scenario_->factors) {
        std::string chosen = factor.values[factor.default_value].id;
        auto set = std::find_if(setup_.factors.begin(), setup_.factors.end(),
                                [&](const auto& f) { return f.first == factor.id; });
        if (set != setup_.factors.end()) {
            chosen = set->second;
        }
        if (ImGui::BeginCombo(factor.id.c_str(), chosen.c_str())) {
            for (const FactorValue& value : factor.values) {
                if (ImGui::Selectable(value.id.c_str(), value.id == chosen)) {
                    if (set != setup_.factors.end()) {
                        set->second = value.id;
                    } else {
                        setup_.factors.emplace_back(factor.id, value.id);
                    }
                }
            }
            ImGui::EndCombo();
        }
    }
    for (const Variable& variable : scenario_->variables) {
        auto set = std::find_if(setup_.variables.begin(), setup_.variables.end(),
                                [&](const auto& v) { return v.first == variable.name; });
        const Value shown = set != setup_.variables.end() ? set->second : variable.initial;
        char buffer[128];
        std::snprintf(buffer, sizeof buffer, "%s", to_display(shown).c_str());
        if (ImGui::InputText(variable.name.c_str(), buffer, sizeof buffer)) {
            const Value value = parse_like(variable.initial, buffer);
            if (set != setup_.variables.end()) {
                set->second = value;
            } else {
                setup_.variables.emplace_back(variable.name, value);
            }
        }
    }
    if (secondary_button(ui_.tr("ui.studio.from_start"))) {
        StartSetup setup = setup_;
        setup.node_id.clear();
        restart(setup);
    }
    if (session_ && secondary_button(ui_.tr("ui.studio.from_here"))) {
        StartSetup setup = setup_;
        setup.node_id = session_->node().id;
        restart(setup);
    }
}

// The variables and factors as they are now in the preview.
void StudioView::draw_watch() {
    if (!session_ || !ImGui::CollapsingHeader(ui_.tr("ui.studio.watch").c_str(),
                                              ImGuiTreeNodeFlags_DefaultOpen)) {
        return;
    }
    for (std::size_t f = 0; f < scenario_->factors.size(); ++f) {
        ImGui::Text("%s = %s", scenario_->factors[f].id.c_str(),
                    session_->factor_values()[f].c_str());
    }
    for (std::size_t v = 0; v < scenario_->variables.size(); ++v) {
        ImGui::Text("%s = %s", scenario_->variables[v].name.c_str(),
                    to_display(session_->variables()[v]).c_str());
    }
}

void StudioView::draw_numbers() {
    const AuthorNumbers& n = numbers_;
    heading(ui_, ui_.tr("ui.studio.numbers"));
    paragraph(ui_.text.format(
        "ui.studio.counts",
        {std::to_string(n.nodes), std::to_string(n.scenes), std::to_string(n.dilemmas),
         std::to_string(n.endings), std::to_string(n.options)}));
    for (const LanguageNumbers& l : n.languages) {
        char minutes[32];
        std::snprintf(minutes, sizeof minutes, "%.1f", l.reading_minutes);
        char percent[32];
        std::snprintf(percent, sizeof percent, "%.0f", l.completeness() * 100);
        paragraph(ui_.text.format("ui.studio.language_line",
                                  {l.language, std::to_string(l.words), minutes, percent}));
        if (!l.missing.empty()) {
            std::string list;
            for (std::size_t i = 0; i < l.missing.size() && i < 12; ++i) {
                list += (i > 0 ? ", " : "") + l.missing[i];
            }
            muted(ui_, ui_.text.format("ui.studio.missing", {list}));
        }
    }
    draw_translations();
    ImGui::Separator();
    if (!walk_ready_) {
        muted(ui_, ui_.tr("ui.studio.walk_running"));
        return;
    }
    const WalkReport& w = walk_->report;
    paragraph(
        ui_.text.format("ui.studio.coverage",
                        {std::to_string(w.runs), std::to_string(w.nodes_reached),
                         std::to_string(w.nodes_total), std::to_string(w.options_offered),
                         std::to_string(w.options_total), std::to_string(w.problems.size())}));
    for (const std::string& id : w.nodes_unreached) {
        muted(ui_, ui_.text.format("ui.studio.unreached", {id}));
    }
    for (const std::string& id : w.options_never_offered) {
        muted(ui_, ui_.text.format("ui.studio.never_offered", {id}));
    }
}

}  // namespace deliberate::ui
