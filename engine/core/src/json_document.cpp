// Safe parsing of untrusted JSON: nothing here aborts, recurses without bound or hangs.
#include "json_document.hpp"

#include <cstdio>
#include <vector>

#include "deliberate/loader.hpp"

namespace deliberate::detail {

namespace {

constexpr int max_encoding_reports = 5;

// Length of the valid UTF-8 sequence at `i`, or 0 when it is invalid (overlongs, surrogates
// and code points above U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        low = c == 0xE0 ? 0xA0 : 0x80;
        high = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        low = c == 0xF0 ? 0x90 : 0x80;
        high = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (i + length > s.size()) {
        return 0;
    }
    if (byte(i + 1) < low || byte(i + 1) > high) {
        return 0;
    }
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) {
            return 0;
        }
    }
    return length;
}

bool check_encoding(std::string_view bytes, Diagnostics& diagnostics) {
    int reported = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t length = utf8_sequence_length(bytes, i);
        if (length > 0) {
            i += length;
            continue;
        }
        if (reported == max_encoding_reports) {
            diagnostics.at_position("S004", line_and_column(bytes, i).first,
                                    line_and_column(bytes, i).second,
                                    "more invalid UTF-8 follows; not listed");
            return false;
        }
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[i]));
        const auto [line, column] = line_and_column(bytes, i);
        diagnostics.at_position(
            "S004", line, column, std::string("invalid UTF-8: byte ") + hex,
            reported == 0 ? "save the file as UTF-8 (e.g. in your editor: Save with Encoding, "
                            "UTF-8); Latin-1 or Windows-1252 text shows up like this"
                          : "");
        ++reported;
        ++i;
    }
    return reported == 0;
}

// Builds the tree from parser events, as nlohmann's own DOM parser does, and checks on the
// way what a tree cannot show afterwards: repeated keys and nesting depth. Knows where it
// is at every moment, so problems get the JSON pointer of their place.
class DocumentBuilder {
  public:
    using json = nlohmann::json;

    DocumentBuilder(json& root, Diagnostics& diagnostics, NodeStream* stream)
        : root_(root), diagnostics_(diagnostics), stream_(stream) {}

