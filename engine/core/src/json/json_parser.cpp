// A strict JSON reader for the common case; see json_parser.hpp. It follows RFC 8259 as
// nlohmann's parser does, down to which numbers are whole and how escapes decode.
#include "json/json_parser.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace deliberate::detail {

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

namespace {

// What a byte means to the scanning loops, looked up rather than compared one by one.
struct ByteClasses {
    bool whitespace[256] = {};
    bool ends_plain_text[256] = {};  // in a string: a quote, a backslash, a control character
                                     // or the start of a multi-byte character
};

constexpr ByteClasses byte_classes = [] {
    ByteClasses classes;
    for (const char c : {' ', '\t', '\n', '\r'}) {
        classes.whitespace[static_cast<unsigned char>(c)] = true;
    }
    for (int c = 0; c < 256; ++c) {
        classes.ends_plain_text[c] = c < 0x20 || c >= 0x80 || c == '"' || c == '\\';
    }
    return classes;
}();

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
    const auto put = [&](std::uint32_t byte) { out += static_cast<char>(byte); };
    if (code_point < 0x80) {
        put(code_point);
    } else if (code_point < 0x800) {
        put(0xC0 | (code_point >> 6));
        put(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        put(0xE0 | (code_point >> 12));
        put(0x80 | ((code_point >> 6) & 0x3F));
        put(0x80 | (code_point & 0x3F));
    } else {
        put(0xF0 | (code_point >> 18));
        put(0x80 | ((code_point >> 12) & 0x3F));
        put(0x80 | ((code_point >> 6) & 0x3F));
        put(0x80 | (code_point & 0x3F));
    }
}

class Reader {
  public:
    Reader(std::string_view bytes, Arena& arena, JsonEvents& events)
        : bytes_(bytes),
          p_(bytes.data()),
          end_(bytes.data() + bytes.size()),
          arena_(arena),
          events_(events) {}

    JsonReading run();

  private:
    void skip_whitespace() {
        while (p_ != end_ && byte_classes.whitespace[static_cast<unsigned char>(*p_)]) {
            ++p_;
        }
    }
    bool at(char c) const { return p_ != end_ && *p_ == c; }
    // One or more digits, skipped; false (nothing skipped) when none is next.
    bool digits() {
        if (p_ == end_ || !is_digit(*p_)) {
            return false;
        }
        while (p_ != end_ && is_digit(*p_)) {
            ++p_;
        }
        return true;
    }

    bool key();
    bool scalar(JsonValue& out);
    bool literal(std::string_view word);
    bool number(JsonValue& out);
    bool string(std::string_view& out);
    bool decode_string(const char* start, std::string_view& out);
    bool escape();
    int hex4();

    std::string_view bytes_;
    const char* p_;
    const char* end_;
    Arena& arena_;
    JsonEvents& events_;
    std::string decoded_;  // a string with escapes, while it is decoded
};

JsonReading Reader::run() {
    std::vector<char> in_object;  // for each open container, innermost last: an object?
    skip_whitespace();
    for (;;) {
        // A value is due.
        if (p_ == end_) {
            return JsonReading::refused;
        }
        if (*p_ == '{' || *p_ == '[') {
            const bool is_object = *p_ == '{';
            ++p_;
            if (!events_.open(is_object)) {
                return JsonReading::stopped;
            }
            in_object.push_back(is_object ? 1 : 0);
            skip_whitespace();
            if (!at(is_object ? '}' : ']')) {
                if (is_object && !key()) {
                    return JsonReading::refused;
                }
                continue;
            }
            ++p_;
            in_object.pop_back();
            events_.close();
        } else {
            JsonValue value;
            if (!scalar(value)) {
                return JsonReading::refused;
            }
            events_.value(value);
        }
        // A value is complete; the next one, or the ends of containers, follow.
        for (;;) {
            skip_whitespace();
            if (in_object.empty()) {
                // nlohmann's parser takes a NUL byte for the end of the input.
                return p_ == end_ || *p_ == '\0' ? JsonReading::accepted : JsonReading::refused;
            }
            const bool is_object = in_object.back() != 0;
            if (at(',')) {
                ++p_;
                skip_whitespace();
                if (is_object && !key()) {
                    return JsonReading::refused;
                }
                break;
            }
            if (!at(is_object ? '}' : ']')) {
                return JsonReading::refused;
            }
            ++p_;
            in_object.pop_back();
            events_.close();
        }
    }
}

// `"key":` and the whitespace after it.
bool Reader::key() {
    std::string_view name;
    if (!at('"') || !string(name)) {
        return false;
    }
    events_.member(name);
    skip_whitespace();
    if (!at(':')) {
        return false;
    }
    ++p_;
    skip_whitespace();
    return true;
}

bool Reader::scalar(JsonValue& out) {
    switch (*p_) {
        case '"': {
            std::string_view text;
            if (!string(text)) {
                return false;
            }
            out = JsonValue::string(text);
            return true;
        }
        case 't':
            out = JsonValue(true);
            return literal("true");
        case 'f':
            out = JsonValue(false);
            return literal("false");
        case 'n':
            out = JsonValue();
            return literal("null");
        default:
            return number(out);
    }
}

bool Reader::literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word) {
        return false;
    }
    p_ += word.size();
    return true;
}

