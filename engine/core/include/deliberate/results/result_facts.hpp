// What the extracts add up to: counts that can be summed file by file, so that a cache can keep
// the sums and a report over thousands of extracts reads only the files that are new. Each
// count is keyed by scenario, month and mode, then what it counts (see fact_key()).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "deliberate/results/extract.hpp"

namespace deliberate {

// No figure is shown for fewer people than this, so that no one can be recognised.
inline constexpr long long min_people_shown = 5;
inline bool count_shown(long long n) {
    return n >= min_people_shown;
}

// What a count counts. Keys are tab-separated: the scope (scenario, month, mode), the kind,
// then the kind's own ids.
enum class FactKind : char {
    sessions = 'S',  // extracts: SCOPE S
    reached = 'R',   // sessions that chose at a dilemma: SCOPE R NODE
    choice = 'C',    // SCOPE C NODE SETTING OPTION
    setting = 'G',   // sessions that chose under a setting: SCOPE G NODE SETTING
    votes = 'V',     // hands: SCOPE V NODE ROUND SETTING OPTION
    voters = 'H',    // hands in all: SCOPE H NODE ROUND SETTING
    answered = 'A',  // SCOPE A NODE STEP
    skipped = 'K',   // SCOPE K NODE STEP
    picked = 'P',    // SCOPE P NODE STEP PICK
    timed = 'N',     // answers with a duration: SCOPE N NODE STEP
    seconds = 'T',   // their seconds summed: SCOPE T NODE STEP
};

// A setting as one id: "amount=high,tender=none"; "" when the scenario has no factors.
std::string setting_key(const ExtractSetting& setting);
ExtractSetting parse_setting_key(const std::string& key);

using FactCounts = std::unordered_map<std::string, long long>;

// Adds one extract's counts.
void add_extract_facts(const ResultExtract& extract, FactCounts& facts);

// A fact key taken apart.
struct Fact {
    std::string scenario, month, mode;
    FactKind kind = FactKind::sessions;
    std::vector<std::string> ids;  // the kind's own ids, in the order above
};
bool parse_fact_key(const std::string& key, Fact& fact);

}  // namespace deliberate
