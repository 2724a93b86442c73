// The organisation profile: reading it, checking {org:ID} placeholders against it (R010) and
// rendering them in each language.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "deliberate/scenario/resources.hpp"
#include "deliberate/session/session.hpp"
#include "test_support.hpp"

using namespace deliberate;
namespace fs = std::filesystem;

namespace {

std::string scenario_text(const std::string& text) {
    return R"({"format": "deliberate/scenario@1", "id": "s", "version": "1.0.0",
  "languages": ["nl", "en"], "title": {"nl": "S", "en": "S"}, "summary": {"nl": "S", "en": "S"},
  "model": "mini", "start": "z",
  "nodes": [{"id": "z", "kind": "ending", "outcome": {"nl": "O", "en": "O"},
             "text": )" +
           text +
           R"(, "debrief": {"nl": "D", "en": "D"}, "discussion": [{"nl": "?", "en": "?"}]}]})";
}

}  // namespace

TEST_CASE("{org:ID} renders the profile's text in the session's language") {
    const auto loaded = test::load(
        scenario_text(R"({"nl": "Tot {org:gift-limit}.", "en": "Up to {org:gift-limit}."})"));
    REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
    REQUIRE(loaded.value->organisation != nullptr);
    Session session(loaded.value, "nl");
    CHECK(session.render(session.node().text) == "Tot € 50.");
    session.set_language("en");
    CHECK(session.render(session.node().text) == "Up to €50.");
}

TEST_CASE("an unknown entry is R010 with a hint") {
    const auto loaded =
        test::load(scenario_text(R"({"nl": "{org:gift-limt}", "en": "{org:adviser}"})"));
    REQUIRE_FALSE(loaded.ok());
    CHECK(test::codes(loaded.diagnostics) == std::vector<std::string>{"R010"});
    CHECK(loaded.diagnostics[0].pointer == "/nodes/0/text/nl");
    CHECK(loaded.diagnostics[0].hint.find("gift-limit") != std::string::npos);
}

TEST_CASE("without a profile, an {org:ID} placeholder is R010") {
    LoadOptions options = test::source_resources();
    const auto loaded = load_scenario_text(scenario_text(R"({"nl": "{org:adviser}", "en": "x"})"),
                                           "test.json", "", options);
    CHECK(test::codes(loaded.diagnostics) == std::vector<std::string>{"R010"});
    // The shipped profile is used when none lies beside the scenario.
    options.shipped_organisation_file =
        std::string(DELIBERATE_TEST_DATA) + "/valid/organisation.json";
    const auto shipped = load_scenario_text(scenario_text(R"({"nl": "{org:adviser}", "en": "x"})"),
                                            "test.json", "", options);
    CHECK_MESSAGE(shipped.ok(), test::lines(shipped.diagnostics));
}

TEST_CASE("a profile entry without one of the scenario's languages is R010") {
    const fs::path folder = fs::temp_directory_path() / "deliberate-unit-organisation";
    fs::create_directories(folder);
    std::ofstream(folder / "organisation.json") << R"({"format": "deliberate/organisation@1",
        "entries": [{"id": "adviser", "description": {"en": "A"}, "text": {"en": "the adviser"}}]})";
    const auto loaded =
        load_scenario_text(scenario_text(R"({"nl": "{org:adviser}", "en": "{org:adviser}"})"),
                           "test.json", folder, test::source_resources());
    fs::remove_all(folder);
    REQUIRE(loaded.diagnostics.size() == 2);  // once per placeholder
    CHECK(loaded.diagnostics[0].code == "R010");
    CHECK(loaded.diagnostics[0].message == "organisation entry `adviser` has no text in `nl`");
}

TEST_CASE("a profile with a repeated id or a missing text is refused") {
    const auto repeated = load_organisation_text(
        R"({"format": "deliberate/organisation@1", "entries": [
            {"id": "a", "description": {"en": "A"}, "text": {"en": "A"}},
            {"id": "a", "description": {"en": "B"}, "text": {"en": "B"}}]})",
        "organisation.json");
    CHECK(test::codes(repeated.diagnostics) == std::vector<std::string>{"F006"});
    const auto textless = load_organisation_text(
        R"({"format": "deliberate/organisation@1", "entries": [{"id": "a", "description": {"en": "A"}}]})",
        "organisation.json");
    CHECK_FALSE(textless.ok());
    const auto good =
        load_organisation_file(std::string(DELIBERATE_TEST_DATA) + "/valid/organisation.json");
    REQUIRE(good.ok());
    CHECK(good.value->find("adviser") != nullptr);
    CHECK(good.value->find("nobody") == nullptr);
}

TEST_CASE("the organisation's own profile takes the place of the one beside the scenario") {
    const fs::path folder = fs::temp_directory_path() / "deliberate-unit-organisation-own";
    fs::create_directories(folder);
    std::ofstream(folder / "organisation.json") << R"({"format": "deliberate/organisation@1",
        "entries": [{"id": "gift-limit", "description": {"nl": "G", "en": "G"},
                     "text": {"nl": "€ 25", "en": "€25"}}]})";
    LoadOptions options = test::source_resources();
    options.organisation_file = folder / "organisation.json";
    const auto loaded = load_scenario_text(
        scenario_text(R"({"nl": "Tot {org:gift-limit}.", "en": "Up to {org:gift-limit}."})"),
        "test.json", DELIBERATE_TEST_DATA "/valid", options);
    fs::remove_all(folder);
    REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
    Session session(loaded.value, "en");
    CHECK(session.render(session.node().text) == "Up to €25.");
}

TEST_CASE("DELIBERATE_ORGANISATION names the organisation's own profile") {
    ::setenv("DELIBERATE_ORGANISATION", "/srv/our-profile.json", 1);
    CHECK(locate_resources("/nonexistent/bin/deliberate").organisation_file ==
          "/srv/our-profile.json");
    ::setenv("DELIBERATE_SYSTEM_SCENARIOS", "/srv/library", 1);
    ::unsetenv("DELIBERATE_ORGANISATION");
    CHECK(locate_resources("/nonexistent/bin/deliberate").organisation_file ==
          "/srv/library/organisation.json");
    ::unsetenv("DELIBERATE_SYSTEM_SCENARIOS");
}
