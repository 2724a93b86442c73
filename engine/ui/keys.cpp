// Names to Dear ImGui 1.86's key reads: the GLFW backend fills io.KeysDown by GLFW key code.
#include "keys.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <array>

namespace deliberate::ui {

namespace {

// The GLFW key codes that a Key stands for; unused places hold GLFW_KEY_UNKNOWN.
using KeyCodes = std::array<int, 3>;

KeyCodes codes_of(Key key) {
    constexpr int none = GLFW_KEY_UNKNOWN;
    switch (key) {
        case Key::next:
            return {GLFW_KEY_PAGE_DOWN, GLFW_KEY_RIGHT, GLFW_KEY_SPACE};
        case Key::previous:
            return {GLFW_KEY_PAGE_UP, GLFW_KEY_LEFT, none};
        case Key::page_down:
            return {GLFW_KEY_PAGE_DOWN, none, none};
        case Key::page_up:
            return {GLFW_KEY_PAGE_UP, none, none};
        case Key::blank:
            return {GLFW_KEY_B, GLFW_KEY_PERIOD, none};
        case Key::confirm:
            return {GLFW_KEY_ENTER, GLFW_KEY_KP_ENTER, none};
        case Key::plus:
            return {GLFW_KEY_EQUAL, GLFW_KEY_KP_ADD, none};
        case Key::minus:
            return {GLFW_KEY_MINUS, GLFW_KEY_KP_SUBTRACT, none};
        case Key::enter:
            return {GLFW_KEY_ENTER, none, none};
        case Key::backspace:
            return {GLFW_KEY_BACKSPACE, none, none};
        case Key::escape:
            return {GLFW_KEY_ESCAPE, none, none};
        case Key::left:
            return {GLFW_KEY_LEFT, none, none};
        case Key::right:
            return {GLFW_KEY_RIGHT, none, none};
        case Key::up:
            return {GLFW_KEY_UP, none, none};
        case Key::down:
            return {GLFW_KEY_DOWN, none, none};
        case Key::f1:
            return {GLFW_KEY_F1, none, none};
        case Key::f12:
            return {GLFW_KEY_F12, none, none};
        case Key::slash:
            return {GLFW_KEY_SLASH, none, none};
        case Key::left_bracket:
            return {GLFW_KEY_LEFT_BRACKET, none, none};
        case Key::right_bracket:
            return {GLFW_KEY_RIGHT_BRACKET, none, none};
        case Key::a:
            return {GLFW_KEY_A, none, none};
        case Key::b:
            return {GLFW_KEY_B, none, none};
        case Key::c:
            return {GLFW_KEY_C, none, none};
        case Key::e:
            return {GLFW_KEY_E, none, none};
        case Key::f:
            return {GLFW_KEY_F, none, none};
        case Key::h:
            return {GLFW_KEY_H, none, none};
        case Key::l:
            return {GLFW_KEY_L, none, none};
        case Key::m:
            return {GLFW_KEY_M, none, none};
        case Key::n:
            return {GLFW_KEY_N, none, none};
        case Key::o:
            return {GLFW_KEY_O, none, none};
        case Key::p:
            return {GLFW_KEY_P, none, none};
        case Key::q:
            return {GLFW_KEY_Q, none, none};
        case Key::r:
            return {GLFW_KEY_R, none, none};
        case Key::s:
            return {GLFW_KEY_S, none, none};
        case Key::t:
            return {GLFW_KEY_T, none, none};
        case Key::w:
            return {GLFW_KEY_W, none, none};
    }
    return {none, none, none};
}

bool any_pressed(const KeyCodes& codes, bool repeat) {
    for (const int code : codes) {
        if (code != GLFW_KEY_UNKNOWN && ImGui::IsKeyPressed(code, repeat)) {
            return true;
        }
    }
    return false;
}

KeyCodes codes_of_digit(int digit) {
    return {GLFW_KEY_0 + digit, GLFW_KEY_KP_0 + digit, GLFW_KEY_UNKNOWN};
}

// Keys belong to an open popup (the menu), not to the screen beneath it.
bool screen_has_keys() {
    return !typing() &&
           !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
}

}  // namespace

bool key_pressed(Key key) {
    return screen_has_keys() && any_pressed(codes_of(key), false);
}

bool key_hit(Key key) {
    return any_pressed(codes_of(key), false);
}

bool key_repeated(Key key) {
    return any_pressed(codes_of(key), true);
}

bool digit_key_pressed(int digit) {
    return screen_has_keys() && any_pressed(codes_of_digit(digit), false);
}

int digit_pressed() {
    if (!screen_has_keys()) {
        return 0;
    }
    for (int d = 1; d <= 9; ++d) {
        if (any_pressed(codes_of_digit(d), false)) {
            return d;
        }
    }
    return 0;
}

bool digit_hit(int digit) {
    return any_pressed(codes_of_digit(digit), false);
}

bool ctrl_held() {
    return ImGui::GetIO().KeyCtrl;
}

bool alt_held() {
    return ImGui::GetIO().KeyAlt;
}

bool shift_held() {
    return ImGui::GetIO().KeyShift;
}

bool typing() {
    return ImGui::GetIO().WantTextInput;
}

}  // namespace deliberate::ui
