// Writing and reading gettext PO files: the quoting rules of C strings, multi-line strings as
// consecutive literals, and the header kept as the entry with an empty msgid.
#include "deliberate/authoring/po_file.hpp"

#include <cstdio>
#include <stdexcept>

namespace deliberate {

namespace {

std::string header_text(const PoFile& file) {
    std::string text;
    for (const auto& [name, value] : file.header) {
        text += name + ": " + value + "\n";
    }
    return text;
}

// Reads one "..." literal at `pos` of `line`, undoing the escapes.
std::string unquote(std::string_view line, std::size_t pos) {
    if (pos >= line.size() || line[pos] != '"') {
        throw std::invalid_argument("a quoted string was expected");
    }
    std::string out;
    for (std::size_t i = pos + 1; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (line.find_first_not_of(" \t\r", i + 1) != std::string_view::npos) {
                throw std::invalid_argument("text after the closing quote");
            }
            return out;
        }
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= line.size()) {
            break;
        }
        switch (line[i]) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'v':
                out += '\v';
                break;
            case '\\':
                out += '\\';
                break;
            case '"':
                out += '"';
                break;
            default:
                if (line[i] >= '0' && line[i] <= '7') {
                    int value = 0;
                    for (int n = 0; n < 3 && i < line.size() && line[i] >= '0' && line[i] <= '7';
                         ++n, ++i) {
                        value = value * 8 + (line[i] - '0');
                    }
                    --i;
                    out += static_cast<char>(value);
                } else {
                    throw std::invalid_argument(std::string("unknown escape \\") + line[i]);
                }
        }
    }
    throw std::invalid_argument("a string without its closing quote");
}

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) {
        return {};
    }
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// What a parse is in the middle of: which field a continuation line adds to.
struct Parser {
    PoFile file;
    PoEntry entry;
    std::string* field = nullptr;
    bool in_entry = false;
    bool seen_header = false;

    void finish() {
        if (!in_entry) {
            return;
        }
        if (entry.msgid.empty() && entry.msgctxt.empty() && !seen_header) {
            seen_header = true;
            read_header(entry.msgstr);
        } else {
            file.entries.push_back(std::move(entry));
        }
        entry = PoEntry{};
        field = nullptr;
        in_entry = false;
    }

    void read_header(const std::string& text) {
        std::size_t start = 0;
        while (start < text.size()) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            const std::string line = text.substr(start, end - start);
            if (const auto colon = line.find(':'); colon != std::string::npos) {
                file.header.emplace_back(line.substr(0, colon),
                                         std::string(trimmed(line.substr(colon + 1))));
            }
            start = end + 1;
        }
    }

    void comment(std::string_view line, std::size_t number) {
        if (in_entry && field == &entry.msgstr) {
            finish();
        }
        if (line.rfind("#~", 0) == 0) {
            return;
        }
        if (!in_entry) {
            entry.line = number;
        }
        if (line.rfind("#.", 0) == 0) {
            entry.extracted_comments.emplace_back(trimmed(line.substr(2)));
        } else if (line.rfind("#,", 0) == 0) {
            entry.fuzzy = entry.fuzzy || line.find("fuzzy") != std::string_view::npos;
        } else if (line.rfind("#| msgid ", 0) == 0) {
            entry.previous_msgid = unquote(line, 9);
        } else if (!seen_header && !in_entry && line.rfind("# ", 0) == 0) {
            file.header_comments.emplace_back(line.substr(2));
        }
    }

    void keyword(std::string_view line, std::size_t number) {
        const auto space = line.find(' ');
        const std::string_view word = line.substr(0, space);
        if (word == "msgid_plural" || word.rfind("msgstr[", 0) == 0) {
            throw std::invalid_argument("plural entries are not used in scenario texts");
        }
        if (word == "msgctxt" || (word == "msgid" && field != &entry.msgctxt)) {
            if (in_entry && field != nullptr) {
                finish();
            }
        }
        if (!in_entry) {
            in_entry = true;
            if (entry.line == 0) {
                entry.line = number;
            }
        }
        if (word == "msgctxt") {
            field = &entry.msgctxt;
        } else if (word == "msgid") {
            field = &entry.msgid;
        } else if (word == "msgstr") {
            field = &entry.msgstr;
        } else {
            throw std::invalid_argument("unknown keyword `" + std::string(word) + "`");
        }
        if (space == std::string_view::npos) {
            throw std::invalid_argument("a quoted string was expected");
        }
        *field = unquote(line, line.find_first_not_of(' ', space));
    }
};

}  // namespace

std::string po_quote(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                    char octal[8];
                    std::snprintf(octal, sizeof octal, "\\%03o", static_cast<unsigned char>(c));
                    out += octal;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string po_field(std::string_view keyword, std::string_view text) {
    const auto newline = text.find('\n');
    if (newline == std::string_view::npos || newline + 1 == text.size()) {
        return std::string(keyword) + " " + po_quote(text) + "\n";
    }
    // As gettext's own tools write it: an empty first literal, then one per line.
    std::string out = std::string(keyword) + " \"\"\n";
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size() - 1) + 1;
        out += po_quote(text.substr(start, end - start)) + "\n";
        start = end;
    }
    return out;
}

std::string write_po(const PoFile& file) {
    std::string out;
    for (const std::string& c : file.header_comments) {
        out += "# " + c + "\n";
    }
    out += "msgid \"\"\n" + po_field("msgstr", header_text(file));
    for (const PoEntry& e : file.entries) {
        out += "\n";
        for (const std::string& c : e.extracted_comments) {
            out += "#. " + c + "\n";
        }
        if (e.fuzzy) {
            out += "#, fuzzy\n";
            if (!e.previous_msgid.empty()) {
                out += po_field("#| msgid", e.previous_msgid);
            }
        }
        out += po_field("msgctxt", e.msgctxt) + po_field("msgid", e.msgid) +
               po_field("msgstr", e.msgstr);
    }
    return out;
}

std::optional<PoFile> parse_po(std::string_view bytes, std::string& error) {
    Parser parser;
    std::size_t start = 0;
    std::size_t number = 0;
    try {
        while (start < bytes.size()) {
            ++number;
            const std::size_t end = std::min(bytes.find('\n', start), bytes.size());
            const std::string_view line = trimmed(bytes.substr(start, end - start));
            start = end + 1;
            if (line.empty()) {
                parser.finish();
            } else if (line[0] == '#') {
                parser.comment(line, number);
            } else if (line[0] == '"') {
                if (parser.field == nullptr) {
                    throw std::invalid_argument("a string outside an entry");
                }
                *parser.field += unquote(line, 0);
            } else {
                parser.keyword(line, number);
            }
        }
        parser.finish();
    } catch (const std::invalid_argument& e) {
        error = "line " + std::to_string(number) + ": " + e.what();
        return std::nullopt;
    }
    return std::move(parser.file);
}

}  // namespace deliberate
