// The k rule over groups of counts: no count under 5 is shown, and none can be worked out by
// taking the shown counts of a group from its shown total. The same in every output: the
// report's page and CSV, and how others chose.
#include <doctest/doctest.h>

#include "deliberate/results/disclosure.hpp"
#include "deliberate/results/others_choices.hpp"
#include "journal_support.hpp"
#include "results_support.hpp"

using namespace deliberate;

namespace {

std::vector<std::string> shown(const std::vector<long long>& cells, long long total = -1) {
    long long sum = 0;
    for (const long long n : cells) {
        sum += n;
    }
    const std::vector<bool> flags = disclose(cells, total < 0 ? sum : total);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        out.push_back(flags[i] ? std::to_string(cells[i]) : "-");
    }
    return out;
}

using list = std::vector<std::string>;

MessageCatalogue catalogue(const char* language) {
    MessageCatalogue text;
    std::string error;
    REQUIRE(text.load(std::string(DELIBERATE_SOURCE_DIR) + "/assets/i18n", language, error));
    return text;
}

// Six sessions chose `report`, two `keep`, all under the same setting.
FactCounts six_and_two() {
    FactCounts facts;
    for (int i = 0; i < 6; ++i) {
        add_extract_facts(test::practice_extract("report"), facts);
    }
    for (int i = 0; i < 2; ++i) {
        add_extract_facts(test::practice_extract("keep"), facts);
    }
    return facts;
}

}  // namespace

TEST_CASE("the k rule for one count: hidden at 4, shown at 5 and 6") {
    // Beside counts large enough to keep the hidden ones together at 5 or more.
    CHECK(shown({4, 10, 10}) == list{"-", "-", "10"});
    CHECK(shown({5, 10, 10}) == list{"5", "10", "10"});
    CHECK(shown({6, 10, 10}) == list{"6", "10", "10"});
    // A count alone, as its own total.
    CHECK(shown({4}) == list{"-"});
    CHECK(shown({5}) == list{"5"});
    CHECK(shown({6}) == list{"6"});
}

TEST_CASE("a lone hidden count hides the smallest shown one with it") {
    // 6 of 8 shown would give the 2.
    CHECK(shown({6, 2}) == list{"-", "-"});
    CHECK(shown({4, 6}) == list{"-", "-"});
    CHECK(shown({1, 5, 9}) == list{"-", "-", "9"});
    // Hidden counts that together make 5 or more give none of them away.
    CHECK(shown({3, 2, 7}) == list{"-", "-", "7"});
    // Hiding goes on until the hidden ones make 5: here 1 + 1 + 1, then a 5 as well.
    CHECK(shown({1, 1, 1, 5, 5, 20}) == list{"-", "-", "-", "-", "5", "20"});
    // Nobody chose it: 0 is shown, and hiding it would hide nothing.
    CHECK(shown({0, 5}) == list{"0", "5"});
    CHECK(shown({0, 2, 8}) == list{"0", "-", "-"});
    CHECK(shown({5, 5}) == list{"5", "5"});
}

TEST_CASE("what the counts leave of the total is hidden too") {
    // 7 of 10 skipped a step would give the 3 who did not.
    CHECK(shown({7}, 10) == list{"-"});
    CHECK(shown({5}, 10) == list{"5"});
    CHECK(shown({3}, 10) == list{"-"});
    CHECK(shown({0}, 10) == list{"0"});
    // A total under 5 shows nothing; nor does a hidden one.
    CHECK(shown({2, 2}) == list{"-", "-"});
    CHECK(disclose({5, 6}, 11, false) == std::vector<bool>{false, false});
}

