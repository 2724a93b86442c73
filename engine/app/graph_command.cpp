// `deliberate graph SCENARIO`: the node graph as Graphviz DOT or a Mermaid flowchart.
#include <cstdio>

#include "commands.hpp"
#include "deliberate/scenario/graph_export.hpp"

namespace deliberate::app {

namespace {
struct GraphArgs {
    std::string scenario;
    std::string format = "dot";
    std::string language;
};
}  // namespace

void add_graph_command(CLI::App& app, const LoadOptions& resources, Command& selected) {
    auto args = std::make_shared<GraphArgs>();
    CLI::App* cmd =
        app.add_subcommand("graph", "Print a scenario's node graph for Graphviz or Mermaid");
    cmd->footer(
        "Nodes show their id and kind (scene: box, dilemma: diamond, ending: double\n"
        "octagon); edges show the option id or branch condition that takes them.\n"
        "Example: deliberate graph my.json | dot -Tsvg > my.svg");
    cmd->add_option("scenario", args->scenario, "The scenario file")->required();
    cmd->add_option("--format", args->format, "dot (Graphviz) or mermaid (Markdown pages)")
        ->check(CLI::IsMember({"dot", "mermaid"}));
    cmd->add_option("--lang", args->language,
                    "Language of the title (default: the scenario's first)");
    cmd->callback([&selected, args, &resources] {
        selected = [args, &resources] {
            int exit_code = exit_ok;
            const auto loaded =
                load_for_command(args->scenario, resources, "draw its graph", exit_code);
            if (!loaded) {
                return exit_code;
            }
            const Scenario& scenario = *loaded;
            const std::string language =
                args->language.empty() ? scenario.languages.front() : args->language;
            if (!check_language(scenario, args->scenario, language)) {
                return exit_usage;
            }
            const std::string text = args->format == "mermaid"
                                         ? graph_to_mermaid(scenario, language)
                                         : graph_to_dot(scenario, language);
            std::fputs(text.c_str(), stdout);
            return exit_ok;
        };
    });
}

}  // namespace deliberate::app
