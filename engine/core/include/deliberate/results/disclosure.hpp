// The k rule, applied to groups of counts: which figures may be shown so that no count under 5
// can be read, not even by subtracting the shown counts of a group from its shown total.
#pragma once

#include <vector>

#include "deliberate/results/result_facts.hpp"

namespace deliberate {

// A count the k rule hides, as it stands in figures once disclosed (see disclose_report()).
inline constexpr long long hidden_count = -1;

// Which cells of a group may be shown. `cells` are counts of the same people as `total`, each
// counted in at most one cell (options chosen out of the sessions that chose, months out of a
// scenario's sessions); what the cells leave of the total is a further cell that is never shown
// (the sessions that did not skip a step). A cell of 0 is shown: nobody gives no one away, and
// hiding it would hide nothing. A cell of 1 to 4 is hidden. If the hidden cells and the rest
// together come to 1 to 4, each could be worked out from the total and the shown cells, so the
// smallest shown cell is hidden too, again until they come to 0 or 5 and more. A group whose
// total is under 5 (or is itself hidden: `total_shown` false) shows no cell at all.
std::vector<bool> disclose(const std::vector<long long>& cells, long long total,
                           bool total_shown = true);

// The same, on counts in place: a hidden count becomes hidden_count.
void disclose_in_place(const std::vector<long long*>& cells, long long total,
                       bool total_shown = true);

}  // namespace deliberate
