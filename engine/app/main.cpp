// deliberate: the program's entry point. Parses the command line and runs one subcommand.
//  - validate PATH...   check scenario, model and value files
//  - graph SCENARIO     the node graph for Graphviz or Mermaid
//  - walk SCENARIO      random play-throughs: what is never reached, what goes wrong
//  - play SCENARIO      play in the terminal, recorded in a journal; --resume to go on
//  - journal check      verify and summarise recorded sessions
//  - report             the coordinator's report over the shared results folder
//  - test SCENARIO...   replay the saved paths of scenarios
//  - translate          a scenario's texts to a PO file for translators, and back
//  - case               an own case deliberated in the terminal, recorded
//  - practice SCENARIO  the desktop app on one scenario; no command opens its launcher
//  - present SCENARIO   a workshop: audience view and trainer console
//  - studio SCENARIO    the authoring studio: live preview, diagnostics, map
#include <cstdio>

#include "commands.hpp"
#ifdef DELIBERATE_WITH_GUI
#include "desktop_app.hpp"
#endif
#include "deliberate/scenario/resources.hpp"
#include "deliberate/support/version.hpp"

int main(int argc, char** argv) {
    using namespace deliberate;
    CLI::App app{
        "Deliberate: moral-deliberation training with branching dilemmas.\n"
        "Participants play a scenario in the terminal with `play`; every answer is\n"
        "recorded in a journal (`journal check` verifies them). Authors check scenarios\n"
        "with `validate`, draw them with `graph`, play them at random with `walk` and\n"
        "replay their saved paths with `test`.",
        "deliberate"};
    app.set_version_flag("--version", std::string("deliberate ") + engine_version);
    app.require_subcommand(0, 1);
    app.footer("Run `deliberate COMMAND --help` for a command's options.");

    const LoadOptions resources = locate_resources("/proc/self/exe");
    app::Command selected;
    app::add_validate_command(app, resources, selected);
    app::add_graph_command(app, resources, selected);
    app::add_walk_command(app, resources, selected);
    app::add_play_command(app, resources, selected);
    app::add_journal_command(app, resources, selected);
    app::add_report_command(app, resources, selected);
    app::add_test_command(app, resources, selected);
    app::add_translate_command(app, resources, selected);
    app::add_case_command(app, resources, selected);
#ifdef DELIBERATE_WITH_GUI
    app::DesktopOptions desktop;
    app::add_window_options(app, desktop);
    app::add_practice_command(app, resources, selected, desktop);
    app::add_present_command(app, resources, selected, desktop);
    app::add_studio_command(app, resources, selected, desktop);
    app.footer(
        "Without a command, Deliberate opens its desktop app: the scenario library, to\n"
        "practise a dilemma alone or present it to a group. Run `deliberate COMMAND --help`\n"
        "for a command's options.");
#endif

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return app::exit_usage;
    }
    if (!selected) {
#ifdef DELIBERATE_WITH_GUI
        return app::run_desktop(desktop, resources);
#else
        std::fputs(app.help().c_str(), stdout);
        return app::exit_ok;
#endif
    }
    return selected();
}
