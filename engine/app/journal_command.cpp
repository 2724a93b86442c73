// `deliberate journal check FILE...`: verifies journals line by line and summarises each one;
// reads only, so it is safe on a journal a session is still writing.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "commands.hpp"
#include "deliberate/case/own_case.hpp"
#include "deliberate/journal/journal.hpp"
#include "deliberate/journal/recorded_session.hpp"
#include "deliberate/support/safe_file.hpp"
#include "deliberate/support/terminal_text.hpp"
#include "deliberate/workshop/workshop_summary.hpp"

namespace deliberate::app {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t max_listed_damage = 20;

struct CheckArgs {
    std::vector<std::string> paths;
};

void print_summary(const std::string& name, const JournalScan& scan) {
    const JournalHeader& h = *scan.header;
    std::size_t answers = 0, choices = 0, notes = 0, factors = 0, backs = 0;
    for (const JournalEvent& e : scan.events) {
        answers += e.type == EventType::answer;
        choices += e.type == EventType::choice;
        notes += e.type == EventType::note;
        factors += e.type == EventType::factor;
        backs += e.type == EventType::back;
    }
    // A journal comes from anywhere: every field it holds is shown, never obeyed.
    const auto shown = [](const std::string& field) { return for_terminal(field); };
    std::printf("  scenario %s %s, model %s, %s, mode %s, participant %s%s%s%s%s\n",
                shown(h.scenario_id).c_str(), shown(h.scenario_version).c_str(),
                h.model_id.empty() ? "-" : shown(h.model_id).c_str(), shown(h.language).c_str(),
                shown(h.mode).c_str(), shown(h.participant).c_str(),
                h.name.empty() ? "" : " (name: ", shown(h.name).c_str(), h.name.empty() ? "" : ")",
                h.group.empty() ? "" : (", group " + shown(h.group)).c_str());
    std::printf("  began %s%s%s\n", shown(h.time).c_str(),
                scan.events.empty() ? "" : ", last event ",
                scan.events.empty() ? "" : shown(scan.events.back().time).c_str());
    std::printf(
        "  %zu event%s: %zu answer%s, %zu choice%s, %zu step%s back, %zu note%s, "
        "%zu factor change%s\n",
        scan.events.size(), scan.events.size() == 1 ? "" : "s", answers, answers == 1 ? "" : "s",
        choices, choices == 1 ? "" : "s", backs, backs == 1 ? "" : "s", notes,
        notes == 1 ? "" : "s", factors, factors == 1 ? "" : "s");
    if (scan.finished()) {
        std::printf("  finished at `%s`\n", for_terminal(scan.events.back().node).c_str());
    } else if (scan.damage.empty()) {
        std::printf("  not finished: continue with deliberate play --resume %s\n", name.c_str());
    } else {
        std::printf("  not finished\n");
    }
}

// Checks one journal; returns whether it is intact.
bool check_one(const fs::path& path) {
    const JournalScan scan = scan_journal(path);
    // A file name arrives with the journal (an archive, a mail attachment) like its content.
    const std::string name = for_terminal(path.string());
    if (!scan.readable()) {
        std::printf("%s: error: cannot read: %s\n", name.c_str(), for_terminal(scan.error).c_str());
        return false;
    }
    std::size_t listed = 0;
    for (const JournalDamage& d : scan.damage) {
        if (listed++ == max_listed_damage) {
            std::printf("%s: error: %zu more damaged lines not listed\n", name.c_str(),
                        scan.damage.size() - max_listed_damage);
            break;
        }
        std::printf(
            "%s:%zu: error: damaged line (%s); %llu bytes at offset %llu; intact "
            "events follow it\n",
            name.c_str(), d.line, for_terminal(d.reason).c_str(),
            static_cast<unsigned long long>(d.length), static_cast<unsigned long long>(d.offset));
    }
    if (scan.torn_tail) {
        const JournalDamage& t = *scan.torn_tail;
        std::printf("%s:%zu: error: torn end (%s); %llu bytes at offset %llu\n", name.c_str(),
                    t.line, for_terminal(t.reason).c_str(),
                    static_cast<unsigned long long>(t.length),
                    static_cast<unsigned long long>(t.offset));
        if (scan.damage.empty() && scan.header) {
            std::printf(
                "  hint: resuming cuts the torn end off and keeps its bytes in %s.cut; "
                "the %zu events before it are kept\n",
                name.c_str(), scan.events.size());
        }
    }
    if (scan.file_bytes == 0) {
        std::printf("%s: error: empty file, not a journal\n", name.c_str());
        return false;
    }
    const bool intact = scan.intact();
    std::printf("%s: %s\n", name.c_str(),
                intact                ? "intact"
                : !scan.header        ? "damaged: no intact header"
                : scan.damage.empty() ? "damaged at the end (recoverable)"
                                      : "damaged in the middle (not resumable)");
    if (scan.header) {
        print_summary(name, scan);
    }
    return intact;
}

int run(const CheckArgs& args) {
    std::vector<fs::path> files;
    for (const std::string& p : args.paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            for (fs::recursive_directory_iterator it(p, ec), end; it != end; it.increment(ec)) {
                if (ec) {
                    break;
                }
                if (it->is_regular_file(ec) && it->path().extension() == ".jsonl") {
                    files.push_back(it->path());
                }
            }
        } else if (fs::exists(p, ec)) {
            files.emplace_back(p);
        } else {
            std::fprintf(stderr, "deliberate journal check: %s: no such file or folder\n",
                         for_terminal(p).c_str());
            return exit_usage;
        }
    }
    std::sort(files.begin(), files.end());
    std::size_t damaged = 0;
    for (const fs::path& file : files) {
        damaged += check_one(file) ? 0 : 1;
    }
    std::printf("%zu journal%s checked: %zu intact, %zu damaged\n", files.size(),
                files.size() == 1 ? "" : "s", files.size() - damaged, damaged);
    return damaged == 0 ? exit_ok : exit_problems;
}

