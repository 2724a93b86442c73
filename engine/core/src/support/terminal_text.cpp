// Showing untrusted text on a terminal without letting it steer the terminal.
#include "deliberate/support/terminal_text.hpp"

#include <cstdint>
#include <cstdio>

namespace deliberate {

namespace {

// One step through UTF-8: the code point at `at` and its length in bytes, or length 0 when
// the bytes there are not a valid, shortest-form encoding.
struct Decoded {
    std::uint32_t code = 0;
    std::size_t length = 0;
};

Decoded decode_at(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) {
        return {lead, 1};
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    std::uint32_t least = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, code = lead & 0x1Fu, least = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, code = lead & 0x0Fu, least = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, code = lead & 0x07u, least = 0x10000;
    } else {
        return {};
    }
    if (at + length > text.size()) {
        return {};
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0u) != 0x80u) {
            return {};
        }
        code = code << 6 | (byte(at + i) & 0x3Fu);
    }
    if (code < least || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return {};
    }
    return {code, length};
}

bool is_bidi_override(std::uint32_t code) {
    return (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

// A single byte as the terminal is shown it: `\x1b`.
std::string byte_escape(unsigned byte) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "\\x%02x", byte & 0xFFu);
    return buffer;
}

// How a decoded character is shown: empty when it passes unchanged.
std::string escape_of(const Decoded& d) {
    char buffer[12];
    if (d.length == 1 && ((d.code < 0x20 && d.code != '\n' && d.code != '\t') || d.code == 0x7F)) {
        return byte_escape(d.code);
    }
    if ((d.code >= 0x80 && d.code <= 0x9F) || is_bidi_override(d.code)) {
        std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(d.code));
        return buffer;
    }
    return {};
}

UnsafeKind kind_of(const Decoded& d) {
    return d.code == 0x1B || (d.code >= 0x80 && d.code <= 0x9F) ? UnsafeKind::steering
                                                                : UnsafeKind::hidden;
}

}  // namespace

std::string for_terminal(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const Decoded d = decode_at(text, at);
        if (d.length == 0) {
            out += byte_escape(static_cast<unsigned char>(text[at]));
            ++at;
            continue;
        }
        const std::string escape = escape_of(d);
        if (escape.empty()) {
            out.append(text.substr(at, d.length));
        } else {
            out += escape;
        }
        at += d.length;
    }
    return out;
}

std::string escape_unsafe_characters(std::string_view text, std::string (*escape)(unsigned code)) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const Decoded d = decode_at(text, at);
        if (d.length == 0) {
            out += escape(0xFFFD);
            ++at;
        } else if (!escape_of(d).empty()) {
            out += escape(d.code);
            at += d.length;
        } else {
            out.append(text.substr(at, d.length));
            at += d.length;
        }
    }
    return out;
}

std::optional<UnsafeCharacter> find_unsafe_character(std::string_view text) {
    std::optional<UnsafeCharacter> first_hidden;
    std::size_t at = 0;
    while (at < text.size()) {
        const Decoded d = decode_at(text, at);
        if (d.length == 0) {
            // Bytes that are not UTF-8 (a raw C1 byte among them) could steer a terminal.
            return UnsafeCharacter{UnsafeKind::steering, at,
                                   byte_escape(static_cast<unsigned char>(text[at]))};
        }
        const std::string escape = escape_of(d);
        if (!escape.empty()) {
            const UnsafeCharacter found{kind_of(d), at, escape};
            if (found.kind == UnsafeKind::steering) {
                return found;
            }
            if (!first_hidden) {
                first_hidden = found;
            }
        }
        at += d.length;
    }
    return first_hidden;
}

TerminalFilterBuffer::~TerminalFilterBuffer() {
    const std::string shown = for_terminal(pending_);
    target_->sputn(shown.data(), static_cast<std::streamsize>(shown.size()));
    target_->pubsync();
}

TerminalFilterBuffer::int_type TerminalFilterBuffer::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) {
        return traits_type::not_eof(c);
    }
    pending_ += traits_type::to_char_type(c);
    if (pending_.back() == '\n') {
        pass_on(false);
    }
    return c;
}

std::streamsize TerminalFilterBuffer::xsputn(const char* s, std::streamsize n) {
    pending_.append(s, static_cast<std::size_t>(n));
    if (pending_.find('\n') != std::string::npos) {
        pass_on(false);
    }
    return n;
}

int TerminalFilterBuffer::sync() {
    pass_on(true);
    return target_->pubsync();
}

void TerminalFilterBuffer::pass_on(bool everything) {
    std::size_t end = everything ? pending_.size() : pending_.rfind('\n') + 1;
    if (everything) {
        // Keep back the start of a character whose remaining bytes come with the next write.
        for (std::size_t back = 1; back <= 3 && back <= end; ++back) {
            const auto byte = static_cast<unsigned char>(pending_[end - back]);
            if ((byte & 0xC0u) == 0xC0u) {
                const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
                if (length > back) {
                    end -= back;
                }
                break;
            }
            if ((byte & 0xC0u) != 0x80u) {
                break;
            }
        }
    }
    const std::string shown = for_terminal(std::string_view(pending_).substr(0, end));
    target_->sputn(shown.data(), static_cast<std::streamsize>(shown.size()));
    pending_.erase(0, end);
}

TerminalFilterScope::TerminalFilterScope(std::ostream& stream)
    : stream_(stream), original_(stream.rdbuf()), buffer_(original_) {
    stream_.rdbuf(&buffer_);
}

TerminalFilterScope::~TerminalFilterScope() {
    stream_.flush();
    stream_.rdbuf(original_);
}

std::string without_unsafe_characters(std::string_view text) {
    return escape_unsafe_characters(text, [](unsigned) { return std::string(" "); });
}

}  // namespace deliberate
