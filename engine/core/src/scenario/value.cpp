// Names and display forms of values.
#include "deliberate/scenario/value.hpp"

#include <cmath>
#include <cstdio>

namespace deliberate {

const char* type_name(ValueType t) {
    switch (t) {
        case ValueType::boolean:
            return "boolean";
        case ValueType::number:
            return "number";
        case ValueType::string:
            return "string";
    }
    return "value";
}

std::string to_display(const Value& v) {
    if (const bool* b = std::get_if<bool>(&v)) {
        return *b ? "true" : "false";
    }
    if (const double* d = std::get_if<double>(&v)) {
        // Whole numbers read as integers: "3", not "3.000000".
        if (std::isfinite(*d) && std::floor(*d) == *d && std::fabs(*d) < 1e15) {
            return std::to_string(static_cast<long long>(*d));
        }
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%g", *d);
        return buffer;
    }
    return std::get<std::string>(v);
}

}  // namespace deliberate
