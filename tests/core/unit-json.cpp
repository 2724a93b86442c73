// The JSON layer. First the document builder on its own (json/json_document.hpp): nlohmann's
// parser feeds it through the SAX interface, and it builds the tree, checks size, encoding,
// nesting and duplicate keys, streams the root's `nodes`, and turns syntax errors into
// line:column diagnostics. Then the same through the loaders, as an author meets it.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "json/json_document.hpp"
#include "test_support.hpp"

using namespace deliberate;
using detail::JsonValue;

namespace {

struct Parsed {
    bool ok = false;
    detail::JsonDocument document;
    std::vector<Diagnostic> diagnostics;
};

void parse_into(Parsed& out, std::string_view bytes, detail::NodeStream* stream = nullptr) {
    Diagnostics diagnostics("f.json");
    out.ok = detail::parse_json_document(bytes, diagnostics, out.document, stream);
    out.diagnostics = diagnostics.take();
}

// The one diagnostic a document gives, as `deliberate validate` prints it.
std::string only_diagnostic(std::string_view bytes) {
    Parsed parsed;
    parse_into(parsed, bytes);
    CHECK_FALSE(parsed.ok);
    REQUIRE_MESSAGE(parsed.diagnostics.size() == 1, test::lines(parsed.diagnostics));
    return format_diagnostic(parsed.diagnostics[0]);
}

// Records what the builder streams, copying it: the memory of a streamed node is reused.
class RecordingStream final : public detail::NodeStream {
  public:
    void begin_nodes(const JsonValue& root) override {
        ++begins;
        for (const auto& member : root.members()) {
            root_keys.emplace_back(member.key);
        }
    }
    void node(std::size_t index, const JsonValue& element) override {
        indices.push_back(index);
        const JsonValue* id = element.find("id");
        ids.emplace_back(id != nullptr ? id->as_string() : "?");
    }

    int begins = 0;
    std::vector<std::string> root_keys;  // of the root when `nodes` began, in key order
    std::vector<std::size_t> indices;
    std::vector<std::string> ids;
};

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

// --- The document builder -----------------------------------------------------------------

TEST_CASE("json: scalars keep their JSON type and value") {
    Parsed parsed;
    parse_into(parsed,
               "[null, true, false, 0, -1, 18446744073709551615, -9223372036854775808, 0.5, "
               "1E2, -0, 18446744073709551616, -9223372036854775809, 1e-400]");
    REQUIRE(parsed.ok);
    const JsonValue& a = parsed.document.root();
    REQUIRE(a.is_array());
    REQUIRE(a.size() == 13);
    CHECK(a[0].is_null());
    CHECK((a[1].is_boolean() && a[1].as_bool()));
    CHECK((a[2].is_boolean() && !a[2].as_bool()));
    CHECK((a[3].is_number_integer() && a[3].as_integer() == 0));
    CHECK((a[4].is_number_integer() && a[4].as_integer() == -1));
    CHECK((a[5].is_number_integer() && a[5].number_text() == "18446744073709551615"));
    CHECK((a[6].is_number_integer() && a[6].number_text() == "-9223372036854775808"));
    CHECK((!a[7].is_number_integer() && a[7].as_double() == 0.5));
    // A fraction or an exponent makes a double, even when the value is whole.
    CHECK((!a[8].is_number_integer() && a[8].as_double() == 100.0));
    CHECK((a[9].is_number_integer() && a[9].as_integer() == 0));
    // Whole numbers beyond 64 bits become doubles; too small for a double, zero.
    CHECK((!a[10].is_number_integer() && a[10].as_double() == 18446744073709551616.0));
    CHECK((!a[11].is_number_integer() && a[11].as_double() == -9223372036854775809.0));
    CHECK((!a[12].is_number_integer() && a[12].as_double() == 0.0));
    CHECK(a[12].number_text() == "0.0");
}

TEST_CASE("json: escapes and surrogate pairs decode to UTF-8") {
    Parsed parsed;
    parse_into(parsed, R"(["\"\\\/\b\f\n\r\t", "caf\u00e9 \u20AC", "\ud83d\ude00", "\uD834\uDD1E",)"
                       "\"\xE2\x82\xAC 250 \xE2\x80\x93 caf\xC3\xA9 \xF0\x9D\x84\x9E\", "
                       R"("a\u0000b", ""])");
    REQUIRE_MESSAGE(parsed.ok, test::lines(parsed.diagnostics));
    const JsonValue& a = parsed.document.root();
    REQUIRE(a.size() == 7);
    CHECK(a[0].as_string() == "\"\\/\b\f\n\r\t");
    CHECK(a[1].as_string() == "caf\xC3\xA9 \xE2\x82\xAC");  // 2 and 3 bytes
    CHECK(a[2].as_string() == "\xF0\x9F\x98\x80");          // U+1F600 from a surrogate pair
    CHECK(a[3].as_string() == "\xF0\x9D\x84\x9E");          // U+1D11E, upper-case hex
    // Characters written as themselves stay as they are.
    CHECK(a[4].as_string() == "\xE2\x82\xAC 250 \xE2\x80\x93 caf\xC3\xA9 \xF0\x9D\x84\x9E");
    CHECK(a[5].as_string() == std::string_view("a\0b", 3));
    CHECK((a[6].is_string() && a[6].as_string().empty()));
}

