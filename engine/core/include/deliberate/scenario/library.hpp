// The scenario library: every scenario file in a folder, loaded and checked, as the launcher
// shows it (cards with title, summary, duration, tags and languages; errors for the broken).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "deliberate/scenario/loader.hpp"
#include "deliberate/scenario/scenario.hpp"
#include "deliberate/support/diagnostic.hpp"

namespace deliberate {

struct LibraryEntry {
    std::filesystem::path file;
    std::shared_ptr<const Scenario> scenario;  // null when the file has errors
    std::vector<Diagnostic> diagnostics;       // errors and warnings

    bool ok() const { return scenario != nullptr; }
};

// The scenario files directly in `folder` (not models/ or schema/), sorted by file name.
std::vector<LibraryEntry> scan_library(const std::filesystem::path& folder,
                                       const LoadOptions& options);

// The folders the launcher lists: the shipped library, then the organisation's own
// (system_scenarios_dir()) when it exists and is another folder.
// The shipped folder, its `cards/` (the ten-minute dilemma cards) when there is one, then the
// system folder.
std::vector<std::filesystem::path> library_folders(const std::filesystem::path& shipped);

// scan_library of each folder in turn: the first folder's files, then the next's.
std::vector<LibraryEntry> scan_libraries(const std::vector<std::filesystem::path>& folders,
                                         const LoadOptions& options);

// Every tag of the loaded entries, each once, sorted.
std::vector<std::string> library_tags(const std::vector<LibraryEntry>& entries);

// Whether an entry matches a search text (case-insensitive, in title, summary, tags and id,
// in `language`) and, when `tag` is not empty, carries that tag.
bool library_matches(const LibraryEntry& entry, const std::string& search, const std::string& tag,
                     const std::string& language);

// The lengths the launcher filters by, in minutes: a dilemma card for the start of a team
// meeting takes 10, a short session 30, a full one 60 or more.
inline constexpr int library_lengths[] = {10, 30, 60};

// Whether an entry takes at most `max_minutes` (0: any length). An entry that gives no
// `duration_minutes`, or a broken file, shows only when any length will do.
bool within_length(const LibraryEntry& entry, int max_minutes);

}  // namespace deliberate
