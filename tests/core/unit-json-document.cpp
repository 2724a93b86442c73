// Safe parsing: limits, encoding, duplicate keys and syntax errors with line:column.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace deliberate;

namespace {
std::vector<Diagnostic> model_diagnostics(const std::string& bytes) {
    return load_model_text(bytes, "m.json").diagnostics;
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
