// The keys every presented view answers to, a workshop's and an own case's alike, read
// through keys.hpp and silent while a text field has the keyboard:
//   PageDown, Right, Space  next          PageUp, Left  back
//   B or .  blank the audience view        F  fullscreen        C  console (one window)
//   on a vote:   Up/Down an option, digits type its count (1 then 2 makes 12), Backspace
//                erases the last digit, + and - adjust it
#pragma once

#include <cstddef>

#include "deliberate/workshop/vote_source.hpp"

namespace deliberate::ui {

// What a presented view keeps that these keys change.
struct PresenterState {
    bool blanked = false;
    bool console_shown = false;
    bool fullscreen_request = false;
};

enum class SlideMove { none, next, back };

// Reads the slide keys and toggles `state`; returns the move asked for, if any.
SlideMove read_presenter_keys(PresenterState& state);

// `row` is the option being counted, of `options`; without `hands` (another vote source)
// only the row moves.
void handle_hand_count_keys(HandCount* hands, std::size_t options, std::size_t& row);

}  // namespace deliberate::ui
