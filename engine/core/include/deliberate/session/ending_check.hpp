// Every play of a scenario, under every combination of its factors, to find endings that tell
// the same story whatever the last choice before them was.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "deliberate/scenario/scenario.hpp"

namespace deliberate {

// When a scenario has more plays than this, the check stops and says so.
constexpr std::size_t max_ending_check_plays = 200000;

// Two or more options of one dilemma that record different things (their effects leave the
// variables different) and yet lead, with the same factor settings and the same earlier
// choices, through exactly the same texts to the same ending.
struct EndingProblem {
    std::string ending_id;
    std::string dilemma_id;
    std::vector<std::string> option_ids;  // in the dilemma's order
    std::string factors;                  // e.g. "tender=running, value=low"; empty without
};

struct EndingCheckReport {
    std::size_t plays = 0;   // complete plays from the start to an ending
    bool truncated = false;  // stopped at max_ending_check_plays
    std::vector<EndingProblem> problems;
    bool passed() const { return problems.empty() && !truncated; }
};

// A choice should matter when it is recorded: an option whose effects leave the variables
// different from another option of the same dilemma says the story remembers the
// difference. Such a last choice before an ending must change something the participant
// reads on the way there (a scene, the ending, or a placeholder in them), in every language.
// Earlier choices may lead to a shared ending: the scenes and dilemmas that followed them
// have already told their consequences. Option feedback does not count, since it follows
// every option alike.
EndingCheckReport check_endings(const Scenario& scenario,
                                std::size_t max_plays = max_ending_check_plays);

}  // namespace deliberate
