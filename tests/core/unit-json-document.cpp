// Safe parsing: limits, encoding, duplicate keys and syntax errors with line:column; and
// that what JSON allows reads as JSON says, however it is written.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace deliberate;

namespace {
std::vector<Diagnostic> model_diagnostics(const std::string& bytes) {
    return load_model_text(bytes, "m.json").diagnostics;
}

// A clean scenario, with its title and the amount its first option adds to a variable
// written as given.
std::string scenario_with(const std::string& title, const std::string& amount) {
    return R"({"format": "deliberate/scenario@1", "id": "s", "version": "1.0.0",
      "languages": ["en"], "title": ")" +
           title + R"(", "summary": "S", "model": "mini", "start": "a",
      "variables": {"trust": 0},
      "nodes": [
        {"id": "a", "kind": "dilemma", "text": "T", "question": "Q",
         "options": [{"id": "x", "label": "X", "arguments": {"for": ["f"]},
                      "effects": [{"set": "trust", "add": )" +
           amount + R"(}], "next": "z"},
                     {"id": "y", "label": "Y", "next": "z"}]},
        {"id": "z", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D",
         "discussion": ["?"]}]})";
}
}  // namespace

TEST_CASE("syntax errors give line and column and a hint") {
    const auto d =
        model_diagnostics("{\n  \"format\": \"deliberate/model@1\",\n  \"id\": \"x\",\n}");
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "S001");
    CHECK(d[0].line == 4);
    CHECK(d[0].column == 1);
    CHECK(d[0].hint == "JSON allows no comma after the last item; remove it");
    CHECK(format_diagnostic(d[0]).rfind("m.json:4:1: error[S001]: ", 0) == 0);
}

TEST_CASE("columns count characters, not bytes") {
    const auto d = model_diagnostics("{\"t\": \"één\" x}");
    REQUIRE(d.size() == 1);
    CHECK(d[0].line == 1);
    CHECK(d[0].column == 13);
}

TEST_CASE("an empty file says so") {
    const auto d = model_diagnostics("  \n");
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "S001");
    CHECK(d[0].hint.find("empty") != std::string::npos);
}

TEST_CASE("a byte order mark is refused") {
    const auto d = model_diagnostics("\xEF\xBB\xBF{}");
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "S005");
}

TEST_CASE("invalid UTF-8 is refused with its position") {
    for (const std::string bad :
         {"\xC0\xAF", "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xE2\x82", "\xFF"}) {
        const auto d = model_diagnostics("{\"a\":\n \"x" + bad + "\"}");
        REQUIRE(!d.empty());
        CHECK(d[0].code == "S004");
        CHECK(d[0].line == 2);
        CHECK(d[0].column == 4);
    }
}

TEST_CASE("valid multi-byte UTF-8 is accepted") {
    const auto d = model_diagnostics("{\"x\": \"€ 250 – café 𝄞\"}");
    for (const auto& diagnostic : d) {
        CHECK(diagnostic.code != "S004");
    }
}

TEST_CASE("duplicate keys are reported with their pointer, all of them") {
    const auto d = model_diagnostics(
        R"({"steps": [{"id": "a", "id": "b"}], "title": {"en": "x", "en": "y"}})");
    REQUIRE(d.size() == 2);
    CHECK(d[0].code == "S006");
    CHECK(d[0].pointer == "/steps/0/id");
    CHECK(d[1].pointer == "/title/en");
}

TEST_CASE("duplicate keys are found in objects of any size") {
    std::string members;
    for (int i = 0; i < 40; ++i) {
        members += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    }
    const auto d = model_diagnostics(R"({"format": "deliberate/model@1", "title": {)" + members +
                                     R"("k3": 0, "k39": 1}})");
    REQUIRE(d.size() == 2);
    CHECK(d[0].code == "S006");
    CHECK(d[0].pointer == "/title/k3");
    CHECK(d[1].pointer == "/title/k39");
}

TEST_CASE("nesting deeper than the limit is refused before the tree is built") {
    std::string deep(max_nesting_depth, '[');
    deep += std::string(max_nesting_depth, ']');
    CHECK(test::codes(model_diagnostics(deep)) == std::vector<std::string>{"F003"});
    std::string deeper(max_nesting_depth + 1, '[');
    deeper += std::string(max_nesting_depth + 1, ']');
    const auto d = model_diagnostics(deeper);
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "S003");
    // A million brackets must neither crash nor take long.
    const auto huge = model_diagnostics(std::string(1000000, '['));
    CHECK(test::codes(huge) == std::vector<std::string>{"S003"});
}

TEST_CASE("files over the size limit are refused unread") {
    std::string big = "{\"x\": \"" + std::string(max_file_bytes, 'a') + "\"}";
    const auto d = model_diagnostics(big);
    REQUIRE(d.size() == 1);
    CHECK(d[0].code == "S002");
    CHECK(d[0].message == "file is 16.0 MiB; the limit is 16 MiB");
}

TEST_CASE("escapes in strings decode as JSON defines them") {
    const auto loaded = test::load(scenario_with(R"(caf\u00e9 \ud83d\ude00 \"q\" a\/b\tc)", "1"));
    REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
    CHECK(loaded.value->title.in("en") == "caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\" a/b\tc");
}

TEST_CASE("numbers too small for a double load as zero, and every node loads once") {
    const auto loaded = test::load(scenario_with("S", "1e-400"));
    REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
    REQUIRE(loaded.value->nodes.size() == 2);
    REQUIRE(loaded.value->nodes[0].options[0].effects.size() == 1);
    CHECK(std::get<double>(loaded.value->nodes[0].options[0].effects[0].value) == 0.0);
}

TEST_CASE("a NUL byte after the document ends it") {
    const auto loaded = test::load(scenario_with("S", "1") + std::string("\n\0 trailing", 11));
    CHECK_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
}
