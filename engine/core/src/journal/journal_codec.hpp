// Decoding one journal line; encoding is declared in deliberate/journal.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "deliberate/journal/journal.hpp"

namespace deliberate {

// Exactly one of header and event is set when the line is intact; else `reason` says why not.
struct DecodedLine {
    std::uint64_t seq = 0;
    std::optional<JournalHeader> header;
    std::optional<JournalEvent> event;
    std::string reason;
};

DecodedLine decode_journal_line(std::string_view line);

}  // namespace deliberate