struct ExportArgs {
    std::string journal;
    std::string scenario;
    std::string html;
    std::string csv;
    std::string md;
};

// Writes `bytes` to `target` ("-" for standard output); false after saying why.
bool write_export(const std::string& target, const std::string& bytes) {
    if (target == "-") {
        // Notes and reasons are the journal's text: on a terminal they are shown, not obeyed.
        // Piped on, the page or table stays byte for byte what a file would hold.
        const std::string shown = isatty(fileno(stdout)) ? for_terminal(bytes) : bytes;
        std::fwrite(shown.data(), 1, shown.size(), stdout);
        return true;
    }
    std::string error;
    if (!write_file_atomically(target, bytes, error)) {
        std::fprintf(stderr, "deliberate journal export: %s\n", for_terminal(error).c_str());
        return false;
    }
    return true;
}

// Whether `a` and `b` name the same file: the same inode, or the same path once resolved.
bool same_file(const std::string& a, const std::string& b) {
    std::error_code ec, ec_a, ec_b;
    if (fs::equivalent(a, b, ec)) {
        return true;
    }
    // Made absolute first: a relative path none of whose parts exist stays relative otherwise.
    const fs::path real_a = fs::weakly_canonical(fs::absolute(a, ec_a), ec_a);
    const fs::path real_b = fs::weakly_canonical(fs::absolute(b, ec_b), ec_b);
    return !ec_a && !ec_b && real_a == real_b;
}

// Says why `target` must not be written by this export, or "" when it may: an export never
// replaces its own journal or scenario, nor any journal.
std::string refused_target(const std::string& target, const ExportArgs& args,
                           const std::string& scenario_path) {
    if (target == "-") {
        return {};
    }
    if (same_file(target, args.journal)) {
        return target + " is the journal being exported; write the export to another file";
    }
    if (!scenario_path.empty() && same_file(target, scenario_path)) {
        return target + " is the session's scenario; write the export to another file";
    }
    if (starts_with_journal_header(target)) {
        return target + " is a journal; an export never replaces one";
    }
    return {};
}

// Exit status of the export's checks on its output files; exit_ok when they may be written.
int check_targets(const ExportArgs& args, const std::string& scenario_path) {
    if (!args.html.empty() && args.html != "-" && same_file(args.html, args.csv)) {
        std::fprintf(stderr, "deliberate journal export: --html and --csv name the same file\n");
        return exit_usage;
    }
    for (const std::string* target : {&args.html, &args.csv}) {
        if (const std::string why = refused_target(*target, args, scenario_path); !why.empty()) {
            std::fprintf(stderr, "deliberate journal export: %s; nothing written\n", why.c_str());
            return exit_usage;
        }
    }
    return exit_ok;
}

// An own case has no scenario and no votes table: its record, as HTML and Markdown.
int export_case(const ExportArgs& args, const JournalScan& scan, const LoadOptions& resources) {
    if (!args.csv.empty() || (args.html.empty() && args.md.empty())) {
        std::fprintf(stderr,
                     "deliberate journal export: a case's record is --html FILE and --md FILE\n");
        return exit_usage;
    }
    if (!args.html.empty() && args.html != "-" && same_file(args.html, args.md)) {
        std::fprintf(stderr, "deliberate journal export: --html and --md name the same file\n");
        return exit_usage;
    }
    for (const std::string* target : {&args.html, &args.md}) {
        if (const std::string why = refused_target(*target, args, ""); !why.empty()) {
            std::fprintf(stderr, "deliberate journal export: %s; nothing written\n", why.c_str());
            return exit_usage;
        }
    }
    return export_case_record(scan, args.journal, args.html, args.md, resources);
}

