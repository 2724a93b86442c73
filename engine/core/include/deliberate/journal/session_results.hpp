// The sessions recorded on this computer, as the launcher lists them. (How others chose is
// counted from extracts: results/others_choices.hpp.)
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace deliberate {

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
