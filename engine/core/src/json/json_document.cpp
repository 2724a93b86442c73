// Safe parsing of untrusted JSON, by nlohmann's parser through its SAX interface: nothing here
// aborts, recurses without bound or hangs.
#include "json/json_document.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <unordered_set>
#include <vector>

#include "deliberate/scenario/loader.hpp"

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

}  // namespace

// nlohmann's SAX handler: builds the tree from the parser's events, and checks on the way
// what a tree cannot show afterwards: repeated keys and nesting depth. Knows where it is at
// every moment, so problems get the JSON pointer of their place. A container's children wait
// on a stack until it closes; then they move to the document's memory in one block, members
// sorted by key. Strings and keys are the parser's own: their characters are copied to the
// arena, which the streamed `nodes` give back one element at a time.
class DocumentBuilder final {
  public:
    using json = nlohmann::json;

    DocumentBuilder(JsonDocument& document, Diagnostics& diagnostics, NodeStream* stream)
        : document_(document), diagnostics_(diagnostics), stream_(stream) {}

    bool null() { return value(JsonValue()); }
    bool boolean(bool v) { return value(JsonValue(v)); }
    bool number_integer(json::number_integer_t v) { return value(JsonValue(std::int64_t{v})); }
    bool number_unsigned(json::number_unsigned_t v) { return value(JsonValue(std::uint64_t{v})); }
    bool number_float(json::number_float_t v, const json::string_t&) { return value(JsonValue(v)); }
    bool string(json::string_t& v) { return value(JsonValue::string(store(v))); }
    bool binary(json::binary_t&) { return true; }  // never produced by the JSON parser
    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(json::string_t& name);
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
    // Beyond this many members, an object's keys are looked up in a set, not scanned.
    static constexpr std::size_t scan_limit = 16;

    struct Frame {
        bool is_object = false;
        bool is_nodes = false;     // the root's `nodes` array, when streaming
        bool has_key = false;      // whether `key` is set yet
        bool has_repeats = false;  // whether some key came twice
        std::size_t first = 0;     // where its children start on their stack
        std::string_view key;      // the member being read, in an object
        std::unique_ptr<std::unordered_set<std::string_view>> keys;  // of a large object
    };

    bool open(bool is_object) {
        if (frames_.size() >= static_cast<std::size_t>(max_nesting_depth)) {
            diagnostics_.error(
                "S003", pointer(),
                "nesting is deeper than " + std::to_string(max_nesting_depth) + " levels",
                "no scenario needs this; is a closing bracket missing?");
            too_deep_ = true;
            return false;  // stops the parser
        }
        const bool is_nodes = stream_ != nullptr && !is_object && frames_.size() == 1 &&
                              frames_.back().is_object && frames_.back().key == "nodes";
        if (is_nodes) {
            stream_->begin_nodes(root_so_far());
            nodes_mark_ = document_.arena_.mark();
        }
        Frame& frame = frames_.emplace_back();
        frame.is_object = is_object;
        frame.is_nodes = is_nodes;
        frame.first = is_object ? members_.size() : elements_.size();
        return true;
    }

    bool close() {
        const Frame& frame = frames_.back();
        const bool is_object = frame.is_object, has_repeats = frame.has_repeats;
        const std::size_t first = frame.first;
        frames_.pop_back();
        if (!is_object) {
            const std::size_t count = elements_.size() - first;
            JsonValue* block = document_.arena_.allocate<JsonValue>(count);
            std::uninitialized_copy(elements_.begin() + static_cast<std::ptrdiff_t>(first),
                                    elements_.end(), block);
            elements_.resize(first);
            return value(JsonValue::array(block, count));
        }
        const std::size_t count = members_.size() - first;
        JsonMember* block = document_.arena_.allocate<JsonMember>(count);
        std::uninitialized_copy(members_.begin() + static_cast<std::ptrdiff_t>(first),
                                members_.end(), block);
        members_.resize(first);
        return value(JsonValue::object(block, sort_members(block, count, has_repeats)));
    }

    // Places a value where the parser is: the root, the next array element or the member
    // whose key was just read.
    bool value(JsonValue v) {
        if (frames_.empty()) {
            document_.root_ = v;
            return true;
        }
        Frame& frame = frames_.back();
        if (frame.is_object) {
            members_.push_back(JsonMember{frame.key, v});
            return true;
        }
        elements_.push_back(v);
        if (frame.is_nodes) {
            // A finished element of `nodes` goes to the stream, and its memory to the next.
            stream_->node(elements_.size() - frame.first - 1, elements_.back());
            elements_.back() = JsonValue();
            document_.arena_.release(nodes_mark_);
        }
        return true;
    }

