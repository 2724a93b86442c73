// Untrusted text (labels, reasons, notes, header fields) made safe for the files the program
// exports: one CSV cell function, one HTML escaping function, one Markdown escaping function.
#pragma once

#include <string>
#include <string_view>

namespace deliberate {

// One CSV cell. A cell a spreadsheet would take for a formula (starting with =, +, -, @, tab
// or carriage return) gets a leading single quote, so it stays text; such a cell, and any
// holding a comma, quote or line break, is quoted with inner quotes doubled.
std::string csv_cell(std::string_view text);

// Text for HTML element content and quoted attribute values alike: & < > " ' escaped, and
// control and bidi characters shown as their codes (`\u001b`), as on a terminal.
std::string html_escape(std::string_view text);

// Text for Markdown: what Markdown would read as markup is escaped (and `<` and `&`, so no tag
// or entity gets through), control and bidi characters shown as their codes as for HTML.
std::string markdown_escape(std::string_view text);

}  // namespace deliberate
