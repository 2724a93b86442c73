// What a group did with a scenario, from its journal: the path, at each dilemma the hand
// counts of the first and final vote under each factor setting, the branch taken and why,
// the trainer's notes and the ending's discussion questions; exported as a self-contained,
// printable HTML page (charts as inline SVG) and as CSV.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "deliberate/journal/journal.hpp"
#include "deliberate/scenario/scenario.hpp"
#include "deliberate/support/message_catalogue.hpp"

namespace deliberate {

using FactorSetting = std::vector<std::pair<std::string, std::string>>;

struct VoteRecord {
    std::string round;            // "first" or "final"
    FactorSetting factors;        // the factor values it was cast under
    std::vector<int> per_option;  // by option index of the dilemma
    std::vector<int> phones;      // the part of per_option from phones; empty for hands only

    int total() const;
};

// "Value: €250; Tender: running" in `language`, for headings of a setting's votes.
std::string factor_setting_text(const Scenario& scenario, const FactorSetting& setting,
                                const std::string& language);
// `count` of `total` as a whole percentage, "0" when nobody voted.
std::string vote_percent(int count, int total);

// A vote event as a record by option index of `node`; counts of options it lacks are dropped.
VoteRecord vote_record(const Node& node, const JournalEvent& event);
// Adds `vote` to `votes`; a recount (same round and setting) replaces the earlier count.
void add_vote(std::vector<VoteRecord>& votes, VoteRecord vote);
// The vote of `round` from the hand count and the phones' votes added to it, over `options`
// options; the phones' part is kept only when a phone voted.
VoteRecord counted_vote(std::string round, FactorSetting factors, std::vector<int> hands,
                        std::vector<int> phones, std::size_t options);
// Whether `vote` holds votes and differs from `recorded` (null when none was recorded).
bool vote_changed(const VoteRecord& vote, const VoteRecord* recorded);
// The hands of a recorded vote, to count on from: its counts less the phones' part; zeros for
// `options` options when none was recorded.
std::vector<int> hands_of(const VoteRecord* recorded, std::size_t options);

struct DilemmaSummary {
    std::size_t node = no_node;
    // The last vote of each round under each factor setting, in the order first recorded.
    std::vector<VoteRecord> votes;
    std::optional<std::size_t> chosen;
    std::string reason;
    // What the phones answered to model steps: the last record of each step and setting.
    std::vector<JournalEvent> phone_answers;
};

struct WorkshopSummary {
    JournalHeader header;
    std::vector<std::size_t> path;  // every node arrived at, in order
    std::vector<DilemmaSummary> dilemmas;
    std::vector<std::string> notes;
    bool finished = false;
};

// Replays the journal's events against `scenario` (throws ReplayError when they do not fit).
WorkshopSummary summarise_session(std::shared_ptr<const Scenario> scenario,
                                  const JournalScan& scan);

// One row per option per vote: dilemma, factor setting, round, option, label, count, percent,
// chosen, reason. Texts in `language`.
std::string summary_csv(const Scenario& scenario, const WorkshopSummary& summary,
                        const std::string& language);

// The summary page's frame up to and including <body>: language, title, the print styles.
// Other records (an own case's) open their pages with it too.
std::string summary_page_start(const std::string& language, const std::string& title);
// A vote as horizontal bars (inline SVG), one row per label, count and percentage beside it.
std::string vote_bars_svg(const std::vector<std::string>& labels, const VoteRecord& vote);

// A page that needs nothing else: styles inline, bars as SVG, print-friendly.
std::string summary_html(const Scenario& scenario, const WorkshopSummary& summary,
                         const MessageCatalogue& text);

}  // namespace deliberate