int run_export(const ExportArgs& args, const LoadOptions& resources) {
    if (args.html.empty() && args.csv.empty() && args.md.empty()) {
        std::fprintf(stderr,
                     "deliberate journal export: say what to write: --html FILE, "
                     "--csv FILE (- for standard output)\n");
        return exit_usage;
    }
    const JournalScan scan = scan_journal(args.journal);
    if (!scan.readable()) {
        std::fprintf(stderr, "deliberate journal export: %s: %s\n",
                     for_terminal(args.journal).c_str(), for_terminal(scan.error).c_str());
        return exit_usage;
    }
    if (!scan.header || !scan.damage.empty()) {
        // Name the first damaged line, so that a forged field is pointed at, not just refused.
        const JournalDamage* first = !scan.damage.empty() ? &scan.damage.front()
                                     : scan.torn_tail     ? &*scan.torn_tail
                                                          : nullptr;
        if (first != nullptr) {
            std::fprintf(stderr, "%s:%zu: error: damaged line (%s)\n",
                         for_terminal(args.journal).c_str(), first->line,
                         for_terminal(first->reason).c_str());
        }
        std::fprintf(stderr,
                     "deliberate journal export: %s is damaged; see deliberate journal check\n",
                     for_terminal(args.journal).c_str());
        return exit_problems;
    }
    if (scan.header->mode == case_mode) {
        return export_case(args, scan, resources);
    }
    if (!args.md.empty()) {
        std::fprintf(stderr, "deliberate journal export: --md is for an own case's record\n");
        return exit_usage;
    }
    const std::string scenario_path =
        args.scenario.empty() ? scan.header->scenario_file : args.scenario;
    if (const int refused = check_targets(args, scenario_path); refused != exit_ok) {
        return refused;
    }
    int exit_code = exit_ok;
    const auto scenario = load_for_command(scenario_path, resources, "export", exit_code);
    if (!scenario) {
        return exit_code;
    }
    try {
        const WorkshopSummary summary = summarise_session(scenario, scan);
        MessageCatalogue text;
        std::string error;
        if (!text.load(resources.assets_dir / "i18n", summary.header.language, error)) {
            std::fprintf(stderr, "deliberate: warning: %s\n", for_terminal(error).c_str());
        }
        const bool ok =
            (args.csv.empty() ||
             write_export(args.csv, summary_csv(*scenario, summary, summary.header.language))) &&
            (args.html.empty() || write_export(args.html, summary_html(*scenario, summary, text)));
        return ok ? exit_ok : exit_usage;
    } catch (const ReplayError& e) {
        std::fprintf(stderr, "deliberate journal export: %s:%s\n",
                     for_terminal(args.journal).c_str(), for_terminal(e.what()).c_str());
        return exit_problems;
    }
}

// `deliberate journal export`: a session's summary as HTML and CSV.
void add_journal_export_command(CLI::App& journal, const LoadOptions& resources,
                                Command& selected) {
    auto args = std::make_shared<ExportArgs>();
    CLI::App* cmd = journal.add_subcommand(
        "export", "Write a session's summary: votes, shifts, branches, discussion questions");
    cmd->footer(
        "The HTML page is self-contained and printable, with the votes as bar charts; the CSV\n"
        "has one row per option per vote. - writes to standard output. The scenario is found\n"
        "through the journal, or named with --scenario.\n"
        "Example: deliberate journal export session.jsonl --html summary.html --csv votes.csv");
    cmd->add_option("journal", args->journal, "The journal")->required()->type_name("FILE");
    cmd->add_option("--scenario", args->scenario, "The scenario, if it has moved")
        ->type_name("SCENARIO");
    cmd->add_option("--html", args->html, "Write the summary page here")->type_name("FILE");
    cmd->add_option("--csv", args->csv, "Write the votes as CSV here")->type_name("FILE");
    cmd->add_option("--md", args->md, "An own case: write its record as Markdown here")
        ->type_name("FILE");
    cmd->callback([&selected, args, &resources] {
        selected = [args, &resources] { return run_export(*args, resources); };
    });
}

}  // namespace

void add_journal_command(CLI::App& app, const LoadOptions& resources, Command& selected) {
    CLI::App* journal = app.add_subcommand("journal", "Work with recorded sessions");
    journal->require_subcommand(1);
    auto args = std::make_shared<CheckArgs>();
    CLI::App* check = journal->add_subcommand("check", "Verify journals and summarise them");
    check->footer(
        "Checks each line's checksum and sequence number, and says which lines are damaged:\n"
        "a torn end (a line cut off by a crash; resuming cuts it off and keeps its bytes\n"
        "aside) or damage in the middle (never skipped: such a journal is not resumed).\n"
        "Folders are searched for *.jsonl. Exit 0 when every journal is intact, 1 when any\n"
        "is damaged, 2 when a path does not exist.\n"
        "The checksums catch torn writes and corruption, not tampering: anyone can edit a\n"
        "line and recompute its CRC-32, and the journal then checks as intact.\n"
        "Example: deliberate journal check ~/.local/share/deliberate");
    check->add_option("paths", args->paths, "Journal files or folders")
        ->required()
        ->type_name("FILE|DIR");
    check->callback([&selected, args] { selected = [args] { return run(*args); }; });
    add_journal_export_command(*journal, resources, selected);
    add_journal_share_commands(*journal, resources, selected);
}

}  // namespace deliberate::app
