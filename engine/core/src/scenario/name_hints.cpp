// Hints for unknown names; see name_hints.hpp.
#include "scenario/name_hints.hpp"

#include "json/json_reader.hpp"

namespace deliberate::detail {

std::string name_hint(std::string_view name, const std::vector<std::string>& candidates,
                      std::string otherwise) {
    std::string hint = did_you_mean(name, candidates);
    return hint.empty() ? otherwise : hint;
}

std::vector<std::string> variable_names(const std::vector<Variable>& variables) {
    std::vector<std::string> names;
    names.reserve(variables.size());
    for (const Variable& variable : variables) {
        names.push_back(variable.name);
    }
    return names;
}

std::string factor_hint(const std::vector<Factor>& factors, std::string_view id) {
    if (factors.empty()) {
        return "the scenario declares no `factors`";
    }
    const std::vector<std::string> ids = ids_of(factors);
    return name_hint(id, ids, "declared factors: " + quoted_list(ids));
}

std::string factor_value_hint(const Factor& factor, std::string_view id) {
    const std::vector<std::string> ids = ids_of(factor.values);
    return name_hint(id, ids, "its values: " + quoted_list(ids));
}

}  // namespace deliberate::detail
