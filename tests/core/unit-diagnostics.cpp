// Diagnostic text and JSON shapes, which editors and CI scripts depend on.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "deliberate/support/diagnostic.hpp"

using namespace deliberate;

TEST_CASE("text form: file, pointer, severity, code, message, hint") {
    Diagnostics d("a.json");
    d.error("R001", "/nodes/3/next", "no node has id `ending`", "did you mean `end`?");
    d.warning("W004", "/factors/0", "factor `amount` is used by no text or condition");
    d.at_position("S001", 4, 7, "unexpected '}'");
    d.error("S002", {}, "file is too large");
    CHECK(
        format_diagnostic(d.all()[0]) ==
        "a.json:/nodes/3/next: error[R001]: no node has id `ending`\n  hint: did you mean `end`?");
    CHECK(format_diagnostic(d.all()[1]) ==
          "a.json:/factors/0: warning[W004]: factor `amount` is used by no text or condition");
    CHECK(format_diagnostic(d.all()[2]) == "a.json:4:7: error[S001]: unexpected '}'");
    CHECK(format_diagnostic(d.all()[3]) == "a.json: error[S002]: file is too large");
    CHECK(d.error_count() == 3);
}

TEST_CASE("JSON form carries every field") {
    Diagnostics d("a.json");
    d.error("R001", "/start", "no node", "hint text");
    d.at_position("S001", 2, 3, "bad");
    const auto parsed = nlohmann::json::parse(diagnostics_to_json(d.all()));
    REQUIRE(parsed.size() == 2);
    CHECK(parsed[0]["severity"] == "error");
    CHECK(parsed[0]["code"] == "R001");
    CHECK(parsed[0]["file"] == "a.json");
    CHECK(parsed[0]["pointer"] == "/start");
    CHECK(parsed[0]["hint"] == "hint text");
    CHECK(!parsed[0].contains("line"));
    CHECK(parsed[1]["line"] == 2);
    CHECK(parsed[1]["column"] == 3);
}

TEST_CASE("JSON form survives invalid UTF-8 in a message") {
    Diagnostics d("a.json");
    d.error("F005", "/id", "invalid id `\xFF`");
    const auto parsed = nlohmann::json::parse(diagnostics_to_json(d.all()));
    REQUIRE(parsed.size() == 1);
    // The stray byte becomes U+FFFD; the rest of the message is kept as it was.
    CHECK(parsed[0]["message"] == "invalid id `\xEF\xBF\xBD`");
    CHECK(parsed[0]["code"] == "F005");
}
