// Where a JSON pointer's value starts in a file's text, as line:column, for diagnostics that
// know only the pointer (the studio shows and copies the position an editor can jump to).
#pragma once

#include <string_view>

namespace deliberate {

struct TextPosition {
    int line = 0;    // 1-based; 0 when the pointer was not found
    int column = 0;  // 1-based, in bytes
    bool found() const { return line > 0; }
};

// The position of the value `pointer` ("/nodes/3/text") names in `json`; the document
// itself for "". When a segment is missing, the position of the deepest value found on the
// way, so that a diagnostic about a missing member points at the object that lacks it. Text
// that is not well-formed JSON gives what was found before the fault.
TextPosition locate_pointer(std::string_view json, std::string_view pointer);

}  // namespace deliberate
