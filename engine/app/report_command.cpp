// `deliberate report`: the coordinator's report over the shared results folder, as a printable
// HTML page and CSV. Reads only: files that are not valid extracts are counted and named, the
// folder itself is never written to.
#include <cstdio>

#include "commands.hpp"
#include "deliberate/journal/data_folder.hpp"
#include "deliberate/results/disclosure.hpp"
#include "deliberate/results/results_folder.hpp"
#include "deliberate/results/results_reader.hpp"
#include "deliberate/results/results_report.hpp"
#include "deliberate/scenario/library.hpp"
#include "deliberate/support/safe_file.hpp"
#include "deliberate/workshop/workshop_summary.hpp"

namespace deliberate::app {

namespace {

struct ReportArgs {
    std::string results;
    std::string data;
    std::string from;
    std::string to;
    std::vector<std::string> scenarios;
    std::string scenario_folder;
    std::string language = "en";
    std::string html;
    std::string csv;
    bool no_cache = false;
};

bool write_output(const std::string& target, const std::string& bytes) {
    if (target == "-") {
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        return true;
    }
    std::string error;
    if (!write_file_atomically(target, bytes, error)) {
        std::fprintf(stderr, "deliberate report: %s\n", error.c_str());
        return false;
    }
    return true;
}

// The scenarios whose titles and labels the report uses; an unknown id is shown as itself.
std::vector<std::shared_ptr<const Scenario>> known_scenarios(const ReportArgs& args,
                                                             const LoadOptions& resources) {
    const std::filesystem::path folder = !args.scenario_folder.empty()
                                             ? std::filesystem::path(args.scenario_folder)
                                             : resources.shipped_models_dir.parent_path();
    std::vector<std::shared_ptr<const Scenario>> out;
    for (const LibraryEntry& entry : scan_library(folder, resources)) {
        if (entry.ok()) {
            out.push_back(entry.scenario);
        }
    }
    return out;
}

int run_report(const ReportArgs& args, const LoadOptions& resources) {
    if (args.html.empty() && args.csv.empty()) {
        std::fprintf(stderr,
                     "deliberate report: say what to write: --html FILE, --csv FILE (- for "
                     "standard output)\n");
        return exit_usage;
    }
    for (const std::string* month : {&args.from, &args.to}) {
        if (!month->empty() && !is_month(*month)) {
            std::fprintf(stderr, "deliberate report: %s is not a month: write YYYY-MM\n",
                         month->c_str());
            return exit_usage;
        }
    }
    const std::filesystem::path folder = resolve_results_folder(args.results);
    if (folder.empty()) {
        std::fprintf(stderr,
                     "deliberate report: no results folder: give --results DIR or set "
                     "DELIBERATE_RESULTS\n");
        return exit_usage;
    }
    std::filesystem::path cache;
    try {
        const std::filesystem::path data = resolve_data_folder(args.data);
        std::string problem;
        deliver_outbox(data, folder, problem);
        if (!args.no_cache) {
            cache = results_cache_path(data, folder);
        }
    } catch (const std::exception&) {
        // No data folder: no outbox to deliver and no cache; the report still reads the folder.
    }
    const ResultsRead read = read_results(folder, cache);
    if (!read.problem.empty()) {
        std::fprintf(stderr, "deliberate report: %s\n", read.problem.c_str());
        return exit_usage;
    }
    ResultsReport report =
        build_report(read.facts, ReportFilter{args.from, args.to, args.scenarios},
                     known_scenarios(args, resources));
    report.skipped = read.skipped;
    MessageCatalogue text;
    std::string error;
    if (!text.load(resources.assets_dir / "i18n", args.language, error)) {
        std::fprintf(stderr, "deliberate: warning: %s\n", error.c_str());
    }
    std::string skipped;
    for (const auto& [reason, n] : read.skipped) {
        skipped += (skipped.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
    }
    // The number in the period is a figure of the report, under the k rule like the rest.
    const std::string counted =
        report.extracts == hidden_count
            ? std::string("Extracts in the period counted: how many is not shown")
            : std::to_string(report.extracts) + (report.extracts == 1 ? " extract" : " extracts") +
                  " in the period counted";
    // The folder's number would give a hidden one away when the period is all of it.
    const std::string in_folder = report.extracts == hidden_count
                                      ? std::string()
                                      : " (" + std::to_string(read.extracts) + " in the folder)";
    std::fprintf(args.html == "-" || args.csv == "-" ? stderr : stdout,
                 "%s%s; %lld file%s "
                 "skipped%s%s%s\n",
                 counted.c_str(), in_folder.c_str(), read.skipped_total(),
                 read.skipped_total() == 1 ? "" : "s", skipped.empty() ? "" : " (", skipped.c_str(),
                 skipped.empty() ? "" : ")");
    const bool ok = (args.html.empty() || write_output(args.html, report_html(report, text))) &&
                    (args.csv.empty() || write_output(args.csv, report_csv(report, args.language)));
    return ok ? exit_ok : exit_usage;
}

}  // namespace

void add_report_command(CLI::App& app, const LoadOptions& resources, Command& selected) {
    auto args = std::make_shared<ReportArgs>();
    CLI::App* cmd =
        app.add_subcommand("report", "The coordinator's report over the shared results folder");
    cmd->footer(
        "Reads every anonymous extract in the results folder: reach per scenario and month,\n"
        "how people chose under each setting, workshops' first-to-final shift, blind spots\n"
        "and the steps skipped or answered fastest. No figure is shown for fewer than 5\n"
        "people. Files that are not valid extracts are skipped and counted at the top.\n"
        "The folder is --results, else $DELIBERATE_RESULTS. A cache in the data folder keeps\n"
        "a second report fast; it can be deleted at any time. - writes to standard output.\n"
        "Example: deliberate report --results /mnt/integrity/results --from 2026-01 --html "
        "report.html");
    cmd->add_option("--results", args->results, "The results folder")->type_name("DIR");
    cmd->add_option("--data", args->data, "The data folder (its cache and outbox)")
        ->type_name("DIR");
    cmd->add_option("--from", args->from, "The first month counted")->type_name("YYYY-MM");
    cmd->add_option("--to", args->to, "The last month counted")->type_name("YYYY-MM");
    cmd->add_option("--scenario", args->scenarios, "Only this scenario (repeatable)")
        ->type_name("ID");
    cmd->add_option("--scenarios", args->scenario_folder,
                    "Where the scenarios are, for their titles (default: the shipped ones)")
        ->type_name("DIR");
    cmd->add_option("--lang", args->language, "The report's language: nl or en (default: en)")
        ->type_name("LANG")
        ->check(CLI::IsMember({"nl", "en"}));
    cmd->add_option("--html", args->html, "Write the report page here")->type_name("FILE");
    cmd->add_option("--csv", args->csv, "Write the figures as CSV here")->type_name("FILE");
    cmd->add_flag("--no-cache", args->no_cache, "Read every file, leaving the cache alone");
    cmd->callback([&selected, args, &resources] {
        selected = [args, &resources] { return run_report(*args, resources); };
    });
}

}  // namespace deliberate::app
