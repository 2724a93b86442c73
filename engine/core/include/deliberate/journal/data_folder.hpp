// Where recorded sessions live: one private folder per user, never the current folder.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace deliberate {

// `flag` (--data) if given, else $DELIBERATE_DATA, else $XDG_DATA_HOME/deliberate, else
// ~/.local/share/deliberate. Throws std::runtime_error when none can be told (no HOME).
std::filesystem::path resolve_data_folder(const std::string& flag);

// A warning when the data folder exists and other users may write in it (group- or
// world-writable), else "". Nothing is changed: the folder may be shared on purpose.
std::string data_folder_warning(const std::filesystem::path& data);

// A new journal's path: DATA/sessions/SCENARIO/YYYYMMDD-HHMMSS-PARTICIPANT.jsonl. Creates the
// folders, owner-only (0700) from the start. Throws std::runtime_error when it cannot.
std::filesystem::path new_journal_path(const std::filesystem::path& data,
                                       const std::string& scenario_id,
                                       const std::string& participant);

// Where a session's summary is exported: DATA/exports/JOURNAL-NAME.EXTENSION, so that a later
// export of the same session replaces the earlier one. Creates the folder, owner-only.
// Throws std::runtime_error when it cannot.
std::filesystem::path export_path(const std::filesystem::path& data,
                                  const std::filesystem::path& journal,
                                  const std::string& extension);

// Every journal in DATA/sessions (of one scenario when `scenario_id` is given), oldest first.
std::vector<std::filesystem::path> list_journals(const std::filesystem::path& data,
                                                 const std::string& scenario_id = "");

}  // namespace deliberate
