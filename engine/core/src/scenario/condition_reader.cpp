// Conditions and effects from JSON; see condition_reader.hpp. The messages are listed in
// docs/diagnostics.md (C001 to C007).
#include "scenario/condition_reader.hpp"

#include <tuple>

#include "scenario/name_hints.hpp"

namespace deliberate::detail {

std::optional<Condition> ConditionReader::condition(const JsonValue& value, const Path& path) {
    Condition out;
    if (value.is_boolean()) {
        out.literal = value.as_bool();
        return out;
    }
    if (value.is_number()) {
        out.literal = value.as_double();
        return out;
    }
    if (value.is_string()) {
        out.literal = std::string(value.as_string());
        return out;
    }
    if (!value.is_object() || value.size() != 1) {
        diag_.error(
            "C001", path.str(),
            value.is_object()
                ? "a condition object has exactly one operator; this one has " +
                      std::to_string(value.size())
                : std::string("a condition cannot be ") + (value.is_null() ? "null" : "a list"),
            "e.g. {\"==\": [{\"var\": \"trust\"}, 1]}; combine with {\"and\": [...]}");
        return std::nullopt;
    }
    const std::string name(value.members()[0].key);
    const JsonValue& args = value.members()[0].value;
    const Path op_path = path / name;
    const ConditionOperator* op = find_condition_operator(name);
    if (op == nullptr) {
        const std::vector<std::string> names = condition_operator_names();
        diag_.error("C001", op_path.str(), "unknown operator `" + name + "`",
                    name_hint(name, names, "supported: " + quoted_list(names)));
        return std::nullopt;
    }
    switch (op->op) {
        case Condition::Op::variable:
            return read_var(args, op_path);
        case Condition::Op::negate:
            return read_negation(args, op_path);
        default:
            return read_operation(*op, args, op_path);
    }
}

std::optional<Condition> ConditionReader::read_var(const JsonValue& args, const Path& op_path) {
    const JsonValue* name = &args;
    if (args.is_array() && args.size() == 1) {
        name = &args[0];
    }
    if (!name->is_string() || name->as_string().empty()) {
        diag_.error("C001", op_path.str(), "`var` takes the name of a variable or factor",
                    "e.g. {\"var\": \"trust\"} or {\"var\": \"factor.amount\"}");
        return std::nullopt;
    }
    const std::string_view full = name->as_string();
    Condition out;
    if (full.starts_with(factor_prefix)) {
        const std::string id(full.substr(factor_prefix.size()));
        const auto factor = scenario_.find_factor(id);
        if (!factor) {
            diag_.error("C003", op_path.str(), "unknown factor `" + id + "`",
                        factor_hint(scenario_.factors, id));
            return std::nullopt;
        }
        factor_used_[*factor] = true;
        out.op = Condition::Op::factor;
        out.name = id;
        out.slot = *factor;
        return out;
    }
    const std::string variable_name(full);
    const auto variable = scenario_.find_variable(variable_name);
    if (!variable) {
        diag_.error("C002", op_path.str(), "unknown variable `" + variable_name + "`",
                    name_hint(variable_name, variable_names(scenario_.variables),
                              "declare it in `variables`, or read a factor as \"" +
                                  std::string(factor_prefix) + variable_name + "\""));
        return std::nullopt;
    }
    out.op = Condition::Op::variable;
    out.name = variable_name;
    out.slot = *variable;
    return out;
}

std::optional<Condition> ConditionReader::read_negation(const JsonValue& args,
                                                        const Path& op_path) {
    const JsonValue& operand = args.is_array() && args.size() == 1 ? args[0] : args;
    if (args.is_array() && args.size() != 1) {
        diag_.error("C001", op_path.str(), "`!` takes one operand");
        return std::nullopt;
    }
    auto inner = condition(operand, args.is_array() ? op_path[0] : op_path);
    if (!inner) {
        return std::nullopt;
    }
    Condition out;
    out.op = Condition::Op::negate;
    out.args.push_back(std::move(*inner));
    return out;
}

std::optional<Condition> ConditionReader::read_operation(const ConditionOperator& op,
                                                         const JsonValue& args,
                                                         const Path& op_path) {
    const std::string name(op.name);
    if (!args.is_array()) {
        diag_.error("C001", op_path.str(), "`" + name + "` takes a list of operands",
                    "e.g. {\"" + name + "\": [a, b]}");
        return std::nullopt;
    }
    const bool logical = op.op == Condition::Op::all || op.op == Condition::Op::any;
    if (logical ? args.empty() : args.size() != 2) {
        diag_.error("C001", op_path.str(),
                    logical ? "`" + name + "` needs at least one operand"
                            : "`" + name + "` takes exactly two operands; found " +
                                  std::to_string(args.size()));
        return std::nullopt;
    }
    Condition out;
    const bool in = op.op == Condition::Op::in;
    if (!read_operands(args, in, op_path, out)) {
        return std::nullopt;
    }
    out.op = op.op;
    if (logical) {
        return out;
    }
    if (in) {
        check_in(out.args[0], out.args[1], op_path);
    } else {
        check_comparison(out.args[0], out.args[1], name, op_path);
    }
    return out;
}

// Reads every operand, reporting each bad one; the right side of `in` may be a literal list.
bool ConditionReader::read_operands(const JsonValue& args, bool in, const Path& op_path,
                                    Condition& out) {
    bool ok = true;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (!(in && i == 1 && args[i].is_array())) {
            auto arg = condition(args[i], op_path[i]);
            if (arg) {
                out.args.push_back(std::move(*arg));
            }
            ok = ok && arg.has_value();
            continue;
        }
        Condition list;
        list.op = Condition::Op::list;
        for (std::size_t k = 0; k < args[i].size(); ++k) {
            const JsonValue& element = args[i][k];
            if (!(element.is_string() || element.is_number() || element.is_boolean())) {
                diag_.error("C001", op_path[i][k].str(),
                            "the list of `in` holds only strings, numbers and booleans");
                ok = false;
                continue;
            }
            list.args.push_back(*condition(element, op_path[i][k]));
        }
        out.args.push_back(std::move(list));
    }
    return ok;
}

