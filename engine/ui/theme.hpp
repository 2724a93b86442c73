// Light and dark themes whose text colours meet WCAG AA contrast (4.5:1) on their
// backgrounds, and spacing that scales with the fonts.
#pragma once

#include <imgui.h>

#include <string>

namespace deliberate::ui {

struct Palette {
    ImVec4 background;
    ImVec4 surface;  // cards and panels
    ImVec4 text;
    ImVec4 muted;   // secondary text, still AA on surface and background
    ImVec4 accent;  // primary buttons (white text on it)
    ImVec4 accent_hover;
    ImVec4 good;     // feedback that confirms
    ImVec4 warning;  // feedback that points out something missed
    ImVec4 error;
    ImVec4 border;
};

const Palette& palette(const std::string& theme);
// Applies `theme` ("light" or "dark") to ImGui's style, with sizes for `scale`.
void apply_theme(const std::string& theme, float scale);

// WCAG relative contrast ratio of two opaque colours, for the test that keeps themes AA.
double contrast_ratio(const ImVec4& a, const ImVec4& b);

}  // namespace deliberate::ui
