// The part of the console's phones section that a workshop and an own case share: the switch
// that lets phones join, and then who joined and answered, where to join, where the server
// listens, the Wi-Fi advice, and closing the open round to answers.
#pragma once

#include <optional>
#include <string>

#include "deliberate/workshop/ballot_box.hpp"
#include "phone_link.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

// The "Let phones join" button; the link once the server runs, the phones' page in
// `language` at first. None when not clicked, or when the server could not start (then
// `error` says why).
std::optional<PhoneLink> draw_phones_switch(UiContext& ui, const std::string& language,
                                            std::string& error);
// The status of the phones on `link`; false when no round is open (said as such).
bool draw_phones_status(const UiContext& ui, const PhoneLink& link, const BallotSnapshot& snap);

}  // namespace deliberate::ui
