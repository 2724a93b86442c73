// Loading scenarios: shapes of the loaded types, model and catalogue lookup, and that every
// problem in a file is reported, not only the first.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "deliberate/scenario/resources.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace deliberate;

namespace {

std::string scenario(const std::string& extra_nodes = "", const std::string& model = "mini",
                     const std::string& dilemma_extra = "") {
    return R"({"format": "deliberate/scenario@1", "id": "s", "version": "1.0.0", "languages": ["en"],
      "title": "S", "summary": "S", "model": ")" +
           model + R"(", "start": "a",
      "nodes": [
        {"id": "a", "kind": "dilemma", "text": "T", "question": "Q", )" +
           dilemma_extra + R"(
         "options": [{"id": "x", "label": "X", "arguments": {"for": ["f"]}, "next": "z"},
                     {"id": "y", "label": "Y", "next": "z"}]},
        {"id": "z", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D", "discussion": ["?"]})" +
           extra_nodes + "]}";
}

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("deliberate-test-" + std::to_string(std::rand()));
        fs::create_directories(path / "models");
    }
    ~TempDir() { fs::remove_all(path); }
    void write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
    }
};

}  // namespace

TEST_CASE("a dilemma walks all model steps, or the listed ones plus the choice") {
    auto all = test::load(scenario());
    REQUIRE_MESSAGE(all.ok(), test::lines(all.diagnostics));
    CHECK(all.value->nodes[0].walked_steps == std::vector<std::size_t>{0, 1});
    auto some = test::load(scenario("", "full", R"("model_steps": ["weigh", "issue"],)"));
    REQUIRE_MESSAGE(some.ok(), test::lines(some.diagnostics));
    // Model order, whatever the listing's order; the choice step (7) always included.
    CHECK(some.value->nodes[0].walked_steps == std::vector<std::size_t>{1, 6, 7});
}

