// Where each string value of a JSON text lies, by JSON pointer, so that an edit can replace
// those bytes and leave every other byte of the file as it was.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace deliberate {

struct StringSpan {
    std::size_t key_begin = 0;    // the member's key (its opening quote), or the value's start
    std::size_t value_begin = 0;  // the value's opening quote
    std::size_t value_end = 0;    // just after its closing quote
};

// String values by pointer ("/nodes/0/title/nl"). std::nullopt with `error` when the text is
// not JSON that the scan can follow.
std::optional<std::map<std::string, StringSpan>> string_spans(std::string_view json,
                                                              std::string& error);

// A member name as a JSON pointer writes it: `~` as ~0, `/` as ~1.
std::string pointer_token(const std::string& key);

// `text` as a JSON string literal, quotes included; non-ASCII kept as UTF-8.
std::string json_quote(std::string_view text);

}  // namespace deliberate
