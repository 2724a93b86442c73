// random_walks: coverage, deterministic reports, stuck dilemmas, empty placeholders, and
// loops told apart from long stories (a chain far longer than any fixed step limit).
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "deliberate/session/walk.hpp"
#include "test_support.hpp"

using namespace deliberate;

namespace {

std::shared_ptr<const Scenario> inline_scenario(const std::string& text) {
    auto loaded = test::load(text);
    REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
    return loaded.value;
}

const char* const header = R"({"format": "deliberate/scenario@1", "id": "s", "version": "1.0.0",
  "languages": ["en"], "title": "S", "summary": "S", "model": "mini", )";
const char* const ending =
    R"({"id": "z", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D", "discussion": ["?"]})";

// A dilemma that loops back to itself once: `again` is offered only until it was taken.
const char* const looping = R"({"format": "deliberate/scenario@1", "id": "s", "version": "1.0.0",
  "languages": ["en"], "title": "S", "summary": "S", "model": "mini", "start": "d",
  "variables": {"done": false, "count": 0, "name": ""},
  "nodes": [{"id": "d", "kind": "dilemma", "text": "Count {var:count}, name {var:name}.", "question": "Q",
             "options": [{"id": "again", "label": "Again", "when": {"!": {"var": "done"}},
                          "effects": [{"set": "done", "to": true}, {"set": "count", "add": 2}], "next": "d"},
                         {"id": "leave", "label": "Leave", "next": "z"}]},
            {"id": "z", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D", "discussion": ["?"]}]})";

// Scenes s0 -> s1 -> ... -> s{length-1} -> the ending.
std::string chain(std::size_t length) {
    std::string text = std::string(header) + R"("start": "s0", "nodes": [)";
    for (std::size_t i = 0; i < length; ++i) {
        const std::string next = i + 1 < length ? "s" + std::to_string(i + 1) : "z";
        text += R"({"id": "s)" + std::to_string(i) +
                R"(", "kind": "scene", "text": "T", "next": ")" + next + "\"},";
    }
    return text + ending + "]}";
}

}  // namespace

TEST_CASE("random walks cover the full-featured scenario, deterministically") {
    const auto scenario = test::full_featured();
    const WalkReport report = random_walks(*scenario, 50, 7, {});
    CHECK(report.complete());
    CHECK(report.nodes_reached == 5);
    CHECK(report.options_chosen == 2);
    // One run chooses one option. The same seed always leaves the same option unchosen, and
    // the seed does decide which: some seeds leave one option, some the other.
    std::set<std::vector<std::string>> left_unchosen;
    for (std::uint64_t seed = 1; seed <= 16; ++seed) {
        const WalkReport once = random_walks(*scenario, 1, seed, {});
        const WalkReport again = random_walks(*scenario, 1, seed, {});
        CHECK(once.options_chosen == 1);
        REQUIRE(once.options_never_chosen.size() == 1);
        CHECK(again.options_never_chosen == once.options_never_chosen);
        CHECK(again.nodes_unreached == once.nodes_unreached);
        left_unchosen.insert(once.options_never_chosen);
    }
    CHECK(left_unchosen.size() == 2);
}

TEST_CASE("random walks report empty placeholders ") {
    const auto scenario = inline_scenario(looping);
    const WalkReport report = random_walks(*scenario, 20, 3, {"en"});
    CHECK(report.nodes_unreached.empty());
    CHECK(report.options_never_offered.empty());
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].kind == WalkProblem::Kind::empty_placeholder);
    CHECK(report.problems[0].node_id == "d");
    CHECK(report.problems[0].detail == "{var:name} (en)");
    CHECK(report.problems[0].runs == 20);
    CHECK_FALSE(report.complete());

    // Few runs, so which options are chosen depends on the random sequence: the same seed
    // gives the same report, and the seeds between them give more than one.
    std::set<std::size_t> chosen_counts;
    for (const std::uint64_t seed : {1u, 2u, 3u, 4u, 5u, 6u, 7u, 99u}) {
        const WalkReport x = random_walks(*scenario, 1, seed, {"en"});
        const WalkReport y = random_walks(*scenario, 1, seed, {"en"});
        CHECK(x.options_never_chosen == y.options_never_chosen);
        CHECK(x.options_chosen == y.options_chosen);
        REQUIRE(x.problems.size() == 1);
        CHECK(x.problems[0].detail == y.problems[0].detail);
        chosen_counts.insert(x.options_chosen);
    }
    CHECK(chosen_counts.size() > 1);
}

