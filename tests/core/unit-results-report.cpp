// The coordinator's report and the k rule: at 4 sessions a dilemma shows nothing, at 5 it
// shows, and at 6 a cell of 1 is not shown, nor the cell of 5 beside it that would give it.
#include <doctest/doctest.h>

#include "deliberate/results/results_report.hpp"
#include "results_support.hpp"
#include "test_support.hpp"

using namespace deliberate;

namespace {

MessageCatalogue english() {
    MessageCatalogue text;
    std::string error;
    REQUIRE(text.load(std::string(DELIBERATE_SOURCE_DIR) + "/assets/i18n", "en", error));
    return text;
}

ResultsReport report_of(const std::vector<ResultExtract>& extracts, ReportFilter filter = {}) {
    FactCounts facts;
    for (const ResultExtract& e : extracts) {
        add_extract_facts(e, facts);
    }
    auto loaded = load_scenario_file(
        std::string(DELIBERATE_TEST_DATA) + "/valid/full-featured.json", test::source_resources());
    REQUIRE(loaded.ok());
    return build_report(facts, filter, {loaded.value});
}

std::vector<ResultExtract> choosing(int report, int keep) {
    std::vector<ResultExtract> out;
    for (int i = 0; i < report; ++i) {
        out.push_back(test::practice_extract("report"));
    }
    for (int i = 0; i < keep; ++i) {
        out.push_back(test::practice_extract("keep"));
    }
    return out;
}

}  // namespace

TEST_CASE("k rule at 4: a dilemma chosen at in fewer than 5 sessions shows nothing") {
    const auto text = english();
    const ResultsReport report = report_of(choosing(4, 0));
    REQUIRE(report.scenarios.size() == 1);
    const std::string html = report_html(report, text);
    CHECK(html.find("Fewer than 5 finished sessions chose here") != std::string::npos);
    CHECK(html.find(">Report</text>") == std::string::npos);
    CHECK(html.find("<td>not shown</td>") != std::string::npos);  // the month's reach
    CHECK(html.find(">4<") == std::string::npos);
    CHECK(html.find("4 (") == std::string::npos);
    const std::string csv = report_csv(report, "en");
    CHECK(csv.find(",4,") == std::string::npos);
    CHECK(csv.find("choice,") == std::string::npos);
}

