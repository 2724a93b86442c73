// Diagnostics: every problem found in an input file, with where it is and what to do about it.
// One line each: `FILE:POINTER: error[CODE]: message` (syntax: `FILE:LINE:COL: ...`).
#pragma once

#include <string>
#include <vector>

namespace deliberate {

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;     // stable catalogue code, e.g. "R001" (see docs/diagnostics.md)
    std::string file;     // the file as the user named it
    std::string pointer;  // JSON pointer of the offending value; empty for file-level problems
    int line = 0;         // 1-based; 0 when the problem is located by pointer only
    int column = 0;
    std::string message;
    std::string hint;  // optional: what to do about it
};

// Collects diagnostics for one file; keeps the file name so callers only say what and where.
class Diagnostics {
  public:
    explicit Diagnostics(std::string file) : file_(std::move(file)) {}

    void error(std::string code, std::string pointer, std::string message, std::string hint = {});
    void warning(std::string code, std::string pointer, std::string message, std::string hint = {});
    void at_position(std::string code, int line, int column, std::string message,
                     std::string hint = {});

    // Diagnostics are kept in phase order, then in the order they were reported: a loader
    // that meets things out of order (while streaming) still reports them in a stable order.
    void set_phase(int phase) { phase_ = phase; }

    const std::string& file() const { return file_; }
    const std::vector<Diagnostic>& all() const { return items_; }
    std::vector<Diagnostic> take() {
        phases_.clear();
        return std::move(items_);
    }
    std::size_t error_count() const;
    bool has_errors() const { return error_count() > 0; }
    void append(const std::vector<Diagnostic>& more);

  private:
    void add(Diagnostic d);

    std::string file_;
    std::vector<Diagnostic> items_;
    std::vector<int> phases_;
    int phase_ = 0;
};

// `FILE:POINTER: error[CODE]: message`, then `  hint: ...` on its own line when there is one.
std::string format_diagnostic(const Diagnostic& d);
// A JSON array of objects {severity, code, file, pointer, line, column, message, hint}.
std::string diagnostics_to_json(const std::vector<Diagnostic>& diagnostics);

}  // namespace deliberate
