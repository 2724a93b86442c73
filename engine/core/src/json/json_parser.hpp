// A fast, strict JSON reader. It accepts exactly the documents nlohmann's parser accepts (or,
// on a few rare inputs, fewer) and reports the same events, but says nothing about why it
// refuses a document: parse_json_document asks nlohmann's parser for that.
#pragma once

#include <cstddef>
#include <string_view>

#include "json/arena.hpp"
#include "json/json_value.hpp"

namespace deliberate::detail {

// What the reader meets, in document order.
class JsonEvents {
  public:
    // `{` or `[`; false stops the reading.
    virtual bool open(bool is_object) = 0;
    // `}` or `]`.
    virtual void close() = 0;
    // The key of the member whose value comes next.
    virtual void member(std::string_view key) = 0;
    // A scalar, or a string (whose characters stay valid as long as the bytes and the arena).
    virtual void value(JsonValue scalar) = 0;

  protected:
    ~JsonEvents() = default;
};

enum class JsonReading { accepted, stopped, refused };

// Reads `bytes` as one JSON document. Strings are views into `bytes`, or into `arena` where
// escapes had to be decoded.
JsonReading read_json(std::string_view bytes, Arena& arena, JsonEvents& events);

// Length of the valid UTF-8 sequence at `i`, or 0 when it is invalid (overlongs, surrogates
// and code points above U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

}  // namespace deliberate::detail
