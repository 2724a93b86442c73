// The scenario's graph placed on a plane for the studio's map: nodes in columns by depth from
// the start, edges for every way on. Computed once per load, so drawing only culls and paints.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "deliberate/scenario/scenario.hpp"

namespace deliberate {

struct LayoutEdge {
    std::size_t from = 0;
    std::size_t to = 0;
    int option = -1;        // the option's index at a dilemma; -1 for a scene's `next` or branch
    std::string condition;  // a branch's or option's `when`, as written; empty when none
};

struct GraphLayout {
    // Per node: column (depth from the start) and row within the column, in grid units.
    std::vector<int> column;
    std::vector<int> row;
    std::vector<bool> reachable;  // from the start, ignoring conditions
    std::vector<LayoutEdge> edges;
    int columns = 0;
    int rows = 0;  // the tallest column
};

// Columns by breadth-first depth from the start (the shortest way there), so every edge
// that is not a loop points rightwards or stays in the column. Nodes no path reaches follow
// in columns of their own after the last, from each in file order.
GraphLayout layout_graph(const Scenario& scenario);

}  // namespace deliberate
