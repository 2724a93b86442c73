// The presenter's keys, read through keys.hpp.
#include "presenter_keys.hpp"

#include "keys.hpp"

namespace deliberate::ui {

SlideMove read_presenter_keys(PresenterState& state) {
    if (key_pressed(Key::blank)) {
        state.blanked = !state.blanked;
    }
    if (key_pressed(Key::f)) {
        state.fullscreen_request = true;
    }
    if (key_pressed(Key::c)) {
        state.console_shown = !state.console_shown;
    }
    if (key_pressed(Key::next)) {
        return SlideMove::next;
    }
    return key_pressed(Key::previous) ? SlideMove::back : SlideMove::none;
}

void handle_hand_count_keys(HandCount* hands, std::size_t options, std::size_t& row) {
    if (options == 0) {
        return;
    }
    if (key_pressed(Key::down)) {
        row = (row + 1) % options;
    }
    if (key_pressed(Key::up)) {
        row = (row + options - 1) % options;
    }
    if (hands == nullptr) {
        return;
    }
    for (int d = 0; d <= 9; ++d) {
        if (digit_key_pressed(d)) {
            hands->type_digit(row, d);
        }
    }
    if (key_pressed(Key::backspace)) {
        hands->erase_digit(row);
    }
    if (key_pressed(Key::plus)) {
        hands->add(row, 1);
    }
    if (key_pressed(Key::minus)) {
        hands->add(row, -1);
    }
}

}  // namespace deliberate::ui
