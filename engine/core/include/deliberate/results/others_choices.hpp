// How others chose, for a participant who just finished: the shared extracts in the results
// folder together with the sessions on this laptop that were not shared (a shared one is in
// the folder already), per dilemma and "what if" setting, under the k rule.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "deliberate/results/result_facts.hpp"
#include "deliberate/results/results_report.hpp"

namespace deliberate {

// Marks a journal as shared (DATA/shared/JOURNAL-NAME), so that its session is counted once:
// from the results folder, not again from the laptop.
void mark_shared(const std::filesystem::path& data, const std::filesystem::path& journal);
bool was_shared(const std::filesystem::path& data, const std::filesystem::path& journal);

// The counts of the finished practice sessions of `scenario` among `journals`, leaving out
// `exclude` (the participant's own) and those marked shared in `data`.
FactCounts local_facts(const Scenario& scenario, const std::vector<std::filesystem::path>& journals,
                       const std::filesystem::path& exclude, const std::filesystem::path& data);

// The figures of `scenario` over the folder's counts and the local ones: practice sessions
// only, every month. Empty dilemmas when nobody else played it.
ScenarioFigures others_figures(const std::shared_ptr<const Scenario>& scenario,
                               const FactCounts& folder, const FactCounts& local);

// "6 sessions", "When Value: €25 (6 sessions)", or the same saying the number is not shown.
std::string sessions_text(const std::string& setting, long long sessions,
                          const MessageCatalogue& text);

// The figures as text for the terminal: per dilemma the participant chose at, per setting, the
// share of each option with "you" beside the participant's own; a hidden count (under the k
// rule, results/disclosure.hpp) is "not shown", a dilemma chosen at in fewer than 5 sessions says
// only that.
std::string others_text(const ScenarioFigures& figures, const Scenario& scenario,
                        const ResultExtract& own, const MessageCatalogue& text,
                        const std::string& language);

}  // namespace deliberate
