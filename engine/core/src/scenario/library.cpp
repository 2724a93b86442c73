// Scanning the folders of scenarios for the launcher (shipped and the organisation's own), and
// filtering them.
#include "deliberate/scenario/library.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include "deliberate/scenario/resources.hpp"

namespace deliberate {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    // ASCII only: enough for search in Dutch and English, where accented letters are rare in
    // the words people type and compare equal to themselves.
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace

std::vector<LibraryEntry> scan_library(const fs::path& folder, const LoadOptions& options) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; it != end; it.increment(ec)) {
        if (ec) {
            break;
        }
        if (it->is_regular_file(ec) && it->path().extension() == ".json" &&
            sniff_format(it->path()) == FileFormat::scenario) {
            files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<LibraryEntry> entries;
    for (const fs::path& file : files) {
        auto loaded = load_scenario_file(file, options);
        entries.push_back({file, loaded.value, std::move(loaded.diagnostics)});
    }
    return entries;
}

std::vector<fs::path> library_folders(const fs::path& shipped) {
    std::vector<fs::path> folders{shipped};
    std::error_code ec;
    // The dilemma cards after the full scenarios, so that a card never hides a case.
    if (fs::is_directory(shipped / "cards", ec)) {
        folders.push_back(shipped / "cards");
    }
    const fs::path system = system_scenarios_dir();
    if (!system.empty() && fs::is_directory(system, ec) &&
        !(fs::exists(shipped, ec) && fs::equivalent(system, shipped, ec))) {
        folders.push_back(system);
    }
    return folders;
}

std::vector<LibraryEntry> scan_libraries(const std::vector<fs::path>& folders,
                                         const LoadOptions& options) {
    std::vector<LibraryEntry> entries;
    for (const fs::path& folder : folders) {
        auto found = scan_library(folder, options);
        entries.insert(entries.end(), std::make_move_iterator(found.begin()),
                       std::make_move_iterator(found.end()));
    }
    return entries;
}

std::vector<std::string> library_tags(const std::vector<LibraryEntry>& entries) {
    std::vector<std::string> tags;
    for (const LibraryEntry& entry : entries) {
        if (entry.ok()) {
            tags.insert(tags.end(), entry.scenario->tags.begin(), entry.scenario->tags.end());
        }
    }
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    return tags;
}

bool library_matches(const LibraryEntry& entry, const std::string& search, const std::string& tag,
                     const std::string& language) {
    if (!entry.ok()) {
        // A broken file has no tags; it shows only without a tag filter, found by its name.
        return tag.empty() &&
               lower(entry.file.filename().string()).find(lower(search)) != std::string::npos;
    }
    const Scenario& s = *entry.scenario;
    if (!tag.empty() && std::find(s.tags.begin(), s.tags.end(), tag) == s.tags.end()) {
        return false;
    }
    if (search.empty()) {
        return true;
    }
    std::string haystack = s.id + "\n" + s.title.in(language) + "\n" + s.summary.in(language);
    for (const std::string& t : s.tags) {
        haystack += "\n" + t;
    }
    return lower(haystack).find(lower(search)) != std::string::npos;
}

bool within_length(const LibraryEntry& entry, int max_minutes) {
    if (max_minutes <= 0) {
        return true;
    }
    return entry.ok() && entry.scenario->duration_minutes > 0 &&
           entry.scenario->duration_minutes <= max_minutes;
}

}  // namespace deliberate
