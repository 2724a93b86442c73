// A window of the desktop app: its GLFW window with its own OpenGL and ImGui contexts, the
// routing of input to that context, fullscreen, and the choice of the audience's monitor.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "fonts.hpp"
#include "image_cache.hpp"

struct GLFWwindow;
struct GLFWmonitor;
struct ImGuiContext;

namespace deliberate::app {

// The frames still to draw. Input asks for a few, since ImGui settles hover and layout over
// a couple of frames; when none are due the loop sleeps until the next event.
class FrameBudget {
  public:
    void renew() { pending_ = after_input; }
    bool due() const { return pending_ > 0; }
    void spend() {
        if (pending_ > 0) {
            --pending_;
        }
    }

  private:
    static constexpr int after_input = 3;
    int pending_ = after_input;
};

// Dear ImGui 1.86 reads keys as up or down at the start of a frame, so a key pressed and
// released between two frames (a quick tap, a presenter clicker, xdotool) would be missed.
// A release that comes before any frame saw its key down waits for the next frame.
struct KeyEvent {
    int key, scancode, mods;
};

struct AppWindow {
    GLFWwindow* handle = nullptr;
    ImGuiContext* imgui = nullptr;
    FrameBudget* frames = nullptr;  // the app's, renewed by this window's input
    ui::Fonts fonts;
    std::unique_ptr<ui::ImageCache> images;  // textures of this window's GL context
    float built_scale = 0;
    float built_audience_px = -1;
    std::string built_theme;
    std::vector<int> keys_down_unseen;
    std::vector<KeyEvent> deferred_releases;
    // Where the window was before it went fullscreen, to return there.
    int windowed_x = 0, windowed_y = 0, windowed_width = 1280, windowed_height = 720;
};

struct WindowSpec {
    int width = 1280, height = 720;
    const char* title = "Deliberate";
    GLFWmonitor* monitor = nullptr;  // fullscreen on this monitor when given
    bool maximized = false;
    bool focused = true;  // takes the keyboard when shown
};

// Creates the window with its contexts, and makes them current; null when it cannot.
std::unique_ptr<AppWindow> open_window(const WindowSpec& spec, FrameBudget& frames);
// Frees the window's textures, contexts and the window itself; does nothing when null.
void close_window(std::unique_ptr<AppWindow>& window);
// After a frame: every key down has been seen; delivers the releases that waited.
void release_deferred_keys(AppWindow& window);
// Fullscreen on `monitor` (its current mode), or back to where the window was.
void toggle_fullscreen(AppWindow& window, GLFWmonitor* monitor);
// The monitor for the audience view: `wanted` (from 1) if there is one, else the first that
// is not the primary (the laptop's own screen), else the primary.
GLFWmonitor* audience_monitor(int wanted);
// How many monitors are connected now.
int monitor_count();

}  // namespace deliberate::app
