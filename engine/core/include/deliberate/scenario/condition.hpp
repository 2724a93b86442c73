// Conditions (the JSON Logic subset of the scenario format) and effects on variables.
// The loader builds them with every name resolved to a slot, so evaluation does no lookups.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "deliberate/scenario/value.hpp"

namespace deliberate {

// Where a session keeps what conditions read: variables by slot, factors by value index.
struct ConditionState {
    const std::vector<Value>* variables = nullptr;
    const std::vector<std::string>* factor_values = nullptr;  // current value id per factor
};

struct Condition {
    enum class Op : std::uint8_t {
        literal,
        list,      // a literal array, the right-hand side of `in`
        variable,  // {"var": "name"}: reads variables[slot]
        factor,    // {"var": "factor.id"}: reads factor_values[slot]
        eq,
        ne,
        lt,
        le,
        gt,
        ge,
        all,  // and
        any,  // or
        negate,
        in,
    };
    Op op = Op::literal;
    Value literal = false;
    std::string name;  // variable or factor id, as written (for display)
    std::size_t slot = 0;
    std::vector<Condition> args;

    Value evaluate(const ConditionState& state) const;
    bool holds(const ConditionState& state) const;
    // Compact infix form for graphs and messages: `factor.amount == "high" and not reported`.
    std::string to_string() const;
};

struct Effect {
    enum class Op : std::uint8_t { assign, add };
    Op op = Op::assign;
    std::string variable;
    std::size_t slot = 0;
    Value value = false;

    void apply(std::vector<Value>& variables) const;
};

// JSON Logic truthiness: false, 0, "" are false; everything else is true.
bool truthy(const Value& v);

}  // namespace deliberate
