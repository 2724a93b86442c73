// Untrusted text (a scenario's, a journal's) made safe to print on a terminal: control
// characters and bidi overrides shown as visible escapes instead of acting on the terminal.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace deliberate {

// `text` with every byte or character that could steer a terminal written out visibly:
// C0 controls other than newline and tab, DEL and raw bytes that are not UTF-8 as `\xNN`
// (ESC becomes `\x1b`), C1 controls and the bidi overrides U+202A-U+202E and U+2066-U+2069
// as `\uNNNN`. Everything else, printable UTF-8 included, passes unchanged.
std::string for_terminal(std::string_view text);

// The same characters as for_terminal escapes, written as `escape` returns them, for a file
// format with escapes of its own (a DOT or Mermaid label); a byte that is not UTF-8 is passed
// as U+FFFD.
std::string escape_unsafe_characters(std::string_view text, std::string (*escape)(unsigned code));

// `text` with each character for_terminal would escape replaced by a space (a byte that is
// not UTF-8 by U+FFFD): for text that is kept, such as an answer typed on a phone, where a
// visible escape would only puzzle its readers.
std::string without_unsafe_characters(std::string_view text);

// How dangerous a character found in a text is: `steering` characters (ESC, C1 controls)
// can take over a terminal; `hidden` ones (other C0 controls, DEL, bidi overrides) can make
// text read differently from what it says.
enum class UnsafeKind { steering, hidden };

struct UnsafeCharacter {
    UnsafeKind kind = UnsafeKind::hidden;
    std::size_t offset = 0;  // byte offset in the text
    std::string shown;       // the character as for_terminal writes it, e.g. `\x1b`
};

// The most dangerous unsafe character in `text` (the first steering one, else the first
// hidden one); nothing for text that for_terminal leaves unchanged. Newline and tab are fine;
// bytes that are not UTF-8 count as steering.
std::optional<UnsafeCharacter> find_unsafe_character(std::string_view text);

// A stream buffer that passes everything written through it to `target` via for_terminal,
// a line at a time: a player that prints a scenario's texts in many places stays safe
// without each place remembering to filter. Swap it into std::cout with TerminalFilterScope.
class TerminalFilterBuffer : public std::streambuf {
  public:
    explicit TerminalFilterBuffer(std::streambuf* target) : target_(target) {}
    ~TerminalFilterBuffer() override;
    TerminalFilterBuffer(const TerminalFilterBuffer&) = delete;
    TerminalFilterBuffer& operator=(const TerminalFilterBuffer&) = delete;

  protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

  private:
    // Writes the filtered complete lines (all of it when `everything`), keeping back a
    // character whose UTF-8 bytes have not all arrived yet.
    void pass_on(bool everything);

    std::streambuf* target_;
    std::string pending_;
};

// Filters `stream` through a TerminalFilterBuffer while the scope lasts.
class TerminalFilterScope {
  public:
    explicit TerminalFilterScope(std::ostream& stream);
    ~TerminalFilterScope();
    TerminalFilterScope(const TerminalFilterScope&) = delete;
    TerminalFilterScope& operator=(const TerminalFilterScope&) = delete;

  private:
    std::ostream& stream_;
    std::streambuf* original_;
    TerminalFilterBuffer buffer_;
};

}  // namespace deliberate
