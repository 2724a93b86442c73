// The subcommands of `deliberate`, each registered on the CLI11 app and run after parsing.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>

#include "deliberate/journal/journal.hpp"
#include "deliberate/scenario/loader.hpp"
#include "deliberate/session/session.hpp"

namespace deliberate::app {

// What main() runs after a successful parse; returns the exit code.
using Command = std::function<int()>;

// Exit codes shared by every command.
constexpr int exit_ok = 0;
constexpr int exit_problems = 1;  // the input has errors
constexpr int exit_usage = 2;     // bad arguments or unreadable paths

void add_validate_command(CLI::App& app, const LoadOptions& resources, Command& selected);
void add_graph_command(CLI::App& app, const LoadOptions& resources, Command& selected);
void add_walk_command(CLI::App& app, const LoadOptions& resources, Command& selected);
void add_play_command(CLI::App& app, const LoadOptions& resources, Command& selected);
void add_journal_command(CLI::App& app, const LoadOptions& resources, Command& selected);
void add_report_command(CLI::App& app, const LoadOptions& resources, Command& selected);
// `journal extract` and `journal share`, under the journal command.
void add_journal_share_commands(CLI::App& journal, const LoadOptions& resources, Command& selected);
void add_test_command(CLI::App& app, const LoadOptions& resources, Command& selected);
void add_translate_command(CLI::App& app, const LoadOptions& resources, Command& selected);
void add_case_command(CLI::App& app, const LoadOptions& resources, Command& selected);

// The shipped model `id` for an own case; null after saying why on stderr.
std::shared_ptr<const JudgementModel> load_case_model(const std::string& id,
                                                      const LoadOptions& resources);
// Writes an own case's record from its journal: HTML to `html`, Markdown to `md` (either may
// be empty, "-" is standard output). Returns the exit code.
int export_case_record(const JournalScan& scan, const std::string& journal, const std::string& html,
                       const std::string& md, const LoadOptions& resources);

struct DesktopOptions;
// The desktop app's commands; built only with the GUI.
void add_practice_command(CLI::App& app, const LoadOptions& resources, Command& selected,
                          DesktopOptions& options);
void add_present_command(CLI::App& app, const LoadOptions& resources, Command& selected,
                         DesktopOptions& options);
void add_studio_command(CLI::App& app, const LoadOptions& resources, Command& selected,
                        DesktopOptions& options);

// Prints diagnostics for people: one per line, hints indented, colour on a terminal.
void print_diagnostics(std::FILE* out, const std::vector<Diagnostic>& diagnostics);

// Loads a scenario a command needs whole. On errors prints them and that `purpose` (e.g.
// "draw its graph") must wait, sets `exit_code` (1, or 2 when unreadable) and returns null.
std::shared_ptr<const Scenario> load_for_command(const std::string& path,
                                                 const LoadOptions& resources, const char* purpose,
                                                 int& exit_code);

// Whether the scenario is written in `language`; says so on stderr when it is not.
bool check_language(const Scenario& scenario, const std::string& path, const std::string& language);

// Applies a --factor ID=VALUE to the session; says what is wrong on stderr when it does not fit.
bool apply_factor_option(Session& session, const std::string& assignment);

}  // namespace deliberate::app
