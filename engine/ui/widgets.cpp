// The shared building blocks.
#include "widgets.hpp"

#include <GLFW/glfw3.h>

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

bool typing() {
    return ImGui::GetIO().WantTextInput;
}

namespace {

// Keys belong to an open popup (the menu), not to the screen beneath it.
bool screen_has_keys() {
    return !typing() &&
           !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
}

}  // namespace

bool key_pressed(int key) {
    return screen_has_keys() && ImGui::IsKeyPressed(key, false);
}

int digit_pressed() {
    if (!screen_has_keys()) {
        return 0;
    }
    for (int d = 1; d <= 9; ++d) {
        if (ImGui::IsKeyPressed(GLFW_KEY_0 + d, false) ||
            ImGui::IsKeyPressed(GLFW_KEY_KP_0 + d, false)) {
            return d;
        }
    }
    return 0;
}

}  // namespace deliberate::ui
