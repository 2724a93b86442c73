// The desktop app's window and main loop, in the order of Dear ImGui's GLFW + OpenGL 3
// example: Setup, Main loop, Cleanup.
//  - Frugal: waits for events (glfwWaitEvents) and draws a few frames after each, instead of
//    drawing 60 times a second; sleeps while minimised.
//  - The UI scale follows the monitor's content scale times the zoom in the settings; fonts
//    are rebuilt at the new size, so text stays crisp.
//  - Settings (language, theme, zoom, sound, window placement) are loaded from and saved to
//    $XDG_CONFIG_HOME/deliberate/; ImGui's own imgui.ini is turned off.
//  - F12 saves a screenshot when --screenshot-dir is given.
#include "desktop_app.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <vector>

#include "app_shell.hpp"
#include "deliberate/audio/cue_player.hpp"
#include "deliberate/data_folder.hpp"
#include "screenshot.hpp"
#include "theme.hpp"

namespace deliberate::app {

namespace {

using Clock = std::chrono::steady_clock;

// Frames drawn after the last event: ImGui settles hover and layout over a couple of frames.
constexpr int frames_after_input = 3;

std::atomic<int> pending_frames{frames_after_input};

void wake(GLFWwindow*) {
    pending_frames = frames_after_input;
}

// Dear ImGui 1.86 reads keys as up or down at the start of a frame, so a key pressed and
// released between two frames (a quick tap, a presenter clicker, xdotool) would be missed.
// A release that comes before any frame saw its key down waits for the next frame.
struct KeyEvent {
    int key, scancode, mods;
};
std::vector<int> keys_down_unseen;
std::vector<KeyEvent> deferred_releases;

void key_callback(GLFWwindow* window, int key, int scancode, int action, int mods) {
    wake(window);
    if (action == GLFW_RELEASE && std::find(keys_down_unseen.begin(), keys_down_unseen.end(),
                                            key) != keys_down_unseen.end()) {
        deferred_releases.push_back({key, scancode, mods});
        return;
    }
    if (action == GLFW_PRESS) {
        keys_down_unseen.push_back(key);
    }
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

// After a frame: every key down has been seen; deliver the releases that waited.
void release_deferred_keys(GLFWwindow* window) {
    keys_down_unseen.clear();
    for (const KeyEvent& e : deferred_releases) {
        ImGui_ImplGlfw_KeyCallback(window, e.key, e.scancode, GLFW_RELEASE, e.mods);
    }
    if (!deferred_releases.empty()) {
        pending_frames = frames_after_input;
    }
    deferred_releases.clear();
}

// Every input and window event asks for a few frames; ImGui's backend chains to these.
void install_wake_callbacks(GLFWwindow* window) {
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int) { wake(w); });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { wake(w); });
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { wake(w); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { wake(w); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { wake(w); });
    glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { wake(w); });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { wake(w); });
    glfwSetWindowContentScaleCallback(window, [](GLFWwindow* w, float, float) { wake(w); });
}

double cpu_ms() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

struct BenchReport {
    std::string file;
    double first_frame_ms = -1;
    long frames = 0;
    Clock::time_point written;

    void write(bool force) {
        if (file.empty() || (!force && Clock::now() - written < std::chrono::seconds(1))) {
            return;
        }
        written = Clock::now();
        const std::string temp = file + ".tmp";
        {
            std::ofstream out(temp, std::ios::trunc);
            out << "{\"first_frame_ms\":" << first_frame_ms << ",\"frames\":" << frames
                << ",\"cpu_ms\":" << cpu_ms() << "}\n";
        }
        std::rename(temp.c_str(), file.c_str());
    }
};

audio::Cue to_cue(ui::Sound sound) {
    switch (sound) {
        case ui::Sound::step_done:
            return audio::Cue::step_done;
        case ui::Sound::choice_made:
            return audio::Cue::choice_made;
        case ui::Sound::ending_reached:
            return audio::Cue::ending_reached;
        case ui::Sound::timer_done:
            return audio::Cue::timer_done;
    }
    return audio::Cue::step_done;
}

}  // namespace

