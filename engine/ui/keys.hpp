// The keys the app answers to, by name. Every read of the keyboard goes through here, so
// that a change in Dear ImGui's key API (1.86 indexes io.KeysDown by GLFW key code; 1.87+
// has ImGuiKey_ names) touches this file alone.
#pragma once

namespace deliberate::ui {

enum class Key {
    // Keys that stand for one action, whichever of their keys is used.
    next,       // Page Down, Right or Space: a presenter clicker's forward button
    previous,   // Page Up or Left: the clicker's back button
    page_down,  // the clicker's forward button alone: it means nothing to a text field
    page_up,
    blank,    // B or period: the clicker's blank-screen button
    confirm,  // Enter on the main block or the keypad
    plus,     // = (the + key without Shift) or keypad +
    minus,    // - or keypad -
    // Single keys.
    enter,
    backspace,
    escape,
    left,
    right,
    up,
    down,
    f1,
    f12,
    slash,
    left_bracket,
    right_bracket,
    a,
    b,
    c,
    e,
    f,
    h,
    l,
    m,
    n,
    o,
    p,
    q,
    r,
    s,
    t,
    w,
};

// True once when `key` goes down, unless a text field or a popup (the menu) has the keyboard.
bool key_pressed(Key key);
// True once when `key` goes down, whatever has the keyboard.
bool key_hit(Key key);
// True when `key` goes down and again at the repeat rate while it is held, whatever has the
// keyboard.
bool key_repeated(Key key);

// True once when the digit `digit` (0..9, top row or keypad) goes down; silent while typing.
bool digit_key_pressed(int digit);
// The digit 1..9 pressed this frame (top row or keypad), 0 when none; silent while typing.
int digit_pressed();
// True once when the digit `digit` (0..9, top row or keypad) goes down, whatever has the
// keyboard.
bool digit_hit(int digit);

bool ctrl_held();
bool alt_held();
bool shift_held();

// True while a text field has the keyboard.
bool typing();

}  // namespace deliberate::ui
