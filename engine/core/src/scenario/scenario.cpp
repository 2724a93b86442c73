// Lookups on loaded scenarios, models and catalogues.
#include "deliberate/scenario/scenario.hpp"

#include "deliberate/scenario/value_catalogue.hpp"

namespace deliberate {

namespace {
template <typename Range, typename Key>
std::optional<std::size_t> index_by(const Range& range, const Key& key) {
    for (std::size_t i = 0; i < range.size(); ++i) {
        if (range[i].id == key) {
            return i;
        }
    }
    return std::nullopt;
}
}  // namespace

const char* node_kind_name(NodeKind k) {
    switch (k) {
        case NodeKind::scene:
            return "scene";
        case NodeKind::dilemma:
            return "dilemma";
        case NodeKind::ending:
            return "ending";
    }
    return "node";
}

std::optional<std::size_t> Factor::find_value(const std::string& value_id) const {
    return index_by(values, value_id);
}

const StepContent* Node::step_content(const std::string& step_id) const {
    for (const auto& content : steps) {
        if (content.step_id == step_id) {
            return &content;
        }
    }
    return nullptr;
}

std::optional<std::size_t> Scenario::find_node(const std::string& node_id) const {
    return index_by(nodes, node_id);
}

std::optional<std::size_t> Scenario::find_factor(const std::string& factor_id) const {
    return index_by(factors, factor_id);
}

std::optional<std::size_t> Scenario::find_variable(const std::string& name) const {
    for (std::size_t i = 0; i < variables.size(); ++i) {
        if (variables[i].name == name) {
            return i;
        }
    }
    return std::nullopt;
}

const MoralValue* ValueCatalogue::find(const std::string& id) const {
    const auto i = index_by(values, id);
    return i ? &values[*i] : nullptr;
}

}  // namespace deliberate
