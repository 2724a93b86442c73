// Escaping untrusted text for CSV and HTML exports.
#include "deliberate/support/export_text.hpp"

#include <cstdio>

#include "deliberate/support/terminal_text.hpp"

namespace deliberate {

std::string csv_cell(std::string_view text) {
    // A spreadsheet evaluates a cell starting with one of these as a formula (=HYPERLINK,
    // =cmd|..., @SUM): the quote makes it plain text and shows in the cell.
    const bool formula =
        !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    if (!formula && text.find_first_of(",\"\n\r") == std::string_view::npos) {
        return std::string(text);
    }
    std::string out = formula ? "\"'" : "\"";
    for (const char c : text) {
        if (c == '"') {
            out += "\"\"";
        } else {
            out += c;
        }
    }
    return out + "\"";
}

namespace {

// A control or bidi character has no place in a page for people: shown as its code, the way
// the terminal shows it, rather than reordering or hiding what the text says.
std::string visible_code(unsigned code) {
    char buffer[12];
    std::snprintf(buffer, sizeof buffer, "\\u%04x", code);
    return buffer;
}

}  // namespace

std::string html_escape(std::string_view raw) {
    const std::string text = escape_unsafe_characters(raw, visible_code);
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string markdown_escape(std::string_view raw) {
    const std::string text = escape_unsafe_characters(raw, visible_code);
    std::string out;
    for (const char c : text) {
        if (c == '<') {
            out += "&lt;";
        } else if (c == '&') {
            out += "&amp;";
        } else {
            const bool line_start = out.empty() || out.back() == '\n';
            if (std::string_view("\\`*_[]|").find(c) != std::string_view::npos ||
                (line_start &&
                 std::string_view("#+->0123456789").find(c) != std::string_view::npos)) {
                out += '\\';
            }
            out += c;
        }
    }
    return out;
}

}  // namespace deliberate
