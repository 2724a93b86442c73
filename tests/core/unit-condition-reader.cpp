// Reading conditions and effects: the exact diagnostic, pointer and hint for each way a
// condition can be wrong (unknown operator, wrong arity, unknown name, types that never
// compare), and the operator spelling shared by reading and to_string().
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace deliberate;

namespace {

// As in unit-conditions.cpp: variables trust (number), reported (boolean), mood (string);
// factor amount (low, high). `when` is the first option's condition.
std::string with_condition(const std::string& when, const std::string& effects = "[]",
                           const std::string& text = "T") {
    return R"({"format": "deliberate/scenario@1", "id": "c", "version": "1.0.0", "languages": ["en"],
      "title": "C", "summary": "S", "model": "mini", "start": "d",
      "factors": [{"id": "amount", "label": "Amount", "default": "low",
                   "values": [{"id": "low", "label": "low"}, {"id": "high", "label": "high"}]}],
      "variables": {"trust": 0, "reported": false, "mood": "calm"},
      "nodes": [
        {"id": "d", "kind": "dilemma", "text": ")" +
           text + R"( {factor:amount}", "question": "Q",
         "options": [{"id": "a", "label": "A", "when": )" +
           when + R"(, "effects": )" + effects + R"(, "arguments": {"for": ["x"]}, "next": "e"},
                     {"id": "b", "label": "B", "next": "e"}]},
        {"id": "e", "kind": "ending", "outcome": "O", "text": "T", "debrief": "D", "discussion": ["?"]}]})";
}

const std::string when = "/nodes/0/options/0/when";

// Each error as "CODE pointer: message | hint".
std::vector<std::string> errors(const std::string& scenario) {
    std::vector<std::string> out;
    for (const auto& d : test::load(scenario).diagnostics) {
        if (d.severity == Severity::error) {
            out.push_back(d.code + " " + d.pointer + ": " + d.message + " | " + d.hint);
        }
    }
    return out;
}

