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
    cmd->add_option("scenario", options.practice, "The scenario file")
        ->required()
        ->type_name("SCENARIO");
    cmd->add_option("--lang", options.language, "Language: nl or en (default: the settings')")
        ->type_name("LANG");
    cmd->add_option("--factor", options.factors, "Set a factor before starting (repeatable)")
        ->type_name("ID=VALUE");
    add_window_options(*cmd, options);
    cmd->callback([&selected, &options, &resources] {
        selected = [&options, &resources] { return run_desktop(options, resources); };
    });
}

}  // namespace deliberate::app