TEST_CASE("every problem in a file is reported") {
    const std::string broken =
        R"({"format": "deliberate/scenario@1", "id": "Bad Id", "version": "1",
      "languages": ["en"], "title": "S", "summary": "S", "model": "mini", "start": "nowhere",
      "nodes": [{"id": "a", "kind": "scene", "text": "T", "nxt": "b"},
                {"id": "a", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D", "discussion": []}]})";
    const auto loaded = test::load(broken);
    CHECK_FALSE(loaded.ok());
    CHECK(test::codes(loaded.diagnostics) ==
          std::vector<std::string>{"F005", "F007", "F004", "F002", "F007", "F006", "R001"});
    CHECK(loaded.diagnostics[2].hint == "did you mean `next`?");
}

TEST_CASE("warnings never fail a load") {
    const auto loaded = test::load(scenario(
        R"(, {"id": "lonely", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D", "discussion": ["?"]})"));
    CHECK(test::codes(loaded.diagnostics) == std::vector<std::string>{"G001"});
    const auto warned =
        test::load(R"({"format": "deliberate/scenario@1", "id": "s", "version": "1.0.0",
      "languages": ["en"], "title": "S", "summary": "S", "model": "mini", "start": "a",
      "factors": [{"id": "unused", "label": "U", "default": "a", "values": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}],
      "nodes": [{"id": "a", "kind": "dilemma", "text": "T", "question": "Q",
                 "options": [{"id": "x", "label": "X", "next": "z"}, {"id": "y", "label": "Y", "next": "z"}]},
                {"id": "z", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D", "discussion": ["?"]}]})");
    CHECK(warned.ok());
    CHECK(test::codes(warned.diagnostics) == std::vector<std::string>{"W003", "W004"});
}

TEST_CASE("a model beside the scenario comes before the shipped one") {
    TempDir dir;
    // Same id as the shipped test model, but with a third step.
    dir.write("models/mini.json",
              R"({"format": "deliberate/model@1", "id": "mini", "title": {"en": "Local"},
      "source": "test", "steps": [
        {"id": "a", "title": {"en": "A"}, "prompt": {"en": "A"}, "input": "info"},
        {"id": "b", "title": {"en": "B"}, "prompt": {"en": "B"}, "input": "text"},
        {"id": "c", "title": {"en": "C"}, "prompt": {"en": "C"}, "input": "choice"}]})");
    dir.write("s.json", scenario());
    const auto loaded = load_scenario_file(dir.path / "s.json", test::source_resources());
    REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
    CHECK(loaded.value->model->title.in("en") == "Local");
    CHECK(loaded.value->model->steps.size() == 3);
}

TEST_CASE("a missing model names where it was looked for") {
    const auto loaded = test::load(scenario("", "no-such-model"));
    REQUIRE(test::codes(loaded.diagnostics) == std::vector<std::string>{"R002"});
    CHECK(loaded.diagnostics[0].hint.find("valid/models/no-such-model.json") != std::string::npos);
}

TEST_CASE("a model without the scenario's language is refused") {
    TempDir dir;
    dir.write("models/mini.json",
              R"({"format": "deliberate/model@1", "id": "mini", "title": {"nl": "Alleen NL"},
      "source": "test", "steps": [{"id": "c", "title": {"nl": "C"}, "prompt": {"nl": "C"}, "input": "choice"}]})");
    dir.write("s.json", scenario());
    const auto loaded = load_scenario_file(dir.path / "s.json", test::source_resources());
    REQUIRE(test::codes(loaded.diagnostics) == std::vector<std::string>{"T001"});
    CHECK(loaded.diagnostics[0].pointer == "/model");
}

TEST_CASE("resources are found from the build tree, and DELIBERATE_MODELS overrides") {
    const LoadOptions found = locate_resources("/proc/self/exe");
    CHECK(fs::is_directory(found.shipped_models_dir));
    CHECK(fs::is_regular_file(found.shipped_values_file));
    setenv("DELIBERATE_MODELS", "/tmp/elsewhere", 1);
    CHECK(locate_resources("/proc/self/exe").shipped_models_dir == "/tmp/elsewhere");
    unsetenv("DELIBERATE_MODELS");
}

TEST_CASE("sniffing recognises Deliberate files, even broken ones, and nothing else") {
    TempDir dir;
    dir.write("a.json", R"({"format": "deliberate/scenario@1", "id": )");
    dir.write("b.json", R"({"format"  :  "deliberate/model@1"})");
    dir.write("c.json", R"({"name": "package", "text": "see \"deliberate/scenario@1\""})");
    dir.write("d.json", "\xFF\xFE");
    CHECK(sniff_format(dir.path / "a.json") == FileFormat::scenario);
    CHECK(sniff_format(dir.path / "b.json") == FileFormat::model);
    CHECK(sniff_format(dir.path / "c.json") == FileFormat::unknown);
    CHECK(sniff_format(dir.path / "d.json") == FileFormat::unknown);
    CHECK(sniff_format(dir.path / "missing.json") == FileFormat::unknown);
}

TEST_CASE("every repeated id is reported, each time it repeats") {
    const auto loaded = test::load(
        R"({"format": "deliberate/scenario@1", "id": "s", "version": "1.0.0", "languages": ["en"],
      "title": "S", "summary": "S", "model": "mini", "start": "a",
      "stakeholders": [{"id": "p", "label": "P"}, {"id": "q", "label": "Q"}, {"id": "p", "label": "P"},
                       {"id": "p", "label": "P"}],
      "factors": [{"id": "f", "label": "F", "default": "v", "values": [{"id": "v", "label": "V"},
                   {"id": "w", "label": "W"}, {"id": "v", "label": "V"}]}],
      "nodes": [
        {"id": "a", "kind": "dilemma", "text": "T {factor:f}", "question": "Q",
         "options": [{"id": "x", "label": "X", "arguments": {"for": ["f"]}, "next": "z"},
                     {"id": "y", "label": "Y", "next": "z"}, {"id": "x", "label": "X", "next": "z"},
                     {"id": "y", "label": "Y", "next": "z"}, {"id": "x", "label": "X", "next": "z"}]},
        {"id": "z", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D", "discussion": ["?"]}]})");
    std::vector<std::string> repeats;
    for (const auto& d : loaded.diagnostics) {
        if (d.code == "F006") {
            repeats.push_back(d.pointer + ": " + d.message);
        }
    }
    CHECK(repeats == std::vector<std::string>{
                         "/factors/0/values/2/id: duplicate value id `v` in factor `f`",
                         "/stakeholders/2/id: duplicate stakeholder id `p`",
                         "/stakeholders/3/id: duplicate stakeholder id `p`",
                         "/nodes/0/options/2/id: duplicate option id `x` in this dilemma",
                         "/nodes/0/options/3/id: duplicate option id `y` in this dilemma",
                         "/nodes/0/options/4/id: duplicate option id `x` in this dilemma"});
}