// A factor only ever holds one of its own value ids; anything else is looked for in a string.
void ConditionReader::check_in(const Condition& left, const Condition& right, const Path& op_path) {
    if (left.op == Condition::Op::factor && right.op == Condition::Op::list) {
        const Factor& factor = scenario_.factors[left.slot];
        for (std::size_t k = 0; k < right.args.size(); ++k) {
            const auto* id = std::get_if<std::string>(&right.args[k].literal);
            if (id == nullptr || !factor.find_value(*id)) {
                diag_.error("C004", op_path[1][k].str(),
                            "factor `" + factor.id + "` has no value `" +
                                to_display(right.args[k].literal) + "`",
                            factor_value_hint(factor, id ? *id : std::string()));
            }
        }
        return;
    }
    if (right.op != Condition::Op::list && static_type(right) != ValueType::string) {
        diag_.error("C005", op_path[1].str(), "`in` looks in a list or a string; this is not one");
    }
}

// Comparing a number with a string never holds, booleans have no order, and a factor compared
// with a literal must name one of its values.
void ConditionReader::check_comparison(const Condition& left, const Condition& right,
                                       std::string_view op, const Path& op_path) {
    const auto lt = static_type(left), rt = static_type(right);
    if (lt && rt && *lt != *rt) {
        diag_.error("C005", op_path.str(),
                    "compares " + std::string(type_name(*lt)) + " `" + left.to_string() +
                        "` with " + type_name(*rt) + " `" + right.to_string() +
                        "`; this never holds");
        return;
    }
    const bool ordering = op != "==" && op != "!=";
    if (ordering && lt && *lt == ValueType::boolean) {
        diag_.error("C005", op_path.str(),
                    "`" + std::string(op) + "` orders numbers or strings, not booleans");
    }
    for (const auto& [factor_side, literal_side, literal_index] :
         {std::tuple{&left, &right, 1}, std::tuple{&right, &left, 0}}) {
        if (factor_side->op != Condition::Op::factor ||
            literal_side->op != Condition::Op::literal) {
            continue;
        }
        const Factor& factor = scenario_.factors[factor_side->slot];
        const auto* id = std::get_if<std::string>(&literal_side->literal);
        if (id != nullptr && !factor.find_value(*id)) {
            diag_.error("C004", op_path[static_cast<std::size_t>(literal_index)].str(),
                        "factor `" + factor.id + "` has no value `" + *id + "`",
                        factor_value_hint(factor, *id));
        }
    }
}

