// Turning raw bytes into a JSON tree safely. One parser reads them: nlohmann's, through its
// SAX interface. Size, encoding, nesting and duplicate keys are checked here, before or while
// the tree is built, and syntax errors get line:column.
#pragma once

#include <string>
#include <string_view>

#include "deliberate/support/diagnostic.hpp"
#include "json/arena.hpp"
#include "json/json_value.hpp"

namespace deliberate::detail {

// A parsed document: its root value and the memory that holds its strings and children. It
// owns everything it points to: the parsed bytes may go.
class JsonDocument {
  public:
    const JsonValue& root() const { return root_; }

  private:
    friend class DocumentBuilder;
    Arena arena_;
    JsonValue root_;
};

// Receives the elements of the root object's `nodes` array one at a time while the document
// is parsed, so a large scenario never exists as a whole JSON tree (memory stays near the
// size of the loaded scenario, not the tree's many times the file).
class NodeStream {
  public:
    virtual ~NodeStream() = default;
    // The parser has reached the root's `nodes` array; `root` holds the members read so far.
    virtual void begin_nodes(const JsonValue& root) = 0;
    // One complete element of `nodes`; it is discarded (set to null) afterwards.
    virtual void node(std::size_t index, const JsonValue& element) = 0;
};

// Returns true and fills `out` when `bytes` are one well-formed document within the limits;
// otherwise reports every problem it can find to `diagnostics` and returns false. With a
// stream, the elements of the root's `nodes` array go to it and are null in `out`. The stream
// sees the nodes as they are parsed, so it may have seen some when a syntax error further on
// makes the document fail: what it made of them is then void.
bool parse_json_document(std::string_view bytes, Diagnostics& diagnostics, JsonDocument& out,
                         NodeStream* stream = nullptr);

// 1-based line and column (in characters) of a byte offset.
std::pair<int, int> line_and_column(std::string_view bytes, std::size_t offset);

// RFC 6901 escaping of one reference token.
std::string escape_pointer_token(std::string_view token);

}  // namespace deliberate::detail
