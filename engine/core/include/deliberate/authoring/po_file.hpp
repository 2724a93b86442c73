// Gettext PO files, as translators' tools (Poedit, Weblate, Lokalize) read and write them:
// entries with a context, the source text, the translation, comments and flags.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace deliberate {

struct PoEntry {
    std::vector<std::string> extracted_comments;  // "#." lines, without the marker
    bool fuzzy = false;                           // the "#, fuzzy" flag
    std::string previous_msgid;                   // "#| msgid", the source a fuzzy entry had
    std::string msgctxt;
    std::string msgid;
    std::string msgstr;
    std::size_t line = 0;  // where the entry starts, when parsed
};

struct PoFile {
    std::vector<std::string> header_comments;                 // "# " lines before the header
    std::vector<std::pair<std::string, std::string>> header;  // "Name: value" fields, in order
    std::vector<PoEntry> entries;                             // the header entry excluded
};

// A C string literal as PO writes it: quotes, backslashes, newlines, tabs and other control
// characters escaped; UTF-8 kept as it is.
std::string po_quote(std::string_view text);
// The keyword and its string, split into one line per source line when the text has newlines.
std::string po_field(std::string_view keyword, std::string_view text);
std::string write_po(const PoFile& file);

// Reads a PO file; std::nullopt with `error` ("line N: ...") when it is not one. Obsolete
// ("#~") entries are dropped; plural entries are refused.
std::optional<PoFile> parse_po(std::string_view bytes, std::string& error);

}  // namespace deliberate
