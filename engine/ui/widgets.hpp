// Small building blocks the views share: a readable text column, headings, primary buttons,
// key hints and keyboard shortcuts that stay out of the way while someone types.
#pragma once

#include <imgui.h>

#include <string>

#include "ui_context.hpp"

namespace deliberate::ui {

// Begins a centred column no wider than a comfortable reading measure (about 70 characters
// of body text); end it with end_column().
void begin_column(const UiContext& ui, float max_em = 38.0f);
void end_column();

void heading(const UiContext& ui, const std::string& text);
void paragraph(const std::string& text);
void muted(const UiContext& ui, const std::string& text);
void coloured(const ImVec4& colour, const std::string& text);

// A filled button in the accent colour; `hint` (e.g. "Enter") is shown after the label.
bool primary_button(const UiContext& ui, const std::string& label, const std::string& hint = "",
                    bool enabled = true);
bool secondary_button(const std::string& label, const std::string& hint = "", bool enabled = true);

}  // namespace deliberate::ui
