// Reading conditions (the JSON Logic subset of the scenario format) and effects: every name is
// resolved to its slot and every comparison type-checked here, so evaluation does no lookups.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "deliberate/scenario/condition.hpp"
#include "deliberate/scenario/scenario.hpp"
#include "json/json_reader.hpp"
#include "scenario/condition_syntax.hpp"

namespace deliberate::detail {

class ConditionReader {
  public:
    // Names resolve against the scenario's factors and variables, which must be read first;
    // each factor a condition reads is marked in `factor_used` (one flag per factor).
    ConditionReader(const Scenario& scenario, JsonReader& reader, std::vector<bool>& factor_used)
        : scenario_(scenario), reader_(reader), diag_(reader.diag), factor_used_(factor_used) {}

    // A condition, or nullopt after reporting why it is not one.
    std::optional<Condition> condition(const JsonValue& value, const Path& path);
    // An effect {"set": name, "to": value} or {"set": name, "add": number}.
    std::optional<Effect> effect(const JsonValue& value, const Path& path);

  private:
    std::optional<Condition> read_var(const JsonValue& args, const Path& op_path);
    std::optional<Condition> read_negation(const JsonValue& args, const Path& op_path);
    std::optional<Condition> read_operation(const ConditionOperator& op, const JsonValue& args,
                                            const Path& op_path);
    bool read_operands(const JsonValue& args, bool in, const Path& op_path, Condition& out);
    void check_in(const Condition& left, const Condition& right, const Path& op_path);
    void check_comparison(const Condition& left, const Condition& right, std::string_view op,
                          const Path& op_path);
    std::optional<ValueType> static_type(const Condition& c) const;

    const Scenario& scenario_;
    JsonReader& reader_;
    Diagnostics& diag_;
    std::vector<bool>& factor_used_;
};

}  // namespace deliberate::detail