void add_window_options(CLI::App& command, DesktopOptions& options) {
    command.add_option("--data", options.data, "The data folder where sessions are recorded")
        ->type_name("DIR");
    command
        .add_option("--screenshot-dir", options.screenshot_dir,
                    "F12 saves the window as a PNG in this folder")
        ->type_name("DIR");
    command.add_option("--bench-report", options.bench_report)->group("");
    command.add_flag("--redraw-always", options.redraw_always)->group("");
}

int run_desktop(const DesktopOptions& options, const LoadOptions& resources) {
    const auto started = Clock::now();
    // Setup: display, settings, window.
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display == nullptr || *display == '\0') && (wayland == nullptr || *wayland == '\0')) {
        std::fprintf(stderr,
                     "deliberate: no display to open a window on; in a terminal, use "
                     "`deliberate play SCENARIO` (see deliberate --help)\n");
        return 1;
    }
    glfwSetErrorCallback([](int code, const char* text) {
        std::fprintf(stderr, "deliberate: window system error %d: %s\n", code, text);
    });
    if (!glfwInit()) {
        std::fprintf(stderr,
                     "deliberate: cannot open a window here; in a terminal, use `deliberate play "
                     "SCENARIO`\n");
        return 1;
    }
    ui::UiContext ui;
    std::string warning;
    const auto settings_path = settings_file();
    ui.settings = load_settings(settings_path, warning);
    if (!warning.empty()) {
        std::fprintf(stderr, "deliberate: warning: %s\n", warning.c_str());
    }
    // --lang is for this run: the UI speaks it too, but the saved language stays as it was
    // unless the participant switches it in the app.
    const std::string saved_language = ui.settings.language;
    if (!options.language.empty()) {
        ui.settings.language = options.language == "en" ? "en" : "nl";
    }
    const auto settings_to_save = [&] {
        Settings s = ui.settings;
        if (!options.language.empty() && s.language == options.language) {
            s.language = saved_language;
        }
        return s;
    };
    std::string error;
    if (!ui.text.load(resources.assets_dir / "i18n", ui.settings.language, error)) {
        std::fprintf(stderr, "deliberate: warning: %s\n", error.c_str());
    }
    ui.resources = resources;
    ui.scenarios_dir = resources.shipped_models_dir.parent_path();
    try {
        ui.data_dir = resolve_data_folder(options.data);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "deliberate: %s\n", e.what());
        glfwTerminate();
        return 2;
    }

    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_MAXIMIZED, ui.settings.maximized ? GLFW_TRUE : GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(ui.settings.window_width, ui.settings.window_height,
                                          "Deliberate", nullptr, nullptr);
    if (window == nullptr) {
        std::fprintf(stderr,
                     "deliberate: cannot create an OpenGL 3.3 window; in a terminal, "
                     "use `deliberate play SCENARIO`\n");
        glfwTerminate();
        return 1;
    }
    if (ui.settings.window_x >= 0 && ui.settings.window_y >= 0) {
        glfwSetWindowPos(window, ui.settings.window_x, ui.settings.window_y);
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    install_wake_callbacks(window);

    // Setup: Dear ImGui, with nothing written to the current folder.
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // A steady text cursor: no blinking means no redraws while nothing happens.
    io.ConfigInputTextCursorBlink = false;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    glfwSetKeyCallback(window, key_callback);  // in place of the backend's, which it calls
    ImGui_ImplOpenGL3_Init("#version 330 core");

    // Setup: sound. Without a device the app is silent and says so once, in the status line.
    auto player = audio::open_audio(resources.assets_dir / "sounds");
    if (!player->available()) {
        ui.status = ui.text.format("ui.status.no_audio", {player->status()});
        std::fprintf(stderr, "deliberate: %s\n", ui.status.c_str());
    }
    player->set_volume(ui.settings.volume);
    player->set_muted(ui.settings.muted);
    ui.play_cue = [&](ui::Sound sound) { player->play(to_cue(sound)); };
    ui.play_file = [&](const std::filesystem::path& file) { player->play_file(file); };

    float built_scale = 0;
    std::string built_theme;
    const auto rebuild_style = [&] {
        float sx = 1, sy = 1;
        glfwGetWindowContentScale(window, &sx, &sy);
        const float scale = std::max(sx, 1.0f) * ui.settings.zoom;
        if (scale != built_scale) {
            std::string font_error;
            if (!ui::load_fonts(resources.assets_dir / "fonts", scale, ui.fonts, font_error)) {
                std::fprintf(stderr, "deliberate: warning: %s\n", font_error.c_str());
            }
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
            built_scale = scale;
            built_theme.clear();
        }
        if (built_theme != ui.settings.theme) {
            ui::apply_theme(ui.settings.theme, built_scale);
            built_theme = ui.settings.theme;
        }
    };
    rebuild_style();

    ui::AppShell shell(ui);
    if (!options.practice.empty()) {
        if (!shell.open_practice(options.practice, options.language, options.factors, error)) {
            std::fprintf(stderr, "deliberate: %s\n", error.c_str());
            ImGui_ImplOpenGL3_Shutdown();
            ImGui_ImplGlfw_Shutdown();
            ImGui::DestroyContext();
            glfwDestroyWindow(window);
            glfwTerminate();
            return 2;
        }
    }

    BenchReport report{options.bench_report, -1, 0, Clock::now()};
    int screenshots = 0;

    // Main loop.
    while (!glfwWindowShouldClose(window) && !shell.quit_requested()) {
        // Sleep while minimised, and until an event (or a view's deadline) otherwise.
        if (glfwGetWindowAttrib(window, GLFW_ICONIFIED) != 0) {
            glfwWaitEvents();
            continue;
        }
        if (options.redraw_always || pending_frames > 0) {
            glfwPollEvents();
        } else {
            double timeout = options.bench_report.empty() ? 60.0 : 1.0;
            if (ui.redraw_by != Clock::time_point::max()) {
                timeout =
                    std::clamp(std::chrono::duration<double>(ui.redraw_by - Clock::now()).count(),
                               0.0, timeout);
            }
            glfwWaitEventsTimeout(timeout);
            if (pending_frames == 0 && Clock::now() < ui.redraw_by) {
                report.write(false);
                continue;  // woke for nothing: a timeout without a deadline due
            }
        }
        if (pending_frames > 0) {
            --pending_frames;
        }
        ui.redraw_by = Clock::time_point::max();
        rebuild_style();

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        ImGui::PushFont(ui.fonts.body);
        shell.draw();
        ImGui::PopFont();
        const bool screenshot =
            !options.screenshot_dir.empty() && ImGui::IsKeyPressed(GLFW_KEY_F12, false);
        const std::string screen = shell.screen_name();
        ImGui::Render();

        int width = 0, height = 0;
        glfwGetFramebufferSize(window, &width, &height);
        glViewport(0, 0, width, height);
        const ImVec4 bg = ui::palette(ui.settings.theme).background;
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (screenshot) {
            char name[32];
            std::snprintf(name, sizeof name, "%03d-", ++screenshots);
            const auto file =
                std::filesystem::path(options.screenshot_dir) / (name + screen + ".png");
            if (!save_screenshot(file, width, height, error)) {
                std::fprintf(stderr, "deliberate: screenshot: %s\n", error.c_str());
            }
        }
        glfwSwapBuffers(window);
        release_deferred_keys(window);

        ++report.frames;
        if (report.first_frame_ms < 0) {
            report.first_frame_ms =
                std::chrono::duration<double, std::milli>(Clock::now() - started).count();
            report.write(true);
        }
        report.write(false);
        if (shell.settings_changed()) {
            player->set_volume(ui.settings.volume);
            player->set_muted(ui.settings.muted);
            if (!save_settings(settings_path, settings_to_save(), error)) {
                std::fprintf(stderr, "deliberate: cannot save settings: %s\n", error.c_str());
            }
            pending_frames = frames_after_input;
        }
    }

    // Cleanup: remember where the window was.
    ui.settings.maximized = glfwGetWindowAttrib(window, GLFW_MAXIMIZED) != 0;
    if (!ui.settings.maximized) {
        glfwGetWindowPos(window, &ui.settings.window_x, &ui.settings.window_y);
        glfwGetWindowSize(window, &ui.settings.window_width, &ui.settings.window_height);
    }
    if (!settings_path.empty() && !save_settings(settings_path, settings_to_save(), error)) {
        std::fprintf(stderr, "deliberate: cannot save settings: %s\n", error.c_str());
    }
    report.write(true);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}

}  // namespace deliberate::app
