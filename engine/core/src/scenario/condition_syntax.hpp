// How conditions are written: the operators of the JSON Logic subset with their operation and
// their infix form for display, and how a condition names a factor. The condition reader and
// Condition::to_string() both take their spelling from here.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "deliberate/scenario/condition.hpp"

namespace deliberate::detail {

struct ConditionOperator {
    std::string_view name;   // as written in JSON: {"<=": [a, b]}
    Condition::Op op;        // `var` reads a variable, or a factor through factor_prefix
    std::string_view infix;  // between operands in to_string(); a prefix for `!`
};

// In the order diagnostics list them ("supported: `var`, `==`, ...").
inline constexpr std::array<ConditionOperator, 11> condition_operators = {{
    {"var", Condition::Op::variable, ""},
    {"==", Condition::Op::eq, " == "},
    {"!=", Condition::Op::ne, " != "},
    {"<", Condition::Op::lt, " < "},
    {"<=", Condition::Op::le, " <= "},
    {">", Condition::Op::gt, " > "},
    {">=", Condition::Op::ge, " >= "},
    {"and", Condition::Op::all, " and "},
    {"or", Condition::Op::any, " or "},
    {"!", Condition::Op::negate, "not "},
    {"in", Condition::Op::in, " in "},
}};

// {"var": "factor.amount"} reads factor `amount`; any other name is a variable.
inline constexpr std::string_view factor_prefix = "factor.";

// The operator written `name`; nullptr when there is none.
inline const ConditionOperator* find_condition_operator(std::string_view name) {
    for (const auto& candidate : condition_operators) {
        if (candidate.name == name) {
            return &candidate;
        }
    }
    return nullptr;
}

// The names of all operators, for hints.
inline std::vector<std::string> condition_operator_names() {
    std::vector<std::string> names;
    for (const auto& candidate : condition_operators) {
        names.emplace_back(candidate.name);
    }
    return names;
}

}  // namespace deliberate::detail
