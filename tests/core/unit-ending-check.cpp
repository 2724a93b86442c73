// check_endings: an ending reached through options that recorded different things must show
// the difference; placeholders, a scene between, or earlier choices count as shown.
#include <doctest/doctest.h>

#include <string>

#include "deliberate/session/ending_check.hpp"
#include "test_support.hpp"

using namespace deliberate;

namespace {

// `keep` records something the other two options do not; it leads to `keep_next`, the
// ending `z` or a scene before it.
std::shared_ptr<const Scenario> scenario_with(const std::string& ending_text,
                                              const std::string& keep_next) {
    const std::string scene =
        keep_next == "z"
            ? ""
            : R"({"id": ")" + keep_next + R"(", "kind": "scene", "text": "Kept.", "next": "z"},)";
    const std::string text =
        R"({"format": "deliberate/scenario@1", "id": "s", "version": "1.0.0",
  "languages": ["en"], "title": "S", "summary": "S", "model": "mini", "start": "d",
  "variables": {"kept": "no"},
  "factors": [{"id": "f", "label": "F", "default": "a",
               "values": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}],
  "nodes": [{"id": "d", "kind": "dilemma", "text": "T", "question": "Q",
             "options": [{"id": "keep", "label": "Keep", "effects": [{"set": "kept", "to": "yes"}],
                          "next": ")" +
        keep_next + R"("},
                         {"id": "give", "label": "Give", "next": "z"},
                         {"id": "same", "label": "Same as give", "next": "z"}]},
            )" +
        scene + R"(
            {"id": "z", "kind": "ending", "outcome": "O", "text": ")" +
        ending_text + R"(", "debrief": "D", "discussion": ["?"]}]})";
    auto loaded = test::load(text);
    REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
    return loaded.value;
}

}  // namespace

TEST_CASE("an ending that ignores a recorded last choice is reported once") {
    const auto scenario = scenario_with("Whatever you did.", "z");
    const EndingCheckReport report = check_endings(*scenario);
    CHECK(report.plays == 6);  // three options, two factor values
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].ending_id == "z");
    CHECK(report.problems[0].dilemma_id == "d");
    CHECK(report.problems[0].option_ids == std::vector<std::string>{"keep", "give", "same"});
    CHECK(report.problems[0].factors == "f=a");
    CHECK_FALSE(report.passed());
}

TEST_CASE("a placeholder or a scene between shows the choice") {
    CHECK(check_endings(*scenario_with("Kept: {var:kept}.", "z")).passed());
    CHECK(check_endings(*scenario_with("Whatever you did.", "kept-scene")).passed());
}

TEST_CASE("too many plays stop the check") {
    const EndingCheckReport report = check_endings(*scenario_with("Kept: {var:kept}.", "z"), 3);
    CHECK(report.truncated);
    CHECK(report.plays == 3);
    CHECK_FALSE(report.passed());
}
