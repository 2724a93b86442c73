// Listing the recorded sessions.
#include "deliberate/journal/session_results.hpp"

#include <algorithm>

#include "deliberate/journal/data_folder.hpp"
#include "deliberate/journal/journal.hpp"

namespace deliberate {

namespace fs = std::filesystem;

std::vector<RecordedSessionInfo> list_recorded_sessions(const fs::path& data) {
    std::vector<RecordedSessionInfo> out;
    for (const fs::path& journal : list_journals(data)) {
        const JournalScan scan = scan_journal(journal);
        if (!scan.header) {
            continue;
        }
        RecordedSessionInfo info;
        info.journal = journal;
        info.scenario_id = scan.header->scenario_id;
        info.scenario_file = scan.header->scenario_file;
        info.language = scan.header->language;
        info.mode = scan.header->mode;
        info.group = scan.header->group;
        info.began = scan.header->time;
        info.last_event = scan.events.empty() ? scan.header->time : scan.events.back().time;
        info.events = scan.events.size();
        info.finished = scan.finished();
        info.resumable = scan.damage.empty();
        out.push_back(std::move(info));
    }
    std::sort(out.begin(), out.end(),
              [](const RecordedSessionInfo& a, const RecordedSessionInfo& b) {
                  return a.last_event > b.last_event;
              });
    return out;
}

}  // namespace deliberate
