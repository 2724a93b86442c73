// Session (one play-through): conditions, branches, effects, stepping back and forth, factors
// in rendered text and invalid actions. Random walks are in unit-walk.cpp.
#include <doctest/doctest.h>

#include <stdexcept>

#include "deliberate/session/session.hpp"
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