    std::string_view store(std::string_view text) {
        char* chars = document_.arena_.allocate<char>(text.size());
        std::copy(text.begin(), text.end(), chars);
        return {chars, text.size()};
    }

    bool is_repeated(Frame& frame) {
        const std::size_t count = members_.size() - frame.first;
        if (frame.keys == nullptr && count < scan_limit) {
            return std::any_of(members_.begin() + static_cast<std::ptrdiff_t>(frame.first),
                               members_.end(),
                               [&](const JsonMember& m) { return same_key(m.key, frame.key); });
        }
        if (frame.keys == nullptr) {
            frame.keys = std::make_unique<std::unordered_set<std::string_view>>();
            for (std::size_t i = frame.first; i < members_.size(); ++i) {
                frame.keys->insert(members_[i].key);
            }
        }
        return !frame.keys->insert(frame.key).second;
    }

    // Orders members by key, as lookups expect; of a repeated key the last value stays.
    // Returns how many remain.
    static std::size_t sort_members(JsonMember* members, std::size_t count, bool has_repeats) {
        const auto by_key = [](const JsonMember& a, const JsonMember& b) {
            return key_before(a.key, b.key);
        };
        if (count > scan_limit) {
            std::stable_sort(members, members + count, by_key);
        } else {
            // Few members, often in order already: insertion sort, stable and allocation-free.
            for (std::size_t i = 1; i < count; ++i) {
                for (std::size_t j = i; j > 0 && by_key(members[j], members[j - 1]); --j) {
                    std::swap(members[j], members[j - 1]);
                }
            }
        }
        if (!has_repeats) {
            return count;
        }
        std::size_t kept = 0;
        for (std::size_t i = 0; i < count; ++i) {
            if (i + 1 < count && same_key(members[i + 1].key, members[i].key)) {
                continue;
            }
            members[kept++] = members[i];
        }
        return kept;
    }

    // The root object with the members read so far, for the stream at the start of `nodes`.
    JsonValue root_so_far() {
        const std::size_t first = frames_.front().first;
        root_members_.assign(members_.begin() + static_cast<std::ptrdiff_t>(first), members_.end());
        const std::size_t count =
            sort_members(root_members_.data(), root_members_.size(), frames_.front().has_repeats);
        return JsonValue::object(root_members_.data(), count);
    }

    std::string pointer() const {
        std::string out;
        for (const auto& frame : frames_) {
            out += '/';
            if (!frame.is_object) {
                // The element being read: the one the array gets next.
                out += std::to_string(elements_end(frame) - frame.first);
            } else if (frame.has_key) {
                out += escape_pointer_token(frame.key);
            }
        }
        return out;
    }

    // Where the children of `frame` end on their stack: at the next frame's start, when
    // that frame is on the same stack, else at the top.
    std::size_t elements_end(const Frame& frame) const {
        for (const Frame* next = &frame + 1; next <= &frames_.back(); ++next) {
            if (!next->is_object) {
                return next->first;
            }
        }
        return elements_.size();
    }

    JsonDocument& document_;
    Diagnostics& diagnostics_;
    NodeStream* stream_;
    std::vector<Frame> frames_;
    std::vector<JsonValue> elements_;  // children of the open arrays, innermost last
    std::vector<JsonMember> members_;  // children of the open objects, innermost last
    std::vector<JsonMember> root_members_;
    Arena::Mark nodes_mark_;
    bool too_deep_ = false;
    std::size_t error_position_ = 0;
    std::string error_message_;
};

bool DocumentBuilder::key(json::string_t& name) {
    Frame& frame = frames_.back();
    frame.key = store(name);
    frame.has_key = true;
    if (is_repeated(frame)) {
        frame.has_repeats = true;
        diagnostics_.error("S006", pointer(), "duplicate key `" + name + "`",
                           "an object may name each key once; remove or rename one of them");
    }
    return true;
}

namespace {

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

bool parse_json_document(std::string_view bytes, Diagnostics& diagnostics, JsonDocument& out,
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
    DocumentBuilder builder(out, diagnostics, stream);
    const std::size_t errors_before = diagnostics.error_count();
    if (nlohmann::json::sax_parse(bytes.begin(), bytes.end(), &builder)) {
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
