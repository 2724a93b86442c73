// A small scanner that walks the JSON text along a pointer without building a tree: it skips
// the values beside the path, so locating is one pass over the bytes before the target.
#include "deliberate/support/json_locator.hpp"

#include <string>
#include <vector>

namespace deliberate {

namespace {

class Scanner {
  public:
    explicit Scanner(std::string_view text) : text_(text) {}

    TextPosition position_of(std::string_view pointer) {
        const std::vector<std::string> segments = split(pointer);
        skip_space();
        TextPosition best = here();
        for (const std::string& segment : segments) {
            if (!enter(segment)) {
                return best;
            }
            skip_space();
            best = here();
        }
        return best;
    }

  private:
    // "/a~1b/0" -> {"a/b", "0"}, with ~0 and ~1 unescaped.
    static std::vector<std::string> split(std::string_view pointer) {
        std::vector<std::string> out;
        std::size_t i = 0;
        while (i < pointer.size() && pointer[i] == '/') {
            std::string segment;
            for (++i; i < pointer.size() && pointer[i] != '/'; ++i) {
                if (pointer[i] == '~' && i + 1 < pointer.size()) {
                    segment += pointer[i + 1] == '1' ? '/' : '~';
                    ++i;
                } else {
                    segment += pointer[i];
                }
            }
            out.push_back(segment);
        }
        return out;
    }

    TextPosition here() const {
        TextPosition p{1, 1};
        for (std::size_t i = 0; i < pos_ && i < text_.size(); ++i) {
            if (text_[i] == '\n') {
                ++p.line;
                p.column = 1;
            } else {
                ++p.column;
            }
        }
        return p;
    }

    bool at_end() const { return pos_ >= text_.size(); }
    char peek() const { return at_end() ? '\0' : text_[pos_]; }

    void skip_space() {
        while (!at_end() && (peek() == ' ' || peek() == '\n' || peek() == '\r' || peek() == '\t')) {
            ++pos_;
        }
    }

    // Moves into the member or element `segment` of the value at pos_; false when absent.
    bool enter(const std::string& segment) {
        if (peek() == '{') {
            ++pos_;
            for (;;) {
                skip_space();
                if (peek() != '"') {
                    return false;
                }
                std::string key;
                if (!read_string(&key)) {
                    return false;
                }
                skip_space();
                if (peek() != ':') {
                    return false;
                }
                ++pos_;
                skip_space();
                if (key == segment) {
                    return true;
                }
                if (!skip_value() || !next_item('}')) {
                    return false;
                }
            }
        }
        if (peek() == '[') {
            std::size_t wanted = 0;
            for (char c : segment) {
                if (c < '0' || c > '9') {
                    return false;
                }
                wanted = wanted * 10 + static_cast<std::size_t>(c - '0');
            }
            ++pos_;
            for (std::size_t index = 0;; ++index) {
                skip_space();
                if (peek() == ']') {
                    return false;
                }
                if (index == wanted) {
                    return true;
                }
                if (!skip_value() || !next_item(']')) {
                    return false;
                }
            }
        }
        return false;
    }

    // After an item: true at a comma (consumed), false at `close` or anything else.
    bool next_item(char close) {
        skip_space();
        if (peek() == ',') {
            ++pos_;
            return true;
        }
        (void)close;
        return false;
    }

    bool read_string(std::string* out) {
        ++pos_;  // the opening quote
        while (!at_end()) {
            const char c = text_[pos_++];
            if (c == '"') {
                return true;
            }
            if (c == '\\') {
                if (at_end()) {
                    return false;
                }
                const char escaped = text_[pos_++];
                if (out != nullptr) {
                    *out += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
                }
            } else if (out != nullptr) {
                *out += c;
            }
        }
        return false;
    }

    // Skips one value; strings are skipped as a whole so brackets inside them do not count.
    bool skip_value() {
        int depth = 0;
        do {
            skip_space();
            if (at_end()) {
                return false;
            }
            const char c = peek();
            if (c == '"') {
                if (!read_string(nullptr)) {
                    return false;
                }
            } else if (c == '{' || c == '[') {
                ++depth;
                ++pos_;
            } else if (c == '}' || c == ']') {
                --depth;
                ++pos_;
            } else if (c == ',' || c == ':') {
                ++pos_;
            } else {
                while (!at_end() &&
                       std::string_view(",}] \n\r\t").find(peek()) == std::string_view::npos) {
                    ++pos_;
                }
            }
        } while (depth > 0);
        return depth == 0;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace

TextPosition locate_pointer(std::string_view json, std::string_view pointer) {
    return Scanner(json).position_of(pointer);
}

}  // namespace deliberate