TEST_CASE("6 and 2: neither the 2 nor the 6 is in the page, the CSV or how others chose") {
    auto loaded = load_scenario_file(
        std::string(DELIBERATE_TEST_DATA) + "/valid/full-featured.json", test::source_resources());
    REQUIRE(loaded.ok());
    const ResultsReport report = build_report(six_and_two(), {}, {loaded.value});
    REQUIRE(report.scenarios.size() == 1);
    const SettingFigures& g = report.scenarios[0].dilemmas.at(0).settings.at(0);
    CHECK(g.sessions == 8);
    CHECK(g.options.at(0).n == hidden_count);  // keep
    CHECK(g.options.at(1).n == hidden_count);  // report
    for (const char* language : {"en", "nl"}) {
        const MessageCatalogue text = catalogue(language);
        const std::string html = report_html(report, text);
        CHECK(html.find("8 ") != std::string::npos);  // the total is shown
        CHECK(html.find("6 (") == std::string::npos);
        CHECK(html.find("2 (") == std::string::npos);
        CHECK(html.find("75%") == std::string::npos);
        CHECK(html.find("25%") == std::string::npos);
        CHECK(html.find(">" + text.get("report.hidden") + "</text>") != std::string::npos);
    }
    const std::string csv = report_csv(report, "en");
    CHECK(csv.find("choice,full-featured,,parcel,amount=low,,,keep,hidden,8") != std::string::npos);
    CHECK(csv.find("choice,full-featured,,parcel,amount=low,,,report,hidden,8") !=
          std::string::npos);
    CHECK(csv.find(",2,") == std::string::npos);
    CHECK(csv.find(",6,") == std::string::npos);

    const auto scenario = test::full_featured();
    const ScenarioFigures figures = others_figures(scenario, six_and_two(), {});
    ResultExtract own = test::practice_extract("report");
    const std::string others = others_text(figures, *scenario, own, catalogue("en"), "en");
    CHECK(others.find("(8 sessions):") != std::string::npos);
    CHECK(others.find("Keep: not shown") != std::string::npos);
    CHECK(others.find("Report: not shown   <- you") != std::string::npos);
    CHECK(others.find("(2)") == std::string::npos);
    CHECK(others.find("(6)") == std::string::npos);
}

TEST_CASE("months, settings, votes and steps: nothing follows from a shown total") {
    FactCounts facts;
    // 9 practice sessions: 7 in one month, 2 in the next; 7 under one setting, 2 under another.
    for (int i = 0; i < 7; ++i) {
        add_extract_facts(test::practice_extract("report", "low", "2026-11"), facts);
    }
    for (int i = 0; i < 2; ++i) {
        add_extract_facts(test::practice_extract("report", "high", "2026-12"), facts);
    }
    // A workshop whose first vote is 6 and 1.
    ResultExtract w = test::practice_extract("report");
    w.mode = "workshop";
    w.dilemmas[0].answers.clear();
    w.dilemmas[0].votes = {{"first", {{"amount", "low"}}, {{"keep", 1}, {"report", 6}}},
                           {"final", {{"amount", "low"}}, {{"keep", 0}, {"report", 7}}}};
    add_extract_facts(w, facts);
    const ResultsReport report = build_report(facts, {}, {});
    REQUIRE(report.scenarios.size() == 1);
    const ScenarioFigures& s = report.scenarios[0];
    CHECK(s.practice == 9);
    CHECK(s.months.at("2026-11").first == hidden_count);
    CHECK(s.months.at("2026-12").first == hidden_count);
    const DilemmaFigures& d = s.dilemmas.at(0);
    CHECK(d.reached == 9);
    for (const SettingFigures& g : d.settings) {
        CHECK(g.sessions == hidden_count);
        for (const ReportCount& c : g.options) {
            CHECK(c.n == hidden_count);
        }
    }
    REQUIRE(d.votes.size() == 1);
    CHECK(d.votes[0].first[0].n == hidden_count);
    CHECK(d.votes[0].first[1].n == hidden_count);
    CHECK(d.votes[0].final_[0].n == 0);
    CHECK(d.votes[0].final_[1].n == 7);
    // Every session skipped `feeling`: 9 of 9, nothing left over to give away.
    for (const StepFigures& st : d.steps) {
        CHECK(st.answered == 9);
        CHECK(st.skipped == (st.step == "feeling" ? 9 : 0));
    }
    const std::string csv = report_csv(report, "en");
    CHECK(csv.find(",2,") == std::string::npos);
    CHECK(csv.find(",7,9") == std::string::npos);
    CHECK(csv.find("vote,full-featured,,parcel,amount=low,first,,report,hidden,7") !=
          std::string::npos);
    // The shift leaves out what a hidden first vote would give away.
    const std::string html = report_html(report, catalogue("en"));
    CHECK(html.find("Shift from the first to the final vote") == std::string::npos);
}
