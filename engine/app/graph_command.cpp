// `deliberate graph SCENARIO`: the node graph as Graphviz DOT or a Mermaid flowchart.
#include <algorithm>
#include <cstdio>

#include "commands.hpp"
#include "deliberate/graph_export.hpp"

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
        "Nodes show their id and kind (scene: box, dilemma: diamond, ending: double octagon); "
        "edges\n"
        "show the option id or branch condition that takes them.\n"
        "Example: deliberate graph my.json | dot -Tsvg > my.svg");
    cmd->add_option("scenario", args->scenario, "The scenario file")->required();
    cmd->add_option("--format", args->format, "dot (Graphviz) or mermaid (Markdown pages)")
        ->check(CLI::IsMember({"dot", "mermaid"}));
    cmd->add_option("--lang", args->language,
                    "Language of the title (default: the scenario's first)");
    cmd->callback([&selected, args, &resources] {
        selected = [args, &resources] {
            const auto loaded = load_scenario_file(args->scenario, resources);
            if (!loaded.ok()) {
                print_diagnostics(stderr, loaded.diagnostics);
                std::fprintf(stderr, "deliberate: %s has errors; fix them to draw its graph\n",
                             args->scenario.c_str());
                for (const auto& d : loaded.diagnostics) {
                    if (d.code == "S007") {
                        return exit_usage;
                    }
                }
                return exit_problems;
            }
            const Scenario& scenario = *loaded.value;
            const std::string language =
                args->language.empty() ? scenario.languages.front() : args->language;
            const auto& listed = scenario.languages;
            if (std::find(listed.begin(), listed.end(), language) == listed.end()) {
                std::string names;
                for (const auto& lang : listed) {
                    names += (names.empty() ? "" : ", ") + lang;
                }
                std::fprintf(stderr, "deliberate: --lang %s: %s is written in %s\n",
                             language.c_str(), args->scenario.c_str(), names.c_str());
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