TEST_CASE("random walks report a stuck dilemma") {
    const auto stuck = inline_scenario(std::string(header) + R"("start": "d",
      "factors": [{"id": "f", "label": "F", "default": "a", "values": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}],
      "nodes": [{"id": "d", "kind": "dilemma", "text": "T", "question": "Q",
                 "options": [{"id": "x", "label": "X", "when": {"==": [{"var": "factor.f"}, "a"]}, "next": "z"},
                             {"id": "y", "label": "Y", "when": {"==": [{"var": "factor.f"}, "a"]}, "next": "z"}]},
                )" + ending + "]}");
    const WalkReport report = random_walks(*stuck, 10, 1, {});
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].kind == WalkProblem::Kind::stuck);
    CHECK(report.problems[0].runs == 5);  // the runs with factor f = b
}

TEST_CASE("a chain far longer than any fixed step limit is walked to its ending") {
    const std::size_t length = 3 * max_walk_length;
    const auto scenario = inline_scenario(chain(length));
    const WalkReport report = random_walks(*scenario, 2, 1, {});
    CHECK(report.problems.empty());
    CHECK(report.nodes_reached == length + 1);
    CHECK(report.complete());
}

TEST_CASE("scenes that come back with the same variables are a loop, found at once") {
    const auto loop = inline_scenario(std::string(header) +
                                      R"("start": "a", "variables": {"out": false},
      "nodes": [{"id": "a", "kind": "scene", "text": "T", "next": "b",
                 "branches": [{"when": {"var": "out"}, "next": "z"}]},
                {"id": "b", "kind": "scene", "text": "T", "next": "a"},
                )" + ending + "]}");
    const WalkReport looped = random_walks(*loop, 2, 1, {});
    CHECK(looped.nodes_unreached == std::vector<std::string>{"z"});
    REQUIRE(looped.problems.size() == 1);
    CHECK(looped.problems[0].kind == WalkProblem::Kind::loop);
    CHECK(looped.problems[0].node_id == "a");
    CHECK(looped.problems[0].detail == "comes back with the same variables, so it never ends");
    CHECK(looped.problems[0].runs == 2);
}

TEST_CASE("a loop that counts its way out is no loop") {
    // Goes round a and b a thousand times, each time with a new count.
    const auto counting = inline_scenario(std::string(header) +
                                          R"("start": "a", "variables": {"n": 0},
      "nodes": [{"id": "a", "kind": "scene", "text": "T", "next": "b",
                 "branches": [{"when": {">=": [{"var": "n"}, 1000]}, "next": "z"}]},
                {"id": "b", "kind": "dilemma", "text": "T", "question": "Q",
                 "options": [{"id": "on", "label": "On", "effects": [{"set": "n", "add": 1}], "next": "a"},
                             {"id": "off", "label": "Off", "when": {"<": [{"var": "n"}, 0]}, "next": "z"}]},
                )" + ending + "]}");
    const WalkReport report = random_walks(*counting, 1, 1, {});
    CHECK(report.problems.empty());
    CHECK(report.nodes_unreached.empty());
}

TEST_CASE("choices that can only lead back are a loop, found by the step limit") {
    const auto trapped = inline_scenario(std::string(header) + R"("start": "d",
      "nodes": [{"id": "d", "kind": "dilemma", "text": "T", "question": "Q",
                 "options": [{"id": "x", "label": "X", "next": "d"},
                             {"id": "y", "label": "Y", "next": "d"},
                             {"id": "w", "label": "W", "when": false, "next": "z"}]},
                )" + ending + "]}");
    const WalkReport report = random_walks(*trapped, 1, 1, {});
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].kind == WalkProblem::Kind::loop);
    CHECK(report.problems[0].node_id == "d");
    CHECK(report.problems[0].detail ==
          "more than " + std::to_string(walk_length_limit(*trapped)) + " nodes");
}
