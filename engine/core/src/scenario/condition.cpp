// Evaluating conditions and applying effects. Names were resolved to slots by the loader and
// types checked there, so evaluation is a small tree walk without lookups or allocation.
#include "deliberate/scenario/condition.hpp"

#include "scenario/condition_syntax.hpp"

namespace deliberate {

bool truthy(const Value& v) {
    if (const bool* b = std::get_if<bool>(&v)) {
        return *b;
    }
    if (const double* d = std::get_if<double>(&v)) {
        return *d != 0.0;
    }
    return !std::get<std::string>(v).empty();
}

namespace {

// Ordering of two values of the same type; values of different types never compare.
enum class Order { less, equal, greater, unordered };

Order compare(const Value& a, const Value& b) {
    if (a.index() != b.index()) {
        return Order::unordered;
    }
    if (const double* x = std::get_if<double>(&a)) {
        const double y = std::get<double>(b);
        return *x < y ? Order::less : (*x > y ? Order::greater : Order::equal);
    }
    if (const bool* x = std::get_if<bool>(&a)) {
        const bool y = std::get<bool>(b);
        return *x == y ? Order::equal : (*x ? Order::greater : Order::less);
    }
    const int c = std::get<std::string>(a).compare(std::get<std::string>(b));
    return c < 0 ? Order::less : (c > 0 ? Order::greater : Order::equal);
}

// Between the operands of `op` in to_string(), as the operator table spells it.
std::string_view infix(Condition::Op op) {
    for (const auto& candidate : detail::condition_operators) {
        if (candidate.op == op) {
            return candidate.infix;
        }
    }
    return " ";
}

}  // namespace

bool Condition::holds(const ConditionState& state) const {
    return truthy(evaluate(state));
}

Value Condition::evaluate(const ConditionState& state) const {
    switch (op) {
        case Op::literal:
        case Op::list:
            return literal;
        case Op::variable:
            return (*state.variables)[slot];
        case Op::factor:
            return (*state.factor_values)[slot];
        case Op::eq:
            return compare(args[0].evaluate(state), args[1].evaluate(state)) == Order::equal;
        case Op::ne:
            return compare(args[0].evaluate(state), args[1].evaluate(state)) != Order::equal;
        case Op::lt:
            return compare(args[0].evaluate(state), args[1].evaluate(state)) == Order::less;
        case Op::le: {
            const Order o = compare(args[0].evaluate(state), args[1].evaluate(state));
            return o == Order::less || o == Order::equal;
        }
        case Op::gt:
            return compare(args[0].evaluate(state), args[1].evaluate(state)) == Order::greater;
        case Op::ge: {
            const Order o = compare(args[0].evaluate(state), args[1].evaluate(state));
            return o == Order::greater || o == Order::equal;
        }
        case Op::all:
            for (const auto& arg : args) {
                if (!arg.holds(state)) {
                    return false;
                }
            }
            return true;
        case Op::any:
            for (const auto& arg : args) {
                if (arg.holds(state)) {
                    return true;
                }
            }
            return false;
        case Op::negate:
            return !args[0].holds(state);
        case Op::in: {
            const Value needle = args[0].evaluate(state);
            const Condition& haystack = args[1];
            if (haystack.op == Op::list) {
                for (const auto& element : haystack.args) {
                    if (compare(needle, element.literal) == Order::equal) {
                        return true;
                    }
                }
                return false;
            }
            const Value text = haystack.evaluate(state);
            const auto* n = std::get_if<std::string>(&needle);
            const auto* t = std::get_if<std::string>(&text);
            return n && t && t->find(*n) != std::string::npos;
        }
    }
    return false;
}

std::string Condition::to_string() const {
    switch (op) {
        case Op::literal:
            return std::holds_alternative<std::string>(literal)
                       ? '"' + std::get<std::string>(literal) + '"'
                       : to_display(literal);
        case Op::list: {
            std::string out = "[";
            for (std::size_t i = 0; i < args.size(); ++i) {
                out += (i ? ", " : "") + args[i].to_string();
            }
            return out + "]";
        }
        case Op::variable:
            return name;
        case Op::factor:
            return std::string(detail::factor_prefix) + name;
        case Op::negate: {
            const bool simple =
                args[0].op == Op::variable || args[0].op == Op::factor || args[0].op == Op::literal;
            const std::string prefix(infix(Op::negate));
            return simple ? prefix + args[0].to_string() : prefix + "(" + args[0].to_string() + ")";
        }
        default: {
            std::string out;
            for (std::size_t i = 0; i < args.size(); ++i) {
                const bool nested = args[i].op == Op::all || args[i].op == Op::any;
                const std::string part = args[i].to_string();
                out += i ? infix(op) : "";
                out += nested ? "(" + part + ")" : part;
            }
            return out;
        }
    }
}

void Effect::apply(std::vector<Value>& variables) const {
    Value& target = variables[slot];
    if (op == Op::add) {
        // The loader guarantees both are numbers.
        std::get<double>(target) += std::get<double>(value);
    } else {
        target = value;
    }
}

}  // namespace deliberate
