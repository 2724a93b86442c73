// The value catalogue (scenarios/values.json): the moral values scenarios refer to by id.
#pragma once

#include <string>
#include <vector>

#include "deliberate/scenario/localised_text.hpp"

namespace deliberate {

struct MoralValue {
    std::string id;
    LocalisedText label;
    LocalisedText description;
};

struct ValueCatalogue {
    std::string file;
    std::vector<MoralValue> values;

    const MoralValue* find(const std::string& id) const;
};

}  // namespace deliberate
