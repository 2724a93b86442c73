// The named keys read the keys they stand for: the clicker's forward and back keys, Enter on
// either block, digits on the top row and the keypad; and keys meant for the screen stay
// silent while a popup (the menu) has the keyboard.
#include <GLFW/glfw3.h>
#include <doctest/doctest.h>
#include <imgui.h>

#include <initializer_list>

#include "keys.hpp"

using namespace deliberate::ui;

namespace {

// A Dear ImGui context without a window: frames are begun by hand, with keys held down
// by GLFW key code, as the GLFW backend reports them.
class KeyFrames {
  public:
    KeyFrames() : context_(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(800, 600);
        io.IniFilename = nullptr;
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        frame({});
    }
    KeyFrames(const KeyFrames&) = delete;
    KeyFrames& operator=(const KeyFrames&) = delete;
    ~KeyFrames() {
        ImGui::EndFrame();
        ImGui::DestroyContext(context_);
    }

    // Ends the frame that is open and begins one with exactly `codes` held down.
    void frame(std::initializer_list<int> codes, float seconds = 1.0f / 60) {
        ImGuiIO& io = ImGui::GetIO();
        if (started_) {
            ImGui::EndFrame();
        }
        for (bool& down : io.KeysDown) {
            down = false;
        }
        for (const int code : codes) {
            io.KeysDown[code] = true;
        }
        io.DeltaTime = seconds;
        ImGui::NewFrame();
        started_ = true;
    }
    // Ends the frame that is open and begins one with these modifiers held (ImGui reads them
    // as a frame begins).
    void hold_modifiers(bool ctrl, bool shift, bool alt) {
        ImGui::EndFrame();
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeyShift = shift;
        io.KeyAlt = alt;
        ImGui::NewFrame();
    }
    // A frame with `codes` down after one with none.
    void press(std::initializer_list<int> codes) {
        frame({});
        frame(codes);
    }

  private:
    ImGuiContext* context_;
    bool started_ = false;
};

}  // namespace

TEST_CASE("the clicker's keys: next, previous and blank") {
    KeyFrames keys;
    for (const int code : {GLFW_KEY_PAGE_DOWN, GLFW_KEY_RIGHT, GLFW_KEY_SPACE}) {
        CAPTURE(code);
        keys.press({code});
        CHECK(key_pressed(Key::next));
        CHECK_FALSE(key_pressed(Key::previous));
    }
    for (const int code : {GLFW_KEY_PAGE_UP, GLFW_KEY_LEFT}) {
        CAPTURE(code);
        keys.press({code});
        CHECK(key_pressed(Key::previous));
        CHECK_FALSE(key_pressed(Key::next));
    }
    for (const int code : {GLFW_KEY_B, GLFW_KEY_PERIOD}) {
        CAPTURE(code);
        keys.press({code});
        CHECK(key_pressed(Key::blank));
    }
    keys.press({GLFW_KEY_PERIOD});
    CHECK_FALSE(key_pressed(Key::b));
}

TEST_CASE("Enter on the keypad confirms; plain Enter is Enter alone") {
    KeyFrames keys;
    keys.press({GLFW_KEY_KP_ENTER});
    CHECK(key_pressed(Key::confirm));
    CHECK_FALSE(key_pressed(Key::enter));
    keys.press({GLFW_KEY_ENTER});
    CHECK(key_pressed(Key::confirm));
    CHECK(key_pressed(Key::enter));
}

TEST_CASE("plus and minus on either block") {
    KeyFrames keys;
    keys.press({GLFW_KEY_KP_ADD});
    CHECK(key_pressed(Key::plus));
    keys.press({GLFW_KEY_EQUAL});
    CHECK(key_pressed(Key::plus));
    CHECK_FALSE(key_pressed(Key::minus));
    keys.press({GLFW_KEY_KP_SUBTRACT});
    CHECK(key_pressed(Key::minus));
}

TEST_CASE("digits on the top row and the keypad") {
    KeyFrames keys;
    CHECK(digit_pressed() == 0);
    keys.press({GLFW_KEY_3});
    CHECK(digit_pressed() == 3);
    CHECK(digit_key_pressed(3));
    CHECK_FALSE(digit_key_pressed(4));
    keys.press({GLFW_KEY_KP_7});
    CHECK(digit_pressed() == 7);
    keys.press({GLFW_KEY_KP_0});
    CHECK(digit_pressed() == 0);  // 1..9 only
    CHECK(digit_key_pressed(0));
    CHECK(digit_hit(0));
}

TEST_CASE("a key counts once when it goes down; key_repeated also while it is held") {
    KeyFrames keys;
    keys.press({GLFW_KEY_LEFT});
    CHECK(key_hit(Key::left));
    CHECK(key_repeated(Key::left));
    keys.frame({GLFW_KEY_LEFT}, 0.5f);  // held past the repeat delay
    CHECK_FALSE(key_hit(Key::left));
    CHECK_FALSE(key_pressed(Key::left));
    CHECK(key_repeated(Key::left));
}

TEST_CASE("an open popup takes the screen's keys; key_hit still sees them") {
    KeyFrames keys;
    keys.press({GLFW_KEY_Q});
    CHECK(key_pressed(Key::q));
    ImGui::OpenPopup("menu");
    CHECK_FALSE(key_pressed(Key::q));
    CHECK_FALSE(digit_key_pressed(1));
    CHECK(key_hit(Key::q));
}

TEST_CASE("modifiers") {
    KeyFrames keys;
    CHECK_FALSE(ctrl_held());
    keys.hold_modifiers(true, true, false);
    CHECK(ctrl_held());
    CHECK(shift_held());
    CHECK_FALSE(alt_held());
}