TEST_CASE("json: members are sorted by key and found by their decoded key") {
    Parsed parsed;
    parse_into(parsed, R"({"b": 1, "a": [], "\u00e9": "e", "k\/": {}, "": null})");
    REQUIRE(parsed.ok);
    const JsonValue& root = parsed.document.root();
    std::vector<std::string> keys;
    for (const auto& member : root.members()) {
        keys.emplace_back(member.key);
    }
    CHECK(keys == std::vector<std::string>{"", "a", "b", "k/", "\xC3\xA9"});
    REQUIRE(root.find("\xC3\xA9") != nullptr);
    CHECK(root.find("\xC3\xA9")->as_string() == "e");
    CHECK(root.find("k/")->is_object());
    CHECK(root.find("")->is_null());
    CHECK(root.find("c") == nullptr);
}

TEST_CASE("json: duplicate keys are reported where they are; the last value stays") {
    Parsed parsed;
    parse_into(parsed, R"({"steps": [{"id": "a", "id": "b"}], "t/~": {"en": 1, "en": 2}})");
    CHECK_FALSE(parsed.ok);
    REQUIRE(parsed.diagnostics.size() == 2);
    CHECK(format_diagnostic(parsed.diagnostics[0]) ==
          "f.json:/steps/0/id: error[S006]: duplicate key `id`\n"
          "  hint: an object may name each key once; remove or rename one of them");
    CHECK(parsed.diagnostics[1].pointer == "/t~1~0/en");
    const JsonValue& root = parsed.document.root();
    CHECK(root.find("steps")->operator[](0).find("id")->as_string() == "b");
    CHECK(root.find("steps")->operator[](0).size() == 1);
    CHECK(root.find("t/~")->find("en")->as_integer() == 2);
}

TEST_CASE("json: duplicate keys are found in objects of any size") {
    std::string members;
    for (int i = 0; i < 40; ++i) {
        members += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    }
    Parsed parsed;
    parse_into(parsed, "{" + members + R"("k3": -3, "k39": -39})");
    REQUIRE(parsed.diagnostics.size() == 2);
    CHECK(parsed.diagnostics[0].pointer == "/k3");
    CHECK(parsed.diagnostics[1].pointer == "/k39");
    const JsonValue& root = parsed.document.root();
    CHECK(root.size() == 40);
    CHECK(root.find("k3")->as_integer() == -3);
    CHECK(root.find("k39")->as_integer() == -39);
    CHECK(root.find("k17")->as_integer() == 17);
}

