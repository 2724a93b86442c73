// Session (one play-through) and random_walks: conditions, branches, effects, stepping back
// and forth, factors in rendered text, invalid actions and deterministic walk reports.
#include <doctest/doctest.h>

#include <stdexcept>

#include "deliberate/session/session.hpp"
#include "deliberate/session/walk.hpp"
#include "test_support.hpp"

using namespace deliberate;

namespace {

std::shared_ptr<const Scenario> inline_scenario(const std::string& text) {
    auto loaded = test::load(text);
    REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
    return loaded.value;
}

// A dilemma that loops back to itself once: `again` is offered only until it was taken.
const char* const looping = R"({"format": "deliberate/scenario@1", "id": "s", "version": "1.0.0",
  "languages": ["en"], "title": "S", "summary": "S", "model": "mini", "start": "d",
  "variables": {"done": false, "count": 0, "name": ""},
  "nodes": [{"id": "d", "kind": "dilemma", "text": "Count {var:count}, name {var:name}.", "question": "Q",
             "options": [{"id": "again", "label": "Again", "when": {"!": {"var": "done"}},
                          "effects": [{"set": "done", "to": true}, {"set": "count", "add": 2}], "next": "d"},
                         {"id": "leave", "label": "Leave", "next": "z"}]},
            {"id": "z", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D", "discussion": ["?"]}]})";

std::size_t option_index(const Node& node, const std::string& id) {
    for (std::size_t i = 0; i < node.options.size(); ++i) {
        if (node.options[i].id == id) {
            return i;
        }
    }
    FAIL("no option " << id);
    return 0;
}

// Answers every step before the choice.
void walk_to_choice(Session& session) {
    while (!session.at_choice()) {
        session.answer_step();
    }
}

}  // namespace

TEST_CASE("a session starts at the start node with defaults and renders placeholders") {
    Session session(test::full_featured(), "en");
    CHECK(session.node().id == "intro");
    CHECK(session.at_scene());
    CHECK(session.current_step() == nullptr);
    CHECK(session.offered_options().empty());
    CHECK(session.render(session.node().text) == "A parcel worth €25.\n\nWhat now?");
    session.set_factor(0, 1);
    CHECK(session.render(session.node().text) == "A parcel worth €250.\n\nWhat now?");
    session.set_language("nl");
    CHECK(session.render(session.node().text) == "Een pakket van € 250.\n\nWat nu?");
    CHECK(session.history() == std::vector<std::size_t>{0});
}

TEST_CASE("a dilemma walks its model steps, can go back before the choice, not after") {
    Session session(test::full_featured(), "en");
    session.continue_scene();
    REQUIRE(session.at_dilemma());
    CHECK(session.step_position() == 0);
    CHECK(session.render(session.node().text) == "Trust: 0.");
    CHECK_FALSE(session.go_back());
    session.answer_step();
    CHECK(session.step_position() == 1);
    CHECK(session.answers().size() == 1);
    CHECK(session.go_back());
    CHECK(session.step_position() == 0);
    CHECK(session.answers().empty());
    walk_to_choice(session);
    CHECK(session.current_step()->input == InputKind::choice);
    CHECK(session.offered_options() == std::vector<std::size_t>{0, 1});

    const std::size_t keep = option_index(session.node(), "keep");
    session.choose(keep);
    // The model has a step after the choice: still at the dilemma, the choice is final.
    CHECK(session.node().id == "parcel");
    CHECK(session.chosen_option() == keep);
    CHECK(session.current_step()->id == "feeling");
    CHECK_FALSE(session.go_back());
    CHECK(session.render(session.node().text) == "Trust: -1.");
    CHECK(std::get<std::string>(session.variables()[*session.scenario().find_variable("mood")]) ==
          "uneasy");
    session.answer_step();
    CHECK(session.node().id == "after");
    REQUIRE(session.choices().size() == 1);
    CHECK(session.choices()[0].option == keep);
}

TEST_CASE("the first branch that holds wins, else next") {
    const auto scenario = test::full_featured();
    const auto ending_after = [&](std::size_t amount, const std::string& option) {
        Session session(scenario, "en");
        session.set_factor(0, amount);
        session.continue_scene();
        walk_to_choice(session);
        session.choose(option_index(session.node(), option));
        while (session.at_dilemma()) {
            session.answer_step();
        }
        session.continue_scene();
        CHECK(session.at_ending());
        return session.node().id;
    };
    CHECK(ending_after(0, "keep") == "audit");    // trust < 0
    CHECK(ending_after(1, "report") == "audit");  // amount high
    CHECK(ending_after(0, "report") == "quiet");  // neither: `next`
}

TEST_CASE("conditions hide options and effects apply in order") {
    Session session(inline_scenario(looping), "en");
    walk_to_choice(session);
    CHECK(session.offered_options() == std::vector<std::size_t>{0, 1});
    session.choose(0);
    CHECK(session.node().id == "d");
    CHECK(session.history() == std::vector<std::size_t>{0, 0});
    CHECK(session.render(session.node().text) == "Count 2, name .");
    walk_to_choice(session);
    CHECK(session.offered_options() == std::vector<std::size_t>{1});
    CHECK_THROWS_AS(session.choose(0), std::logic_error);
    session.choose(1);
    CHECK(session.at_ending());
}

TEST_CASE("invalid actions throw") {
    Session session(test::full_featured(), "en");
    CHECK_THROWS_AS(session.answer_step(), std::logic_error);
    CHECK_THROWS_AS(session.choose(0), std::logic_error);
    CHECK_THROWS_AS(session.go_back(), std::logic_error);
    CHECK_THROWS_AS(session.set_factor(1, 0), std::logic_error);
    CHECK_THROWS_AS(session.set_factor(0, 2), std::logic_error);
    session.continue_scene();
    CHECK_THROWS_AS(session.continue_scene(), std::logic_error);
    CHECK_THROWS_AS(session.choose(0), std::logic_error);  // not at the choice step yet
    walk_to_choice(session);
    CHECK_THROWS_AS(session.answer_step(), std::logic_error);
    CHECK_THROWS_AS(session.choose(5), std::logic_error);
    session.choose(0);
    CHECK_THROWS_AS(session.choose(0), std::logic_error);  // chosen already
    session.answer_step();
    session.continue_scene();
    REQUIRE(session.at_ending());
    CHECK_THROWS_AS(session.continue_scene(), std::logic_error);
    CHECK_THROWS_AS(session.answer_step(), std::logic_error);
}

TEST_CASE("random walks cover the full-featured scenario, deterministically") {
    const auto scenario = test::full_featured();
    const WalkReport report = random_walks(*scenario, 50, 7, {});
    CHECK(report.complete());
    CHECK(report.nodes_reached == 5);
    CHECK(report.options_chosen == 2);
    const WalkReport once = random_walks(*scenario, 1, 7, {});
    const WalkReport again = random_walks(*scenario, 1, 7, {});
    CHECK(once.options_chosen == 1);
    CHECK(again.options_never_chosen == once.options_never_chosen);
    CHECK(again.nodes_unreached == once.nodes_unreached);
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

    // Few runs, so which options are chosen depends on the random sequence.
    for (const std::uint64_t seed : {1u, 2u, 3u, 99u}) {
        const WalkReport x = random_walks(*scenario, 1, seed, {"en"});
        const WalkReport y = random_walks(*scenario, 1, seed, {"en"});
        CHECK(x.options_never_chosen == y.options_never_chosen);
        CHECK(x.options_chosen == y.options_chosen);
        CHECK(x.problems.size() == y.problems.size());
    }
}

TEST_CASE("random walks report a stuck dilemma and a loop") {
    const auto stuck = inline_scenario(R"({"format": "deliberate/scenario@1", "id": "s",
      "version": "1.0.0", "languages": ["en"], "title": "S", "summary": "S", "model": "mini",
      "start": "d",
      "factors": [{"id": "f", "label": "F", "default": "a", "values": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]}],
      "nodes": [{"id": "d", "kind": "dilemma", "text": "T", "question": "Q",
                 "options": [{"id": "x", "label": "X", "when": {"==": [{"var": "factor.f"}, "a"]}, "next": "z"},
                             {"id": "y", "label": "Y", "when": {"==": [{"var": "factor.f"}, "a"]}, "next": "z"}]},
                {"id": "z", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D", "discussion": ["?"]}]})");
    const WalkReport report = random_walks(*stuck, 10, 1, {});
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].kind == WalkProblem::Kind::stuck);
    CHECK(report.problems[0].runs == 5);  // the runs with factor f = b

    const auto loop = inline_scenario(R"({"format": "deliberate/scenario@1", "id": "s",
      "version": "1.0.0", "languages": ["en"], "title": "S", "summary": "S", "model": "mini",
      "start": "a", "variables": {"out": false},
      "nodes": [{"id": "a", "kind": "scene", "text": "T", "next": "b",
                 "branches": [{"when": {"var": "out"}, "next": "z"}]},
                {"id": "b", "kind": "scene", "text": "T", "next": "a"},
                {"id": "z", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D", "discussion": ["?"]}]})");
    const WalkReport looped = random_walks(*loop, 2, 1, {});
    CHECK(looped.nodes_unreached == std::vector<std::string>{"z"});
    REQUIRE(looped.problems.size() == 1);
    CHECK(looped.problems[0].kind == WalkProblem::Kind::loop);
    CHECK(looped.problems[0].runs == 2);
}
