// The ink-equivalent scenario of the runtime benchmark (see the ink peer's README): knots
// k0..k{N-1}; knot i < N-3 offers choices c = 1..3 that add c-2 to `trust` and go to
// k{min(N-1, i+c)}; the last three knots end the story. The judgement model has a single
// `choice` step, so one engine step is one choice, as in ink.
#pragma once

#include <filesystem>
#include <string>

namespace deliberate::bench {

// Writes DIR/ink-N.json and DIR/models/ink-choice.json; returns the scenario's path.
std::filesystem::path write_ink_scenario(const std::filesystem::path& dir, int knots);

}  // namespace deliberate::bench