std::optional<ValueType> ConditionReader::static_type(const Condition& c) const {
    switch (c.op) {
        case Condition::Op::literal:
            return type_of(c.literal);
        case Condition::Op::variable:
            return type_of(scenario_.variables[c.slot].initial);
        case Condition::Op::factor:
            return ValueType::string;
        case Condition::Op::list:
            return std::nullopt;
        default:
            return ValueType::boolean;
    }
}

std::optional<Effect> ConditionReader::effect(const JsonValue& value, const Path& path) {
    if (!reader_.expect_object(value, path,
                               "an effect {\"set\": name, \"to\" or \"add\": value}")) {
        return std::nullopt;
    }
    reader_.check_fields(value, path, {"set", "to", "add"});
    const auto name = reader_.string_field(value, path, "set", true);
    const bool has_to = value.contains("to"), has_add = value.contains("add");
    if (has_to == has_add) {
        diag_.error("C007", path.str(),
                    has_to ? "an effect either sets (`to`) or adds (`add`), not both"
                           : "an effect needs `to` (set a value) or `add` (add a number)");
        return std::nullopt;
    }
    if (!name) {
        return std::nullopt;
    }
    const bool factor_named = std::string_view(*name).starts_with(factor_prefix);
    if (factor_named || scenario_.find_factor(*name)) {
        diag_.error(
            "C006", (path / "set").str(),
            "effects cannot change factor `" +
                (factor_named ? name->substr(factor_prefix.size()) : *name) + "`",
            "factors are the trainer's \"what if\" switches; keep story state in a variable");
        return std::nullopt;
    }
    const auto slot = scenario_.find_variable(*name);
    if (!slot) {
        diag_.error("C002", (path / "set").str(), "unknown variable `" + *name + "`",
                    name_hint(*name, variable_names(scenario_.variables),
                              "declare it in `variables` with its initial value"));
        return std::nullopt;
    }
    Effect effect;
    effect.variable = *name;
    effect.slot = *slot;
    const ValueType variable_type = type_of(scenario_.variables[*slot].initial);
    if (has_add) {
        const JsonValue& amount = *value.find("add");
        if (!amount.is_number()) {
            reader_.wrong_type(amount, path / "add", "a number");
            return std::nullopt;
        }
        if (variable_type != ValueType::number) {
            diag_.error(
                "C005", (path / "add").str(),
                "`add` needs a number variable; `" + *name + "` is a " + type_name(variable_type),
                "use `to` to set it");
            return std::nullopt;
        }
        effect.op = Effect::Op::add;
        effect.value = amount.as_double();
        return effect;
    }
    const JsonValue& target = *value.find("to");
    if (target.is_boolean()) {
        effect.value = target.as_bool();
    } else if (target.is_number()) {
        effect.value = target.as_double();
    } else if (target.is_string()) {
        effect.value = std::string(target.as_string());
    } else {
        reader_.wrong_type(target, path / "to", "a number, true/false or a string");
        return std::nullopt;
    }
    if (type_of(effect.value) != variable_type) {
        diag_.error("C005", (path / "to").str(),
                    "`" + *name + "` is a " + type_name(variable_type) + "; this sets a " +
                        type_name(type_of(effect.value)));
        return std::nullopt;
    }
    return effect;
}

}  // namespace deliberate::detail
