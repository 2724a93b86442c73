// How others chose: the choices recorded in the journals of one scenario, counted per
// dilemma and option. Shown to a participant only from a minimum number of sessions on, so
// that no one's choice can be told from the figures.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "deliberate/scenario/scenario.hpp"

namespace deliberate {

// Fewer earlier finished sessions than this and the figures are not shown.
constexpr int min_sessions_for_results = 5;
// Fewer choices of one option than this and its count is not shown either: "fewer than 5".
constexpr int min_count_shown = 5;

struct DilemmaTally {
    std::size_t node = no_node;
    int reached = 0;              // sessions that chose at this dilemma
    std::vector<int> per_option;  // by option index
};

// One option's figure as a participant sees it: its count and share of the dilemma's
// choices, or only that fewer than min_count_shown chose it.
struct OptionFigure {
    bool shown = false;
    int count = 0;    // when shown
    int percent = 0;  // when shown: of the sessions that chose at this dilemma
};

// The figures of a dilemma's options. A count under min_count_shown is hidden; when the hidden
// counts together are 1 to 4 (which the shown ones and the total would give away), the
// smallest shown count is hidden too, until they are not.
std::vector<OptionFigure> option_figures(const DilemmaTally& dilemma);

struct ChoiceTally {
    int sessions = 0;                    // finished journals of this scenario counted
    std::vector<DilemmaTally> dilemmas;  // one per dilemma node, in node order

    const DilemmaTally* find(std::size_t node) const;
    bool shown() const { return sessions >= min_sessions_for_results; }
};

// Counts the first choice at each dilemma in every finished journal of `scenario` among
// `journals`, leaving out `exclude` (the participant's own session). An unfinished session
// is not counted: someone who stopped halfway (or is still choosing) would be recognisable.
ChoiceTally tally_choices(const Scenario& scenario,
                          const std::vector<std::filesystem::path>& journals,
                          const std::filesystem::path& exclude);

// A recorded session as the launcher lists it under "Continue where you left off".
struct RecordedSessionInfo {
    std::filesystem::path journal;
    std::string scenario_id;
    std::string scenario_file;
    std::string language;
    std::string mode;
    std::string group;  // a workshop's group label
    std::string began;
    std::string last_event;
    std::size_t events = 0;
    bool finished = false;
    bool resumable = false;  // no damage in the middle and a header
};

// Every journal in the data folder, newest first.
std::vector<RecordedSessionInfo> list_recorded_sessions(const std::filesystem::path& data);

}  // namespace deliberate
