// A scan of JSON that follows its structure only far enough to know each string's pointer and
// byte span; nlohmann/json, the one parser, still decides whether the result is valid JSON.
#include "json_spans.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace deliberate {

std::string pointer_token(const std::string& key) {
    std::string out;
    for (const char c : key) {
        out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    }
    return out;
}

namespace {

struct Scanner {
    std::string_view text;
    std::size_t pos = 0;
    int depth = 0;
    std::map<std::string, StringSpan> spans;

    void skip_space() {
        while (pos < text.size() &&
               (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\r' || text[pos] == '\t')) {
            ++pos;
        }
    }
    char peek() {
        skip_space();
        if (pos >= text.size()) {
            throw std::invalid_argument("unexpected end");
        }
        return text[pos];
    }
    void expect(char c) {
        if (peek() != c) {
            throw std::invalid_argument(std::string("`") + c + "` expected at byte " +
                                        std::to_string(pos));
        }
        ++pos;
    }
    // Skips a string token and returns its decoded value.
    std::string string_token() {
        const std::size_t begin = pos;
        expect('"');
        while (pos < text.size() && text[pos] != '"') {
            pos += text[pos] == '\\' ? 2 : 1;
        }
        expect('"');
        return nlohmann::json::parse(text.substr(begin, pos - begin)).get<std::string>();
    }
    void value(const std::string& pointer, std::size_t key_begin) {
        if (++depth > 256) {
            throw std::invalid_argument("nested too deep");
        }
        const char c = peek();
        if (c == '"') {
            const std::size_t begin = pos;
            string_token();
            spans[pointer] = {key_begin == std::string::npos ? begin : key_begin, begin, pos};
        } else if (c == '{') {
            object(pointer);
        } else if (c == '[') {
            array(pointer);
        } else {
            while (pos < text.size() &&
                   std::string_view(",]} \n\r\t").find(text[pos]) == std::string_view::npos) {
                ++pos;
            }
        }
        --depth;
    }
    void object(const std::string& pointer) {
        expect('{');
        if (peek() == '}') {
            ++pos;
            return;
        }
        while (true) {
            peek();
            const std::size_t key_begin = pos;
            const std::string key = string_token();
            expect(':');
            value(pointer + "/" + pointer_token(key), key_begin);
            if (peek() == ',') {
                ++pos;
                continue;
            }
            expect('}');
            return;
        }
    }
    void array(const std::string& pointer) {
        expect('[');
        if (peek() == ']') {
            ++pos;
            return;
        }
        for (std::size_t i = 0;; ++i) {
            value(pointer + "/" + std::to_string(i), std::string::npos);
            if (peek() == ',') {
                ++pos;
                continue;
            }
            expect(']');
            return;
        }
    }
};

}  // namespace

std::optional<std::map<std::string, StringSpan>> string_spans(std::string_view json,
                                                              std::string& error) {
    Scanner scanner{json, 0, 0, {}};
    try {
        scanner.value("", std::string::npos);
    } catch (const std::exception& e) {
        error = e.what();
        return std::nullopt;
    }
    return std::move(scanner.spans);
}

std::string json_quote(std::string_view text) {
    return nlohmann::json(std::string(text))
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

}  // namespace deliberate
