// Reading a typed answer: see typed_answer.hpp.
#include "typed_answer.hpp"

#include <algorithm>
#include <cctype>

namespace deliberate::app {

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos) {
        return "";
    }
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

bool parse_numbers(const std::string& line, std::size_t count, std::vector<std::size_t>& out,
                   const MessageCatalogue& text, std::string& error) {
    std::string token;
    const auto flush = [&]() {
        if (token.empty()) {
            return true;
        }
        const bool digits =
            std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits) {
            error = text.format("play.error.not_number", {token});
            return false;
        }
        const std::size_t n = token.size() > 6 ? 0 : std::stoul(token);
        if (n < 1 || n > count) {
            error = text.format("play.error.number_range", {std::to_string(count)});
            return false;
        }
        if (std::find(out.begin(), out.end(), n - 1) != out.end()) {
            error = text.format("play.error.repeated", {token});
            return false;
        }
        out.push_back(n - 1);
        token.clear();
        return true;
    };
    for (const char c : line) {
        if (c == ',' || c == ' ' || c == '\t' || c == ';') {
            if (!flush()) {
                return false;
            }
        } else {
            token += c;
        }
    }
    return flush();
}

std::optional<bool> parse_yes_no(std::string word) {
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // Both languages' words, whatever the session language: people mix them.
    for (const char* yes : {"y", "yes", "j", "ja"}) {
        if (word == yes) {
            return true;
        }
    }
    for (const char* no : {"n", "no", "nee"}) {
        if (word == no) {
            return false;
        }
    }
    return std::nullopt;
}

}  // namespace deliberate::app
