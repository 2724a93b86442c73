// `deliberate present SCENARIO`: opens the desktop app presenting a scenario as a workshop.
#include <cstdio>

#include "commands.hpp"
#include "desktop_app.hpp"

namespace deliberate::app {

void add_present_command(CLI::App& app, const LoadOptions& resources, Command& selected,
                         DesktopOptions& options) {
    CLI::App* cmd = app.add_subcommand(
        "present", "Present a scenario to a group: audience view, trainer console, votes");
    cmd->footer(
        "With two monitors the audience view opens fullscreen on the second (or --monitor N)\n"
        "and the trainer console on the first; with one, a single window shows the audience\n"
        "view and C toggles the console.\n"
        "Per dilemma: the case, a first vote, the model's steps as discussion prompts, a final\n"
        "vote, the reveal (both votes side by side), the room's branch.\n"
        "Keys: PageDown, Right or Space next; PageUp or Left back; B or . blanks the audience\n"
        "view; F fullscreen; T starts and stops the discussion timer; C the console; E exports\n"
        "the summary (HTML and CSV, in the data folder's exports/); W changes a factor (what\n"
        "if), Shift+W picks the factor. On a vote: Up/Down an option, digits its count.\n"
        "The workshop is recorded (mode workshop) and continues with --resume after a crash.\n"
        "With --case instead of a scenario: an own case, the group's dilemma typed on the\n"
        "console, the model's steps with the group's answers, both votes, E the record.\n"
        "Example: deliberate present scenarios/new-years-concert.json --group \"Team Roads\"");
    add_scenario_options(*cmd, options.present, options);
    cmd->get_option("scenario")->required(false);  // not with --case
    cmd->add_option("--monitor", options.monitor,
                    "The monitor for the audience view, from 1 (default: the second)")
        ->type_name("N")
        ->check(CLI::Range(1, 16));
    cmd->add_option("--windows", options.windows,
                    "1: one window, C toggles the console; 2: the audience view in a window of "
                    "its own (default: 2 with two monitors)")
        ->type_name("N")
        ->check(CLI::Range(1, 2));
    cmd->add_option("--group", options.group, "A label for the group, recorded and exported")
        ->type_name("LABEL");
    cmd->add_flag("--resume", options.resume,
                  "Continue the latest unfinished workshop of this scenario (and --group)");
    cmd->add_flag("--phones", options.phones,
                  "Participants answer anonymously on their own phones: a web server on the "
                  "local network, while the workshop runs");
    cmd->add_option("--port", options.phones_port, "--phones: the port to listen on (8080)")
        ->type_name("N")
        ->check(CLI::Range(1, 65535));
    cmd->add_option("--bind", options.phones_bind,
                    "--phones: the address to listen on (default: all of this computer's)")
        ->type_name("ADDR");
    cmd->add_option("--phones-code", options.phones_code)->group("");
    cmd->add_flag("--case", options.own_case,
                  "An own case: the group brings its dilemma, typed on the console; no scenario");
    cmd->add_option("--model", options.model,
                    "With --case: dilemma-method (default), seven-questions or quick-check")
        ->type_name("ID");
    add_window_options(*cmd, options);
    cmd->callback([&selected, &options, &resources] {
        selected = [&options, &resources] {
            if (options.own_case == !options.present.empty()) {
                std::fprintf(stderr, "deliberate present: name a scenario, or --case\n");
                return exit_usage;
            }
            return run_desktop(options, resources);
        };
    });
}

}  // namespace deliberate::app