TEST_CASE("k rule at 5: the dilemma and its setting are shown") {
    const auto text = english();
    const std::string html = report_html(report_of(choosing(5, 0)), text);
    CHECK(html.find("Fewer than 5 finished sessions") == std::string::npos);
    CHECK(html.find("5 practice sessions chose here") != std::string::npos);
    CHECK(html.find(">Report</text>") != std::string::npos);
    CHECK(html.find("5 (100%)") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
}

TEST_CASE("k rule at 6: a cell of 1 is not shown, nor the cell of 5 that would give it") {
    const auto text = english();
    const ResultsReport report = report_of(choosing(5, 1));
    const std::string html = report_html(report, text);
    CHECK(html.find("5 (83%)") == std::string::npos);
    CHECK(html.find("1 (") == std::string::npos);
    CHECK(html.find(">not shown</text>") != std::string::npos);
    const std::string csv = report_csv(report, "en");
    CHECK(csv.find("choice,full-featured,,parcel,amount=low,,,keep,hidden,6") != std::string::npos);
    CHECK(csv.find("choice,full-featured,,parcel,amount=low,,,report,hidden,6") !=
          std::string::npos);
    // 5 and 6 beside each other: both shown.
    const std::string shown = report_csv(report_of(choosing(5, 6)), "en");
    CHECK(shown.find("choice,full-featured,,parcel,amount=low,,,keep,6,11") != std::string::npos);
    CHECK(shown.find("choice,full-featured,,parcel,amount=low,,,report,5,11") != std::string::npos);
    // Each setting follows the rule on its own: 6 under one, 3 under another.
    std::vector<ResultExtract> mixed = choosing(5, 1);
    for (int i = 0; i < 3; ++i) {
        mixed.push_back(test::practice_extract("report", "high"));
    }
    const std::string both = report_html(report_of(mixed), text);
    CHECK(both.find("How people chose when Value: €250 <span class=\"muted\">(not shown)") !=
          std::string::npos);
    CHECK(both.find("9 practice sessions chose here") != std::string::npos);
}

TEST_CASE("the report filters by month and scenario, and names what it skipped") {
    const auto text = english();
    std::vector<ResultExtract> extracts = choosing(5, 0);
    for (int i = 0; i < 5; ++i) {
        extracts.push_back(test::practice_extract("keep", "low", "2027-01"));
    }
    ReportFilter filter;
    filter.from = "2027-01";
    ResultsReport later = report_of(extracts, filter);
    CHECK(later.extracts == 5);
    REQUIRE(later.scenarios.size() == 1);
    CHECK(later.scenarios[0].months.count("2026-11") == 0);
    filter = {};
    filter.scenarios = {"another"};
    CHECK(report_of(extracts, filter).scenarios.empty());
    ResultsReport all = report_of(extracts);
    all.skipped = {{"damaged", 2}, {"foreign", 1}};
    const std::string html = report_html(all, text);
    CHECK(html.find("3 files in the results folder were skipped: 2 damaged, 1 foreign") <
          html.find("<h2>"));
}

TEST_CASE("blind spots: relevant candidates most did not name") {
    const auto text = english();
    // Every session named the team at `who`, nobody the supplier (marked relevant).
    const std::string html = report_html(report_of(choosing(6, 0)), text);
    CHECK(html.find("The supplier (at ") != std::string::npos);
    CHECK(html.find("named by 0 of 6") != std::string::npos);
}

TEST_CASE("workshops: first and final vote summed over workshops, with the shift") {
    const auto text = english();
    std::vector<ResultExtract> workshops;
    for (int i = 0; i < 3; ++i) {
        ResultExtract e = test::practice_extract("report");
        e.mode = "workshop";
        e.dilemmas[0].answers.clear();
        e.dilemmas[0].votes = {{"first", {{"amount", "low"}}, {{"keep", 4}, {"report", 2}}},
                               {"final", {{"amount", "low"}}, {{"keep", 2}, {"report", 4}}}};
        workshops.push_back(e);
    }
    const ResultsReport report = report_of(workshops);
    const std::string html = report_html(report, text);
    CHECK(html.find("12 (67%)") != std::string::npos);  // first vote, keep: 12 of 18
    CHECK(html.find("12 (67%)", html.find("12 (67%)") + 1) != std::string::npos);  // final, report
    CHECK(html.find("Keep \xE2\x88\x92"
                    "34, Report +34") != std::string::npos);
    // Two workshops: the final vote's 2 of 12 would be given by the 10 beside it; neither
    // shows, nor does the shift of an option whose count is hidden.
    workshops.pop_back();
    for (ResultExtract& e : workshops) {
        e.dilemmas[0].votes[1].counts = {{"keep", 1}, {"report", 5}};
    }
    const std::string two = report_html(report_of(workshops), text);
    CHECK(two.find("10 (83%)") == std::string::npos);
    CHECK(two.find("2 (17%)") == std::string::npos);
    CHECK(two.find("Report +") == std::string::npos);
}

TEST_CASE("a scenario the report does not know is shown by its ids, each option once") {
    FactCounts facts;
    for (int i = 0; i < 2; ++i) {
        ResultExtract e = test::practice_extract("report");
        e.mode = "workshop";
        e.dilemmas[0].answers.clear();
        e.dilemmas[0].votes = {{"first", {}, {{"keep", 4}, {"report", 2}}},
                               {"final", {}, {{"keep", 0}, {"report", 6}}}};
        add_extract_facts(e, facts);
    }
    const ResultsReport report = build_report(facts, {}, {});
    REQUIRE(report.scenarios.size() == 1);
    CHECK_FALSE(report.scenarios[0].scenario);
    REQUIRE(report.scenarios[0].dilemmas.size() == 1);
    REQUIRE(report.scenarios[0].dilemmas[0].votes.size() == 1);
    const VoteFigures& v = report.scenarios[0].dilemmas[0].votes[0];
    REQUIRE(v.first.size() == 2);
    CHECK(v.first[0].id == "keep");
    CHECK(v.final_[0].n == 0);
    CHECK(v.final_[1].n == 12);
}

TEST_CASE("the Dutch report names the skipped files in Dutch") {
    MessageCatalogue dutch;
    std::string error;
    REQUIRE(dutch.load(std::string(DELIBERATE_SOURCE_DIR) + "/assets/i18n", "nl", error));
    ResultsReport report = report_of(choosing(5, 0));
    report.skipped = {{"damaged", 2},   {"foreign", 1}, {"newer format", 1},
                      {"duplicate", 1}, {"invalid", 1}, {"unreadable or too large", 1}};
    const std::string html = report_html(report, dutch);
    CHECK(html.find("7 bestanden in de resultatenmap zijn overgeslagen: 2 beschadigd, 1 dubbel, 1 "
                    "geen uittreksel, 1 ongeldig, 1 in een nieuwer formaat, 1 onleesbaar of te "
                    "groot.") != std::string::npos);
    CHECK(skipped_reasons(report.skipped, english()) ==
          "2 damaged, 1 duplicate, 1 foreign, 1 invalid, 1 newer format, 1 unreadable or too "
          "large");
    // A reason the catalogue does not know is shown as it is.
    CHECK(skipped_reasons({{"odd", 1}}, dutch) == "1 odd");
}
