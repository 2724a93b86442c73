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
//    gets a second window, fullscreen on the chosen monitor (see app_window.hpp).
#include "desktop_app.hpp"

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>

#include "app_shell.hpp"
#include "app_window.hpp"
#include "deliberate/audio/cue_player.hpp"
#include "deliberate/journal/data_folder.hpp"
#include "deliberate/support/safe_file.hpp"
#include "keys.hpp"
#include "phones_room.hpp"
#include "screenshot.hpp"
#include "theme.hpp"

namespace deliberate::app {

namespace {

using Clock = std::chrono::steady_clock;

double cpu_ms() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

// Figures for tools/bench gui: time to the first frame, frames drawn, CPU time spent.
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
        std::ostringstream report;
        report << "{\"first_frame_ms\":" << first_frame_ms << ",\"frames\":" << frames
               << ",\"cpu_ms\":" << cpu_ms() << "}\n";
        std::string error;
        if (!write_file_atomically(file, report.str(), error, Durability::none)) {
            std::fprintf(stderr, "deliberate: %s\n", error.c_str());
        }
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

// The app from the first window to the last: `run` reads as Setup, Main loop, Cleanup.
class DesktopApp {
  public:
    DesktopApp(const DesktopOptions& options, const LoadOptions& resources)
        : options_(options), resources_(resources) {}
    int run();

  private:
    // Setup
    bool has_display() const;
    bool start_window_system();
    void load_settings_and_text();
    bool open_main_window();
    void open_sound();
    bool open_first_screen();
    // Main loop
    bool minimised() const;
    bool wait_for_work();
    void follow_presentation();
    bool draw_main_window();
    bool draw_audience_window();
    void begin_frame(AppWindow& window, bool audience);
    void rebuild_style(AppWindow& window, bool audience);
    bool finish_frame(AppWindow& window, const std::string& name);
    void take_screenshots_next_frame(bool f12);
    void follow_fullscreen_request();
    void count_frame();
    void apply_changed_settings();
    // Cleanup
    void remember_window_placement();
    void save_settings_file();
    Settings settings_to_save() const;
    void close_all();

    const DesktopOptions& options_;
    const LoadOptions& resources_;
    Clock::time_point started_ = Clock::now();
    ui::UiContext ui_;
    std::filesystem::path settings_path_;
    std::string saved_language_;  // the settings' language, kept when --lang overrides it
    std::unique_ptr<audio::CuePlayer> player_;
    std::unique_ptr<ui::AppShell> shell_;
    FrameBudget frames_;
    std::unique_ptr<AppWindow> main_window_;
    std::unique_ptr<AppWindow> audience_window_;
    bool audience_closed_ = false;  // closed by hand: not reopened during this presentation
    BenchReport report_;
    int screenshots_ = 0;
    bool screenshot_due_ = false;
};

int DesktopApp::run() {
    // Setup: display, settings, window.
    if (!has_display()) {
        return 1;
    }
    if (!start_window_system()) {
        return 1;
    }
    load_settings_and_text();
    try {
        ui_.data_dir = resolve_data_folder(options_.data);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "deliberate: %s\n", e.what());
        glfwTerminate();
        return 2;
    }
    if (const std::string shared = data_folder_warning(ui_.data_dir); !shared.empty()) {
        std::fprintf(stderr, "deliberate: warning: %s\n", shared.c_str());
        ui_.status = shared;  // a missing sound device's message, said later, replaces it
    }
    if (!open_main_window()) {
        glfwTerminate();
        return 1;
    }

    // Setup: sound, then the screen asked for on the command line (or the launcher).
    open_sound();
    shell_ = std::make_unique<ui::AppShell>(ui_);
    if (!open_first_screen()) {
        close_all();
        return 2;
    }
    report_ = BenchReport{options_.bench_report, -1, 0, Clock::now()};

    // Main loop
    while (!glfwWindowShouldClose(main_window_->handle) && !shell_->quit_requested()) {
        // Sleep while minimised, and until an event (or a view's deadline) otherwise.
        if (minimised()) {
            glfwWaitEvents();
            continue;
        }
        if (!wait_for_work()) {
            continue;
        }
        // Open or close the audience view's own window as the presentation wants.
        follow_presentation();
        // Draw the main window (the console while presenting), then the audience view.
        bool f12 = draw_main_window();
        if (audience_window_) {
            f12 = draw_audience_window() || f12;
        }
        // Act on what the frame asked for: screenshots, fullscreen, changed settings.
        take_screenshots_next_frame(f12);
        follow_fullscreen_request();
        count_frame();
        apply_changed_settings();
    }

