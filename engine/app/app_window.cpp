// The desktop app's windows: each has its own GL and ImGui context; input is routed to the
// context of the window it arrived in, and asks the main loop for a few frames.
#include "app_window.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace deliberate::app {

namespace {

AppWindow& app_window_of(GLFWwindow* window) {
    return *static_cast<AppWindow*>(glfwGetWindowUserPointer(window));
}

void wake(GLFWwindow* window) {
    app_window_of(window).frames->renew();
}

// Input arrives between frames; it goes to the ImGui context of the window it arrived in.
AppWindow& input_target(GLFWwindow* window) {
    AppWindow& app_window = app_window_of(window);
    ImGui::SetCurrentContext(app_window.imgui);
    app_window.frames->renew();
    return app_window;
}

void key_callback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    AppWindow& w = input_target(window);
    if (action == GLFW_RELEASE && std::find(w.keys_down_unseen.begin(), w.keys_down_unseen.end(),
                                            key) != w.keys_down_unseen.end()) {
        w.deferred_releases.push_back({key, scancode, mods});
        return;
    }
    if (action == GLFW_PRESS) {
        w.keys_down_unseen.push_back(key);
    }
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

// ImGui's backend does not install its own callbacks (it would feed whichever context is
// current); these route each event to its window's context, and ask for a few frames.
void install_callbacks(GLFWwindow* window) {
    glfwSetKeyCallback(window, key_callback);
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int c) {
        input_target(w);
        ImGui_ImplGlfw_CharCallback(w, c);
    });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int button, int action, int mods) {
        input_target(w);
        ImGui_ImplGlfw_MouseButtonCallback(w, button, action, mods);
    });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double x, double y) {
        input_target(w);
        ImGui_ImplGlfw_ScrollCallback(w, x, y);
    });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int entered) {
        input_target(w);
        ImGui_ImplGlfw_CursorEnterCallback(w, entered);
    });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int focused) {
        input_target(w);
        ImGui_ImplGlfw_WindowFocusCallback(w, focused);
    });
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
    glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { wake(w); });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { wake(w); });
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow* w, float, float) { wake(w); });
}

}  // namespace

std::unique_ptr<AppWindow> open_window(const WindowSpec& spec, FrameBudget& frames) {
    auto w = std::make_unique<AppWindow>();
    w->frames = &frames;
    w->windowed_width = spec.width;
    w->windowed_height = spec.height;
    int width = spec.width, height = spec.height;
    glfwWindowHint(GLFW_MAXIMIZED, spec.maximized ? GLFW_TRUE : GLFW_FALSE);
    // The first window takes the keyboard; a second one (the audience view) leaves it with
    // the console, where the trainer types counts and notes.
    glfwWindowHint(GLFW_FOCUSED, spec.focused ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_FOCUS_ON_SHOW, spec.focused ? GLFW_TRUE : GLFW_FALSE);
    if (spec.monitor != nullptr) {
        const GLFWvidmode* mode = glfwGetVideoMode(spec.monitor);
        width = mode->width;
        height = mode->height;
        // Leaving fullscreen keeps the window on its monitor.
        glfwGetMonitorPos(spec.monitor, &w->windowed_x, &w->windowed_y);
        w->windowed_x += 40;
        w->windowed_y += 40;
    }
    w->handle = glfwCreateWindow(width, height, spec.title, spec.monitor, nullptr);
    if (w->handle == nullptr) {
        return nullptr;
    }
    glfwSetWindowUserPointer(w->handle, w.get());
    glfwMakeContextCurrent(w->handle);
    install_callbacks(w->handle);
    // Nothing written to the current folder; a steady text cursor (no redraws to blink it).
    IMGUI_CHECKVERSION();
    w->imgui = ImGui::CreateContext();
    ImGui::SetCurrentContext(w->imgui);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;
    ImGui_ImplGlfw_InitForOpenGL(w->handle, false);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    w->images = std::make_unique<ui::ImageCache>();
    return w;
}

void close_window(std::unique_ptr<AppWindow>& w) {
    if (!w) {
        return;
    }
    glfwMakeContextCurrent(w->handle);
    ImGui::SetCurrentContext(w->imgui);
    w->images.reset();  // while its context is current: the textures are that context's
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(w->imgui);
    glfwDestroyWindow(w->handle);
    w.reset();
}

void release_deferred_keys(AppWindow& w) {
    w.keys_down_unseen.clear();
    for (const KeyEvent& e : w.deferred_releases) {
        ImGui_ImplGlfw_KeyCallback(w.handle, e.key, e.scancode, GLFW_RELEASE, e.mods);
    }
    if (!w.deferred_releases.empty()) {
        w.frames->renew();
    }
    w.deferred_releases.clear();
}

void toggle_fullscreen(AppWindow& w, GLFWmonitor* monitor) {
    if (glfwGetWindowMonitor(w.handle) != nullptr) {
        glfwSetWindowMonitor(w.handle, nullptr, w.windowed_x, w.windowed_y, w.windowed_width,
                             w.windowed_height, 0);
        return;
    }
    glfwGetWindowPos(w.handle, &w.windowed_x, &w.windowed_y);
    glfwGetWindowSize(w.handle, &w.windowed_width, &w.windowed_height);
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    glfwSetWindowMonitor(w.handle, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
}

GLFWmonitor* audience_monitor(int wanted) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (count == 0) {
        return glfwGetPrimaryMonitor();
    }
    if (wanted >= 1) {
        if (wanted > count) {
            std::fprintf(stderr, "deliberate: --monitor %d: there are %d monitors; using %d\n",
                         wanted, count, count);
        }
        return monitors[std::min(wanted, count) - 1];
    }
    return count > 1 ? monitors[1] : monitors[0];
}

int monitor_count() {
    int count = 0;
    glfwGetMonitors(&count);
    return count;
}

}  // namespace deliberate::app
