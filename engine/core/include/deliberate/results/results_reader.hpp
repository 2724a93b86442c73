// Reading the results folder: every valid extract counted, everything else (foreign files,
// damaged or newer-format extracts, duplicates) skipped and counted by reason, never fatal.
// The sums are kept in a SQLite cache beside the data, so a second read opens only the files
// that arrived since; the cache can be deleted at any time and is rebuilt from the extracts.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "deliberate/results/result_facts.hpp"

namespace deliberate {

struct ResultsRead {
    FactCounts facts;
    long long extracts = 0;                    // valid extracts counted
    std::map<std::string, long long> skipped;  // files passed over, by reason
    long long files_opened = 0;  // files read this time (the rest came from the cache)
    bool cache_rebuilt = false;  // the cache was missing, stale or unreadable
    std::string problem;         // the folder cannot be read (then nothing is counted)

    long long skipped_total() const;
};

// Where the cache for `folder` lives: DATA/cache/results-HASH.sqlite.
std::filesystem::path results_cache_path(const std::filesystem::path& data,
                                         const std::filesystem::path& folder);

// Reads `folder`, through the cache at `cache` (none when empty). A file the cache knows is
// trusted while its size and modification time are unchanged; any file changed or gone makes
// the cache start again.
ResultsRead read_results(const std::filesystem::path& folder, const std::filesystem::path& cache);

}  // namespace deliberate
