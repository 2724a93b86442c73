// The desktop app's window and main loop, in the order of Dear ImGui's GLFW + OpenGL 3
// example: Setup, Main loop, Cleanup.
//  - Frugal: waits for events (glfwWaitEvents) and draws a few frames after each, instead of
//    drawing 60 times a second; sleeps while minimised.
//  - The UI scale follows the monitor's content scale times the zoom in the settings; fonts
//    are rebuilt at the new size, so text stays crisp.
//  - Settings (language, theme, zoom, sound, window placement) are loaded from and saved to
//    $XDG_CONFIG_HOME/deliberate/; ImGui's own imgui.ini is turned off.
//  - F12 saves a screenshot of every open window when --screenshot-dir is given.
//  - While a workshop is presented on two monitors (or with --windows 2), the audience view
//    gets a second window, fullscreen on the chosen monitor. Each window has its own GL and
//    ImGui context; input is routed to the context of the window it arrived in.
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
#include "deliberate/journal/data_folder.hpp"
#include "image_cache.hpp"
#include "phones_room.hpp"
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

// A window of the app with its own OpenGL and ImGui context, fonts and style.
struct AppWindow {
    GLFWwindow* handle = nullptr;
    ImGuiContext* imgui = nullptr;
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

// Input arrives between frames; it goes to the ImGui context of the window it arrived in.
AppWindow& input_target(GLFWwindow* window) {
    auto* app_window = static_cast<AppWindow*>(glfwGetWindowUserPointer(window));
    ImGui::SetCurrentContext(app_window->imgui);
    wake(window);
    return *app_window;
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

// After a frame: every key down has been seen; deliver the releases that waited.
void release_deferred_keys(AppWindow& w) {
    w.keys_down_unseen.clear();
    for (const KeyEvent& e : w.deferred_releases) {
        ImGui_ImplGlfw_KeyCallback(w.handle, e.key, e.scancode, GLFW_RELEASE, e.mods);
    }
    if (!w.deferred_releases.empty()) {
        pending_frames = frames_after_input;
    }
    w.deferred_releases.clear();
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

// Creates the window with its contexts; fullscreen on `monitor` when one is given.
std::unique_ptr<AppWindow> open_window(int width, int height, const char* title,
                                       GLFWmonitor* monitor, bool maximized, bool focused) {
    auto w = std::make_unique<AppWindow>();
    w->windowed_width = width;
    w->windowed_height = height;
    glfwWindowHint(GLFW_MAXIMIZED, maximized ? GLFW_TRUE : GLFW_FALSE);
    // The first window takes the keyboard; a second one (the audience view) leaves it with
    // the console, where the trainer types counts and notes.
    glfwWindowHint(GLFW_FOCUSED, focused ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_FOCUS_ON_SHOW, focused ? GLFW_TRUE : GLFW_FALSE);
    if (monitor != nullptr) {
        const GLFWvidmode* mode = glfwGetVideoMode(monitor);
        width = mode->width;
        height = mode->height;
        // Leaving fullscreen keeps the window on its monitor.
        glfwGetMonitorPos(monitor, &w->windowed_x, &w->windowed_y);
        w->windowed_x += 40;
        w->windowed_y += 40;
    }
    w->handle = glfwCreateWindow(width, height, title, monitor, nullptr);
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

// Fullscreen on `monitor` (its current mode), or back to where the window was.
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

// The monitor for the audience view: --monitor N (from 1) if there is one, else the first
// that is not the primary (the laptop's own screen), else the primary.
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

void add_scenario_options(CLI::App& command, std::string& scenario, DesktopOptions& options) {
    command.add_option("scenario", scenario, "The scenario file")
        ->required()
        ->type_name("SCENARIO");
    command.add_option("--lang", options.language, "Language: nl or en (default: the settings')")
        ->type_name("LANG");
    command.add_option("--factor", options.factors, "Set a factor before starting (repeatable)")
        ->type_name("ID=VALUE");
}

int run_desktop(const DesktopOptions& options, const LoadOptions& resources) {
    const auto started = Clock::now();
    // Setup: display, settings, window.
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display == nullptr || *display == '\0') && (wayland == nullptr || *wayland == '\0')) {
        std::fprintf(stderr, "%s",
                     options.present.empty()
                         ? "deliberate: no display to open a window on; in a terminal, use "
                           "`deliberate play SCENARIO` (see deliberate --help)\n"
                         : "deliberate: no display to open a window on; a workshop needs a "
                           "screen: run it on the desktop of the computer with the projector\n");
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
    ui.start_phones = [&options, &resources](ui::PresentView& view, std::string& error) {
        return start_phones(view, options, resources, error);
    };
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
    std::unique_ptr<AppWindow> main_window =
        open_window(ui.settings.window_width, ui.settings.window_height, "Deliberate", nullptr,
                    ui.settings.maximized, true);
    if (!main_window) {
        std::fprintf(stderr,
                     "deliberate: cannot create an OpenGL 3.3 window; in a terminal, "
                     "use `deliberate play SCENARIO`\n");
        glfwTerminate();
        return 1;
    }
    if (ui.settings.window_x >= 0 && ui.settings.window_y >= 0) {
        glfwSetWindowPos(main_window->handle, ui.settings.window_x, ui.settings.window_y);
    }
    glfwSwapInterval(1);
    std::unique_ptr<AppWindow> audience_window;
    bool audience_closed = false;  // closed by hand: not reopened during this presentation

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

    ui::AppShell shell(ui);
    // Fonts and style of the current window: body text at the content scale times the zoom;
    // the audience view's text sized to the window's height, when it shows one.
    const auto rebuild_style = [&](AppWindow& w, bool audience) {
        float sx = 1, sy = 1;
        glfwGetWindowContentScale(w.handle, &sx, &sy);
        const float scale = std::max(sx, 1.0f) * ui.settings.zoom;
        int width = 0, height = 0;
        glfwGetFramebufferSize(w.handle, &width, &height);
        const float audience_px = audience ? ui::audience_body_px(height) : 0;
        if (scale != w.built_scale || audience_px != w.built_audience_px) {
            std::string font_error;
            if (!ui::load_fonts(resources.assets_dir / "fonts", scale, w.fonts, font_error,
                                audience_px)) {
                std::fprintf(stderr, "deliberate: warning: %s\n", font_error.c_str());
            }
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
            w.built_scale = scale;
            w.built_audience_px = audience_px;
            w.built_theme.clear();
        }
        if (w.built_theme != ui.settings.theme) {
            ui::apply_theme(ui.settings.theme, w.built_scale);
            w.built_theme = ui.settings.theme;
        }
    };
    // The views read the fonts of the window being drawn.
    const auto begin_frame = [&](AppWindow& w, bool audience) {
        glfwMakeContextCurrent(w.handle);
        ImGui::SetCurrentContext(w.imgui);
        rebuild_style(w, audience);
        ui.fonts = w.fonts;
        ui.images = w.images.get();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
    };
    const auto close_all = [&] {
        close_window(audience_window);
        close_window(main_window);
        glfwTerminate();
    };

    bool started_ok = true;
    if (!options.practice.empty()) {
        started_ok =
            shell.open_practice(options.practice, options.language, options.factors, error);
    } else if (!options.present.empty()) {
        started_ok = shell.open_present(
            options.present, {options.language, options.factors, options.group, options.resume},
            error);
    }
    if (started_ok && options.phones && shell.present_view() != nullptr) {
        started_ok = start_phones(*shell.present_view(), options, resources, error);
    }
    if (!started_ok) {
        std::fprintf(stderr, "deliberate: %s\n", error.c_str());
        close_all();
        return 2;
    }

    BenchReport report{options.bench_report, -1, 0, Clock::now()};
    int screenshots = 0;
    bool screenshot_due = false;

    // Ends the current window's frame and shows it; saves it as NNN-NAME.png when a
    // screenshot is due. True when F12 was pressed in it.
    const auto finish_frame = [&](AppWindow& w, const std::string& name) {
        const bool f12 =
            !options.screenshot_dir.empty() && ImGui::IsKeyPressed(GLFW_KEY_F12, false);
        ImGui::Render();
        int width = 0, height = 0;
        glfwGetFramebufferSize(w.handle, &width, &height);
        glViewport(0, 0, width, height);
        const ImVec4 bg = ui::palette(ui.settings.theme).background;
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (screenshot_due) {
            char number[32];
            std::snprintf(number, sizeof number, "%03d-", screenshots);
            const auto file =
                std::filesystem::path(options.screenshot_dir) / (number + name + ".png");
            if (!save_screenshot(file, width, height, error)) {
                std::fprintf(stderr, "deliberate: screenshot: %s\n", error.c_str());
            }
        }
        glfwSwapBuffers(w.handle);
        release_deferred_keys(w);
        return f12;
    };

    // Main loop.
    while (!glfwWindowShouldClose(main_window->handle) && !shell.quit_requested()) {
        // Sleep while minimised, and until an event (or a view's deadline) otherwise.
        if (glfwGetWindowAttrib(main_window->handle, GLFW_ICONIFIED) != 0 && !audience_window) {
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
            if (pending_frames == 0 && Clock::now() < ui.redraw_by && !take_phones_wake()) {
                report.write(false);
                continue;  // woke for nothing: a timeout without a deadline due
            }
        }
        if (pending_frames > 0) {
            --pending_frames;
        }
        ui.redraw_by = Clock::time_point::max();

        // The audience view's own window: opened when a presentation begins with two
        // windows wanted, closed when it ends.
        int monitors = 0;
        glfwGetMonitors(&monitors);
        const bool two_windows = options.windows == 2 || (options.windows == 0 && monitors > 1);
        if (!shell.presenting()) {
            audience_closed = false;
        }
        if (shell.presenting() && two_windows && !audience_window && !audience_closed) {
            audience_window = open_window(
                1280, 720, "Deliberate \xE2\x80\x94 audience",
                monitors > 1 ? audience_monitor(options.monitor) : nullptr, false, false);
            if (!audience_window) {
                std::fprintf(stderr,
                             "deliberate: cannot open the audience window; the one "
                             "window shows it (C toggles the console)\n");
            } else {
                glfwSwapInterval(0);  // the main window's swap paces the loop
            }
            pending_frames = frames_after_input;
        } else if (!shell.presenting() && audience_window) {
            close_window(audience_window);
        }
        shell.set_audience_window(audience_window != nullptr);

        const bool main_shows_audience = shell.presenting() && !audience_window;
        begin_frame(*main_window, main_shows_audience);
        ImGui::PushFont(ui.fonts.body);
        shell.draw();
        ImGui::PopFont();
        const std::string screen = shell.screen_name();
        bool f12 = finish_frame(*main_window, audience_window ? "console-" + screen : screen);
        if (audience_window) {
            begin_frame(*audience_window, true);
            ImGui::PushFont(ui.fonts.audience_body);
            shell.draw_audience({ui.fonts.audience_body, ui.fonts.audience_bold,
                                 ui.fonts.audience_heading, ui.fonts.audience_display});
            ImGui::PopFont();
            f12 = finish_frame(*audience_window, "audience-" + shell.screen_name()) || f12;
            if (glfwWindowShouldClose(audience_window->handle)) {
                // Closing the audience window leaves the presentation in the one window,
                // until the next presentation.
                close_window(audience_window);
                shell.set_audience_window(false);
                audience_closed = true;
            }
        }
        // F12 in either window: every window is saved in the next frame.
        screenshot_due = f12;
        if (f12) {
            ++screenshots;
            pending_frames = frames_after_input;
        }
        if (shell.take_fullscreen_request()) {
            AppWindow& target = audience_window ? *audience_window : *main_window;
            toggle_fullscreen(target, audience_monitor(options.monitor));
            pending_frames = frames_after_input;
        }

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
    GLFWwindow* window = main_window->handle;
    ui.settings.maximized = glfwGetWindowAttrib(window, GLFW_MAXIMIZED) != 0;
    if (!ui.settings.maximized && glfwGetWindowMonitor(window) == nullptr) {
        glfwGetWindowPos(window, &ui.settings.window_x, &ui.settings.window_y);
        glfwGetWindowSize(window, &ui.settings.window_width, &ui.settings.window_height);
    }
    if (!settings_path.empty() && !save_settings(settings_path, settings_to_save(), error)) {
        std::fprintf(stderr, "deliberate: cannot save settings: %s\n", error.c_str());
    }
    report.write(true);
    close_all();
    return 0;
}

}  // namespace deliberate::app
