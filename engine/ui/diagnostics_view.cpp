// The diagnostics list.
#include "diagnostics_view.hpp"

#include <imgui.h>

#include "keys.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace deliberate::ui {

bool draw_diagnostics(UiContext& ui, const std::filesystem::path& file,
                      const std::vector<Diagnostic>& diagnostics) {
    const Palette& p = palette(ui.settings.theme);
    begin_column(ui, 46.0f);
    heading(ui, ui.tr("ui.errors.title"));
    paragraph(ui.text.format("ui.errors.intro", {file.string()}));
    ImGui::Spacing();
    for (const Diagnostic& d : diagnostics) {
        const bool error = d.severity == Severity::error;
        const std::string where =
            d.line > 0 ? std::to_string(d.line) + ":" + std::to_string(d.column) : d.pointer;
        coloured(error ? p.error : p.warning,
                 std::string(error ? ui.tr("ui.errors.error") : ui.tr("ui.errors.warning")) + " " +
                     d.code + (where.empty() ? "" : "  " + where));
        ImGui::Indent();
        paragraph(d.message);
        if (!d.hint.empty()) {
            muted(ui, d.hint);
        }
        ImGui::Unindent();
    }
    ImGui::Spacing();
    muted(ui, ui.text.format("ui.errors.command", {file.string()}));
    const bool back = primary_button(ui, ui.tr("ui.to_library"), ui.tr("ui.key.enter")) ||
                      key_pressed(Key::enter) || key_pressed(Key::backspace);
    end_column();
    return back;
}

}  // namespace deliberate::ui
