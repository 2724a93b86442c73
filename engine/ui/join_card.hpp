// How to join with a phone, drawn on an audience view: the address, the room code and a QR
// code, large on a first slide and small in a corner after it, for late joiners.
#pragma once

#include "phone_link.hpp"
#include "slide_view.hpp"
#include "ui_context.hpp"

namespace deliberate::ui {

void draw_join_card(const UiContext& ui, const PhoneLink& link, const SlideFonts& fonts,
                    bool large);

}  // namespace deliberate::ui