    // Cleanup: remember where the window was, then close everything.
    remember_window_placement();
    if (!settings_path_.empty()) {
        save_settings_file();
    }
    report_.write(true);
    close_all();
    return 0;
}

// ---- Setup ----

// Says where to go instead when there is no display: the terminal, or the projector's computer.
bool DesktopApp::has_display() const {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display != nullptr && *display != '\0') || (wayland != nullptr && *wayland != '\0')) {
        return true;
    }
    std::fprintf(stderr, "%s",
                 options_.present.empty()
                     ? "deliberate: no display to open a window on; in a terminal, use "
                       "`deliberate play SCENARIO` (see deliberate --help)\n"
                     : "deliberate: no display to open a window on; a workshop needs a "
                       "screen: run it on the desktop of the computer with the projector\n");
    return false;
}

bool DesktopApp::start_window_system() {
    glfwSetErrorCallback([](int code, const char* text) {
        std::fprintf(stderr, "deliberate: window system error %d: %s\n", code, text);
    });
    if (!glfwInit()) {
        std::fprintf(stderr,
                     "deliberate: cannot open a window here; in a terminal, use `deliberate play "
                     "SCENARIO`\n");
        return false;
    }
    return true;
}

void DesktopApp::load_settings_and_text() {
    std::string warning;
    settings_path_ = settings_file();
    ui_.settings = load_settings(settings_path_, warning);
    if (!warning.empty()) {
        std::fprintf(stderr, "deliberate: warning: %s\n", warning.c_str());
    }
    // --lang is for this run: the UI speaks it too, but the saved language stays as it was
    // unless the participant switches it in the app.
    saved_language_ = ui_.settings.language;
    if (!options_.language.empty()) {
        ui_.settings.language = options_.language == "en" ? "en" : "nl";
    }
    std::string error;
    if (!ui_.text.load(resources_.assets_dir / "i18n", ui_.settings.language, error)) {
        std::fprintf(stderr, "deliberate: warning: %s\n", error.c_str());
    }
    ui_.resources = resources_;
    ui_.scenarios_dir = resources_.shipped_models_dir.parent_path();
}

bool DesktopApp::open_main_window() {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    const Settings& s = ui_.settings;
    main_window_ = open_window(
        {s.window_width, s.window_height, "Deliberate", nullptr, s.maximized, true}, frames_);
    if (!main_window_) {
        std::fprintf(stderr,
                     "deliberate: cannot create an OpenGL 3.3 window; in a terminal, "
                     "use `deliberate play SCENARIO`\n");
        return false;
    }
    if (s.window_x >= 0 && s.window_y >= 0) {
        glfwSetWindowPos(main_window_->handle, s.window_x, s.window_y);
    }
    glfwSwapInterval(1);
    return true;
}

// Without a device the app is silent and says so once, in the status line.
void DesktopApp::open_sound() {
    player_ = audio::open_audio(resources_.assets_dir / "sounds");
    if (!player_->available()) {
        ui_.status = ui_.text.format("ui.status.no_audio", {player_->status()});
        std::fprintf(stderr, "deliberate: %s\n", ui_.status.c_str());
    }
    player_->set_volume(ui_.settings.volume);
    player_->set_muted(ui_.settings.muted);
    ui_.play_cue = [this](ui::Sound sound) { player_->play(to_cue(sound)); };
    ui_.play_file = [this](const std::filesystem::path& file) { player_->play_file(file); };
}

bool DesktopApp::open_first_screen() {
    ui_.start_phones = [this](const std::string& language, std::string& error) {
        return start_phones(options_, resources_, ui_.woken, language, error);
    };
    bool opened = true;
    std::string error;
    if (!options_.practice.empty()) {
        opened =
            shell_->open_practice(options_.practice, options_.language, options_.factors, error);
    } else if (!options_.studio.empty()) {
        opened = shell_->open_studio(options_.studio, {options_.studio_state, options_.studio_pan},
                                     error);
    } else if (options_.own_case) {
        opened = shell_->open_case(options_.model,
                                   options_.language.empty() ? "nl" : options_.language, error);
    } else if (!options_.present.empty()) {
        opened = shell_->open_present(
            options_.present,
            {options_.language, options_.factors, options_.group, options_.resume}, error);
    }
    if (opened && options_.phones) {
        opened = shell_->attach_phones(error);
    }
    if (!opened) {
        std::fprintf(stderr, "deliberate: %s\n", error.c_str());
    }
    return opened;
}

