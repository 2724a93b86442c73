// The node graph of a scenario as Graphviz DOT or a Mermaid flowchart, for authors.
#pragma once

#include <string>

#include "deliberate/scenario/scenario.hpp"

namespace deliberate {

std::string graph_to_dot(const Scenario& scenario, const std::string& language);
std::string graph_to_mermaid(const Scenario& scenario, const std::string& language);

}  // namespace deliberate