    bool null() { return value(nullptr); }
    bool boolean(bool v) { return value(v); }
    bool number_integer(json::number_integer_t v) { return value(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value(v); }
    bool number_float(json::number_float_t v, const std::string&) { return value(v); }
    bool string(std::string& v) { return value(std::move(v)); }
    bool binary(json::binary_t&) { return true; }  // never produced by the JSON reader

    bool start_object(std::size_t) { return open(json::value_t::object); }
    bool start_array(std::size_t) { return open(json::value_t::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string& name) {
        auto& members = frames_.back().container->get_ref<json::object_t&>();
        auto [it, inserted] = members.try_emplace(std::move(name));
        frames_.back().key = &it->first;
        member_ = &it->second;
        if (!inserted) {
            diagnostics_.error("S006", pointer(), "duplicate key `" + it->first + "`",
                               "an object may name each key once; remove or rename one of them");
        }
        return true;
    }

    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& error) {
        error_position_ = position;
        error_message_ = error.what();
        return false;
    }

    bool too_deep() const { return too_deep_; }
    std::size_t error_position() const { return error_position_; }
    const std::string& error_message() const { return error_message_; }

  private:
    struct Frame {
        json* container;
        const std::string* key = nullptr;  // the member being read, in an object
        bool is_nodes = false;             // the root's `nodes` array, when streaming
    };

    // Places a value where the parser is: the root, the next array element or the member
    // whose key was just read. Returns where it went.
    template <typename Value>
    json* place(Value&& v) {
        if (frames_.empty()) {
            root_ = json(std::forward<Value>(v));
            return &root_;
        }
        json& parent = *frames_.back().container;
        if (parent.is_array()) {
            parent.get_ref<json::array_t&>().emplace_back(std::forward<Value>(v));
            return &parent.get_ref<json::array_t&>().back();
        }
        *member_ = json(std::forward<Value>(v));
        return member_;
    }

    template <typename Value>
    bool value(Value&& v) {
        place(std::forward<Value>(v));
        element_done();
        return true;
    }

    bool open(json::value_t type) {
        if (frames_.size() >= static_cast<std::size_t>(max_nesting_depth)) {
            diagnostics_.error(
                "S003", pointer(),
                "nesting is deeper than " + std::to_string(max_nesting_depth) + " levels",
                "no scenario needs this; is a closing bracket missing?");
            too_deep_ = true;
            return false;
        }
        json* container = place(type);
        const bool is_nodes = stream_ != nullptr && type == json::value_t::array &&
                              frames_.size() == 1 && root_.is_object() &&
                              frames_.back().key != nullptr && *frames_.back().key == "nodes";
        frames_.push_back(Frame{container, nullptr, is_nodes});
        if (is_nodes) {
            stream_->begin_nodes(root_);
        }
        return true;
    }

    bool close() {
        frames_.pop_back();
        element_done();
        return true;
    }

    // A value or container just ended; a finished element of `nodes` goes to the stream.
    void element_done() {
        if (!frames_.empty() && frames_.back().is_nodes) {
            auto& nodes = frames_.back().container->get_ref<json::array_t&>();
            stream_->node(nodes.size() - 1, nodes.back());
            nodes.back() = nullptr;
        }
    }

    std::string pointer() const {
        std::string out;
        for (const auto& frame : frames_) {
            out += '/';
            if (frame.container->is_array()) {
                // The element being read is the one the array will get next, or its last.
                const std::size_t size = frame.container->size();
                out += std::to_string(&frame == &frames_.back() || size == 0 ? size : size - 1);
            } else if (frame.key != nullptr) {
                out += escape_pointer_token(*frame.key);
            }
        }
        return out;
    }

    json& root_;
    Diagnostics& diagnostics_;
    NodeStream* stream_;
    std::vector<Frame> frames_;
    json* member_ = nullptr;
    bool too_deep_ = false;
    std::size_t error_position_ = 0;
    std::string error_message_;
};

// nlohmann's message reads "[json.exception.parse_error.101] parse error at line 1, column 5:
// syntax error while parsing object - unexpected '}'; expected string literal". Keep the part
// that helps an author, in our own shape.
std::string describe_syntax_error(const std::string& what) {
    std::string detail = what;
    const auto colon = what.find(": ", what.find("column"));
    if (colon != std::string::npos) {
        detail = what.substr(colon + 2);
    }
    // The parser's "last read" echoes raw input, often across lines: noise for an author.
    const auto echo = detail.find("; last read: '");
    if (echo != std::string::npos) {
        const auto rest = detail.find("'; expected", echo + 14);
        detail.erase(echo, rest == std::string::npos ? std::string::npos : rest + 1 - echo);
    }
    const std::string prefix = "syntax error while parsing ";
    if (detail.rfind(prefix, 0) == 0) {
        detail = detail.substr(prefix.size());
        const auto dash = detail.find(" - ");
        if (dash != std::string::npos) {
            return detail.substr(dash + 3) + " (in " + detail.substr(0, dash) + ")";
        }
    }
    return detail;
}

std::string syntax_hint(std::string_view bytes, std::size_t offset, const std::string& message) {
    if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return "the file is empty; a scenario starts with `{`";
    }
    // The parser stops on the offending character; look at what came before it.
    std::size_t i = offset < bytes.size() ? offset : bytes.size();
    const char offending = i < bytes.size() ? bytes[i] : '\0';
    std::size_t j = i;
    while (j > 0 && (bytes[j - 1] == ' ' || bytes[j - 1] == '\t' || bytes[j - 1] == '\r' ||
                     bytes[j - 1] == '\n')) {
        --j;
    }
    if ((offending == '}' || offending == ']') && j > 0 && bytes[j - 1] == ',') {
        return "JSON allows no comma after the last item; remove it";
    }
    if (offending == '/' || message.find("last read: '/") != std::string::npos) {
        return "JSON has no comments; trainer remarks can go in a node's `notes`";
    }
    if (offending == '\'' || message.find("last read: ''") != std::string::npos) {
        return "JSON strings and keys use double quotes (\")";
    }
    if (message.find("unexpected end of input") != std::string::npos) {
        return "the file ends too early: a closing `}`, `]` or `\"` is missing";
    }
    if (message.find("control character U+000A") != std::string::npos ||
        message.find("control character U+000D") != std::string::npos) {
        return "is a closing `\"` missing? A line break inside a string is written \\n "
               "(a blank line between paragraphs is \\n\\n)";
    }
    if (message.find("control character U+0009") != std::string::npos) {
        return "a tab inside a string is written \\t";
    }
    if (message.find("control character") != std::string::npos) {
        return "remove the invisible control character, or write it escaped as \\u00XX";
    }
    if (message.find("; expected string literal") != std::string::npos &&
        message.find("(in object") != std::string::npos) {
        return "keys are written in double quotes: \"key\": value";
    }
    if (message.find("; expected '}'") != std::string::npos ||
        message.find("; expected ']'") != std::string::npos) {
        return "is a comma missing between two items?";
    }
    if (message.find("expected end of input") != std::string::npos) {
        return "the file holds one object; is there a `}` too many, or text after the end?";
    }
    return {};
}

}  // namespace

