// DOT and Mermaid output of the node graph.
#include <doctest/doctest.h>

#include "deliberate/scenario/graph_export.hpp"
#include "test_support.hpp"

using namespace deliberate;

TEST_CASE("DOT shows nodes by kind and labels edges with options and conditions") {
    const std::string dot = graph_to_dot(*test::full_featured(), "en");
    CHECK(dot.find("digraph \"full-featured\" {") == 0);
    CHECK(dot.find("label=\"Everything in it\"") != std::string::npos);
    CHECK(dot.find("\"intro\" [shape=box, label=\"intro\\nscene\", penwidth=2];") !=
          std::string::npos);
    CHECK(dot.find("\"parcel\" [shape=diamond, label=\"parcel\\ndilemma\"];") != std::string::npos);
    CHECK(dot.find("\"audit\" [shape=doubleoctagon") != std::string::npos);
    CHECK(dot.find("\"parcel\" -> \"after\" [label=\"keep\"];") != std::string::npos);
    CHECK(dot.find("\"parcel\" -> \"after\" [label=\"report\\nwhen not reported and factor.amount "
                   "in [\\\"low\\\", \\\"high\\\"]\"];") != std::string::npos);
    CHECK(dot.find("\"after\" -> \"audit\" [label=\"when trust < 0\"];") != std::string::npos);
    CHECK(dot.find("\"after\" -> \"quiet\" [label=\"otherwise\"];") != std::string::npos);
}

TEST_CASE("Mermaid uses positional ids and escapes labels") {
    const std::string mermaid = graph_to_mermaid(*test::full_featured(), "nl");
    CHECK(mermaid.find("title: Alles erin") != std::string::npos);
    CHECK(mermaid.find("flowchart TD\n") != std::string::npos);
    CHECK(mermaid.find("  n0[\"intro<br/>scene\"]") != std::string::npos);
    CHECK(mermaid.find("  n1{\"parcel<br/>dilemma\"}") != std::string::npos);
    CHECK(mermaid.find("  n3([\"audit<br/>ending\"])") != std::string::npos);
    CHECK(mermaid.find("  n2 -->|\"when trust #lt; 0\"| n3") != std::string::npos);
}
