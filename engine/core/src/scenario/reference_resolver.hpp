// References between the parts of a scenario, resolved once every node is read: node ids in
// `start`, `next`, branches and options; the judgement model and each dilemma's steps; the
// value catalogue and the values the scenario and its options name.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "deliberate/scenario/loader.hpp"
#include "deliberate/scenario/scenario.hpp"
#include "deliberate/support/diagnostic.hpp"
#include "json/id_index.hpp"

namespace deliberate::detail {

// References to nodes and model steps, kept as written until every node is read.
struct PendingNode {
    std::string next;
    std::vector<std::string> branch_next;
    std::vector<std::string> option_next;
    std::vector<std::string> model_steps;  // as listed, empty when absent
    bool has_model_steps = false;
};

struct ReferenceResolver {
    Scenario& scenario;
    Diagnostics& diag;
    const std::filesystem::path& base_dir;
    const LoadOptions& options;
    const std::vector<PendingNode>& pending;  // one per node
    const IdIndex& node_index;                // node id to position

    // `start` and every node's `next`, branches and options (R001).
    void resolve_nodes(const std::string& start);
    // The model named `model_id` (R002, R006, T001), then each dilemma's steps against it.
    void resolve_model(const std::string& model_id);
    // The value catalogue, when any value is named, and each named value in it (R003, R008).
    void check_values();

  private:
    std::shared_ptr<const JudgementModel> usable_model(const std::filesystem::path& file,
                                                       const std::string& model_id);
    void check_dilemma_steps(std::size_t node_index);
    void select_walked_steps(Node& node, const PendingNode& pending,
                             const std::string& node_pointer);
    void check_step_contents(const Node& node, const std::string& node_pointer);
    void check_step_sources(const Node& node, const std::string& node_pointer);
    void unknown_step(const std::string& id, const std::string& pointer);
};

}  // namespace deliberate::detail
