// The console's phones status, shared by a workshop's and an own case's console.
#include "phones_console.hpp"

#include <imgui.h>

#include "widgets.hpp"

namespace deliberate::ui {

std::optional<PhoneLink> draw_phones_switch(UiContext& ui, const std::string& language,
                                            std::string& error) {
    // Phones can join a workshop or a case already under way.
    if (!ui.start_phones || !secondary_button(ui.tr("phones.start"))) {
        return std::nullopt;
    }
    return ui.start_phones(language, error);
}

bool draw_phones_status(const UiContext& ui, const PhoneLink& link, const BallotSnapshot& snap) {
    ImGui::Spacing();
    ImGui::PushFont(ui.fonts.bold);
    ImGui::TextUnformatted(ui.tr("phones.title").c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", ui.text
                                 .format("phones.counts", {std::to_string(snap.joined),
                                                           std::to_string(snap.tally.ballots)})
                                 .c_str());
    muted(ui, ui.text.format("phones.join", {link.address, link.room_code}));
    muted(ui, ui.text.format("phones.listen", {link.listening}));
    muted(ui, ui.tr("phones.wifi"));
    if (!snap.open) {
        muted(ui, ui.tr("phones.nothing"));
        return false;
    }
    if (!snap.closed && secondary_button(ui.tr("phones.close"))) {
        link.box->close();
    }
    if (snap.closed) {
        muted(ui, ui.tr("phones.closed"));
    }
    return true;
}

}  // namespace deliberate::ui
