// `deliberate walk SCENARIO`: random play-throughs, reporting what is never reached and what
// goes wrong on the way (stuck dilemmas, loops, placeholders that render as nothing); with
// --endings, every play instead, reporting endings the last choice does not show in.
#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "commands.hpp"
#include "deliberate/session/ending_check.hpp"
#include "deliberate/session/walk.hpp"
#include "deliberate/support/terminal_text.hpp"

namespace deliberate::app {

namespace {

struct WalkArgs {
    std::string scenario;
    int runs = 200;
    std::uint64_t seed = 1;
    std::string language;
    bool endings = false;
};

void print_list(const char* heading, const std::vector<std::string>& items) {
    if (items.empty()) {
        return;
    }
    std::printf("%s\n", heading);
    for (const auto& item : items) {
        std::printf("  - %s\n", for_terminal(item).c_str());
    }
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

void print_report(const Scenario& scenario, const WalkArgs& args,
                  const std::vector<std::string>& languages, const WalkReport& report) {
    std::printf("%s: %d random walk%s (seed %llu, languages %s)\n",
                for_terminal(scenario.id).c_str(), report.runs, report.runs == 1 ? "" : "s",
                static_cast<unsigned long long>(args.seed),
                for_terminal(joined(languages)).c_str());
    std::printf("  nodes reached:   %zu/%zu\n", report.nodes_reached, report.nodes_total);
    std::printf("  options offered: %zu/%zu\n", report.options_offered, report.options_total);
    std::printf("  options chosen:  %zu/%zu\n", report.options_chosen, report.options_total);
    print_list("Nodes never reached:", report.nodes_unreached);
    print_list("Options never offered (their `when` never held):", report.options_never_offered);
    // Offered but never chosen is chance, not a fault; listed so authors can raise --runs.
    const std::unordered_set<std::string> never_offered(report.options_never_offered.begin(),
                                                        report.options_never_offered.end());
    std::vector<std::string> unlucky;
    for (const auto& name : report.options_never_chosen) {
        if (never_offered.count(name) == 0) {
            unlucky.push_back(name);
        }
    }
    print_list("Options offered but never chosen (try more --runs):", unlucky);
    if (!report.problems.empty()) {
        std::printf("Problems:\n");
        for (const auto& p : report.problems) {
            std::printf("  - %s at `%s`: %s (first in run %d, %d run%s)\n",
                        walk_problem_kind_name(p.kind), for_terminal(p.node_id).c_str(),
                        for_terminal(p.detail).c_str(), p.first_run + 1, p.runs,
                        p.runs == 1 ? "" : "s");
        }
    }
    std::printf("%s\n", report.complete()
                            ? "OK: every node reached, every option offered, no problems"
                            : "NOT OK: see above");
}

int print_endings(const Scenario& scenario) {
    const EndingCheckReport report = check_endings(scenario);
    std::printf("%s: %zu play%s, every combination of factor values\n", scenario.id.c_str(),
                report.plays, report.plays == 1 ? "" : "s");
    if (report.truncated) {
        std::printf("Stopped after %zu plays: too many paths to check them all\n", report.plays);
    }
    if (!report.problems.empty()) {
        std::printf("Endings that read the same whatever the last choice recorded:\n");
        for (const auto& p : report.problems) {
            std::printf("  - `%s` after `%s` (options %s)%s%s\n", p.ending_id.c_str(),
                        p.dilemma_id.c_str(), joined(p.option_ids).c_str(),
                        p.factors.empty() ? "" : " with ", p.factors.c_str());
        }
    }
    std::printf("%s\n", report.passed() ? "OK: every recorded last choice shows in its ending"
                                        : "NOT OK: see above");
    return report.passed() ? exit_ok : exit_problems;
}

int run(const WalkArgs& args, const LoadOptions& resources) {
    int exit_code = exit_ok;
    const auto loaded = load_for_command(args.scenario, resources, "walk it", exit_code);
    if (!loaded) {
        return exit_code;
    }
    const Scenario& scenario = *loaded;
    if (args.endings) {
        return print_endings(scenario);
    }
    std::vector<std::string> languages = scenario.languages;
    if (!args.language.empty()) {
        if (!check_language(scenario, args.scenario, args.language)) {
            return exit_usage;
        }
        languages = {args.language};
    }
    const WalkReport report = random_walks(scenario, args.runs, args.seed, languages);
    print_report(scenario, args, languages, report);
    return report.complete() ? exit_ok : exit_problems;
}

}  // namespace

void add_walk_command(CLI::App& app, const LoadOptions& resources, Command& selected) {
    auto args = std::make_shared<WalkArgs>();
    CLI::App* cmd =
        app.add_subcommand("walk", "Play a scenario at random; report what is never reached");
    cmd->footer(
        "Each run sets the factors (all combinations when they fit in --runs, else each\n"
        "value in turn), picks among the offered options at random and renders every text\n"
        "in every language. Exit 1 when a node is never reached, an option never offered,\n"
        "or a run gets stuck, loops or renders a placeholder as nothing.\n"
        "With --endings it plays every path under every combination of factor values and\n"
        "reports endings that read the same whichever option was last chosen, when those\n"
        "options recorded different things (their effects leave the variables different).\n"
        "Example: deliberate walk my.json --runs 1000");
    cmd->add_option("scenario", args->scenario, "The scenario file")->required();
    cmd->add_option("--runs", args->runs, "Number of walks (default 200)")
        ->check(CLI::Range(1, 1000000));
    cmd->add_option("--seed", args->seed, "Seed of the random choices (default 1)");
    cmd->add_option("--lang", args->language, "Render in this language only (default: all)");
    cmd->add_flag("--endings", args->endings,
                  "Check that each ending shows the last choice made before it");
    cmd->callback([&selected, args, &resources] {
        selected = [args, &resources] { return run(*args, resources); };
    });
}

}  // namespace deliberate::app
