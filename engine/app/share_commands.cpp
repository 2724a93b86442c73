// Sharing a finished session's anonymous extract with the results folder: after a terminal
// play with --share, and `deliberate journal extract` / `journal share` for any finished
// journal (a trainer shares a workshop's vote counts this way).
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "deliberate/journal/data_folder.hpp"
#include "deliberate/results/others_choices.hpp"
#include "deliberate/results/results_folder.hpp"
#include "deliberate/results/results_reader.hpp"
#include "share.hpp"

namespace deliberate::app {

namespace fs = std::filesystem;

int share_finished_session(const Scenario& scenario, const fs::path& journal,
                           const std::string& data_flag, const fs::path& results) {
    const auto extract = build_extract(scenario, scan_journal(journal));
    if (!extract) {
        std::fprintf(stderr, "deliberate: %s is not a finished session of %s: nothing is shared\n",
                     journal.c_str(), scenario.id.c_str());
        return exit_problems;
    }
    try {
        const ShareOutcome outcome =
            share_extract(resolve_data_folder(data_flag), results, *extract);
        if (outcome.delivered) {
            std::printf("Shared anonymously as %s in %s\n", extract_file_name(extract->id).c_str(),
                        results.c_str());
        } else {
            std::printf(
                "Kept for sharing in %s: %s; it is delivered the next time Deliberate starts "
                "with the results folder set\n",
                outcome.outbox_file.c_str(), outcome.problem.c_str());
        }
        return exit_ok;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "deliberate: %s\n", e.what());
        return exit_problems;
    }
}

void print_others(const std::shared_ptr<const Scenario>& scenario, const fs::path& journal,
                  const std::string& data_flag, const fs::path& results,
                  const MessageCatalogue& text, const std::string& language) {
    const auto own = build_extract(*scenario, scan_journal(journal));
    if (!own) {
        return;
    }
    FactCounts local;
    fs::path cache;
    try {
        const fs::path data = resolve_data_folder(data_flag);
        local = local_facts(*scenario, list_journals(data, scenario->id), journal, data);
        cache = results_cache_path(data, results);
    } catch (const std::exception&) {
        // No data folder: the results folder alone.
    }
    const ResultsRead read = read_results(results, cache);
    std::printf("\n%s", others_text(others_figures(scenario, read.facts, local), *scenario, *own,
                                    text, language)
                            .c_str());
}

void deliver_waiting_extracts(const std::string& data_flag, const fs::path& results) {
    if (results.empty()) {
        return;
    }
    try {
        std::string problem;
        const int delivered = deliver_outbox(resolve_data_folder(data_flag), results, problem);
        if (delivered > 0) {
            std::fprintf(stderr, "deliberate: %d shared result%s delivered to %s\n", delivered,
                         delivered == 1 ? "" : "s", results.c_str());
        }
    } catch (const std::exception&) {
        // No data folder, so no outbox: nothing waits.
    }
}

namespace {

struct ShareArgs {
    std::string journal;
    std::string scenario;
    std::string results;
    std::string data;
};

int run_share(const ShareArgs& args, const LoadOptions& resources, bool only_print) {
    const JournalScan scan = scan_journal(args.journal);
    if (!scan.readable() || !scan.header) {
        std::fprintf(stderr, "deliberate journal: %s: not a readable journal\n",
                     args.journal.c_str());
        return exit_usage;
    }
    int exit_code = exit_ok;
    const auto scenario =
        load_for_command(args.scenario.empty() ? scan.header->scenario_file : args.scenario,
                         resources, "make its extract", exit_code);
    if (!scenario) {
        return exit_code;
    }
    if (only_print) {
        const auto extract = build_extract(*scenario, scan);
        if (!extract) {
            std::fprintf(stderr, "deliberate journal extract: %s is not a finished session\n",
                         args.journal.c_str());
            return exit_problems;
        }
        std::fputs(encode_extract(*extract).c_str(), stdout);
        return exit_ok;
    }
    const fs::path results = resolve_results_folder(args.results);
    if (results.empty()) {
        std::fprintf(stderr,
                     "deliberate journal share: no results folder: give --results DIR or set "
                     "DELIBERATE_RESULTS\n");
        return exit_usage;
    }
    return share_finished_session(*scenario, args.journal, args.data, results);
}

}  // namespace

void add_journal_share_commands(CLI::App& journal, const LoadOptions& resources,
                                Command& selected) {
    for (const bool only_print : {true, false}) {
        auto args = std::make_shared<ShareArgs>();
        CLI::App* cmd =
            only_print
                ? journal.add_subcommand(
                      "extract", "Print the anonymous extract a finished session would share")
                : journal.add_subcommand(
                      "share",
                      "Share a finished session's anonymous extract (a workshop's "
                      "votes, say)");
        cmd->footer(
            "The extract holds the scenario, the month and per dilemma the choice, the ids\n"
            "picked and the numbers given (a workshop: its vote counts); never text, a name,\n"
            "an id of the participant, the machine or an exact time. See docs/results.md.");
        cmd->add_option("journal", args->journal, "The journal")->required()->type_name("FILE");
        cmd->add_option("--scenario", args->scenario, "The scenario, if it has moved")
            ->type_name("SCENARIO");
        if (!only_print) {
            cmd->add_option("--results", args->results,
                            "The results folder (else $DELIBERATE_RESULTS)")
                ->type_name("DIR");
            cmd->add_option("--data", args->data, "The data folder (its outbox)")->type_name("DIR");
        }
        cmd->callback([&selected, args, &resources, only_print] {
            selected = [args, &resources, only_print] {
                return run_share(*args, resources, only_print);
            };
        });
    }
}

}  // namespace deliberate::app
