// How others chose: the results folder and the laptop's own unshared sessions, counted alike.
#include "deliberate/results/others_choices.hpp"

#include <cmath>
#include <fstream>

#include "deliberate/results/disclosure.hpp"
#include "deliberate/workshop/workshop_summary.hpp"

namespace deliberate {

namespace fs = std::filesystem;

void mark_shared(const fs::path& data, const fs::path& journal) {
    std::error_code ec;
    fs::create_directories(data / "shared", ec);
    std::ofstream(data / "shared" / journal.filename());
}

bool was_shared(const fs::path& data, const fs::path& journal) {
    std::error_code ec;
    return fs::exists(data / "shared" / journal.filename(), ec);
}

FactCounts local_facts(const Scenario& scenario, const std::vector<fs::path>& journals,
                       const fs::path& exclude, const fs::path& data) {
    FactCounts facts;
    std::error_code ec;
    for (const fs::path& journal : journals) {
        if ((!exclude.empty() && fs::equivalent(journal, exclude, ec)) ||
            was_shared(data, journal)) {
            continue;
        }
        const auto extract = build_extract(scenario, scan_journal(journal));
        // A workshop's branch is a group's, not one participant's choice.
        if (extract && extract->mode == "practice") {
            add_extract_facts(*extract, facts);
        }
    }
    return facts;
}

ScenarioFigures others_figures(const std::shared_ptr<const Scenario>& scenario,
                               const FactCounts& folder, const FactCounts& local) {
    FactCounts all = folder;
    for (const auto& [key, n] : local) {
        all[key] += n;
    }
    ReportFilter filter;
    filter.scenarios = {scenario->id};
    ResultsReport report = build_report(all, filter, {scenario});
    if (report.scenarios.empty()) {
        ScenarioFigures none;
        none.id = scenario->id;
        none.scenario = scenario;
        return none;
    }
    return std::move(report.scenarios.front());
}

std::string sessions_text(const std::string& setting, long long sessions,
                          const MessageCatalogue& text) {
    if (sessions == hidden_count) {
        return setting.empty() ? text.get("others.sessions_hidden")
                               : text.format("others.under_setting_hidden", {setting});
    }
    const std::string n = std::to_string(sessions);
    return setting.empty() ? text.format("others.sessions", {n})
                           : text.format("others.under_setting", {setting, n});
}

std::string others_text(const ScenarioFigures& figures, const Scenario& scenario,
                        const ResultExtract& own, const MessageCatalogue& text,
                        const std::string& language) {
    std::string out = (figures.practice == hidden_count
                           ? text.get("others.heading_hidden")
                           : text.format("others.heading", {std::to_string(figures.practice)})) +
                      "\n";
    for (const ExtractDilemma& mine : own.dilemmas) {
        const auto n = scenario.find_node(mine.node);
        if (!n) {
            continue;
        }
        const Node& node = scenario.nodes[*n];
        out += "  " + (node.question.empty() ? node.id : node.question.in(language)) + "\n";
        const DilemmaFigures* d = nullptr;
        for (const DilemmaFigures& f : figures.dilemmas) {
            d = f.node == mine.node ? &f : d;
        }
        if (d == nullptr || !count_shown(d->reached)) {
            out += "    " + text.get("others.too_few") + "\n";
            continue;
        }
        for (const SettingFigures& s : d->settings) {
            const std::string setting =
                factor_setting_text(scenario, parse_setting_key(s.setting), language);
            out += "    " + sessions_text(setting, s.sessions, text) +
                   (count_shown(s.sessions) ? ":\n" : "\n");
            if (!count_shown(s.sessions)) {
                continue;
            }
            const bool my_setting = setting_key(mine.factors) == s.setting;
            for (const ReportCount& c : s.options) {
                std::string label = c.id;
                for (const Option& o : node.options) {
                    label = o.id == c.id ? o.label.in(language) : label;
                }
                const std::string figure =
                    count_shown(c.n) || c.n == 0
                        ? std::to_string(std::lround(100.0 * static_cast<double>(c.n) /
                                                     static_cast<double>(s.sessions))) +
                              "% (" + std::to_string(c.n) + ")"
                        : text.get("report.hidden");
                out +=
                    "      " + label + ": " + figure +
                    (my_setting && c.id == mine.choice ? "   <- " + text.get("others.you") : "") +
                    "\n";
            }
        }
    }
    return out;
}

}  // namespace deliberate
