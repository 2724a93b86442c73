// Layered layout by breadth-first depth: linear in nodes and edges, which keeps the
// 10,000-node scenario's map ready within the reload's budget.
#include "deliberate/scenario/graph_layout.hpp"

#include <algorithm>
#include <deque>

namespace deliberate {

namespace {

std::vector<LayoutEdge> edges_of(const Scenario& scenario) {
    std::vector<LayoutEdge> edges;
    for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
        const Node& node = scenario.nodes[i];
        for (const Branch& branch : node.branches) {
            if (branch.next != no_node) {
                edges.push_back({i, branch.next, -1, branch.when.to_string()});
            }
        }
        if (node.next != no_node) {
            edges.push_back({i, node.next, -1, {}});
        }
        for (std::size_t o = 0; o < node.options.size(); ++o) {
            const Option& option = node.options[o];
            if (option.next != no_node) {
                edges.push_back({i, option.next, static_cast<int>(o),
                                 option.when ? option.when->to_string() : std::string()});
            }
        }
    }
    return edges;
}

// Breadth-first from `root` at column `first` over nodes not yet placed.
void place_from(std::size_t root, int first, const std::vector<std::vector<std::size_t>>& out,
                std::vector<int>& column) {
    std::deque<std::size_t> queue{root};
    column[root] = first;
    while (!queue.empty()) {
        const std::size_t at = queue.front();
        queue.pop_front();
        for (std::size_t to : out[at]) {
            if (column[to] < 0) {
                column[to] = column[at] + 1;
                queue.push_back(to);
            }
        }
    }
}

}  // namespace

GraphLayout layout_graph(const Scenario& scenario) {
    const std::size_t n = scenario.nodes.size();
    GraphLayout layout;
    layout.edges = edges_of(scenario);
    std::vector<std::vector<std::size_t>> out(n);
    for (const LayoutEdge& e : layout.edges) {
        out[e.from].push_back(e.to);
    }
    layout.column.assign(n, -1);
    if (n > 0 && scenario.start < n) {
        place_from(scenario.start, 0, out, layout.column);
    }
    layout.reachable.resize(n);
    int last = 0;
    for (std::size_t i = 0; i < n; ++i) {
        layout.reachable[i] = layout.column[i] >= 0;
        last = std::max(last, layout.column[i]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (layout.column[i] < 0) {
            place_from(i, last + 1, out, layout.column);
        }
    }
    layout.row.assign(n, 0);
    std::vector<int> filled;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<std::size_t>(layout.column[i]);
        if (filled.size() <= c) {
            filled.resize(c + 1, 0);
        }
        layout.row[i] = filled[c]++;
    }
    layout.columns = static_cast<int>(filled.size());
    layout.rows = filled.empty() ? 0 : *std::max_element(filled.begin(), filled.end());
    return layout;
}

}  // namespace deliberate
