// Counting choices across journals, and listing recorded sessions.
#include "deliberate/journal/session_results.hpp"

#include <algorithm>

#include "deliberate/journal/data_folder.hpp"
#include "deliberate/journal/journal.hpp"

namespace deliberate {

namespace fs = std::filesystem;

const DilemmaTally* ChoiceTally::find(std::size_t node) const {
    for (const DilemmaTally& d : dilemmas) {
        if (d.node == node) {
            return &d;
        }
    }
    return nullptr;
}

std::vector<OptionFigure> option_figures(const DilemmaTally& dilemma) {
    std::vector<OptionFigure> figures;
    int hidden_total = 0;
    for (const int count : dilemma.per_option) {
        const bool shown = count >= min_count_shown;
        hidden_total += shown ? 0 : count;
        figures.push_back({shown, count, 0});
    }
    // Complementary hiding: a lone small remainder would follow from total minus the rest.
    while (hidden_total > 0 && hidden_total < min_count_shown) {
        OptionFigure* smallest = nullptr;
        for (OptionFigure& f : figures) {
            if (f.shown && (smallest == nullptr || f.count < smallest->count)) {
                smallest = &f;
            }
        }
        if (smallest == nullptr) {
            break;
        }
        smallest->shown = false;
        hidden_total += smallest->count;
    }
    for (OptionFigure& f : figures) {
        if (!f.shown) {
            f.count = 0;
        } else if (dilemma.reached > 0) {
            f.percent =
                static_cast<int>((200LL * f.count + dilemma.reached) / (2LL * dilemma.reached));
        }
    }
    return figures;
}

ChoiceTally tally_choices(const Scenario& scenario, const std::vector<fs::path>& journals,
                          const fs::path& exclude) {
    ChoiceTally tally;
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
        if (scenario.nodes[n].kind == NodeKind::dilemma) {
            tally.dilemmas.push_back({n, 0, std::vector<int>(scenario.nodes[n].options.size())});
        }
    }
    std::error_code ec;
    for (const fs::path& journal : journals) {
        if (!exclude.empty() && fs::equivalent(journal, exclude, ec)) {
            continue;
        }
        const JournalScan scan = scan_journal(journal);
        // A workshop's branch is a group's, not one participant's choice: not counted here.
        if (!scan.header || scan.header->scenario_id != scenario.id ||
            scan.header->mode == "workshop" || !scan.finished()) {
            continue;
        }
        ++tally.sessions;
        // A dilemma visited twice counts once per session: the first choice made there.
        std::vector<std::size_t> seen;
        for (const JournalEvent& e : scan.events) {
            if (e.type != EventType::choice) {
                continue;
            }
            const auto node = scenario.find_node(e.node);
            if (!node || std::find(seen.begin(), seen.end(), *node) != seen.end()) {
                continue;
            }
            const auto& options = scenario.nodes[*node].options;
            const auto option = std::find_if(options.begin(), options.end(),
                                             [&](const Option& o) { return o.id == e.option; });
            if (option == options.end()) {
                continue;
            }
            seen.push_back(*node);
            for (DilemmaTally& d : tally.dilemmas) {
                if (d.node == *node) {
                    ++d.reached;
                    ++d.per_option[static_cast<std::size_t>(option - options.begin())];
                }
            }
        }
    }
    return tally;
}

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
