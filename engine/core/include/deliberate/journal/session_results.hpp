// How others chose: the choices recorded in the journals of one scenario, counted per
// dilemma and option. Shown to a participant only from a minimum number of sessions on, so
// that no one's choice can be told from the figures.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "deliberate/scenario/scenario.hpp"

namespace deliberate {

// Fewer earlier sessions than this and the figures are not shown.
constexpr int min_sessions_for_results = 5;

struct DilemmaTally {
    std::size_t node = no_node;
    int reached = 0;              // sessions that chose at this dilemma
    std::vector<int> per_option;  // by option index
};

struct ChoiceTally {
    int sessions = 0;                    // journals of this scenario counted
    std::vector<DilemmaTally> dilemmas;  // one per dilemma node, in node order

    const DilemmaTally* find(std::size_t node) const;
    bool shown() const { return sessions >= min_sessions_for_results; }
};

// Counts the first choice at each dilemma in every intact-enough journal of `scenario` among
// `journals`, leaving out `exclude` (the participant's own session).
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
