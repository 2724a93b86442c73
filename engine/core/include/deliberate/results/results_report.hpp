// The coordinator's report over the results folder: reach per scenario and month, how people
// chose under each setting, workshops' first-to-final shift, blind spots (relevant
// stakeholders, facts and values most did not name), and the steps skipped or answered
// fastest. Every figure follows the k rule: a count under 5 is never shown.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "deliberate/results/result_facts.hpp"
#include "deliberate/scenario/scenario.hpp"
#include "deliberate/support/message_catalogue.hpp"

namespace deliberate {

struct ReportFilter {
    std::string from;                    // YYYY-MM, inclusive; empty: from the start
    std::string to;                      // YYYY-MM, inclusive; empty: to the end
    std::vector<std::string> scenarios;  // ids; empty: all

    bool admits(const Fact& fact) const;
};

// Counts of one option (or candidate), and of all, for one bar.
struct ReportCount {
    std::string id;
    long long n = 0;
};

struct SettingFigures {
    std::string setting;  // setting_key()
    long long sessions = 0;
    std::vector<ReportCount> options;  // in the scenario's option order
};

struct VoteFigures {
    std::string setting;
    long long first_hands = 0, final_hands = 0;
    std::vector<ReportCount> first, final_;  // hands per option
};

struct StepFigures {
    std::string step;
    long long answered = 0, skipped = 0, timed = 0, seconds = 0;
};

struct BlindSpot {
    std::string step, candidate;  // the candidate's id
    long long named = 0, answered = 0;
};

struct DilemmaFigures {
    std::string node;
    long long reached = 0;  // practice sessions that chose here
    std::vector<SettingFigures> settings;
    std::vector<VoteFigures> votes;
    std::vector<StepFigures> steps;
    std::vector<BlindSpot> blind_spots;  // named by fewer than half of those who answered
};

struct ScenarioFigures {
    std::string id;
    std::shared_ptr<const Scenario> scenario;  // null when no shipped scenario has this id
    long long practice = 0, workshop = 0;
    std::map<std::string, std::pair<long long, long long>> months;  // month: practice, workshop
    std::vector<DilemmaFigures> dilemmas;
};

struct ResultsReport {
    ReportFilter filter;
    long long extracts = 0;
    std::map<std::string, long long> skipped;  // files passed over, by reason
    std::vector<ScenarioFigures> scenarios;    // by id
};

// Sums the facts `filter` admits, in the scenarios' own order where a scenario is known. The
// figures come out under the k rule (results/disclosure.hpp), group by group: a count that is
// not to be shown is hidden_count, so that nothing that shows them can give one away.
ResultsReport build_report(const FactCounts& facts, const ReportFilter& filter,
                           const std::vector<std::shared_ptr<const Scenario>>& scenarios);

// "12", or "not shown" (in the catalogue's language) for a count under 5 or hidden_count.
std::string shown_count(long long n, const MessageCatalogue& text);

// Why files were skipped, in the catalogue's language: "2 damaged, 1 foreign"; empty when none.
// A reason the catalogue does not know (report.why.REASON, spaces as "_") is written as it is.
std::string skipped_reasons(const std::map<std::string, long long>& skipped,
                            const MessageCatalogue& text);

// A self-contained page: styles inline, charts as inline SVG, no scripts; prints and mails.
std::string report_html(const ResultsReport& report, const MessageCatalogue& text);
// One row per figure: section, scenario, month, dilemma, setting, round, step, item, count,
// total; a hidden count is written as "hidden".
std::string report_csv(const ResultsReport& report, const std::string& language);

}  // namespace deliberate
