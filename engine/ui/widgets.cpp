// The shared building blocks.
#include "widgets.hpp"

#include <algorithm>

#include "theme.hpp"

namespace deliberate::ui {

void begin_column(const UiContext& ui, float max_em) {
    const float em = ImGui::GetFontSize();
    const float available = ImGui::GetContentRegionAvail().x;
    const float width = std::min(available, max_em * em);
    const float indent = std::max(0.0f, (available - width) * 0.5f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushItemWidth(width);
    (void)ui;
}

void end_column() {
    ImGui::PopItemWidth();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void heading(const UiContext& ui, const std::string& text) {
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopFont();
}

void paragraph(const std::string& text) {
    ImGui::TextWrapped("%s", text.c_str());
}

void muted(const UiContext& ui, const std::string& text) {
    coloured(palette(ui.settings.theme).muted, text);
}

void coloured(const ImVec4& colour, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

namespace {

std::string with_hint(const std::string& label, const std::string& hint) {
    return hint.empty() ? label : label + "   [" + hint + "]";
}

}  // namespace

bool primary_button(const UiContext& ui, const std::string& label, const std::string& hint,
                    bool enabled) {
    const Palette& p = palette(ui.settings.theme);
    ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent_hover);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    if (!enabled) {
        ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.45f);
    }
    const bool clicked = ImGui::Button(with_hint(label, hint).c_str()) && enabled;
    if (!enabled) {
        ImGui::PopStyleVar();
    }
    ImGui::PopStyleColor(4);
    return clicked;
}

bool secondary_button(const std::string& label, const std::string& hint, bool enabled) {
    if (!enabled) {
        ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.45f);
    }
    const bool clicked = ImGui::Button(with_hint(label, hint).c_str()) && enabled;
    if (!enabled) {
        ImGui::PopStyleVar();
    }
    return clicked;
}

}  // namespace deliberate::ui
