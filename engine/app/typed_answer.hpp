// What a line typed at the terminal player's prompt means: numbers picked from a list, yes or
// no, with the surrounding blanks ignored. Kept apart from the player so it reads as a loop.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "deliberate/support/message_catalogue.hpp"

namespace deliberate::app {

// The line without the spaces, tabs and carriage returns around it.
std::string trim(const std::string& s);

// Numbers 1..count separated by commas, semicolons or spaces, as 0-based positions in the
// order typed; `error` says what is wrong otherwise (not a number, out of range, repeated).
bool parse_numbers(const std::string& line, std::size_t count, std::vector<std::size_t>& out,
                   const MessageCatalogue& text, std::string& error);

// y, yes, j, ja or n, no, nee in any case, whatever the session's language; nothing else.
std::optional<bool> parse_yes_no(std::string word);

}  // namespace deliberate::app