std::string escape_pointer_token(std::string_view token) {
    std::string out;
    out.reserve(token.size());
    for (const char c : token) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

std::pair<int, int> line_and_column(std::string_view bytes, std::size_t offset) {
    if (offset > bytes.size()) {
        offset = bytes.size();
    }
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {  // count characters, not continuation bytes
            ++column;
        }
    }
    return {line, column};
}

bool parse_json_document(std::string_view bytes, Diagnostics& diagnostics, nlohmann::json& out,
                         NodeStream* stream) {
    if (bytes.size() > max_file_bytes) {
        char size[32];
        std::snprintf(size, sizeof size, "%.1f MiB",
                      static_cast<double>(bytes.size()) / (1024.0 * 1024.0));
        diagnostics.error("S002", {}, std::string("file is ") + size + "; the limit is 16 MiB",
                          "split the scenario, or move large media out into asset files");
        return false;
    }
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        diagnostics.at_position("S005", 1, 1, "file starts with a byte order mark",
                                "save the file as UTF-8 without BOM");
        return false;
    }
    const std::size_t errors_before = diagnostics.error_count();
    DocumentBuilder builder(out, diagnostics, stream);
    const bool parsed = nlohmann::json::sax_parse(bytes.begin(), bytes.end(), &builder);
    if (parsed) {
        return diagnostics.error_count() == errors_before;
    }
    if (builder.too_deep()) {
        return false;
    }
    // The parser validates UTF-8 itself; on any failure, look for bad encoding first, since
    // that explains the failure better than the token the parser stumbled on.
    if (!check_encoding(bytes, diagnostics)) {
        return false;
    }
    std::size_t offset = builder.error_position() > 0 ? builder.error_position() - 1 : 0;
    // nlohmann points at the end of the offending token; authors look for its start.
    if (offset < bytes.size() && bytes[offset] == '"' && offset > 0) {
        std::size_t open = offset - 1;
        while (open > 0 && !(bytes[open] == '"' && bytes[open - 1] != '\\')) {
            --open;
        }
        offset = open;
    } else {
        const auto word = [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                   c == '.' || c == '-' || c == '+';
        };
        while (offset > 0 && offset < bytes.size() && word(bytes[offset]) &&
               word(bytes[offset - 1])) {
            --offset;
        }
    }
    const auto [line, column] = line_and_column(bytes, offset);
    const std::string message = describe_syntax_error(builder.error_message());
    diagnostics.at_position("S001", line, column, message,
                            syntax_hint(bytes, offset, builder.error_message() + " " + message));
    return false;
}

}  // namespace deliberate::detail
