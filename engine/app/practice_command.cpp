// `deliberate practice SCENARIO`: opens the desktop app straight on practising a scenario.
#include "commands.hpp"
#include "desktop_app.hpp"

namespace deliberate::app {

void add_practice_command(CLI::App& app, const LoadOptions& resources, Command& selected,
                          DesktopOptions& options) {
    CLI::App* cmd =
        app.add_subcommand("practice", "Practise a scenario alone in the desktop app, recorded");
    cmd->footer(
        "Opens the window on the scenario's first scene. Keys: Enter continues or confirms,\n"
        "1-9 pick an option or item, Backspace or Alt+Left goes back a step, F1 shows the\n"
        "step's guidance, Esc opens the menu, Ctrl+= / Ctrl+- / Ctrl+0 zoom.\n"
        "The session is recorded in the data folder as with `deliberate play`, and can be\n"
        "continued from the launcher after closing or a crash.\n"
        "Example: deliberate practice scenarios/new-years-concert.json --lang en");
    add_scenario_options(*cmd, options.practice, options);
    add_window_options(*cmd, options);
    cmd->callback([&selected, &options, &resources] {
        selected = [&options, &resources] { return run_desktop(options, resources); };
    });
}

}  // namespace deliberate::app
