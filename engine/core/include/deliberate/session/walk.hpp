// Random play-throughs of a scenario, for authors: which nodes and options are never reached,
// and which runs get stuck, loop or render a placeholder as nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "deliberate/scenario/scenario.hpp"

namespace deliberate {

// A walk longer than walk_length_limit() node arrivals is taken to be a loop: this many, or
// four arrivals per node in a larger scenario, so a long story is walked to its end. A walk
// that comes back to a node with the same variables and no choice made in between is a loop
// at once, whatever its length.
constexpr std::size_t max_walk_length = 10000;

struct WalkProblem {
    enum class Kind { empty_placeholder, stuck, loop };
    Kind kind = Kind::stuck;
    std::string node_id;  // where it happened
    std::string detail;   // e.g. "{var:mood} (en)"
    int first_run = 0;    // 0-based run that met it first
    int runs = 0;         // how many runs met it
};

const char* walk_problem_kind_name(WalkProblem::Kind k);

std::size_t walk_length_limit(const Scenario& scenario);

struct WalkReport {
    int runs = 0;
    std::size_t nodes_total = 0;
    std::size_t nodes_reached = 0;
    std::size_t options_total = 0;
    std::size_t options_offered = 0;
    std::size_t options_chosen = 0;
    std::vector<std::string> nodes_unreached;        // node ids, in file order
    std::vector<std::string> options_never_offered;  // "node-id/option-id"
    std::vector<std::string> options_never_chosen;   // "node-id/option-id", offered or not
    std::vector<WalkProblem> problems;               // in the order first met

    // Every node reached, every option offered at least once, and no problems. An option
    // offered but never chosen is left to chance and does not count against it.
    bool complete() const {
        return nodes_unreached.empty() && options_never_offered.empty() && problems.empty();
    }
};

// Plays `runs` walks from the start, each choosing at random among the offered options with a
// std::mt19937_64 seeded with `seed`, so the same arguments give the same report. Factor
// values per run r: when all combinations fit in `runs`, run r takes combination r modulo
// their number (mixed radix, first factor fastest); otherwise factor k takes value
// (r + k) mod its value count, so every value appears once there are as many runs as values.
// Every text of each visited node, and each offered option's texts, is rendered in each of
// `languages` (the scenario's languages when empty).
WalkReport random_walks(const Scenario& scenario, int runs, std::uint64_t seed,
                        const std::vector<std::string>& languages);

}  // namespace deliberate
