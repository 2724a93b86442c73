// The desktop app: a GLFW window with Dear ImGui, the launcher, practice or a workshop's
// console in it (and the audience view in a second window), sound cues, and a main loop
// that sleeps until something happens.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "deliberate/scenario/loader.hpp"

namespace deliberate::app {

struct DesktopOptions {
    std::string practice;      // a scenario to practise at once
    std::string present;       // a scenario to present as a workshop at once
    std::string studio;        // a scenario to open in the authoring studio at once
    std::string studio_state;  // studio: what it shows, rewritten after each change (tests)
    bool studio_pan = false;   // studio: the map, panned every frame (the benchmark)
    std::string group;         // present: the group's label
    int monitor = 0;           // present: the audience view's monitor, from 1; 0: the second one
    int windows = 0;           // present: 1 or 2 windows; 0: two when there are two monitors
    bool resume = false;       // present: continue the latest unfinished workshop
    bool own_case = false;     // present --case: an own case instead of a scenario
    std::string model = "dilemma-method";  // present --case: the model it follows
    bool phones = false;  // present: participants answer on their phones (a web server)
    int phones_port = 8080;
    std::string phones_bind = "0.0.0.0";
    std::string phones_code;  // a fixed room code, for the window test only; else a random one
    std::string language;
    std::vector<std::string> factors;
    std::string data;
    std::string screenshot_dir;  // F12 saves the window here as NNN-SCREEN.png
    std::string bench_report;    // figures for tools/bench gui, rewritten at most once a second
    bool redraw_always = false;  // draw every frame (for the benchmark's comparison only)
};

// The options every window command takes.
void add_window_options(CLI::App& command, DesktopOptions& options);
// The options of a window command that opens one scenario (into `scenario`): the file,
// --lang and --factor.
void add_scenario_options(CLI::App& command, std::string& scenario, DesktopOptions& options);

// Runs the window until it is closed; returns the exit code.
int run_desktop(const DesktopOptions& options, const LoadOptions& resources);

}  // namespace deliberate::app
