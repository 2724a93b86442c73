// Hints for a name that matches nothing declared: "did you mean `x`?" when a declared name is
// close, else a line that says what there is. Every unknown id in a scenario, model or value
// catalogue gets its hint from here, so they all read alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "deliberate/scenario/scenario.hpp"

namespace deliberate::detail {

// "did you mean `x`?" when one of `candidates` is close to `name`, else `otherwise`.
std::string name_hint(std::string_view name, const std::vector<std::string>& candidates,
                      std::string otherwise);

// The ids of `items` (anything with an `id`), in their order.
template <class Item>
std::vector<std::string> ids_of(const std::vector<Item>& items) {
    std::vector<std::string> ids;
    ids.reserve(items.size());
    for (const Item& item : items) {
        ids.push_back(item.id);
    }
    return ids;
}

std::vector<std::string> variable_names(const std::vector<Variable>& variables);

// For an unknown factor: a close id, else the declared factors (or that there are none).
std::string factor_hint(const std::vector<Factor>& factors, std::string_view id);
// For an unknown value of `factor`: a close value id, else its values.
std::string factor_value_hint(const Factor& factor, std::string_view id);

}  // namespace deliberate::detail
