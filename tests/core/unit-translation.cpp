// PO files and the translation round trip: quoting as gettext reads it, export then import
// changes nothing, translations are spliced in byte for byte, edited sources come back fuzzy.
#include <doctest/doctest.h>

#include "deliberate/authoring/translation.hpp"
#include "deliberate/journal/checksum.hpp"
#include "test_support.hpp"

using namespace deliberate;

namespace {

const std::string scenario_text = R"({
  "format": "deliberate/scenario@1",
  "id": "po-test",
  "version": "1.0.0",
  "languages": ["nl", "en"],
  "title": {"nl": "Een \"cadeau\"", "en": "A \"gift\""},
  "summary": {
    "nl": "Regel één\nRegel twee",
    "en": "Line one\nLine two"
  },
  "model": "mini",
  "start": "start",
  "nodes": [
    {"id": "start", "kind": "scene", "text": {"nl": "Een envelop.", "en": "An envelope."}, "next": "choose"},
    {"id": "choose", "kind": "dilemma", "text": {"nl": "Een bon.", "en": "A card."},
     "question": {"nl": "Wat doe je?", "en": "What do you do?"},
     "options": [
       {"id": "keep", "label": {"nl": "Houden", "en": "Keep it"}, "next": "end"},
       {"id": "return", "label": {"nl": "Teruggeven", "en": "Return it"}, "next": "end"}
     ]},
    {"id": "end", "kind": "ending", "outcome": {"nl": "Klaar.", "en": "Done."},
     "text": {"nl": "Einde.", "en": "The end."}, "debrief": {"nl": "Nabespreking.", "en": "Debrief."},
     "discussion": [{"nl": "Waar ligt de grens?", "en": "Where is the line?"}]}
  ]
})";

const std::filesystem::path scenario_file = DELIBERATE_TEST_DATA "/valid/po-test.json";

TranslationExport exported(const std::string& text, const PoFile* previous = nullptr) {
    std::string error;
    auto out = export_translation(text, "nl", "en", previous, error);
    REQUIRE_MESSAGE(out, error);
    return *out;
}

TranslationImport imported(const std::string& text, const PoFile& po) {
    std::string error;
    auto out = import_translation(text, po, scenario_file, test::source_resources(), error);
    REQUIRE_MESSAGE(out, error);
    return *out;
}

PoEntry& entry(PoFile& po, const std::string& pointer) {
    for (PoEntry& e : po.entries) {
        if (e.msgctxt == pointer) {
            return e;
        }
    }
    FAIL("no entry " << pointer);
    throw;
}

}  // namespace

TEST_CASE("PO strings are quoted as gettext reads them") {
    CHECK(po_quote("say \"hi\"\\now\n\ttab") == R"("say \"hi\"\\now\n\ttab")");
    CHECK(po_quote("bell\a") == R"("bell\007")");
    CHECK(po_field("msgid", "one line") == "msgid \"one line\"\n");
    CHECK(po_field("msgid", "a\nb") == "msgid \"\"\n\"a\\n\"\n\"b\"\n");
    PoFile file;
    file.header = {{"Language", "en"}};
    file.entries.push_back({{"source-hash: x"}, true, "old", "/p", "a \"q\"\nb\\c\t€", "t", 0});
    std::string error;
    const auto back = parse_po(write_po(file), error);
    REQUIRE_MESSAGE(back, error);
    REQUIRE(back->entries.size() == 1);
    const PoEntry& e = back->entries[0];
    CHECK(e.msgid == "a \"q\"\nb\\c\t€");
    CHECK(e.fuzzy);
    CHECK(e.previous_msgid == "old");
    CHECK(e.extracted_comments == std::vector<std::string>{"source-hash: x"});
    CHECK(back->header == file.header);
    CHECK(!parse_po("msgid \"open", error));
    CHECK(error == "line 1: a string without its closing quote");
}

TEST_CASE("export gives one entry per text with its pointer and source hash") {
    const TranslationExport out = exported(scenario_text);
    CHECK(out.texts == 11);
    CHECK(out.translated == 11);
    PoFile po = out.po;
    const PoEntry& title = entry(po, "/title");
    CHECK(title.msgid == "Een \"cadeau\"");
    CHECK(title.msgstr == "A \"gift\"");
    CHECK(title.extracted_comments.front() == "source-hash: " + content_hash("Een \"cadeau\""));
    CHECK(entry(po, "/nodes/2/discussion/0").msgstr == "Where is the line?");
}

TEST_CASE("export then import leaves the file byte for byte") {
    const TranslationImport in = imported(scenario_text, exported(scenario_text).po);
    CHECK(!in.changed());
    CHECK(in.unchanged == 11);
    CHECK(in.result == scenario_text);
}

TEST_CASE("a changed translation replaces only its own bytes") {
    PoFile po = exported(scenario_text).po;
    entry(po, "/nodes/1/question").msgstr = "What now? \"Quick\"\n– “really”";
    const TranslationImport in = imported(scenario_text, po);
    CHECK(in.updated == 1);
    CHECK(in.diagnostics.empty());
    std::string expected = scenario_text;
    const std::string old_text = R"("en": "What do you do?")";
    expected.replace(expected.find(old_text), old_text.size(),
                     R"("en": "What now? \"Quick\"\n– “really”")");
    CHECK(in.result == expected);
}

TEST_CASE("a missing translation is added after the source, in the object's layout") {
    std::string text = scenario_text;
    text.replace(text.find(",\n    \"en\": \"Line one\\nLine two\""),
                 std::string(",\n    \"en\": \"Line one\\nLine two\"").size(), "");
    text.replace(text.find(R"(, "en": "Keep it")"), std::string(R"(, "en": "Keep it")").size(), "");
    const TranslationImport in = imported(text, exported(scenario_text).po);
    CHECK(in.inserted == 2);
    CHECK(in.result == scenario_text);
}

TEST_CASE("an edited source comes back fuzzy and is not imported") {
    const PoFile before = exported(scenario_text).po;
    std::string edited = scenario_text;
    edited.replace(edited.find("\"Houden\""), 8, "\"Zelf houden\"");
    // Imported as it was: the source it was made for has changed.
    TranslationImport in = imported(edited, before);
    CHECK(in.outdated == std::vector<std::string>{"/nodes/1/options/0/label"});
    // Exported again over the old file: fuzzy, with the old source for the translator.
    const TranslationExport again = exported(edited, &before);
    CHECK(again.fuzzy == 1);
    PoFile po = again.po;
    const PoEntry& label = entry(po, "/nodes/1/options/0/label");
    CHECK(label.fuzzy);
    CHECK(label.previous_msgid == "Houden");
    CHECK(label.msgstr == "Keep it");
    in = imported(edited, po);
    CHECK(in.fuzzy == std::vector<std::string>{"/nodes/1/options/0/label"});
    CHECK(in.result == edited);
}

TEST_CASE("unknown pointers are reported and a result that does not load is refused") {
    PoFile po = exported(scenario_text).po;
    po.entries.push_back({{}, false, {}, "/nodes/9/text", "Weg.", "Gone.", 0});
    entry(po, "/title").msgstr = "A {factor:nope} gift";
    const TranslationImport in = imported(scenario_text, po);
    CHECK(in.unknown == std::vector<std::string>{"/nodes/9/text"});
    CHECK(!in.diagnostics.empty());
    po.header.clear();
    std::string error;
    CHECK(!import_translation(scenario_text, po, scenario_file, test::source_resources(), error));
    CHECK(error.find("Language") != std::string::npos);
}
