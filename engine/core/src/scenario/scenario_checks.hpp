// Whole-scenario checks that run once every node is read and every reference resolved: the
// node graph, asset paths, and the warnings about things declared but never used.
#pragma once

#include <filesystem>
#include <vector>

#include "deliberate/scenario/loader.hpp"
#include "deliberate/scenario/scenario.hpp"
#include "deliberate/support/diagnostic.hpp"

namespace deliberate::detail {

struct ScenarioChecks {
    const Scenario& scenario;
    Diagnostics& diag;
    const std::filesystem::path& base_dir;
    const LoadOptions& options;

    // Unreachable nodes (G001) and nodes from which no path reaches an ending (G002).
    void check_graph();
    // Asset paths that leave the allowed folders (A001) or do not exist (A002).
    void check_assets();
    // Warnings: unused stakeholders, values and factors; dilemmas without arguments or with
    // only conditional options.
    void warn_unused(const std::vector<bool>& factor_used);
};

// The nodes a node leads to, in order: a scene's branches then `next`, a dilemma's options.
// Fills `out`, which callers reuse from node to node.
void successors(const Node& node, std::vector<std::size_t>& out);

}  // namespace deliberate::detail
