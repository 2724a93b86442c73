// Collecting and printing diagnostics, as text for people and JSON for editors and CI.
#include "deliberate/support/diagnostic.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace deliberate {

namespace {
Diagnostic make(Severity severity, const std::string& file, std::string code, std::string pointer,
                std::string message, std::string hint) {
    Diagnostic d;
    d.severity = severity;
    d.code = std::move(code);
    d.file = file;
    d.pointer = std::move(pointer);
    d.message = std::move(message);
    d.hint = std::move(hint);
    return d;
}

const char* severity_name(Severity s) {
    return s == Severity::error ? "error" : "warning";
}
}  // namespace

void Diagnostics::add(Diagnostic d) {
    const auto at = std::upper_bound(phases_.begin(), phases_.end(), phase_);
    items_.insert(items_.begin() + (at - phases_.begin()), std::move(d));
    phases_.insert(at, phase_);
}

void Diagnostics::error(std::string code, std::string pointer, std::string message,
                        std::string hint) {
    add(make(Severity::error, file_, std::move(code), std::move(pointer), std::move(message),
             std::move(hint)));
}

void Diagnostics::warning(std::string code, std::string pointer, std::string message,
                          std::string hint) {
    add(make(Severity::warning, file_, std::move(code), std::move(pointer), std::move(message),
             std::move(hint)));
}

void Diagnostics::at_position(std::string code, int line, int column, std::string message,
                              std::string hint) {
    Diagnostic d =
        make(Severity::error, file_, std::move(code), {}, std::move(message), std::move(hint));
    d.line = line;
    d.column = column;
    add(std::move(d));
}

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(
        items_.begin(), items_.end(), [](auto& d) { return d.severity == Severity::error; }));
}

void Diagnostics::append(const std::vector<Diagnostic>& more) {
    for (const auto& d : more) {
        add(d);
    }
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.file;
    if (d.line > 0) {
        out += ':' + std::to_string(d.line) + ':' + std::to_string(d.column);
    } else if (!d.pointer.empty()) {
        out += ':' + d.pointer;
    }
    out += ": ";
    out += severity_name(d.severity);
    out += '[' + d.code + "]: " + d.message;
    if (!d.hint.empty()) {
        out += "\n  hint: " + d.hint;
    }
    return out;
}

namespace {

// nlohmann escapes C0 controls but writes DEL, C1 controls and bidi overrides as they are:
// written as \u escapes too, the JSON means the same and shows safely when printed.
std::string escape_invisible(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    char buffer[8];
    for (std::size_t i = 0; i < json.size(); ++i) {
        const auto at = [&](std::size_t k) {
            return i + k < json.size() ? static_cast<unsigned char>(json[i + k]) : 0u;
        };
        unsigned code = 0;
        std::size_t length = 1;
        if (at(0) == 0x7F) {
            code = 0x7F;
        } else if (at(0) == 0xC2 && at(1) >= 0x80 && at(1) <= 0x9F) {
            code = at(1), length = 2;
        } else if (at(0) == 0xE2 && at(1) == 0x80 && at(2) >= 0xAA && at(2) <= 0xAE) {
            code = 0x2000u + (at(2) - 0x80u), length = 3;
        } else if (at(0) == 0xE2 && at(1) == 0x81 && at(2) >= 0xA6 && at(2) <= 0xA9) {
            code = 0x2040u + (at(2) - 0x80u), length = 3;
        } else {
            out += json[i];
            continue;
        }
        std::snprintf(buffer, sizeof buffer, "\\u%04x", code);
        out += buffer;
        i += length - 1;
    }
    return out;
}

}  // namespace

std::string diagnostics_to_json(const std::vector<Diagnostic>& diagnostics) {
    auto array = nlohmann::json::array();
    for (const auto& d : diagnostics) {
        nlohmann::json item = {{"severity", severity_name(d.severity)},
                               {"code", d.code},
                               {"file", d.file},
                               {"pointer", d.pointer},
                               {"message", d.message}};
        if (d.line > 0) {
            item["line"] = d.line;
            item["column"] = d.column;
        }
        if (!d.hint.empty()) {
            item["hint"] = d.hint;
        }
        array.push_back(std::move(item));
    }
    // Invalid UTF-8 from a broken file may sit in a message; replace it rather than throw.
    return escape_invisible(array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace deliberate
