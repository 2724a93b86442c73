// Untrusted text on a terminal: every steering or hiding character shown, never acted on; and
// the validator reporting such characters in a scenario's texts.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "deliberate/support/terminal_text.hpp"
#include "test_support.hpp"

using namespace deliberate;

TEST_CASE("for_terminal shows escapes and controls instead of sending them") {
    // OSC 52 (clipboard), OSC 0 (title), erase-line and carriage return to fake a line.
    CHECK(for_terminal("\x1b]52;c;ZXZpbA==\x07") == "\\x1b]52;c;ZXZpbA==\\x07");
    CHECK(for_terminal("\x1b]0;owned\x1b\\") == "\\x1b]0;owned\\x1b\\");
    CHECK(for_terminal("x\x1b[2K\rall answers saved") == "x\\x1b[2K\\x0dall answers saved");
    CHECK(for_terminal(std::string("a\0b", 3)) == "a\\x00b");
    CHECK(for_terminal("del\x7f") == "del\\x7f");
    // Newline and tab are layout, and pass.
    CHECK(for_terminal("one\ntwo\tthree") == "one\ntwo\tthree");
}

TEST_CASE("for_terminal shows C1 controls, bidi overrides and broken UTF-8") {
    CHECK(for_terminal("\xc2\x9b"
                       "2K") == "\\u009b2K");  // CSI as a UTF-8 C1 control
    CHECK(for_terminal("\x9b"
                       "2K") == "\\x9b2K");  // a raw C1 byte, not UTF-8
    CHECK(for_terminal("abc\xe2\x80\xae"
                       "fdp.exe") == "abc\\u202efdp.exe");
    CHECK(for_terminal("\xe2\x81\xa6x\xe2\x81\xa9") == "\\u2066x\\u2069");
    CHECK(for_terminal("\xc3(") == "\\xc3(");                  // a lead byte without its follower
    CHECK(for_terminal("\xc0\xaf") == "\\xc0\\xaf");           // an overlong '/'
    CHECK(for_terminal("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a UTF-16 surrogate
    // Ordinary text in any script passes unchanged.
    CHECK(for_terminal("Één café — 日本語 😀") == "Één café — 日本語 😀");
}

TEST_CASE("find_unsafe_character ranks what steers a terminal above what hides text") {
    CHECK_FALSE(find_unsafe_character("plain\ttext\n"));
    const auto bidi = find_unsafe_character(
        "ab\xe2\x80\xae"
        "c");
    REQUIRE(bidi);
    CHECK(bidi->kind == UnsafeKind::hidden);
    CHECK(bidi->offset == 2);
    CHECK(bidi->shown == "\\u202e");
    const auto esc = find_unsafe_character("\x07 then \x1b[2K");
    REQUIRE(esc);
    CHECK(esc->kind == UnsafeKind::steering);
    CHECK(esc->shown == "\\x1b");
    CHECK(find_unsafe_character("\xc2\x85")->kind == UnsafeKind::steering);
    CHECK(find_unsafe_character("\x7f")->kind == UnsafeKind::hidden);
}

TEST_CASE("a filtered stream shows what passes through it, even split across writes") {
    std::ostringstream target;
    {
        std::ostream out(target.rdbuf());
        const TerminalFilterScope filter(out);
        out << "title: \x1b]0;"
            << "owned\x07\n";
        out << "caf\xc3" << std::flush << "\xa9 \xe2\x80"
            << "\xae!" << std::flush;
        out << "\x1b";
    }
    CHECK(target.str() == "title: \\x1b]0;owned\\x07\ncafé \\u202e!\\x1b");
}

TEST_CASE("escape_unsafe_characters writes them in a file format's own way") {
    const auto entity = [](unsigned code) { return "&#" + std::to_string(code) + ";"; };
    CHECK(escape_unsafe_characters("a\x1b"
                                   "b\xe2\x80\xae\n\xff",
                                   +entity) == "a&#27;b&#8238;\n&#65533;");
}

TEST_CASE("the validator reports control characters in texts with their pointer") {
    const std::string scenario =
        R"({"format": "deliberate/scenario@1", "id": "s", "version": "1.0.0",
      "languages": ["en"], "title": "Title\u001b]52;c;ZXZpbA==\u0007", "summary": "S",
      "model": "mini", "start": "a",
      "nodes": [{"id": "a", "kind": "ending", "outcome": "O\u202e", "text": "T\u009b2K",
                 "debrief": "D\u007f", "discussion": ["fine"]}]})";
    const auto loaded = test::load(scenario);
    CHECK_FALSE(loaded.ok());
    CHECK(test::lines(loaded.diagnostics) ==
          "test.json:/title: error[T003]: the text holds the control character `\\x1b` at byte 5, "
          "which can take over a terminal\n"
          "  hint: remove it; texts are plain, their layout is the program's\n"
          "test.json:/nodes/0/text: error[T003]: the text holds the control character "
          "`\\u009b` at byte 1, which can take over a terminal\n"
          "  hint: remove it; texts are plain, their layout is the program's\n"
          "test.json:/nodes/0/outcome: warning[W010]: the text holds the invisible character "
          "`\\u202e` at byte 1, which can hide or reorder what it says\n"
          "  hint: remove it, or write the text so that it needs none\n"
          "test.json:/nodes/0/debrief: warning[W010]: the text holds the invisible character "
          "`\\x7f` at byte 1, which can hide or reorder what it says\n"
          "  hint: remove it, or write the text so that it needs none\n");
}

TEST_CASE("validate's JSON writes every control and bidi character as an escape") {
    Diagnostic d;
    d.code = "F005";
    d.file = "x.json";
    d.message = "invalid id `a\x1b]0;t\x07\x7f\xc2\x9b\xe2\x80\xae\xe2\x81\xa9` é";
    const std::string json = diagnostics_to_json({d});
    CHECK(json.find("`a\\u001b]0;t\\u0007\\u007f\\u009b\\u202e\\u2069` é") != std::string::npos);
    CHECK(json.find('\x1b') == std::string::npos);
}

TEST_CASE("plain strings such as an asset's path are checked like texts") {
    const auto loaded = test::load(
        R"({"format": "deliberate/scenario@1", "id": "s", "version": "1.0.0",
      "languages": ["en"], "title": "T", "summary": "S", "model": "mini", "start": "a",
      "nodes": [{"id": "a", "kind": "ending", "image": "x\u001b]0;t\u0007.png", "outcome": "O",
                 "text": "T", "debrief": "D", "discussion": ["fine"]}]})");
    const auto codes = test::codes(loaded.diagnostics);
    CHECK(std::find(codes.begin(), codes.end(), "T003") != codes.end());
    CHECK(test::lines(loaded.diagnostics).find("test.json:/nodes/0/image: error[T003]") !=
          std::string::npos);
}