// ---- Main loop ----

bool DesktopApp::minimised() const {
    return glfwGetWindowAttrib(main_window_->handle, GLFW_ICONIFIED) != 0 && !audience_window_;
}

// Waits for input, a view's deadline or frames still due. False when it woke for nothing:
// a timeout without a deadline due.
bool DesktopApp::wait_for_work() {
    if (options_.redraw_always || frames_.due()) {
        glfwPollEvents();
    } else {
        double timeout = options_.bench_report.empty() ? 60.0 : 1.0;
        if (ui_.redraw_by != Clock::time_point::max()) {
            timeout = std::clamp(
                std::chrono::duration<double>(ui_.redraw_by - Clock::now()).count(), 0.0, timeout);
        }
        glfwWaitEventsTimeout(timeout);
        // Another thread (the studio's file watcher or walk, a phone) woke the loop with news.
        if (ui_.woken->exchange(false)) {
            frames_.renew();
        }
        if (!frames_.due() && Clock::now() < ui_.redraw_by) {
            report_.write(false);
            return false;
        }
    }
    frames_.spend();
    ui_.redraw_by = Clock::time_point::max();
    return true;
}

// The audience view gets its own window when a presentation begins with two windows wanted,
// and loses it when the presentation ends.
void DesktopApp::follow_presentation() {
    const int monitors = monitor_count();
    const bool two_windows = options_.windows == 2 || (options_.windows == 0 && monitors > 1);
    if (!shell_->presenting()) {
        audience_closed_ = false;
    }
    if (shell_->presenting() && two_windows && !audience_window_ && !audience_closed_) {
        GLFWmonitor* monitor = monitors > 1 ? audience_monitor(options_.monitor) : nullptr;
        audience_window_ = open_window(
            {1280, 720, "Deliberate \xE2\x80\x94 audience", monitor, false, false}, frames_);
        if (!audience_window_) {
            std::fprintf(stderr,
                         "deliberate: cannot open the audience window; the one "
                         "window shows it (C toggles the console)\n");
        } else {
            glfwSwapInterval(0);  // the main window's swap paces the loop
        }
        frames_.renew();
    } else if (!shell_->presenting() && audience_window_) {
        close_window(audience_window_);
    }
    shell_->set_audience_window(audience_window_ != nullptr);
}

// True when F12 was pressed in it.
bool DesktopApp::draw_main_window() {
    const bool main_shows_audience = shell_->presenting() && !audience_window_;
    begin_frame(*main_window_, main_shows_audience);
    ImGui::PushFont(ui_.fonts.body);
    shell_->draw();
    ImGui::PopFont();
    const std::string screen = shell_->screen_name();
    return finish_frame(*main_window_, audience_window_ ? "console-" + screen : screen);
}

// True when F12 was pressed in it. Closing the audience window leaves the presentation in
// the one window, until the next presentation.
bool DesktopApp::draw_audience_window() {
    begin_frame(*audience_window_, true);
    ImGui::PushFont(ui_.fonts.audience_body);
    shell_->draw_audience({ui_.fonts.audience_body, ui_.fonts.audience_bold,
                           ui_.fonts.audience_heading, ui_.fonts.audience_display});
    ImGui::PopFont();
    const bool f12 = finish_frame(*audience_window_, "audience-" + shell_->screen_name());
    if (glfwWindowShouldClose(audience_window_->handle)) {
        close_window(audience_window_);
        shell_->set_audience_window(false);
        audience_closed_ = true;
    }
    return f12;
}

