// A scenario that has errors opens as a readable list of its diagnostics instead of playing:
// where, what, and the hint, as `deliberate validate` says it.
#pragma once

#include <filesystem>
#include <vector>

#include "deliberate/support/diagnostic.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

// Draws the list; true when the participant asks to go back to the library.
bool draw_diagnostics(UiContext& ui, const std::filesystem::path& file,
                      const std::vector<Diagnostic>& diagnostics);

}  // namespace deliberate::ui