bool Reader::number(JsonValue& out) {
    const char* start = p_;
    const bool negative = at('-');
    if (negative) {
        ++p_;
    }
    if (at('0')) {
        ++p_;
    } else if (!digits()) {
        return false;
    }
    bool whole = true;
    if (at('.')) {
        ++p_;
        if (!digits()) {
            return false;
        }
        whole = false;
    }
    if (at('e') || at('E')) {
        ++p_;
        if (at('+') || at('-')) {
            ++p_;
        }
        if (!digits()) {
            return false;
        }
        whole = false;
    }
    // As nlohmann does: whole numbers that fit 64 bits stay whole; the rest are doubles.
    if (whole && negative) {
        std::int64_t value = 0;
        if (std::from_chars(start, p_, value).ec == std::errc()) {
            out = JsonValue(value);
            return true;
        }
    } else if (whole) {
        std::uint64_t value = 0;
        if (std::from_chars(start, p_, value).ec == std::errc()) {
            out = JsonValue(value);
            return true;
        }
    }
    // Out of range (overflow, or underflow that nlohmann rounds to zero) is left to nlohmann.
    double value = 0;
    const auto [end, error] = std::from_chars(start, p_, value);
    if (error != std::errc() || end != p_ || !std::isfinite(value)) {
        return false;
    }
    out = JsonValue(value);
    return true;
}

bool Reader::string(std::string_view& out) {
    ++p_;  // the opening quote
    const char* start = p_;
    for (;;) {
        while (p_ != end_ && !byte_classes.ends_plain_text[static_cast<unsigned char>(*p_)]) {
            ++p_;
        }
        if (p_ == end_) {
            return false;
        }
        const auto c = static_cast<unsigned char>(*p_);
        if (c == '"') {
            out = std::string_view(start, static_cast<std::size_t>(p_ - start));
            ++p_;
            return true;
        }
        if (c == '\\') {
            return decode_string(start, out);
        }
        if (c < 0x20) {
            return false;  // control characters are written escaped
        }
        const std::size_t length =
            utf8_sequence_length(bytes_, static_cast<std::size_t>(p_ - bytes_.data()));
        if (length == 0) {
            return false;
        }
        p_ += length;
    }
}

// The rest of a string that has escapes, from the first one on; its decoded text goes to
// the arena.
bool Reader::decode_string(const char* start, std::string_view& out) {
    decoded_.assign(start, p_);
    while (p_ != end_) {
        const auto c = static_cast<unsigned char>(*p_);
        if (c == '"') {
            ++p_;
            char* kept = arena_.allocate<char>(decoded_.size());
            std::copy(decoded_.begin(), decoded_.end(), kept);
            out = std::string_view(kept, decoded_.size());
            return true;
        }
        if (c == '\\') {
            if (!escape()) {
                return false;
            }
            continue;
        }
        if (c < 0x20) {
            return false;
        }
        std::size_t length = 1;
        if (c >= 0x80) {
            length = utf8_sequence_length(bytes_, static_cast<std::size_t>(p_ - bytes_.data()));
            if (length == 0) {
                return false;
            }
        }
        decoded_.append(p_, length);
        p_ += length;
    }
    return false;
}

// One escape, at its backslash.
bool Reader::escape() {
    ++p_;
    if (p_ == end_) {
        return false;
    }
    const char c = *p_++;
    switch (c) {
        case '"':
        case '\\':
        case '/':
            decoded_ += c;
            return true;
        case 'b':
            decoded_ += '\b';
            return true;
        case 'f':
            decoded_ += '\f';
            return true;
        case 'n':
            decoded_ += '\n';
            return true;
        case 'r':
            decoded_ += '\r';
            return true;
        case 't':
            decoded_ += '\t';
            return true;
        case 'u':
            break;
        default:
            return false;
    }
    const int first = hex4();
    if (first < 0 || (first >= 0xDC00 && first <= 0xDFFF)) {
        return false;  // no code point, or the second half of a pair alone
    }
    if (first < 0xD800 || first > 0xDBFF) {
        append_utf8(decoded_, static_cast<std::uint32_t>(first));
        return true;
    }
    // The first half of a surrogate pair: the second must follow at once.
    if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') {
        return false;
    }
    p_ += 2;
    const int second = hex4();
    if (second < 0xDC00 || second > 0xDFFF) {
        return false;
    }
    append_utf8(decoded_, 0x10000 + ((static_cast<std::uint32_t>(first) - 0xD800) << 10) +
                              (static_cast<std::uint32_t>(second) - 0xDC00));
    return true;
}

// Four hex digits as a number, or -1.
int Reader::hex4() {
    if (end_ - p_ < 4) {
        return -1;
    }
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hex_digit(*p_++);
        if (digit < 0) {
            return -1;
        }
        value = value * 16 + digit;
    }
    return value;
}

}  // namespace

JsonReading read_json(std::string_view bytes, Arena& arena, JsonEvents& events) {
    return Reader(bytes, arena, events).run();
}

}  // namespace deliberate::detail
