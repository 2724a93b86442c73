// The subcommands of `deliberate`, each registered on the CLI11 app and run after parsing.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "deliberate/loader.hpp"

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

// Prints diagnostics for people: one per line, hints indented, colour on a terminal.
void print_diagnostics(std::FILE* out, const std::vector<Diagnostic>& diagnostics);

}  // namespace deliberate::app
