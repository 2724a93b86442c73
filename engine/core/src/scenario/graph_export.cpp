// Writing the node graph for Graphviz and Mermaid. Edges carry what takes them: the option
// id at a dilemma, the condition of a branch, and a scene's fallback `next`.
#include "deliberate/scenario/graph_export.hpp"

#include "deliberate/support/terminal_text.hpp"

namespace deliberate {

namespace {

struct Edge {
    std::size_t from, to;
    std::string label;
};

std::vector<Edge> edges_of(const Scenario& scenario) {
    std::vector<Edge> edges;
    for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
        const Node& node = scenario.nodes[i];
        for (const auto& branch : node.branches) {
            edges.push_back({i, branch.next, "when " + branch.when.to_string()});
        }
        if (node.kind == NodeKind::scene) {
            edges.push_back({i, node.next, node.branches.empty() ? "" : "otherwise"});
        }
        for (const auto& option : node.options) {
            std::string label = option.id;
            if (option.when) {
                label += "\nwhen " + option.when->to_string();
            }
            edges.push_back({i, option.next, label});
        }
    }
    return edges;
}

// Control characters and bidi overrides as numeric entities, which both formats understand
// (DOT as &#N;, Mermaid as #N;): the graph goes to a terminal or a page as often as to dot.
std::string dot_entity(unsigned code) {
    return "&#" + std::to_string(code) + ";";
}
std::string mermaid_entity(unsigned code) {
    return "#" + std::to_string(code) + ";";
}

std::string dot_escape(const std::string& raw) {
    const std::string text = escape_unsafe_characters(raw, dot_entity);
    std::string out;
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string mermaid_escape(const std::string& raw) {
    const std::string text = escape_unsafe_characters(raw, mermaid_entity);
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "#quot;";
                break;
            case '<':
                out += "#lt;";
                break;
            case '>':
                out += "#gt;";
                break;
            case '\n':
                out += "<br/>";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace

std::string graph_to_dot(const Scenario& scenario, const std::string& language) {
    std::string out = "digraph \"" + dot_escape(scenario.id) + "\" {\n";
    out += "  label=\"" + dot_escape(scenario.title.in(language)) + "\";\n";
    out += "  labelloc=t;\n  rankdir=TB;\n  node [fontname=\"DejaVu Sans\"];\n";
    out += "  edge [fontname=\"DejaVu Sans\", fontsize=10];\n";
    for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
        const Node& node = scenario.nodes[i];
        const char* shape = node.kind == NodeKind::scene     ? "box"
                            : node.kind == NodeKind::dilemma ? "diamond"
                                                             : "doubleoctagon";
        out += "  \"" + dot_escape(node.id) + "\" [shape=" + shape + ", label=\"" +
               dot_escape(node.id + "\n" + node_kind_name(node.kind)) + "\"";
        if (i == scenario.start) {
            out += ", penwidth=2";
        }
        out += "];\n";
    }
    for (const auto& edge : edges_of(scenario)) {
        out += "  \"" + dot_escape(scenario.nodes[edge.from].id) + "\" -> \"" +
               dot_escape(scenario.nodes[edge.to].id) + "\"";
        if (!edge.label.empty()) {
            out += " [label=\"" + dot_escape(edge.label) + "\"]";
        }
        out += ";\n";
    }
    return out + "}\n";
}

std::string graph_to_mermaid(const Scenario& scenario, const std::string& language) {
    // Mermaid ids are positional (n0, n1, ...): node ids such as `end` are reserved words there.
    std::string out = "---\ntitle: " + mermaid_escape(scenario.title.in(language)) + "\n---\n";
    out += "flowchart TD\n";
    for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
        const Node& node = scenario.nodes[i];
        const std::string label =
            "\"" + mermaid_escape(node.id + "\n" + node_kind_name(node.kind)) + "\"";
        const std::string id = "  n" + std::to_string(i);
        switch (node.kind) {
            case NodeKind::scene:
                out += id + "[" + label + "]\n";
                break;
            case NodeKind::dilemma:
                out += id + "{" + label + "}\n";
                break;
            case NodeKind::ending:
                out += id + "([" + label + "])\n";
                break;
        }
    }
    for (const auto& edge : edges_of(scenario)) {
        out += "  n" + std::to_string(edge.from) + " -->";
        if (!edge.label.empty()) {
            out += "|\"" + mermaid_escape(edge.label) + "\"|";
        }
        out += " n" + std::to_string(edge.to) + "\n";
    }
    return out;
}

}  // namespace deliberate