TEST_CASE("json: nesting up to the limit is read; one level more stops the parser") {
    std::string deep(max_nesting_depth, '[');
    deep += std::string(max_nesting_depth, ']');
    Parsed parsed;
    parse_into(parsed, deep);
    CHECK(parsed.ok);

    std::string pointer;
    for (int i = 0; i < max_nesting_depth; ++i) {
        pointer += "/0";
    }
    const std::string message =
        ": error[S003]: nesting is deeper than 64 levels\n"
        "  hint: no scenario needs this; is a closing bracket missing?";
    CHECK(only_diagnostic(std::string(max_nesting_depth + 1, '[')) ==
          "f.json:" + pointer + message);

    std::string objects;
    for (int i = 0; i <= max_nesting_depth; ++i) {
        objects += R"({"a": )";
    }
    std::string keys;
    for (int i = 0; i < max_nesting_depth; ++i) {
        keys += "/a";
    }
    CHECK(only_diagnostic(objects) == "f.json:" + keys + message);
    // A million brackets: the same one diagnostic, at once.
    CHECK(only_diagnostic(std::string(1000000, '[')) == "f.json:" + pointer + message);
}

TEST_CASE("json: syntax errors give the line and column of the offending token") {
    struct Case {
        std::string bytes;
        std::string diagnostic;
    };
    const std::vector<Case> cases = {
        {"{\"a\": 1,}",
         "f.json:1:9: error[S001]: unexpected '}'; expected string literal (in object key)\n"
         "  hint: JSON allows no comma after the last item; remove it"},
        {"{\"a\": 1\n \"b\": 2}",
         "f.json:2:2: error[S001]: unexpected string literal; expected '}' (in object)\n"
         "  hint: is a comma missing between two items?"},
        {"{'a': 1}",
         "f.json:1:2: error[S001]: invalid literal; expected string literal (in object key)\n"
         "  hint: JSON strings and keys use double quotes (\")"},
        {"[1, 2",
         "f.json:1:6: error[S001]: unexpected end of input; expected ']' (in array)\n"
         "  hint: the file ends too early: a closing `}`, `]` or `\"` is missing"},
        {"{\"a\": \"x\ny\"}",
         "f.json:1:9: error[S001]: invalid string: control character U+000A (LF) must be "
         "escaped to \\u000A or \\n (in value)\n"
         "  hint: is a closing `\"` missing? A line break inside a string is written \\n (a "
         "blank line between paragraphs is \\n\\n)"},
        {"{\"a\": \"x\ty\"}",
         "f.json:1:9: error[S001]: invalid string: control character U+0009 (HT) must be "
         "escaped to \\u0009 or \\t (in value)\n"
         "  hint: a tab inside a string is written \\t"},
        {"{\"a\": \"\\ud800\"}",
         "f.json:1:7: error[S001]: invalid string: surrogate U+D800..U+DBFF must be followed by "
         "U+DC00..U+DFFF (in value)"},
        {"{\"a\": \"\\x\"}",
         "f.json:1:9: error[S001]: invalid string: forbidden character after backslash (in "
         "value)"},
        {"{} {}",
         "f.json:1:4: error[S001]: unexpected '{'; expected end of input (in value)\n"
         "  hint: the file holds one object; is there a `}` too many, or text after the end?"},
        {"// remark\n{}",
         "f.json:1:1: error[S001]: invalid literal (in value)\n"
         "  hint: JSON has no comments; trainer remarks can go in a node's `notes`"},
        {"{\"a\": -}",
         "f.json:1:8: error[S001]: invalid number; expected digit after '-' (in value)"},
        {"{\"k\": [1, 2]]}",
         "f.json:1:13: error[S001]: unexpected ']'; expected '}' (in object)\n"
         "  hint: is a comma missing between two items?"},
        {"",
         "f.json:1:1: error[S001]: unexpected end of input; expected '[', '{', or a literal (in "
         "value)\n"
         "  hint: the file is empty; a scenario starts with `{`"},
        // Columns count characters: `é` is two bytes and one column.
        {"{\"\xC3\xA9\xC3\xA9\": 1 2}",
         "f.json:1:10: error[S001]: unexpected number literal; expected '}' (in object)\n"
         "  hint: is a comma missing between two items?"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.bytes);
        CHECK(only_diagnostic(c.bytes) == c.diagnostic);
    }
    // A number too large for a double is a syntax error too, at its first digit.
    Parsed parsed;
    parse_into(parsed, "{\"a\":\n  1e400}");
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].code == "S001");
    CHECK(parsed.diagnostics[0].line == 2);
    CHECK(parsed.diagnostics[0].column == 3);
    CHECK(parsed.diagnostics[0].message.find("1e400") != std::string::npos);
}