// Makes the window current; the views read the fonts of the window being drawn.
void DesktopApp::begin_frame(AppWindow& w, bool audience) {
    glfwMakeContextCurrent(w.handle);
    ImGui::SetCurrentContext(w.imgui);
    rebuild_style(w, audience);
    ui_.fonts = w.fonts;
    ui_.images = w.images.get();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

// Fonts and style of the current window: body text at the content scale times the zoom;
// the audience view's text sized to the window's height, when it shows one.
void DesktopApp::rebuild_style(AppWindow& w, bool audience) {
    float sx = 1, sy = 1;
    glfwGetWindowContentScale(w.handle, &sx, &sy);
    const float scale = std::max(sx, 1.0f) * ui_.settings.zoom;
    int width = 0, height = 0;
    glfwGetFramebufferSize(w.handle, &width, &height);
    const float audience_px = audience ? ui::audience_body_px(height) : 0;
    if (scale != w.built_scale || audience_px != w.built_audience_px) {
        std::string font_error;
        if (!ui::load_fonts(resources_.assets_dir / "fonts", scale, w.fonts, font_error,
                            audience_px)) {
            std::fprintf(stderr, "deliberate: warning: %s\n", font_error.c_str());
        }
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        w.built_scale = scale;
        w.built_audience_px = audience_px;
        w.built_theme.clear();
    }
    if (w.built_theme != ui_.settings.theme) {
        ui::apply_theme(ui_.settings.theme, w.built_scale);
        w.built_theme = ui_.settings.theme;
    }
}

// Ends the current window's frame and shows it; saves it as NNN-NAME.png when a screenshot
// is due. True when F12 was pressed in it.
bool DesktopApp::finish_frame(AppWindow& w, const std::string& name) {
    const bool f12 = !options_.screenshot_dir.empty() && ui::key_hit(ui::Key::f12);
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(w.handle, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 bg = ui::palette(ui_.settings.theme).background;
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (screenshot_due_) {
        char number[32];
        std::snprintf(number, sizeof number, "%03d-", screenshots_);
        const auto file = std::filesystem::path(options_.screenshot_dir) / (number + name + ".png");
        std::string error;
        if (!save_screenshot(file, width, height, error)) {
            std::fprintf(stderr, "deliberate: screenshot: %s\n", error.c_str());
        }
    }
    glfwSwapBuffers(w.handle);
    release_deferred_keys(w);
    return f12;
}

// F12 in either window: every window is saved in the next frame.
void DesktopApp::take_screenshots_next_frame(bool f12) {
    screenshot_due_ = f12;
    if (f12) {
        ++screenshots_;
        frames_.renew();
    }
}

// Fullscreen goes to the audience view's window when there is one.
void DesktopApp::follow_fullscreen_request() {
    if (shell_->take_fullscreen_request()) {
        AppWindow& target = audience_window_ ? *audience_window_ : *main_window_;
        toggle_fullscreen(target, audience_monitor(options_.monitor));
        frames_.renew();
    }
}

void DesktopApp::count_frame() {
    ++report_.frames;
    if (report_.first_frame_ms < 0) {
        report_.first_frame_ms =
            std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
        report_.write(true);
    }
    report_.write(false);
}

void DesktopApp::apply_changed_settings() {
    if (shell_->settings_changed()) {
        player_->set_volume(ui_.settings.volume);
        player_->set_muted(ui_.settings.muted);
        save_settings_file();
        frames_.renew();
    }
}

// ---- Cleanup ----

void DesktopApp::remember_window_placement() {
    GLFWwindow* window = main_window_->handle;
    Settings& s = ui_.settings;
    s.maximized = glfwGetWindowAttrib(window, GLFW_MAXIMIZED) != 0;
    if (!s.maximized && glfwGetWindowMonitor(window) == nullptr) {
        glfwGetWindowPos(window, &s.window_x, &s.window_y);
        glfwGetWindowSize(window, &s.window_width, &s.window_height);
    }
}

void DesktopApp::save_settings_file() {
    std::string error;
    if (!save_settings(settings_path_, settings_to_save(), error)) {
        std::fprintf(stderr, "deliberate: cannot save settings: %s\n", error.c_str());
    }
}

// The settings as the app ends them, with the saved language where --lang changed it.
Settings DesktopApp::settings_to_save() const {
    Settings s = ui_.settings;
    if (!options_.language.empty() && s.language == options_.language) {
        s.language = saved_language_;
    }
    return s;
}

void DesktopApp::close_all() {
    close_window(audience_window_);
    close_window(main_window_);
    glfwTerminate();
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
    return DesktopApp(options, resources).run();
}

}  // namespace deliberate::app
