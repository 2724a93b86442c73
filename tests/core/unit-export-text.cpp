// Untrusted text in exports: CSV cells a spreadsheet cannot run as formulas, HTML that a
// forged journal cannot put markup into.
#include <doctest/doctest.h>

#include "deliberate/support/export_text.hpp"
#include "deliberate/workshop/workshop_summary.hpp"
#include "test_support.hpp"

using namespace deliberate;

namespace {

// Reads CSV the way a spreadsheet does: quoted cells with doubled quotes, rows by newline.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',' || c == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            if (c == '\n') {
                rows.emplace_back();
            }
        } else {
            cell += c;
        }
    }
    if (rows.back().empty()) {
        rows.pop_back();
    }
    return rows;
}

bool starts_formula(const std::string& cell) {
    return !cell.empty() && std::string("=+-@\t\r").find(cell.front()) != std::string::npos;
}

}  // namespace

TEST_CASE("a CSV cell that a spreadsheet would run is kept as text") {
    CHECK(csv_cell("plain") == "plain");
    CHECK(csv_cell("a, b") == "\"a, b\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("=HYPERLINK(\"http://x\",\"y\")") ==
          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(csv_cell("=cmd|' /C calc'!A0") == "\"'=cmd|' /C calc'!A0\"");
    CHECK(csv_cell("@SUM(A1:A2)") == "\"'@SUM(A1:A2)\"");
    CHECK(csv_cell("+1") == "\"'+1\"");
    CHECK(csv_cell("-2+3") == "\"'-2+3\"");
    CHECK(csv_cell("\t=1") == "\"'\t=1\"");
    CHECK(csv_cell("\r=1") == "\"'\r=1\"");
    CHECK(csv_cell("") == "");
    for (const std::string hostile : {"=1+1", "@A1", "+A1", "-A1", "\t=A1", "\r=A1"}) {
        const auto rows = read_csv(csv_cell(hostile) + "," + csv_cell("x") + "\n");
        REQUIRE(rows.size() == 1);
        REQUIRE(rows[0].size() == 2);
        CHECK_FALSE(starts_formula(rows[0][0]));
        CHECK(rows[0][0] == "'" + hostile);
    }
}

TEST_CASE("a summary's CSV has no cell a spreadsheet would run") {
    Scenario scenario = *test::full_featured();
    std::size_t dilemma = no_node;
    for (std::size_t n = 0; n < scenario.nodes.size() && dilemma == no_node; ++n) {
        if (scenario.nodes[n].kind == NodeKind::dilemma) {
            dilemma = n;
        }
    }
    REQUIRE(dilemma != no_node);
    Node& node = scenario.nodes[dilemma];
    const std::string language = scenario.languages.front();
    node.question.set(language, "=HYPERLINK(\"http://evil\",\"open\")");
    node.options[0].label.set(language, "=cmd|' /C calc'!A0");
    node.options[1].label.set(language, "@SUM(1+1)*cmd|' /C calc'!A0");
    WorkshopSummary summary;
    summary.dilemmas.push_back({dilemma, {}, 0, "-1+1", {}});
    summary.dilemmas.back().votes.push_back(
        {"first", {}, std::vector<int>(node.options.size()), {}});
    const auto rows = read_csv(summary_csv(scenario, summary, language));
    REQUIRE(rows.size() == 1 + node.options.size());
    for (const auto& row : rows) {
        for (const auto& cell : row) {
            CHECK_MESSAGE(!starts_formula(cell), cell);
        }
    }
    CHECK(rows[1][1] == "'=HYPERLINK(\"http://evil\",\"open\")");
    CHECK(rows[1][9] == "'-1+1");
}

TEST_CASE("HTML escaping covers text and attribute values alike") {
    CHECK(html_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
    CHECK(html_escape("plain é") == "plain é");
    CHECK(html_escape("a\x1b]0;t\x07"
                      "b\xe2\x80\xae"
                      "c") == "a\\u001b]0;t\\u0007b\\u202ec");
}

TEST_CASE("Markdown escaping covers markup, tags and control characters") {
    CHECK(markdown_escape("*bold* [link] <b> & `code`") ==
          "\\*bold\\* \\[link\\] &lt;b> &amp; \\`code\\`");
    CHECK(markdown_escape("# not a heading") == "\\# not a heading");
    // A terminal reset, C1 CSI and a bidi override are shown as codes, not passed on.
    const std::string md = markdown_escape(
        "a\x1b"
        "c\xc2\x9b"
        "2J\xe2\x80\xae"
        "z");
    CHECK(md.find('\x1b') == std::string::npos);
    CHECK(md.find("\xc2\x9b") == std::string::npos);
    CHECK(md.find("\xe2\x80\xae") == std::string::npos);
    CHECK(md.find("u001b") != std::string::npos);
}

TEST_CASE("a forged language cannot put markup into the summary page") {
    const auto scenario = test::full_featured();
    WorkshopSummary summary;
    summary.header.language = "en\"><script>alert(1)</script><x a=\"";
    summary.header.group = "<img src=x onerror=alert(2)>";
    summary.header.time = "2026-01-01T00:00:00Z<b>";
    summary.notes.push_back("</li><script>alert(3)</script>");
    const std::string html = summary_html(*scenario, summary, MessageCatalogue());
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("<html lang=\"en&quot;&gt;&lt;script&gt;") != std::string::npos);
}