TEST_CASE("json: duplicate keys before a syntax error are reported with it") {
    Parsed parsed;
    parse_into(parsed, R"({"a": 1, "a": 2,})");
    REQUIRE(parsed.diagnostics.size() == 2);
    CHECK(parsed.diagnostics[0].code == "S006");
    CHECK(parsed.diagnostics[1].code == "S001");
    CHECK(parsed.diagnostics[1].column == 17);
}

TEST_CASE("json: invalid UTF-8 is reported byte by byte, up to five") {
    // Invalid in a string, and outside one: the encoding explains either failure best.
    CHECK(only_diagnostic("{\"a\":\n \"x\xFF\"}") ==
          "f.json:2:4: error[S004]: invalid UTF-8: byte 0xFF\n"
          "  hint: save the file as UTF-8 (e.g. in your editor: Save with Encoding, UTF-8); "
          "Latin-1 or Windows-1252 text shows up like this");
    CHECK(only_diagnostic("{\"a\": 1}\xFF")
              .find("f.json:1:9: error[S004]: invalid UTF-8: "
                    "byte 0xFF\n") == 0);
    for (const std::string bad :
         {"\xED\xA0\x80", "\xF5\x80\x80\x80", "\xE2\x82", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80"}) {
        CAPTURE(bad);
        Parsed parsed;
        parse_into(parsed, "{\"a\": \"" + bad + "\"}");
        REQUIRE(!parsed.diagnostics.empty());
        CHECK(parsed.diagnostics[0].code == "S004");
        CHECK(parsed.diagnostics[0].column == 8);
    }
    // "é" in Latin-1, seven times: five reported (the hint once), then a line for the rest.
    Parsed parsed;
    parse_into(parsed, "{\"a\": \"caf\xE9 \xE9\xE9\xE9 \xE9\xE9\xE9\"}");
    REQUIRE(parsed.diagnostics.size() == 6);
    CHECK(parsed.diagnostics[0].column == 11);
    CHECK(!parsed.diagnostics[0].hint.empty());
    CHECK(parsed.diagnostics[1].column == 13);
    CHECK(parsed.diagnostics[1].hint.empty());
    CHECK(parsed.diagnostics[4].column == 17);
    CHECK(format_diagnostic(parsed.diagnostics[5]) ==
          "f.json:1:18: error[S004]: more invalid UTF-8 follows; not listed");
}

TEST_CASE("json: a byte order mark and an oversized file are refused unparsed") {
    CHECK(only_diagnostic("\xEF\xBB\xBF{}") ==
          "f.json:1:1: error[S005]: file starts with a byte order mark\n"
          "  hint: save the file as UTF-8 without BOM");
    const std::string big = "[\"" + std::string(max_file_bytes, 'a') + "\"]";
    CHECK(only_diagnostic(big) ==
          "f.json: error[S002]: file is 16.0 MiB; the limit is 16 MiB\n"
          "  hint: split the scenario, or move large media out into asset files");
}

TEST_CASE("json: a NUL byte after the document ends it") {
    Parsed parsed;
    parse_into(parsed, std::string_view("{\"a\": 1}\n\0 trailing", 19));
    CHECK(parsed.ok);
    CHECK(parsed.document.root().find("a")->as_integer() == 1);
}

TEST_CASE("json: the root's nodes go to the stream one at a time, and stay null in the tree") {
    RecordingStream stream;
    Parsed parsed;
    parse_into(parsed,
               R"({"format": "x", "languages": ["en"],
                   "nodes": [{"id": "n\u00e9"}, {"id": "two", "deep": {"nodes": [{"id": "no"}]}},
                             {"id": "three"}],
                   "after": true})",
               &stream);
    REQUIRE_MESSAGE(parsed.ok, test::lines(parsed.diagnostics));
    CHECK(stream.begins == 1);
    CHECK(stream.root_keys == std::vector<std::string>{"format", "languages"});
    CHECK(stream.indices == std::vector<std::size_t>{0, 1, 2});
    CHECK(stream.ids == std::vector<std::string>{"n\xC3\xA9", "two", "three"});
    const JsonValue& root = parsed.document.root();
    const JsonValue* nodes = root.find("nodes");
    REQUIRE(nodes != nullptr);
    REQUIRE(nodes->size() == 3);
    CHECK(((*nodes)[0].is_null() && (*nodes)[2].is_null()));
    CHECK(root.find("after")->as_bool());
    CHECK(root.find("languages")->operator[](0).as_string() == "en");
}

