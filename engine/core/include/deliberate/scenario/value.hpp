// The values a scenario's variables, factors and condition literals can take.
#pragma once

#include <string>
#include <variant>

namespace deliberate {

// Numbers are doubles as in JSON; a factor's current value is its value id (a string).
using Value = std::variant<bool, double, std::string>;

enum class ValueType { boolean, number, string };

inline ValueType type_of(const Value& v) {
    return static_cast<ValueType>(v.index());
}
const char* type_name(ValueType t);
// How a value reads in text and on screen: `true`, `3`, `2.5`, `high`.
std::string to_display(const Value& v);

}  // namespace deliberate
