// `deliberate validate PATH...`: checks files and folders and prints what is wrong.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "commands.hpp"
#include "deliberate/support/terminal_text.hpp"

namespace deliberate::app {

namespace fs = std::filesystem;

namespace {

struct ValidateArgs {
    std::vector<std::string> paths;
    std::string format = "text";
    bool warnings_as_errors = false;
};

// Files named explicitly are always checked; in folders, the files whose `format` says
// they are Deliberate files.
std::vector<fs::path> collect(const std::vector<std::string>& paths, bool& unreadable) {
    std::vector<fs::path> files;
    for (const auto& name : paths) {
        std::error_code ec;
        const fs::path path(name);
        if (fs::is_directory(path, ec)) {
            std::vector<fs::path> found;
            fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                                ec);
            for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (it->is_regular_file(ec) && it->path().extension() == ".json" &&
                    sniff_format(it->path()) != FileFormat::unknown) {
                    found.push_back(it->path());
                }
            }
            if (ec) {
                std::fprintf(stderr, "deliberate: cannot read folder %s: %s\n",
                             for_terminal(name).c_str(), ec.message().c_str());
                unreadable = true;
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(path, ec)) {
            files.push_back(path);
        } else {
            std::fprintf(stderr, "deliberate: %s: no such file or folder\n",
                         for_terminal(name).c_str());
            unreadable = true;
        }
    }
    return files;
}

int run(const ValidateArgs& args, const LoadOptions& resources) {
    bool unreadable = false;
    const auto files = collect(args.paths, unreadable);
    std::vector<Diagnostic> all;
    std::size_t errors = 0, warnings = 0;
    for (const auto& file : files) {
        auto diagnostics = check_file(file, resources);
        for (const auto& d : diagnostics) {
            (d.severity == Severity::error ? errors : warnings) += 1;
            unreadable = unreadable || d.code == "S007";
        }
        if (args.format == "text") {
            print_diagnostics(stdout, diagnostics);
        }
        all.insert(all.end(), diagnostics.begin(), diagnostics.end());
    }
    const auto plural = [](std::size_t n, const char* word) {
        return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
    };
    const std::string summary = "checked " + plural(files.size(), "file") + ": " +
                                plural(errors, "error") + ", " + plural(warnings, "warning");
    if (args.format == "json") {
        std::printf("%s\n", diagnostics_to_json(all).c_str());
        std::fprintf(stderr, "%s\n", summary.c_str());
    } else {
        std::printf("%s\n", summary.c_str());
    }
    if (unreadable) {
        return exit_usage;
    }
    const bool failed = errors > 0 || (args.warnings_as_errors && warnings > 0);
    return failed ? exit_problems : exit_ok;
}

}  // namespace

void add_validate_command(CLI::App& app, const LoadOptions& resources, Command& selected) {
    auto args = std::make_shared<ValidateArgs>();
    CLI::App* cmd = app.add_subcommand(
        "validate", "Check scenario, model and value-catalogue files and folders");
    cmd->footer(
        "Folders are searched recursively for files whose `format` is a Deliberate format.\n"
        "Each problem is one line: FILE:POINTER: error[CODE]: message (syntax errors give\n"
        "FILE:LINE:COLUMN), perhaps followed by a hint. Codes are explained in\n"
        "docs/diagnostics.md.\n"
        "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error or\n"
        "unreadable path.");
    cmd->add_option("paths", args->paths, "Files or folders to check")->required();
    cmd->add_option("--format", args->format, "Output: text (one line per problem) or json")
        ->check(CLI::IsMember({"text", "json"}));
    cmd->add_flag("-W,--warnings-as-errors", args->warnings_as_errors,
                  "Exit 1 on warnings too (for a library that must be spotless)");
    cmd->callback([&selected, args, &resources] {
        selected = [args, &resources] { return run(*args, resources); };
    });
}

}  // namespace deliberate::app