TEST_CASE("json: the stream may have seen nodes when a later syntax error fails the document") {
    RecordingStream stream;
    Parsed parsed;
    parse_into(parsed, R"({"nodes": [{"id": "a"}, {"id": "b"} {"id": "c"}]})", &stream);
    CHECK_FALSE(parsed.ok);
    CHECK(stream.ids == std::vector<std::string>{"a", "b"});
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].code == "S001");
    CHECK(parsed.diagnostics[0].column == 37);
}

TEST_CASE("json: only the root object's nodes array is streamed") {
    for (const std::string bytes : {R"([{"nodes": [{"id": "a"}]}])", R"({"nodes": {"id": "a"}})",
                                    R"({"x": {"nodes": [{"id": "a"}]}})"}) {
        CAPTURE(bytes);
        RecordingStream stream;
        Parsed parsed;
        parse_into(parsed, bytes, &stream);
        CHECK(parsed.ok);
        CHECK(stream.begins == 0);
        CHECK(stream.ids.empty());
    }
}

TEST_CASE("json: line_and_column counts characters; pointer tokens are escaped") {
    const std::string_view text = "ab\n\xC3\xA9x\n";
    CHECK(detail::line_and_column(text, 0) == std::pair{1, 1});
    CHECK(detail::line_and_column(text, 3) == std::pair{2, 1});
    CHECK(detail::line_and_column(text, 5) == std::pair{2, 2});
    CHECK(detail::line_and_column(text, 99) == std::pair{3, 1});
    CHECK(detail::escape_pointer_token("a/b~c") == "a~1b~0c");
}

// --- Through the loaders ------------------------------------------------------------------

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

TEST_CASE("valid multi-byte UTF-8 loads as written") {
    const std::string title = "\xE2\x82\xAC 250 \xE2\x80\x93 caf\xC3\xA9 \xF0\x9D\x84\x9E";
    const auto loaded = test::load(scenario_with(title, "1"));
    REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
    CHECK(loaded.value->title.in("en") == title);
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
}

TEST_CASE("escapes in strings decode as JSON defines them") {
    const auto loaded = test::load(scenario_with(R"(caf\u00e9 \ud83d\ude00 \"q\" a\/b\tc)", "1"));
    REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
    CHECK(loaded.value->title.in("en") == "caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\" a/b\tc");
}

TEST_CASE("escaped keys are read as their decoded text") {
    std::string text = scenario_with("S", "1");
    text.replace(text.find("\"kind\""), 6, R"("\u006bind")");
    const auto loaded = test::load(text);
    REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
    CHECK(loaded.value->nodes[0].options.size() == 2);
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

TEST_CASE("a syntax error after some nodes gives that error alone") {
    std::string text = scenario_with("S", "1");
    text.insert(text.rfind("{\"id\": \"z\""), "{\"id\": \"q\" ");  // a node that never closes
    const auto loaded = test::load(text);
    CHECK(test::codes(loaded.diagnostics) == std::vector<std::string>{"S001"});
}
