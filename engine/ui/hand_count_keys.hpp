// The keys of a hand count on a vote slide, the same in a workshop and an own case: Up and
// Down move between the options' rows, digits type the row's count (1 then 2 makes 12),
// Backspace erases the last digit, + and - adjust it. Silent while a text field has the keys.
#pragma once

#include <cstddef>

#include "deliberate/workshop/vote_source.hpp"

namespace deliberate::ui {

// `row` is the option being counted, of `options`; without `hands` (another vote source)
// only the row moves.
void handle_hand_count_keys(HandCount* hands, std::size_t options, std::size_t& row);

}  // namespace deliberate::ui
