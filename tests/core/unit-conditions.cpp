// Conditions and effects: parsed by the loader into slots, evaluated without lookups.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace deliberate;

namespace {

// A one-dilemma scenario whose first option carries `when`; variables trust (number),
// reported (bool), mood (string); factor amount (low, high).
std::string with_condition(const std::string& when, const std::string& effects = "[]") {
    return R"({"format": "deliberate/scenario@1", "id": "c", "version": "1.0.0", "languages": ["en"],
      "title": "C", "summary": "S", "model": "mini", "start": "d",
      "factors": [{"id": "amount", "label": "Amount", "default": "low",
                   "values": [{"id": "low", "label": "low"}, {"id": "high", "label": "high"}]}],
      "variables": {"trust": 0, "reported": false, "mood": "calm"},
      "nodes": [
        {"id": "d", "kind": "dilemma", "text": "T {factor:amount}", "question": "Q",
         "options": [{"id": "a", "label": "A", "when": )" +
           when + R"(, "effects": )" + effects + R"(, "arguments": {"for": ["x"]}, "next": "e"},
                     {"id": "b", "label": "B", "next": "e"}]},
        {"id": "e", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D", "discussion": ["?"]}]})";
}

struct Fixture {
    std::shared_ptr<const Scenario> scenario;
    std::vector<Value> variables;
    std::vector<std::string> factors{"low"};

    explicit Fixture(const std::string& when, const std::string& effects = "[]") {
        auto loaded = test::load(with_condition(when, effects));
        REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
        scenario = loaded.value;
        for (const auto& v : scenario->variables) {
            variables.push_back(v.initial);
        }
    }
    const Option& option() const { return scenario->nodes[0].options[0]; }
    bool holds() const { return option().when->holds(ConditionState{&variables, &factors}); }
    void set(const std::string& name, Value v) { variables[*scenario->find_variable(name)] = v; }
};

std::vector<std::string> condition_errors(const std::string& when,
                                          const std::string& effects = "[]") {
    return test::codes(test::load(with_condition(when, effects)).diagnostics);
}

}  // namespace

TEST_CASE("comparisons on numbers") {
    Fixture f(R"({"<": [{"var": "trust"}, 0]})");
    CHECK_FALSE(f.holds());
    f.set("trust", -1.0);
    CHECK(f.holds());
    CHECK(f.option().when->to_string() == "trust < 0");
    Fixture ge(R"({">=": [{"var": "trust"}, 2]})");
    ge.set("trust", 2.0);
    CHECK(ge.holds());
    ge.set("trust", 1.5);
    CHECK_FALSE(ge.holds());
}

TEST_CASE("equality on factors, strings and booleans") {
    Fixture f(R"({"==": [{"var": "factor.amount"}, "high"]})");
    CHECK_FALSE(f.holds());
    f.factors[0] = "high";
    CHECK(f.holds());
    Fixture s(R"({"!=": [{"var": "mood"}, "calm"]})");
    CHECK_FALSE(s.holds());
    s.set("mood", std::string("uneasy"));
    CHECK(s.holds());
    Fixture b(R"({"==": [{"var": "reported"}, false]})");
    CHECK(b.holds());
}

TEST_CASE("and, or, not and in") {
    Fixture f(
        R"({"or": [{"and": [{"var": "reported"}, {">": [{"var": "trust"}, 1]}]}, {"!": [{"var": "reported"}]}]})");
    CHECK(f.holds());  // not reported
    f.set("reported", true);
    CHECK_FALSE(f.holds());
    f.set("trust", 5.0);
    CHECK(f.holds());
    CHECK(f.option().when->to_string() == "(reported and trust > 1) or not reported");
    Fixture in(R"({"in": [{"var": "factor.amount"}, ["high"]]})");
    CHECK_FALSE(in.holds());
    in.factors[0] = "high";
    CHECK(in.holds());
    Fixture substring(R"({"in": ["al", {"var": "mood"}]})");
    CHECK(substring.holds());
}

TEST_CASE("literal conditions and truthiness") {
    CHECK(Fixture("true").holds());
    CHECK_FALSE(Fixture("false").holds());
    CHECK_FALSE(Fixture(R"({"var": "trust"})").holds());
    CHECK(Fixture(R"({"var": "mood"})").holds());
}

TEST_CASE("effects set and add") {
    Fixture f(
        "true",
        R"([{"set": "trust", "add": -2}, {"set": "mood", "to": "tense"}, {"set": "reported", "to": true}])");
    for (const auto& effect : f.option().effects) {
        effect.apply(f.variables);
    }
    CHECK(std::get<double>(f.variables[*f.scenario->find_variable("trust")]) == -2.0);
    CHECK(std::get<std::string>(f.variables[*f.scenario->find_variable("mood")]) == "tense");
    CHECK(std::get<bool>(f.variables[*f.scenario->find_variable("reported")]));
}

TEST_CASE("malformed conditions are refused with their own codes") {
    CHECK(condition_errors(R"({"xor": [true, false]})") == std::vector<std::string>{"C001"});
    CHECK(condition_errors(R"({"==": [1]})") == std::vector<std::string>{"C001"});
    CHECK(condition_errors(R"({"==": [1, 2], "!=": [1, 2]})") == std::vector<std::string>{"C001"});
    CHECK(condition_errors("null") == std::vector<std::string>{"C001"});
    CHECK(condition_errors("[true]") == std::vector<std::string>{"C001"});
    CHECK(condition_errors(R"({"var": "trsut"})") == std::vector<std::string>{"C002"});
    CHECK(condition_errors(R"({"var": "factor.amout"})") == std::vector<std::string>{"C003"});
    CHECK(condition_errors(R"({"==": [{"var": "factor.amount"}, "hihg"]})") ==
          std::vector<std::string>{"C004"});
    CHECK(condition_errors(R"({"==": [{"var": "trust"}, "high"]})") ==
          std::vector<std::string>{"C005"});
    CHECK(condition_errors(R"({"<": [{"var": "reported"}, true]})") ==
          std::vector<std::string>{"C005"});
}

TEST_CASE("a factor tested with `in` only lists its own values") {
    CHECK(condition_errors(R"({"in": [{"var": "factor.amount"}, ["low", "hihg"]]})") ==
          std::vector<std::string>{"C004"});
}

TEST_CASE("malformed effects are refused") {
    CHECK(condition_errors("true", R"([{"set": "nope", "to": 1}])") ==
          std::vector<std::string>{"C002"});
    CHECK(condition_errors("true", R"([{"set": "amount", "to": "high"}])") ==
          std::vector<std::string>{"C006"});
    CHECK(condition_errors("true", R"([{"set": "trust"}])") == std::vector<std::string>{"C007"});
    CHECK(condition_errors("true", R"([{"set": "trust", "to": 1, "add": 1}])") ==
          std::vector<std::string>{"C007"});
    CHECK(condition_errors("true", R"([{"set": "mood", "add": 1}])") ==
          std::vector<std::string>{"C005"});
    CHECK(condition_errors("true", R"([{"set": "trust", "to": "x"}])") ==
          std::vector<std::string>{"C005"});
}