std::vector<std::string> condition_errors(const std::string& condition) {
    return errors(with_condition(condition));
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("an unknown operator gets the close one, else the list of them all") {
    CHECK(condition_errors(R"({"=": [1, 1]})") ==
          Lines{"C001 " + when + "/=: unknown operator `=` | did you mean `==`?"});
    CHECK(condition_errors(R"({"xor": [true, false]})") ==
          Lines{"C001 " + when + "/xor: unknown operator `xor` | did you mean `or`?"});
    CHECK(condition_errors(R"({"between": [1, 2]})") ==
          Lines{"C001 " + when +
                "/between: unknown operator `between` | supported: `var`, `==`, `!=`, `<`, "
                "`<=`, `>`, `>=`, `and`, `or`, `!` or `in`"});
}

TEST_CASE("each operator takes its own number of operands") {
    CHECK(condition_errors(R"({"==": [1]})") ==
          Lines{"C001 " + when + "/==: `==` takes exactly two operands; found 1 | "});
    CHECK(condition_errors(R"({"in": [1, 2, 3]})") ==
          Lines{"C001 " + when + "/in: `in` takes exactly two operands; found 3 | "});
    CHECK(condition_errors(R"({"and": []})") ==
          Lines{"C001 " + when + "/and: `and` needs at least one operand | "});
    CHECK(condition_errors(R"({"!": [true, false]})") ==
          Lines{"C001 " + when + "/!: `!` takes one operand | "});
    CHECK(condition_errors(R"({"<": 3})") ==
          Lines{"C001 " + when + "/<: `<` takes a list of operands | e.g. {\"<\": [a, b]}"});
    CHECK(condition_errors(R"({"var": 3})") ==
          Lines{"C001 " + when +
                "/var: `var` takes the name of a variable or factor | e.g. {\"var\": \"trust\"} "
                "or {\"var\": \"factor.amount\"}"});
    CHECK(condition_errors(R"({"==": [1, 2], "!=": [1, 2]})") ==
          Lines{"C001 " + when +
                ": a condition object has exactly one operator; this one has 2 | e.g. {\"==\": "
                "[{\"var\": \"trust\"}, 1]}; combine with {\"and\": [...]}"});
}

TEST_CASE("an unknown variable gets the close name, else how to declare it") {
    CHECK(condition_errors(R"({"var": "trst"})") ==
          Lines{"C002 " + when + "/var: unknown variable `trst` | did you mean `trust`?"});
    CHECK(condition_errors(R"({"var": "trsut"})") ==
          Lines{"C002 " + when +
                "/var: unknown variable `trsut` | declare it in `variables`, or read a factor as "
                "\"factor.trsut\""});
    CHECK(condition_errors(R"({"var": "amount"})") ==
          Lines{"C002 " + when +
                "/var: unknown variable `amount` | declare it in `variables`, or read a factor "
                "as \"factor.amount\""});
    CHECK(errors(with_condition("true", R"([{"set": "mod", "to": "x"}])")) ==
          Lines{"C002 /nodes/0/options/0/effects/0/set: unknown variable `mod` | did you mean "
                "`mood`?"});
    CHECK(errors(with_condition("true", R"([{"set": "zeal", "to": 1}])")) ==
          Lines{"C002 /nodes/0/options/0/effects/0/set: unknown variable `zeal` | declare it in "
                "`variables` with its initial value"});
    CHECK(errors(with_condition("true", "[]", "{var:trst}")) ==
          Lines{"T002 /nodes/0/text: placeholder {var:trst} names an unknown variable | did "
                "you mean `trust`?"});
    CHECK(errors(with_condition("true", "[]", "{var:zeal}")) ==
          Lines{"T002 /nodes/0/text: placeholder {var:zeal} names an unknown variable | "
                "declared variables: `mood`, `reported` or `trust`"});
}

TEST_CASE("an unknown factor or factor value gets the close id, else the declared ones") {
    CHECK(condition_errors(R"({"var": "factor.amout"})") ==
          Lines{"C003 " + when + "/var: unknown factor `amout` | did you mean `amount`?"});
    CHECK(condition_errors(R"({"var": "factor.size"})") ==
          Lines{"C003 " + when + "/var: unknown factor `size` | declared factors: `amount`"});
    CHECK(
        condition_errors(R"({"==": [{"var": "factor.amount"}, "hig"]})") ==
        Lines{"C004 " + when + "/==/1: factor `amount` has no value `hig` | did you mean `high`?"});
    CHECK(condition_errors(R"({"==": ["hihg", {"var": "factor.amount"}]})") ==
          Lines{"C004 " + when +
                "/==/0: factor `amount` has no value `hihg` | its values: `low` or `high`"});
    CHECK(condition_errors(R"({"in": [{"var": "factor.amount"}, ["low", 3]]})") ==
          Lines{"C004 " + when +
                "/in/1/1: factor `amount` has no value `3` | its values: `low` or `high`"});
    CHECK(errors(with_condition("true", R"([{"set": "factor.amount", "to": "high"}])")) ==
          Lines{"C006 /nodes/0/options/0/effects/0/set: effects cannot change factor `amount` | "
                "factors are the trainer's \"what if\" switches; keep story state in a "
                "variable"});
}

TEST_CASE("types that never compare are refused") {
    CHECK(condition_errors(R"({"==": [{"var": "trust"}, "high"]})") ==
          Lines{"C005 " + when +
                "/==: compares number `trust` with string `\"high\"`; this never holds | "});
    CHECK(condition_errors(R"({"<": [{"var": "reported"}, true]})") ==
          Lines{"C005 " + when + "/<: `<` orders numbers or strings, not booleans | "});
    CHECK(condition_errors(R"({"in": ["x", 3]})") ==
          Lines{"C005 " + when + "/in/1: `in` looks in a list or a string; this is not one | "});
    CHECK(errors(with_condition("true", R"([{"set": "mood", "add": 1}])")) ==
          Lines{"C005 /nodes/0/options/0/effects/0/add: `add` needs a number variable; `mood` "
                "is a string | use `to` to set it"});
}

TEST_CASE("every operator reads back as written, in infix form") {
    const auto shown = [](const std::string& condition) {
        auto loaded = test::load(with_condition(condition));
        REQUIRE_MESSAGE(loaded.ok(), test::lines(loaded.diagnostics));
        return loaded.value->nodes[0].options[0].when->to_string();
    };
    CHECK(shown(R"({"==": [{"var": "trust"}, 1]})") == "trust == 1");
    CHECK(shown(R"({"!=": [{"var": "trust"}, 1]})") == "trust != 1");
    CHECK(shown(R"({"<": [{"var": "trust"}, 1]})") == "trust < 1");
    CHECK(shown(R"({"<=": [{"var": "trust"}, 1]})") == "trust <= 1");
    CHECK(shown(R"({">": [{"var": "trust"}, 1]})") == "trust > 1");
    CHECK(shown(R"({">=": [{"var": "trust"}, 1]})") == "trust >= 1");
    CHECK(shown(R"({"in": [{"var": "factor.amount"}, ["low", "high"]]})") ==
          R"(factor.amount in ["low", "high"])");
    CHECK(shown(R"({"and": [{"var": "reported"}, {"or": [true, {"!": {"var": "reported"}}]}]})") ==
          "reported and (true or not reported)");
}
