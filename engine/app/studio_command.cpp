// `deliberate studio SCENARIO`: opens the desktop app's authoring studio on a scenario file.
#include "commands.hpp"
#include "desktop_app.hpp"

namespace deliberate::app {

void add_studio_command(CLI::App& app, const LoadOptions& resources, Command& selected,
                        DesktopOptions& options) {
    CLI::App* cmd = app.add_subcommand(
        "studio", "Write a scenario: live preview, diagnostics and map as you save it");
    cmd->footer(
        "Edit the scenario in your own editor; the studio reloads it on every save. The\n"
        "preview replays your answers and choices so far and stays where you were; a save\n"
        "with errors keeps the last good version playing and lists the problems with their\n"
        "line:column. The map shows every node by depth (drag to pan, wheel to zoom, click a\n"
        "node to play from it); the side panel sets factors and variables to play from and\n"
        "watches them while playing; the numbers tab counts words, translations and the\n"
        "random walk's coverage. Nothing is recorded in a journal.\n"
        "Example: deliberate studio my-scenario.json");
    cmd->add_option("scenario", options.studio, "The scenario file")
        ->required()
        ->type_name("SCENARIO");
    cmd->add_option("--state-file", options.studio_state)->group("");
    cmd->add_flag("--pan-map", options.studio_pan)->group("");
    add_window_options(*cmd, options);
    cmd->callback([&selected, &options, &resources] {
        selected = [&options, &resources] { return run_desktop(options, resources); };
    });
}

}  // namespace deliberate::app
