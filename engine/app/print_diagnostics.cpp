// Terminal output of diagnostics: the same text as format_diagnostic, coloured on a terminal.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "commands.hpp"
#include "deliberate/support/terminal_text.hpp"

namespace deliberate::app {

void print_diagnostics(std::FILE* out, const std::vector<Diagnostic>& diagnostics) {
    // Colour only for people at a terminal, and never when NO_COLOR is set.
    const bool colour = isatty(fileno(out)) && std::getenv("NO_COLOR") == nullptr;
    for (const auto& d : diagnostics) {
        // A diagnostic quotes the scenario's own text (a bad id, a label): shown, never obeyed.
        std::string text = for_terminal(format_diagnostic(d));
        if (colour) {
            const std::string word = d.severity == Severity::error ? "error[" : "warning[";
            const auto at = text.find(": " + word);
            if (at != std::string::npos) {
                const char* paint = d.severity == Severity::error ? "\033[1;31m" : "\033[1;33m";
                text.insert(at + 2 + word.size() - 1, "\033[0m");
                text.insert(at + 2, paint);
            }
        }
        std::fprintf(out, "%s\n", text.c_str());
    }
}

}  // namespace deliberate::app
