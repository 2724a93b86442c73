// Turning raw bytes into a JSON tree safely: size, encoding, nesting and duplicate keys are
// checked here, before or while the tree is built, and syntax errors get line:column.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "deliberate/diagnostic.hpp"

namespace deliberate::detail {

// Returns true and fills `out` when `bytes` are one well-formed document within the limits;
// otherwise reports every problem it can find to `diagnostics` and returns false.
bool parse_json_document(std::string_view bytes, Diagnostics& diagnostics, nlohmann::json& out);

// 1-based line and column (in characters) of a byte offset.
std::pair<int, int> line_and_column(std::string_view bytes, std::size_t offset);

// RFC 6901 escaping of one reference token.
std::string escape_pointer_token(std::string_view token);

}  // namespace deliberate::detail
